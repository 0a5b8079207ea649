import type { MeasureDetail, Me, OrganisationRef, StatusEntry } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import * as api from '@/api/measures'
import { useMeasuresStore } from '@/stores/measures'
import { buildMeasureSummary } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import StatusUpdateForm from './StatusUpdateForm.vue'

vi.mock('@/api/measures')
// The administration's routes are not needed here.
vi.mock('@/router/admin', () => ({ adminRoutes: [] }))

const ads = { id: 5, name: 'Antidiskriminierungsstelle', nameEn: 'Anti-discrimination office' }
const counselling = { id: 26, name: 'Beratungsstellen', nameEn: null }
const entry = (id: number, date: string, overrides: Partial<StatusEntry> = {}): StatusEntry => ({
  id, date, fromStatus: null, status: 'in_progress', fromProgress: null, progress: 50, noteDe: null, noteEn: null, reason: null,
  evidenceLinks: [], organisation: ads, recordedAt: `${date}T10:00:00.000Z`, ...overrides,
})
const buildDetail = (overrides: Partial<MeasureDetail> = {}): MeasureDetail => ({
  ...buildMeasureSummary({ status: 'in_progress', progress: 50, version: 3, involvedOrganisations: [counselling] }),
  citySlug: 'jena', planTitleDe: 'Plan', planTitleEn: null, descriptionDe: null, descriptionEn: null, recurrenceOn: null,
  timeframeNoteDe: null, timeframeNoteEn: null, fundingNoteDe: null, fundingNoteEn: null, goodPractice: false, goodPracticeDescriptionDe: null, goodPracticeDescriptionEn: null, statusReason: null,
  relatedMeasures: [], referencedBy: [], exampleActions: [], statusHistory: [entry(1, '2021-07-01')], statusHistoryTotal: 1, statusHistoryNext: null, origin: 'plan', predecessor: null,
  ...overrides,
} as MeasureDetail)
const user = (organisations: OrganisationRef[] = [ads]): Me => ({
  id: 2, email: 'editor@jena.example', displayName: 'Eda', isPlatformAdmin: false,
  memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'editor', organisations }],
})

function mountForm (measure = buildDetail(), me = user(), locale: 'de' | 'en' = 'de') {
  const { wrapper } = mountWithApp(StatusUpdateForm, {
    props: { measure },
    locale,
    initialState: { session: { user: me, loaded: true } },
    attachTo: document.body,
    realStores: ['measures'],
  })
  return wrapper
}

beforeEach(() => vi.resetAllMocks())

