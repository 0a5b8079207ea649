import { computed, ref, type Ref } from 'vue'
import type { ApiError } from '@/api/http'
import { conflictCurrent, errorField } from '@/lib/admin/errors'
import { errorMessageKey } from '@/lib/error-messages'
import { changedFields, cloneValues, reapplyChanges, type FormValues } from '@/lib/admin/form-diff'
import { toApiError } from '@/stores/load-state'

/** Field name → i18n key of the message shown at that field. */
export type FieldErrors = Partial<Record<string, string>>

export type SubmitOutcome = 'saved' | 'unchanged' | 'invalid' | 'conflict' | 'error'

/** Errors of one form: per field (client checks and the server's `details`), and the server error itself. */
export function useFormErrors () {
  const fieldErrors = ref<FieldErrors>({})
  const error = ref<ApiError | null>(null)

  function clear () {
    fieldErrors.value = {}
    error.value = null
  }

  /** Shows a failed request: at its field when the server names one, and in the form's summary. */
  function fromServer (e: unknown) {
    const apiError = toApiError(e)
    error.value = apiError
    const field = errorField(apiError)
    fieldErrors.value = field ? { [field]: errorMessageKey(apiError) } : {}
  }

  return { fieldErrors, error, clear, fromServer }
}

export interface CreateFormConfig<F extends FormValues, R> {
  initial: () => F
  validate?: (values: F) => FieldErrors
  save: (values: F) => Promise<R>
}

/** A form that creates a record: checks, sends all values, maps errors. */
export function useCreateForm<F extends FormValues, R> (config: CreateFormConfig<F, R>) {
  const draft = ref(config.initial()) as Ref<F>
  /** The record the last successful submit created. */
  const created = ref<R | null>(null) as Ref<R | null>
  const saving = ref(false)
  const { fieldErrors, error, clear, fromServer } = useFormErrors()

  function reset () {
    draft.value = config.initial()
    clear()
  }

  async function submit (): Promise<SubmitOutcome> {
    if (saving.value) return 'unchanged'
    clear()
    const invalid = config.validate?.(draft.value) ?? {}
    if (Object.keys(invalid).length) {
      fieldErrors.value = invalid
      return 'invalid'
    }
    saving.value = true
    try {
      created.value = await config.save(cloneValues(draft.value))
      return 'saved'
    } catch (e) {
      fromServer(e)
      return 'error'
    } finally {
      saving.value = false
    }
  }

  return { draft, created, saving, fieldErrors, error, submit, reset }
}

export interface VersionedFormConfig<F extends FormValues, R> {
  toForm: (record: R) => F
  versionOf: (record: R) => number
  /** Sends the changed fields with the version they are based on; answers with the saved record. */
  save: (changes: Partial<F>, version: number, values: F) => Promise<R>
  validate?: (values: F) => FieldErrors
}

/**
 * A form that edits a versioned record. Only changed fields are sent, with `If-Match`. A 412 keeps
 * the person's entries and offers the values saved now: load them (dropping the entries), or apply
 * the entries again on top of them and save.
 */
export function useVersionedForm<F extends FormValues, R> (config: VersionedFormConfig<F, R>) {
  const original = ref<F | null>(null) as Ref<F | null>
  const draft = ref<F | null>(null) as Ref<F | null>
  const version = ref(0)
  /** The record as saved now, after a 412; null when there is no conflict. */
  const conflict = ref<R | null>(null) as Ref<R | null>
  const saving = ref(false)
  const { fieldErrors, error, clear, fromServer } = useFormErrors()

  const changes = computed<Partial<F>>(() => (original.value && draft.value ? changedFields(original.value, draft.value) : {}))
  const dirty = computed(() => Object.keys(changes.value).length > 0)
  const conflictValues = computed(() => (conflict.value ? config.toForm(conflict.value) : null))

  function load (record: R) {
    original.value = config.toForm(record)
    draft.value = cloneValues(original.value)
    version.value = config.versionOf(record)
    conflict.value = null
    clear()
  }

  async function submit (): Promise<SubmitOutcome> {
    if (!draft.value || saving.value) return 'unchanged'
    clear()
    const invalid = config.validate?.(draft.value) ?? {}
    if (Object.keys(invalid).length) {
      fieldErrors.value = invalid
      return 'invalid'
    }
    if (!dirty.value) return 'unchanged'
    saving.value = true
    try {
      load(await config.save(changes.value, version.value, cloneValues(draft.value)))
      return 'saved'
    } catch (e) {
      const current = conflictCurrent<R>(e)
      if (current) {
        conflict.value = current
        return 'conflict'
      }
      fromServer(e)
      return 'error'
    } finally {
      saving.value = false
    }
  }

  /** After a conflict: show the values saved now; this person's entries are dropped. */
  function reloadCurrent () {
    if (conflict.value) load(conflict.value)
  }

  /** After a conflict: this person's changes over the values saved now, saved against the new version. */
  async function reapply (): Promise<SubmitOutcome> {
    if (!conflict.value || !original.value || !draft.value) return 'unchanged'
    const current = conflict.value
    const merged = reapplyChanges(original.value, draft.value, config.toForm(current))
    load(current)
    draft.value = merged
    return submit()
  }

  return { original, draft, version, conflict, conflictValues, saving, fieldErrors, error, changes, dirty, load, submit, reloadCurrent, reapply }
}


/** What the form frame (FormShell.vue) needs of a create or edit form. */
export interface ShellForm {
  saving: boolean
  fieldErrors: FieldErrors
  error: ApiError | null
  draft: FormValues | null
  original?: FormValues | null
  conflictValues?: FormValues | null
  submit: () => Promise<SubmitOutcome>
  reloadCurrent?: () => void
  reapply?: () => Promise<SubmitOutcome>
}
