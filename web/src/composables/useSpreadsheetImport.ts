import { spreadsheetImportMaxBytes } from '@eccar/shared'
import { computed, ref, shallowRef, type Ref } from 'vue'
import type { ApiError } from '@/api/http'
import type { UploadProgress } from '@/api/upload'
import { toApiError } from '@/stores/load-state'

export type ImportPhase = 'idle' | 'uploading' | 'checking' | 'previewed' | 'applying' | 'done' | 'failed'

/** What every import preview has (status updates and indicator values alike). */
export interface ImportPreviewLike {
  rows: ReadonlyArray<{ row: number, errors: readonly { column: string, code: string, message: string }[], stale?: boolean }>
  applicable: number
  errorCount: number
  staleCount?: number
}

export interface SpreadsheetImportConfig<P extends ImportPreviewLike, R> {
  preview: (file: File, onProgress: (p: UploadProgress) => void) => Promise<P>
  apply: (file: File, onProgress: (p: UploadProgress) => void) => Promise<R>
}

/** The preview a refused apply carries in `details` (422), so the table can show why. */
function previewOf<P> (error: ApiError): P | null {
  if (error.status !== 422) return null
  const details = (error.body as { details?: unknown } | null)?.details
  return details && typeof details === 'object' && Array.isArray((details as { rows?: unknown }).rows) ? details as P : null
}

/**
 * Upload → preview → apply all, for one file at a time. The same file goes up twice (preview, then apply):
 * the server keeps nothing between the two, so an apply checks again and refuses what became stale meanwhile.
 */
export function useSpreadsheetImport<P extends ImportPreviewLike, R> (config: SpreadsheetImportConfig<P, R>) {
  const file = shallowRef<File | null>(null)
  const phase = ref<ImportPhase>('idle')
  const progress = ref<UploadProgress | null>(null)
  const preview = shallowRef<P | null>(null) as Ref<P | null>
  const result = shallowRef<R | null>(null) as Ref<R | null>
  const error = shallowRef<ApiError | null>(null)
  /** i18n key of a problem with the chosen file found before sending it. */
  const fileError = ref<string | null>(null)

  const busy = computed(() => phase.value === 'uploading' || phase.value === 'checking' || phase.value === 'applying')
  const canApply = computed(() => {
    const p = preview.value
    return phase.value === 'previewed' && !!p && p.errorCount === 0 && (p.staleCount ?? 0) === 0 && p.applicable > 0
  })

  const onProgress = (next: 'checking') => (p: UploadProgress) => {
    progress.value = p
    // Once every byte is sent the server reads the file: the bar gives way to "checking".
    if (p.total > 0 && p.loaded >= p.total && phase.value === 'uploading') phase.value = next
  }

  function choose (next: File | null) {
    file.value = next
    fileError.value = null
    if (phase.value !== 'uploading' && phase.value !== 'applying') {
      phase.value = 'idle'
      preview.value = null
      result.value = null
      error.value = null
    }
  }

  async function check (): Promise<boolean> {
    if (busy.value) return false
    error.value = null
    result.value = null
    preview.value = null
    if (!file.value) {
      fileError.value = 'spreadsheets.import.noFile'
      return false
    }
    if (file.value.size > spreadsheetImportMaxBytes) {
      fileError.value = 'spreadsheets.import.tooLarge'
      return false
    }
    fileError.value = null
    phase.value = 'uploading'
    progress.value = { loaded: 0, total: file.value.size }
    try {
      preview.value = await config.preview(file.value, onProgress('checking'))
      phase.value = 'previewed'
      return true
    } catch (e) {
      error.value = toApiError(e)
      phase.value = 'failed'
      return false
    }
  }

  async function apply (): Promise<boolean> {
    if (!canApply.value || !file.value) return false
    phase.value = 'applying'
    error.value = null
    try {
      result.value = await config.apply(file.value, () => {})
      phase.value = 'done'
      return true
    } catch (e) {
      const apiError = toApiError(e)
      const refused = previewOf<P>(apiError)
      // Something changed since the preview (usually a stale row): show the new verdict instead. Any other
      // failure leaves the preview as it was, so "apply all" can be tried again.
      if (refused) preview.value = refused
      phase.value = 'previewed'
      error.value = apiError
      return false
    }
  }

  return { file, phase, progress, preview, result, error, fileError, busy, canApply, choose, check, apply }
}
