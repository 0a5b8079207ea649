import type { CreateOrganisation, Organisation, OrganisationDetail, UpdateOrganisation } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/admin/organisations'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'
import { useOrganisationsStore } from './organisations'

const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name, 'de')

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** The city's responsible bodies, for their own page and as choices in the measure, user and seat forms. */
export const useAdminOrganisationsStore = defineStore('admin-organisations', () => {
  const byCity = ref<Record<string, Organisation[]>>({})
  const details = ref<Record<number, OrganisationDetail>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  async function run (work: () => Promise<void>) {
    status.value = 'loading'
    error.value = null
    try {
      await work()
      status.value = 'idle'
    } catch (e) {
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  const loadCity = (city: string) => run(async () => { byCity.value[city] = (await api.listOrganisations(city)).items.sort(byName) })
  /** The list if it is not there yet (choices in other forms). */
  const ensureCity = async (city: string) => { if (!byCity.value[city]) await loadCity(city) }
  const loadOrganisation = (id: number) => run(async () => { details.value[id] = await api.getOrganisation(id) })

  function stored (o: OrganisationDetail) {
    details.value[o.id] = o
    const list = (byCity.value[o.citySlug] ?? []).filter((x) => x.id !== o.id)
    byCity.value[o.citySlug] = [...list, o].sort(byName)
    // The public pages cache the city's bodies and their pages for the visit.
    const publicStore = useOrganisationsStore()
    delete publicStore.details[o.id]
    delete publicStore.byCity[o.citySlug]
    return o
  }

  const createOrganisation = async (city: string, body: CreateOrganisation) => stored(await api.createOrganisation(city, body))
  const saveOrganisation = async (id: number, body: UpdateOrganisation, version: number) => stored(await api.updateOrganisation(id, body, version))

  async function deleteOrganisation (o: { id: number, citySlug: string, version: number }) {
    await api.deleteOrganisation(o.id, o.version)
    delete details.value[o.id]
    byCity.value[o.citySlug] = (byCity.value[o.citySlug] ?? []).filter((x) => x.id !== o.id)
    const publicStore = useOrganisationsStore()
    delete publicStore.details[o.id]
    delete publicStore.byCity[o.citySlug]
  }

  return { byCity, details, status, error, loadCity, ensureCity, loadOrganisation, createOrganisation, saveOrganisation, deleteOrganisation }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminOrganisationsStore, import.meta.hot))
