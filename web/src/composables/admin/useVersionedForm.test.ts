import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useCreateForm, useVersionedForm } from './useVersionedForm'

interface Rec { id: number, title: string, note: string | null, version: number }
const toForm = (r: Rec) => ({ title: r.title, note: r.note ?? '' })
const conflict = (current: Rec) => new ApiError(412, 'VERSION_CONFLICT', 'changed', 'r-1', { code: 'VERSION_CONFLICT', current })

function setup (save = vi.fn()) {
  const form = useVersionedForm({
    toForm,
    versionOf: (r: Rec) => r.version,
    validate: (v) => (v.title.trim() ? {} : { title: 'admin.validation.required' }),
    save,
  })
  form.load({ id: 1, title: 'Alt', note: null, version: 3 })
  return { form, save }
}

describe('useVersionedForm', () => {
  it('sends only the changed fields with the version they were based on, then shows the saved record', async () => {
    const save = vi.fn().mockResolvedValue({ id: 1, title: 'Alt', note: 'Neu', version: 4 })
    const { form } = setup(save)
    form.draft.value!.note = 'Neu'
    expect(await form.submit()).toBe('saved')
    expect(save).toHaveBeenCalledWith({ note: 'Neu' }, 3, { title: 'Alt', note: 'Neu' })
    expect(form.version.value).toBe(4)
    expect(form.dirty.value).toBe(false)
  })

  it('sends nothing when nothing changed, and nothing when a required field is empty', async () => {
    const { form, save } = setup()
    expect(await form.submit()).toBe('unchanged')
    form.draft.value!.title = ' '
    expect(await form.submit()).toBe('invalid')
    expect(form.fieldErrors.value).toEqual({ title: 'admin.validation.required' })
    expect(save).not.toHaveBeenCalled()
  })

  it('keeps the entries after a 412 and offers the record as saved now', async () => {
    const { form } = setup(vi.fn().mockRejectedValue(conflict({ id: 1, title: 'Von jemand anderem', note: null, version: 5 })))
    form.draft.value!.note = 'Meine Notiz'
    expect(await form.submit()).toBe('conflict')
    expect(form.conflictValues.value).toEqual({ title: 'Von jemand anderem', note: '' })
    expect(form.draft.value).toEqual({ title: 'Alt', note: 'Meine Notiz' })
    expect(form.error.value).toBeNull()
  })

  it('loads the saved values on request, dropping the entries', async () => {
    const { form } = setup(vi.fn().mockRejectedValue(conflict({ id: 1, title: 'Neu', note: null, version: 5 })))
    form.draft.value!.note = 'Meine Notiz'
    await form.submit()
    form.reloadCurrent()
    expect(form.draft.value).toEqual({ title: 'Neu', note: '' })
    expect(form.version.value).toBe(5)
    expect(form.conflict.value).toBeNull()
  })

  it('applies the entries again on top of the saved values and saves against the new version', async () => {
    const save = vi.fn()
      .mockRejectedValueOnce(conflict({ id: 1, title: 'Neu', note: null, version: 5 }))
      .mockResolvedValueOnce({ id: 1, title: 'Neu', note: 'Meine Notiz', version: 6 })
    const { form } = setup(save)
    form.draft.value!.note = 'Meine Notiz'
    await form.submit()
    expect(await form.reapply()).toBe('saved')
    expect(save).toHaveBeenLastCalledWith({ note: 'Meine Notiz' }, 5, { title: 'Neu', note: 'Meine Notiz' })
    expect(form.draft.value).toEqual({ title: 'Neu', note: 'Meine Notiz' })
  })

  it('shows a server error at the field it names', async () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'x', 'r-2', { details: [{ path: '/title', reason: 'too long' }] })
    const { form } = setup(vi.fn().mockRejectedValue(error))
    form.draft.value!.title = 'Lang'
    expect(await form.submit()).toBe('error')
    expect(form.fieldErrors.value).toEqual({ title: 'errors.VALIDATION_FAILED' })
    expect(form.error.value?.requestId).toBe('r-2')
  })
})

describe('useCreateForm', () => {
  it('keeps the created record and explains a refusal', async () => {
    const save = vi.fn().mockResolvedValueOnce({ id: 7 }).mockRejectedValueOnce(new ApiError(409, 'ORGANISATION_NAME_TAKEN', 'x'))
    const form = useCreateForm({ initial: () => ({ name: 'Beirat' }), save })
    expect(await form.submit()).toBe('saved')
    expect(form.created.value).toEqual({ id: 7 })
    expect(await form.submit()).toBe('error')
    expect(form.error.value?.code).toBe('ORGANISATION_NAME_TAKEN')
  })
})
