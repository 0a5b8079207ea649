import type { CheckEasyRead, EasyReadText, SaveEasyRead } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/brand'
import type { EasyReadTarget } from '@/api/brand'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'
import { usePlansStore } from './plans'

const keyOf = (item: EasyReadText) => item.commitment ?? 'plan'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/**
 * A plan's texts in Leichte Sprache: the checked ones the public page shows, and every text (written or not,
 * checked or not) the office edits. Each load reads the plan too (its commitments' titles head the texts) and
 * starts from nothing, so a failed read never shows an older answer.
 */
export const useEasyReadStore = defineStore('easy-read', () => {
  const published = ref<Record<number, EasyReadText[]>>({})
  const drafts = ref<Record<number, EasyReadText[]>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  const plans = usePlansStore()
  let latest = 0

  async function load (planId: number, into: typeof published, read: (planId: number) => ReturnType<typeof api.getEasyRead>) {
    const request = ++latest
    delete into.value[planId]
    status.value = 'loading'
    error.value = null
    try {
      const [list] = await Promise.all([read(planId), plans.loadPlan(planId)])
      if (request !== latest) return
      into.value[planId] = list.items
      status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  /** The office's copy answered by a write replaces the text it names. */
  function replace (planId: number, saved: EasyReadText) {
    drafts.value[planId] = (drafts.value[planId] ?? []).map((item) => (keyOf(item) === keyOf(saved) ? saved : item))
    return saved
  }

  return {
    published,
    drafts,
    status,
    error,
    /** The checked texts (the public page). */
    loadPublished: (planId: number) => load(planId, published, api.getEasyRead),
    /** Every text of the plan (the office). */
    loadDrafts: (planId: number) => load(planId, drafts, api.getEasyReadDrafts),
    /** Writes a text with the version read; it is unchecked afterwards. Throws the API's error. */
    save: async (planId: number, target: EasyReadTarget, body: SaveEasyRead, version: number) =>
      replace(planId, await api.saveEasyRead(planId, target, body, version)),
    /** Records which review group checked the text (it becomes public). Throws the API's error. */
    check: async (planId: number, target: EasyReadTarget, body: CheckEasyRead, version: number) =>
      replace(planId, await api.checkEasyRead(planId, target, body, version)),
    /** Deletes the text (it goes back to unwritten). Throws the API's error. */
    remove: async (planId: number, target: EasyReadTarget, version: number) =>
      replace(planId, await api.deleteEasyRead(planId, target, version)),
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useEasyReadStore, import.meta.hot))
