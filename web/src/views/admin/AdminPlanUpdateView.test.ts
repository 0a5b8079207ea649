import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { useAdminPlanFilesStore } from '@/stores/admin-plan-files'
import { buildMeasureSummary, buildPlan } from '@/testing/fixtures'
import { mountAdminView } from '@/testing/admin-mount'
import AdminPlanUpdateView from './AdminPlanUpdateView.vue'

const measures = [
  buildMeasureSummary({ id: 11, code: '1.1', titleDe: 'Beratung', titleEn: null, status: 'in_progress' }),
  buildMeasureSummary({ id: 12, code: '1.2', titleDe: 'Kampagne', titleEn: null, status: 'done' }),
  buildMeasureSummary({ id: 13, code: '1.3', titleDe: 'Schulung', titleEn: null, status: 'delayed' }),
]
const state = (planState: 'adopted' | 'draft' = 'adopted') => ({
  'admin-plan': { plans: { 1: buildPlan({ id: 1, state: planState }) } },
  measures: { planMeasures: measures, planMeasuresOf: 1 },
})
const path = '/jena/verwaltung/plaene/1/fortschreibung'

describe('AdminPlanUpdateView', () => {
  it('walks facts, decisions and summary, checking each step, and writes once at the end', async () => {
    const { wrapper, pinia, router } = await mountAdminView(AdminPlanUpdateView, { path, initialState: state() })
    const store = useAdminPlanFilesStore(pinia)
    vi.mocked(store.createSuccessor).mockResolvedValue({ plan: { ...buildPlan({ id: 2, state: 'draft' }) }, measures: [] })
    const heading = () => wrapper.find('h2').text()
    expect(heading()).toContain('Schritt 1 von 3')
    expect(wrapper.find('[aria-current="step"]').text()).toBe('Eckdaten des neuen Plans')
    // The new plan starts the day after the old one ends.
    expect((wrapper.find('#update-periodStart').element as HTMLInputElement).value).toBe('2024-01-01')

    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const summary = wrapper.find('.form-errors').text()
    expect(summary).toContain('Titel (deutsch)')
    expect(summary).toContain('Nummer des Stadtratsbeschlusses')
    expect(heading()).toContain('Schritt 1 von 3')

    await wrapper.find('#update-titleDe').setValue('Aktionsplan 2024–2025')
    await wrapper.find('#update-periodEnd').setValue('2025-12-31')
    await wrapper.find('#update-resolutionNumber').setValue('23/0815-BV')
    await wrapper.find('#update-resolutionDate').setValue('2023-12-06')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(heading()).toContain('Schritt 2 von 3')
    expect(wrapper.findAll('fieldset.decision')).toHaveLength(3)

    await wrapper.find('input[name="update-d1-action"][value="close"]').setValue(true)
    await wrapper.find('input[name="update-d2-action"][value="replace"]').setValue(true)
    await wrapper.find('#update-d2-newCode').setValue('1.1')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const errors = wrapper.find('.form-errors').text()
    expect(errors).toContain('1.2: Abschließender Status: Bitte wählen Sie einen abschließenden Status.')
    expect(errors).toContain('1.3: Nummer der neuen Maßnahme: Diese Nummer hätte im neuen Plan schon eine andere Maßnahme.')
    expect(errors).toContain('1.3: Titel der neuen Maßnahme (deutsch)')

    await wrapper.find('#update-d1-finalStatus').setValue('done')
    await wrapper.find('#update-d2-newCode').setValue('1.3a')
    await wrapper.find('#update-d2-newTitleDe').setValue('Schulungsreihe')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(heading()).toContain('Schritt 3 von 3')
    expect(store.createSuccessor).not.toHaveBeenCalled()
    const text = wrapper.text()
    expect(text).toContain('1 Maßnahme übernommen')
    expect(text).toContain('1 Maßnahme abgeschlossen')
    expect(text).toContain('1 Maßnahme ersetzt')
    expect(text).toContain('wird ersetzt durch 1.3a Schulungsreihe')

    await wrapper.find('.form-actions button.button:not(.button--secondary)').trigger('click')
    await flushPromises()
    expect(store.createSuccessor).toHaveBeenCalledWith('jena', 1, {
      titleDe: 'Aktionsplan 2024–2025', titleEn: null, periodStart: '2024-01-01', periodEnd: '2025-12-31',
      resolutionNumber: '23/0815-BV', resolutionDate: '2023-12-06',
      decisions: [
        { code: '1.1', action: 'carry_over' },
        { code: '1.2', action: 'close', finalStatus: 'done', reason: null },
        { code: '1.3', action: 'replace', reason: null, replacement: { code: '1.3a', titleDe: 'Schulungsreihe', titleEn: null } },
      ],
    })
    // The new draft opens (its page loads lazily).
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/jena/verwaltung/plaene/2'), { timeout: 5000 })
  })

  it('says a draft cannot be updated and offers no form', async () => {
    const { wrapper } = await mountAdminView(AdminPlanUpdateView, { path, initialState: state('draft'), locale: 'en' })
    expect(wrapper.text()).toContain('Only an adopted or closed plan can be updated.')
    expect(wrapper.find('form').exists()).toBe(false)
  })
})
