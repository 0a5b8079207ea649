import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminIncidentsStore } from '@/stores/admin-incidents'
import { mountAdminView } from '@/testing/admin-mount'
import AdminIncidentsView from './AdminIncidentsView.vue'

const period = { periodStart: '2024-01-01', periodEnd: '2024-06-30' }
const table = {
  threshold: 5,
  periods: [{ ...period, counts: [{ kind: 'racism', area: 'work', channel: 'in_person', count: 12 }, { kind: 'racism', area: 'housing', channel: 'in_person', count: 3 }], total: 15 }],
}
const initialState = { 'admin-incidents': { tables: { jena: table } } }
const path = '/jena/verwaltung/fallzahlen'

/** The accessible name of an input named by aria-labelledby: its referenced elements' texts. */
const nameOf = (input: HTMLElement) => (input.getAttribute('aria-labelledby') ?? '').split(' ')
  .map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim()).join(', ')

async function openPeriod (role: 'admin' | 'incidents' = 'incidents', locale: 'de' | 'en' = 'de') {
  const mounted = await mountAdminView(AdminIncidentsView, { path, initialState, role, locale })
  document.body.appendChild(mounted.wrapper.element)
  await mounted.wrapper.find('.incident-periods button').trigger('click')
  await flushPromises()
  return mounted
}

describe('AdminIncidentsView', () => {
  it('explains that saved counts are not public and lists the entered periods', async () => {
    const { wrapper } = await mountAdminView(AdminIncidentsView, { path, initialState, role: 'incidents' })
    expect(wrapper.find('h1').text()).toBe('Fallzahlen der Antidiskriminierungsstelle')
    expect(wrapper.text()).toContain('Gespeicherte Zahlen sind nicht öffentlich.')
    expect(wrapper.find('.incident-periods').text()).toContain('01.01.2024 – 30.06.2024')
    // The office's navigation names its two pages only.
    expect(wrapper.findAll('nav.admin-nav a').map((a) => a.text())).toEqual(['Fallzahlen', 'Veröffentlichungen der Fallzahlen'])
  })

  it('shows one channel at a time, each input named by kind, area and channel, with live totals', async () => {
    const { wrapper } = await openPeriod()
    const tabs = wrapper.findAll('[role="tab"]')
    expect(tabs).toHaveLength(7)
    expect(tabs[0]!.attributes('aria-selected')).toBe('true')
    expect(tabs[0]!.text()).toContain('persönlich (15)')
    const input = wrapper.find('#incidents-2024-01-01_2024-06-30-cell-racism-work-in_person')
    expect((input.element as HTMLInputElement).value).toBe('12')
    expect(nameOf(input.element as HTMLElement)).toBe('Rassismus, Arbeit, persönlich')
    const racismRow = wrapper.findAll('tbody tr')[0]!
    expect(racismRow.find('td.num').text()).toBe('15')

    await input.setValue('20')
    expect(racismRow.find('td.num').text()).toBe('23')
    expect(wrapper.find('tfoot').text()).toContain('23')
    expect(wrapper.find('.incident-grid__overall').text()).toBe('Alle Meldewege zusammen: 23 Fälle.')

    await tabs[0]!.trigger('keydown', { key: 'ArrowRight' })
    expect(wrapper.findAll('[role="tab"]')[1]!.attributes('aria-selected')).toBe('true')
    expect(wrapper.find('caption').text()).toBe('Gemeldete Fälle über den Meldeweg „Telefon“')
    wrapper.unmount()
  })

  it('lists wrong cells in an error summary that leads to them, and saves nothing', async () => {
    const { wrapper, pinia } = await openPeriod()
    await wrapper.find('#incidents-2024-01-01_2024-06-30-cell-gender-education-in_person').setValue('-2')
    await wrapper.find('form.incident-form').trigger('submit')
    await flushPromises()
    const summary = wrapper.find('.form-errors')
    expect(summary.attributes('role')).toBe('alert')
    expect(summary.text()).toContain('1 Feld passt nicht')
    expect(summary.find('a').text()).toBe('Geschlecht, Bildung, persönlich')
    expect(summary.text()).toContain('Bitte eine ganze Zahl ab 0 eingeben')
    expect(wrapper.find('#incidents-2024-01-01_2024-06-30-cell-gender-education-in_person').attributes('aria-invalid')).toBe('true')
    expect(useAdminIncidentsStore(pinia).savePeriod).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('saves the non-zero counts of the period and says they are not public yet', async () => {
    const { wrapper, pinia } = await openPeriod('admin', 'en')
    const store = useAdminIncidentsStore(pinia)
    vi.mocked(store.savePeriod).mockResolvedValue(null)
    await wrapper.find('#incidents-2024-01-01_2024-06-30-cell-racism-housing-in_person').setValue('')
    await wrapper.find('form.incident-form').trigger('submit')
    await flushPromises()
    expect(store.savePeriod).toHaveBeenCalledWith('jena', { ...period, counts: [{ kind: 'racism', area: 'work', channel: 'in_person', count: 12 }] })
    expect(wrapper.find('.form-status').text()).toBe('The counts are saved. They become public only with a release.')
    wrapper.unmount()
  })

  it('explains a refusal of the server', async () => {
    const { wrapper, pinia } = await openPeriod()
    vi.mocked(useAdminIncidentsStore(pinia).savePeriod).mockRejectedValue(new ApiError(409, 'INCIDENT_PERIOD_OVERLAP', 'x'))
    await wrapper.find('form.incident-form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.form-errors').text()).toContain('Der Zeitraum überschneidet sich mit einem schon erfassten Zeitraum.')
    wrapper.unmount()
  })

  it('opens a new half-year, and refuses one that overlaps an entered period', async () => {
    const { wrapper } = await mountAdminView(AdminIncidentsView, { path, initialState, role: 'incidents' })
    await wrapper.find('#incident-new-year').setValue('2024')
    await wrapper.find('input[type="radio"][value="year"]').setValue(true)
    await wrapper.find('form.filters').trigger('submit')
    expect(wrapper.find('#incident-new-error').text()).toContain('überschneidet sich mit dem erfassten Zeitraum 1. Januar 2024 bis 30. Juni 2024')
    await wrapper.find('input[type="radio"][value="secondHalf"]').setValue(true)
    await wrapper.find('form.filters').trigger('submit')
    await flushPromises()
    expect(wrapper.find('form.incident-form h2').text()).toBe('Neuer Zeitraum 1. Juli 2024 bis 31. Dezember 2024')
    expect(wrapper.find('form.incident-form').text()).not.toContain('Zeitraum löschen')
  })
})
