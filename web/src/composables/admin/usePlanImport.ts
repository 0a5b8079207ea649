import { BodyLimits, type PlanImportPreview, type PlanImportResult } from '@eccar/shared'
import { computed, ref, shallowRef } from 'vue'
import type { ApiError } from '@/api/http'
import type { UploadProgress } from '@/api/upload'
import { useAdminPlanFilesStore } from '@/stores/admin-plan-files'
import { toApiError } from '@/stores/load-state'

export type PlanImportPhase = 'idle' | 'uploading' | 'checking' | 'previewed' | 'importing' | 'done' | 'failed'

/** The place in the file and the reason a refused file names (`details[0]`), if the server named one. */
export function fileProblem (error: ApiError | null): { path: string, reason: string } | null {
  const details = (error?.body as { details?: { path?: unknown, reason?: unknown, message?: unknown }[] } | null | undefined)?.details
  const first = Array.isArray(details) ? details[0] : undefined
  if (!first || typeof first.path !== 'string') return null
  const reason = typeof first.reason === 'string' ? first.reason : typeof first.message === 'string' ? first.message : ''
  return { path: first.path || '/', reason }
}

/**
 * Choose a plan file → check it (the server's preview: same checks as the import, nothing written) →
 * import it. The file goes up twice; the server keeps nothing between the two.
 */
export function usePlanImport (city: () => string) {
  const store = useAdminPlanFilesStore()
  const file = shallowRef<File | null>(null)
  const phase = ref<PlanImportPhase>('idle')
  const progress = ref<UploadProgress | null>(null)
  const preview = shallowRef<PlanImportPreview | null>(null)
  const result = shallowRef<PlanImportResult | null>(null)
  const error = shallowRef<ApiError | null>(null)
  /** i18n key of a problem with the chosen file found before sending it. */
  const fileError = ref<string | null>(null)
  const busy = computed(() => ['uploading', 'checking', 'importing'].includes(phase.value))

  const onProgress = (p: UploadProgress) => {
    progress.value = p
    // Once every byte is sent the server reads the file: the bar gives way to "checking".
    if (p.total > 0 && p.loaded >= p.total && phase.value === 'uploading') phase.value = 'checking'
  }

  function choose (next: File | null) {
    if (busy.value) return
    file.value = next
    fileError.value = null
    phase.value = 'idle'
    preview.value = null
    result.value = null
    error.value = null
  }

  async function check (): Promise<boolean> {
    if (busy.value) return false
    error.value = null
    preview.value = null
    result.value = null
    if (!file.value) {
      fileError.value = 'plansAdmin.import.noFile'
      return false
    }
    if (file.value.size > BodyLimits.planImport) {
      fileError.value = 'plansAdmin.import.tooLarge'
      return false
    }
    fileError.value = null
    phase.value = 'uploading'
    progress.value = { loaded: 0, total: file.value.size }
    try {
      preview.value = await store.previewImport(city(), file.value, onProgress)
      phase.value = 'previewed'
      return true
    } catch (e) {
      error.value = toApiError(e)
      phase.value = 'failed'
      return false
    }
  }

  async function apply (): Promise<boolean> {
    if (phase.value !== 'previewed' || !file.value) return false
    phase.value = 'importing'
    error.value = null
    try {
      result.value = await store.importPlan(city(), file.value, () => {})
      phase.value = 'done'
      return true
    } catch (e) {
      error.value = toApiError(e)
      phase.value = 'failed'
      return false
    }
  }

  return { file, phase, progress, preview, result, error, fileError, busy, choose, check, apply }
}
