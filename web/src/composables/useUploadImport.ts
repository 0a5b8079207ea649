import { computed, ref, shallowRef, type Ref } from 'vue'
import type { ApiError } from '@/api/http'
import type { UploadProgress } from '@/api/upload'
import { toApiError } from '@/stores/load-state'

export type ImportPhase = 'idle' | 'uploading' | 'checking' | 'previewed' | 'applying' | 'done' | 'failed'

/** What every spreadsheet preview has (status updates and indicator values alike). */
export interface ImportPreviewLike {
  rows: ReadonlyArray<{ row: number, errors: readonly { column: string, code: string, message: string }[], stale?: boolean }>
  applicable: number
  errorCount: number
  staleCount?: number
}

/** The two requests of an import, both through a store: the preview writes nothing, the apply checks again. */
export interface ImportCalls<P, R> {
  preview: (file: File, onProgress: (p: UploadProgress) => void) => Promise<P>
  apply: (file: File, onProgress: (p: UploadProgress) => void) => Promise<R>
}

export interface UploadImportConfig<P, R> extends ImportCalls<P, R> {
  /** The largest file the server takes, in bytes: a larger one is refused before it is sent. */
  maxBytes: number
  /** i18n keys of the problems found before sending: no file chosen, file too large. */
  messages: { noFile: string, tooLarge: string }
  /** Whether a preview may be applied; without it every preview may. */
  applicable?: (preview: P) => boolean
  /**
   * Given, a failed apply keeps the preview so it can be tried again, replaced by the new verdict this finds in
   * the refusal (a 422 whose rows became stale meanwhile). Absent, a failed apply fails the import.
   */
  previewOfRefusal?: (error: ApiError) => P | null
}

/**
 * Choose a file → check it (upload with progress, then the server reads it; the preview writes nothing) →
 * apply it, for the plan file and the spreadsheets alike. The same file goes up twice: the server keeps nothing
 * between the two, so the apply checks again and refuses what became stale meanwhile.
 */
export function useUploadImport<P, R> (config: UploadImportConfig<P, R>) {
  const file = shallowRef<File | null>(null)
  const phase = ref<ImportPhase>('idle')
  const progress = ref<UploadProgress | null>(null)
  const preview = shallowRef<P | null>(null) as Ref<P | null>
  const result = shallowRef<R | null>(null) as Ref<R | null>
  const error = shallowRef<ApiError | null>(null)
  /** i18n key of a problem with the chosen file found before sending it. */
  const fileError = ref<string | null>(null)

  const busy = computed(() => phase.value === 'uploading' || phase.value === 'checking' || phase.value === 'applying')
  const canApply = computed(() => phase.value === 'previewed' && !!preview.value && (config.applicable?.(preview.value) ?? true))

  const onProgress = (p: UploadProgress) => {
    progress.value = p
    // Once every byte is sent the server reads the file: the bar gives way to "checking".
    if (p.total > 0 && p.loaded >= p.total && phase.value === 'uploading') phase.value = 'checking'
  }

  /** A new file starts over; while a request runs the choice waits (the answer belongs to the file sent). */
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
    result.value = null
    preview.value = null
    if (!file.value) {
      fileError.value = config.messages.noFile
      return false
    }
    if (file.value.size > config.maxBytes) {
      fileError.value = config.messages.tooLarge
      return false
    }
    fileError.value = null
    phase.value = 'uploading'
    progress.value = { loaded: 0, total: file.value.size }
    try {
      preview.value = await config.preview(file.value, onProgress)
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
      error.value = apiError
      if (!config.previewOfRefusal) {
        phase.value = 'failed'
        return false
      }
      const refused = config.previewOfRefusal(apiError)
      if (refused) preview.value = refused
      phase.value = 'previewed'
      return false
    }
  }

  return { file, phase, progress, preview, result, error, fileError, busy, canApply, choose, check, apply }
}
