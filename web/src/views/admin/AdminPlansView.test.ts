import type { PlanSummary } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminPlanFilesStore } from '@/stores/admin-plan-files'
import { buildPlan } from '@/testing/fixtures'
import { mountAdminView } from '@/testing/admin-mount'
import AdminPlansView from './AdminPlansView.vue'

const summary = (overrides: Partial<PlanSummary>): PlanSummary => {
  const { introDe: _i, introEn: _e, commitments: _c, ...plan } = buildPlan()
  return { ...plan, ...overrides }
}
const plans = [
  summary({ id: 1, titleDe: 'Aktionsplan 2022–2023', state: 'adopted', version: 4 }),
  summary({ id: 2, titleDe: 'Entwurf 2024', periodStart: '2024-01-01', periodEnd: '2025-12-31', state: 'draft', measureCount: 0, version: 1 }),
]
const initialState = { 'admin-plan': { cityPlans: { jena: plans } } }

describe('AdminPlansView', () => {
  it('offers per plan what its state allows, newest first, and the plan file of each', async () => {
    const { wrapper } = await mountAdminView(AdminPlansView, { path: '/jena/verwaltung/plaene', initialState })
    const rows = wrapper.findAll('tbody tr')
    expect(rows[0]!.text()).toContain('Entwurf 2024')
    expect(rows[0]!.find('button[aria-label="„Entwurf 2024“ als beschlossen kennzeichnen"]').exists()).toBe(true)
    expect(rows[0]!.find('button[aria-label="Entwurf „Entwurf 2024“ löschen"]').exists()).toBe(true)
    expect(rows[0]!.text()).not.toContain('Fortschreiben')
    expect(rows[1]!.find('button[aria-label="„Aktionsplan 2022–2023“ abschließen"]').exists()).toBe(true)
    expect(rows[1]!.find('a[aria-label="„Aktionsplan 2022–2023“ fortschreiben"]').attributes('href')).toBe('/jena/verwaltung/plaene/1/fortschreibung')
    expect(rows[1]!.find('a[download]').attributes('href')).toBe('/api/plans/1/export')
  })

  it('deletes a draft only after the question, and says so', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminPlansView, { path: '/jena/verwaltung/plaene', initialState, locale: 'en' })
    const store = useAdminPlanFilesStore(pinia)
    await wrapper.find('button[aria-label="Delete the draft “Entwurf 2024”"]').trigger('click')
    expect(store.deletePlan).not.toHaveBeenCalled()
    expect(wrapper.find('.confirm').text()).toContain('Delete the draft “Entwurf 2024” with all its measures?')
    await wrapper.find('.confirm button.button--danger').trigger('click')
    await flushPromises()
    expect(store.deletePlan).toHaveBeenCalledWith(plans[1])
    expect(wrapper.find('[role="status"]').text()).toBe('The draft “Entwurf 2024” has been deleted.')
  })

  it('explains a refused state change in words', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminPlansView, { path: '/jena/verwaltung/plaene', initialState })
    vi.mocked(useAdminPlanFilesStore(pinia).changeState).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'x'))
    await wrapper.find('button[aria-label="„Aktionsplan 2022–2023“ abschließen"]').trigger('click')
    await wrapper.find('.confirm button.button--danger').trigger('click')
    await flushPromises()
    expect(useAdminPlanFilesStore(pinia).changeState).toHaveBeenCalledWith(plans[0], 'closed')
    expect(wrapper.find('[role="alert"]').exists()).toBe(true)
  })

  it('names missing fields of a new plan before sending, then creates the draft with the predecessor chosen', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminPlansView, { path: '/jena/verwaltung/plaene', initialState })
    const store = useAdminPlanFilesStore(pinia)
    vi.mocked(store.createPlan).mockResolvedValue(buildPlan({ id: 3, titleDe: 'Aktionsplan 2026', state: 'draft' }))
    await wrapper.find('.form-actions button.button').trigger('click')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.form-errors').text()).toContain('Titel (deutsch): Bitte füllen Sie dieses Feld aus.')
    expect(store.createPlan).not.toHaveBeenCalled()
    await wrapper.find('#new-plan-titleDe').setValue('Aktionsplan 2026')
    await wrapper.find('#new-plan-periodStart').setValue('2026-01-01')
    await wrapper.find('#new-plan-periodEnd').setValue('2027-12-31')
    await wrapper.find('#new-plan-predecessorId').setValue('1')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.createPlan).toHaveBeenCalledWith('jena', {
      titleDe: 'Aktionsplan 2026', titleEn: null, periodStart: '2026-01-01', periodEnd: '2027-12-31', resolutionNumber: null, resolutionDate: null, predecessorId: 1,
    })
    expect(wrapper.find('[role="status"]').text()).toBe('Der Plan „Aktionsplan 2026“ ist als Entwurf angelegt.')
  })
})
