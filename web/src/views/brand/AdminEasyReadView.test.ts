import type { EasyReadText } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import * as api from '@/api/brand'
import { ApiError } from '@/api/http'
import { mountAdminView } from '@/testing/admin-mount'
import AdminEasyReadView from './AdminEasyReadView.vue'

vi.mock('@/api/brand')

const unwritten = (commitment: number | null): EasyReadText => ({ commitment, body: '', checkedBy: null, checkedAt: null, updatedAt: null, version: 1 })
const planText: EasyReadText = {
  commitment: null, body: 'Jena hat einen Plan.', checkedBy: 'Prüfgruppe', checkedAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z', version: 2,
}

async function mountView (locale: 'de' | 'en' = 'de') {
  vi.mocked(api.getEasyReadDrafts).mockResolvedValue({ planId: 1, items: [planText, ...Array.from({ length: 10 }, (_, i) => unwritten(i + 1))] })
  vi.mocked(api.deleteEasyRead).mockReset()
  const { wrapper } = await mountAdminView(AdminEasyReadView, { path: '/jena/verwaltung/plaene/1/leichte-sprache', locale, role: 'editor', realStores: ['easy-read'] })
  await flushPromises()
  return wrapper
}

describe('AdminEasyReadView: deleting a text', () => {
  it('offers deletion only for written texts and asks once more; cancelling sends nothing', async () => {
    const wrapper = await mountView()
    expect(wrapper.find('#er-plan-delete').attributes('aria-label')).toBe('Text löschen: Text zum ganzen Plan')
    expect(wrapper.find('#er-1-delete').exists()).toBe(false)
    await wrapper.find('#er-plan-delete').trigger('click')
    expect(wrapper.find('.confirm').text()).toContain('„Text zum ganzen Plan“ in Leichter Sprache löschen?')
    await wrapper.findAll('.confirm button')[1]!.trigger('click')
    expect(wrapper.find('.confirm').exists()).toBe(false)
    expect(api.deleteEasyRead).not.toHaveBeenCalled()
  })

  it('deletes with the version read, empties the field and says so; in English too', async () => {
    const wrapper = await mountView('en')
    vi.mocked(api.deleteEasyRead).mockResolvedValue({ ...unwritten(null), version: 3 })
    await wrapper.find('#er-plan-delete').trigger('click')
    await wrapper.find('.confirm .button--danger').trigger('click')
    await flushPromises()
    expect(api.deleteEasyRead).toHaveBeenCalledWith(1, 'plan', 2)
    expect((wrapper.find('#er-plan-body').element as HTMLTextAreaElement).value).toBe('')
    expect(wrapper.find('#er-plan-state').text()).toBe('No text yet.')
    expect(wrapper.text()).toContain('The text is deleted.')
    expect(wrapper.find('#er-plan-delete').exists()).toBe(false)
    expect(wrapper.find('#er-plan-reviewer').exists()).toBe(false)
  })

  it('shows a refused deletion (someone changed the text meanwhile) and keeps the text', async () => {
    const wrapper = await mountView()
    vi.mocked(api.deleteEasyRead).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'stale'))
    await wrapper.find('#er-plan-delete').trigger('click')
    await wrapper.find('.confirm .button--danger').trigger('click')
    await flushPromises()
    expect(wrapper.find('.form-errors').exists()).toBe(true)
    expect((wrapper.find('#er-plan-body').element as HTMLTextAreaElement).value).toBe('Jena hat einen Plan.')
    expect(wrapper.find('#er-plan-delete').exists()).toBe(true)
  })
})
