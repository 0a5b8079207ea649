import type { PlanImportPreview } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminPlanFilesStore } from '@/stores/admin-plan-files'
import { buildPlan } from '@/testing/fixtures'
import { mountAdminView } from '@/testing/admin-mount'
import AdminPlanImportView from './AdminPlanImportView.vue'

const path = '/jena/verwaltung/plaene/einlesen'
const planFile = () => new File(['{"format":"eccar-action-plan"}'], 'plan.json', { type: 'application/json' })
const preview: PlanImportPreview = {
  plan: { titleDe: 'Aktionsplan Musterstadt', periodStart: '2024-01-01', periodEnd: '2025-12-31', state: 'draft', resolutionNumber: null },
  measures: [
    { code: '1.1', titleDe: 'Kampagne', titleEn: null, primaryCommitment: 1, status: 'planned' },
    { code: '2.1', titleDe: 'Beratung', titleEn: null, primaryCommitment: 2, status: 'in_progress' },
  ],
  measuresPerCommitment: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  organisations: [{ name: 'Amt für Integration', kind: 'municipal_unit', known: true }, { name: 'Verein Vielfalt', kind: 'civil_society', known: false }],
  organisationsCreated: 1,
  organisationsReused: 1,
  statusEntries: 3,
}

async function choose (wrapper: Awaited<ReturnType<typeof mountAdminView>>['wrapper']) {
  const input = wrapper.find('#plan-file')
  Object.defineProperty(input.element, 'files', { value: [planFile()], configurable: true })
  await input.trigger('change')
}

describe('AdminPlanImportView', () => {
  it('shows what the file would create before anything is written, then imports it', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminPlanImportView, { path })
    const store = useAdminPlanFilesStore(pinia)
    vi.mocked(store.previewImport).mockResolvedValue(preview)
    const { introDe: _i, introEn: _e, commitments: _c, ...plan } = buildPlan({ id: 5, titleDe: 'Aktionsplan Musterstadt', state: 'draft' })
    vi.mocked(store.importPlan).mockResolvedValue({ plan, measures: 2, organisationsCreated: 1, organisationsReused: 1 })
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('#plan-file-error').text()).toBe('Bitte wählen Sie zuerst eine Datei.')
    expect(store.previewImport).not.toHaveBeenCalled()

    await choose(wrapper)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.previewImport).toHaveBeenCalledWith('jena', expect.any(File), expect.any(Function))
    expect(store.importPlan).not.toHaveBeenCalled()
    const section = wrapper.find('section[aria-labelledby="plan-preview-heading"]')
    expect(section.text()).toContain('Aktionsplan Musterstadt')
    expect(section.text()).toContain('Verein Vielfalt')
    expect(section.text()).toContain('wird angelegt')
    expect(section.text()).toContain('schon vorhanden')

    await section.find('button').trigger('click')
    await flushPromises()
    expect(store.importPlan).toHaveBeenCalledTimes(1)
    const done = wrapper.find('[role="status"]')
    expect(done.text()).toContain('Der Plan „Aktionsplan Musterstadt“ ist angelegt: 2 Maßnahmen, 1 neue und 1 vorhandene Stellen.')
    expect(done.find('a').attributes('href')).toBe('/jena/verwaltung/plaene/5')
  })

  it('names the place in the file the server refuses', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminPlanImportView, { path, locale: 'en' })
    vi.mocked(useAdminPlanFilesStore(pinia).previewImport).mockRejectedValue(new ApiError(400, 'PLAN_FILE_INVALID', 'x', undefined, {
      code: 'PLAN_FILE_INVALID', details: [{ path: '/measures/3/leadOrganisation', reason: 'names "Amt", which is not in /organisations' }],
    }))
    await choose(wrapper)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const alert = wrapper.find('.form-errors')
    expect(alert.text()).toContain('The file cannot be imported as it is.')
    expect(alert.find('code').text()).toBe('/measures/3/leadOrganisation')
    expect(alert.text()).toContain('which is not in /organisations')
    expect(wrapper.find('section[aria-labelledby="plan-preview-heading"]').exists()).toBe(false)
  })
})