describe('StatusUpdateForm', () => {
  it('starts from the measure\'s status and progress, with every field labelled', () => {
    const wrapper = mountForm()
    expect((wrapper.get('#status-status').element as HTMLSelectElement).value).toBe('in_progress')
    expect((wrapper.get('#status-progress').element as HTMLInputElement).value).toBe('50')
    for (const id of ['status-status', 'status-progress', 'status-date', 'status-noteDe', 'status-noteEn']) {
      expect(wrapper.find(`label[for="${id}"]`).exists(), id).toBe(true)
    }
    expect(wrapper.get('#status-noteEn').attributes('lang')).toBe('en')
    // One of the editor's bodies is on the measure: named, not chosen.
    expect(wrapper.find('#status-organisationId').exists()).toBe(false)
    expect(wrapper.text()).toContain('Meldende Stelle: Antidiskriminierungsstelle')
    wrapper.unmount()
  })

  it('shows and requires the reason only for delayed, dropped and exam_done_no', async () => {
    const wrapper = mountForm()
    expect(wrapper.find('#status-reason').exists()).toBe(false)
    await wrapper.get('#status-status').setValue('delayed')
    expect(wrapper.find('#status-reason').exists()).toBe(true)
    expect(wrapper.text()).toContain('Bei „verzögert“ ist eine Begründung nötig.')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.addStatusUpdate).not.toHaveBeenCalled()
    const summary = wrapper.get('.form-errors')
    expect(summary.attributes('role')).toBe('alert')
    expect(summary.text()).toContain('Für diesen Status ist eine Begründung nötig.')
    expect(wrapper.get('#status-reason').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#status-reason').attributes('aria-describedby')).toContain('status-reason-error')
    // Typing the reason clears the message.
    await wrapper.get('#status-reason').setValue('Personal fehlt')
    expect(wrapper.find('#status-reason-error').exists()).toBe(false)
    wrapper.unmount()
  })

  it('moves focus to the error summary and scrolls it into view after the first failed save', async () => {
    const scrolled = vi.fn()
    const original = Element.prototype.scrollIntoView
    Element.prototype.scrollIntoView = scrolled
    try {
      const wrapper = mountForm()
      await wrapper.get('#status-status').setValue('delayed')
      ;(wrapper.get('button[type="submit"]').element as HTMLButtonElement).focus()
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      expect(document.activeElement).toBe(wrapper.get('.form-errors').element)
      expect(scrolled).toHaveBeenCalled()
      wrapper.unmount()
    } finally {
      Element.prototype.scrollIntoView = original
    }
  })

  it('refuses progress out of range, a future date and links that are not https', async () => {
    const wrapper = mountForm()
    await wrapper.get('#status-progress').setValue('120')
    await wrapper.get('#status-date').setValue('2999-01-01')
    await wrapper.get('#status-add-link').trigger('click')
    await wrapper.get('#status-evidenceLinks-0-url').setValue('http://jena.de')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.addStatusUpdate).not.toHaveBeenCalled()
    const text = wrapper.get('.form-errors').text()
    expect(text).toContain('ganze Zahl von 0 bis 100')
    expect(text).toContain('nicht in der Zukunft')
    expect(text).toContain('mit https:// beginnt')
    wrapper.unmount()
  })

  it('adds and removes evidence rows', async () => {
    const wrapper = mountForm()
    await wrapper.get('#status-add-link').trigger('click')
    await wrapper.get('#status-add-link').trigger('click')
    expect(wrapper.findAll('.evidence-row')).toHaveLength(2)
    expect(wrapper.find('label[for="status-evidenceLinks-1-url"]').text()).toBe('Adresse von Beleg 2')
    await wrapper.get('.evidence-row__remove').trigger('click')
    expect(wrapper.findAll('.evidence-row')).toHaveLength(1)
    wrapper.unmount()
  })

  it('saves the report with the version it was based on, and puts the new measure on the page', async () => {
    const updated = buildDetail({ version: 4, statusHistory: [entry(1, '2021-07-01'), entry(9, '2024-06-01')] })
    vi.mocked(api.addStatusUpdate).mockResolvedValue({ entry: updated.statusHistory[1]!, measure: updated })
    const wrapper = mountForm()
    await wrapper.get('#status-noteDe').setValue('  Erste Fälle dokumentiert  ')
    await wrapper.get('#status-add-link').trigger('click')
    await wrapper.get('#status-evidenceLinks-0-url').setValue('https://jena.de/bericht')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.addStatusUpdate).toHaveBeenCalledWith(1, expect.objectContaining({
      status: 'in_progress', progress: 50, noteDe: 'Erste Fälle dokumentiert', evidenceLinks: [{ url: 'https://jena.de/bericht' }], organisationId: 5, version: 3,
    }), 3)
    expect(useMeasuresStore().details[1]).toEqual(updated)
    expect(wrapper.text()).toContain('Die Meldung ist gespeichert')
    // The form starts over for the next report.
    expect((wrapper.get('#status-noteDe').element as HTMLTextAreaElement).value).toBe('')
    wrapper.unmount()
  })

  it('lets an editor acting for several bodies choose the reporting one', async () => {
    const wrapper = mountForm(buildDetail(), user([ads, counselling]))
    const select = wrapper.get('#status-organisationId')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Antidiskriminierungsstelle', 'Beratungsstellen'])
    wrapper.unmount()
  })

  it('explains a conflict, then re-applies the report on top of the current version', async () => {
    const current = buildDetail({
      version: 4, status: 'delayed', progress: 40, statusReason: 'Stelle unbesetzt',
      statusHistory: [entry(1, '2021-07-01'), entry(7, '2024-05-02', { status: 'delayed', progress: 40, reason: 'Stelle unbesetzt', organisation: counselling })],
    })
    const after = buildDetail({ version: 5, statusHistory: [...current.statusHistory, entry(8, '2024-06-01')] })
    vi.mocked(api.addStatusUpdate)
      .mockRejectedValueOnce(new ApiError(412, 'VERSION_CONFLICT', 'changed', 'r', { code: 'VERSION_CONFLICT', current }))
      .mockResolvedValueOnce({ entry: after.statusHistory[2]!, measure: after })
    const wrapper = mountForm()
    await wrapper.get('#status-noteDe').setValue('Meine Notiz')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    const conflict = wrapper.get('.ws-conflict')
    expect(conflict.get('h3').text()).toBe('Die Maßnahme wurde inzwischen geändert')
    expect(document.activeElement?.id).toBe('conflict-heading')
    const rows = conflict.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' ')))
    expect(rows).toEqual([['Status', 'in Umsetzung', 'verzögert'], ['Fortschritt', '50 %', '40 %'], ['Begründung', 'keine', 'Stelle unbesetzt']])
    expect(conflict.text()).toContain('Seitdem ist 1 neuer Eintrag im Statusverlauf.')
    expect(conflict.text()).toContain('2. Mai 2024, gemeldet von Beratungsstellen')
    expect(useMeasuresStore().details[1]).toEqual(current)

    await conflict.findAll('button')[0]!.trigger('click')
    await flushPromises()
    expect(api.addStatusUpdate).toHaveBeenLastCalledWith(1, expect.objectContaining({ noteDe: 'Meine Notiz', version: 4 }), 4)
    expect(wrapper.find('.ws-conflict').exists()).toBe(false)
    expect(wrapper.text()).toContain('Die Meldung ist gespeichert')
    wrapper.unmount()
  })

  it('discards the report and shows the current state', async () => {
    const current = buildDetail({ version: 4, status: 'done', progress: 100 })
    vi.mocked(api.addStatusUpdate).mockRejectedValueOnce(new ApiError(412, 'VERSION_CONFLICT', 'changed', 'r', { current }))
    const wrapper = mountForm()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Seitdem ist kein neuer Eintrag im Statusverlauf.')
    await wrapper.get('.ws-conflict').findAll('button')[1]!.trigger('click')
    await flushPromises()
    expect(wrapper.find('.ws-conflict').exists()).toBe(false)
    expect((wrapper.get('#status-status').element as HTMLSelectElement).value).toBe('done')
    expect((wrapper.get('#status-progress').element as HTMLInputElement).value).toBe('100')
    wrapper.unmount()
  })

  it('shows a refusal of the server at its field, and an ended session with a way to sign in', async () => {
    vi.mocked(api.addStatusUpdate)
      .mockRejectedValueOnce(new ApiError(400, 'STATUS_DATE_IN_FUTURE', 'future', 'r', {}))
      .mockRejectedValueOnce(new ApiError(401, 'AUTHENTICATION_REQUIRED', 'Sign in', 'r', {}))
    const wrapper = mountForm()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#status-date-error').text()).toContain('nicht in der Zukunft')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('.form-errors').text()).toContain('Ihre Anmeldung ist abgelaufen')
    expect(wrapper.find('a[href^="/anmelden"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('speaks English', () => {
    const wrapper = mountForm(buildDetail(), user(), 'en')
    expect(wrapper.get('h2').text()).toBe('Report the status')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Save report')
    wrapper.unmount()
  })
})
