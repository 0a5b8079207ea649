import { discriminationKinds, lifeAreas, type PublicIncidentRelease, type PublicIncidentReleaseRef, type PublicIncidents } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import IncidentsSection from './IncidentsSection.vue'

const older: PublicIncidentReleaseRef = { id: 3, periodStart: '2023-07-01', periodEnd: '2023-12-31', version: 1, publishedAt: '2024-02-01T09:00:00.000Z' }
const newest: PublicIncidentReleaseRef = { id: 7, periodStart: '2024-01-01', periodEnd: '2024-06-30', version: 2, publishedAt: '2024-09-15T09:00:00.000Z' }
const byKind: Partial<Record<(typeof discriminationKinds)[number], number | null>> = { racism: 12, antisemitism: null, gender: 6, age: null }
const figure = (count: number | null) => ({ count, suppressed: count === null, reason: count === null ? 'protected' as const : null })

function release (ref: PublicIncidentReleaseRef, threshold = 5): PublicIncidentRelease {
  return {
    ...ref,
    threshold,
    views: [
      { view: 'total', published: true, figures: [figure(25)] },
      { view: 'kind', published: true, figures: discriminationKinds.map((kind) => ({ kind, ...figure(kind in byKind ? byKind[kind]! : 0) })) },
      { view: 'area', published: true, figures: lifeAreas.map((area) => ({ area, ...figure(area === 'work' ? 25 : 0) })) },
      { view: 'area,channel', published: false, figures: [] },
    ],
  }
}
const answer = (threshold = 5): PublicIncidents => ({ releases: [older, newest], release: release(newest, threshold) })

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

afterEach(() => vi.unstubAllGlobals())

describe('IncidentsSection', () => {
  it('shows the newest published release by kind, withheld figures with a neutral mark, the correction and the footnote', async () => {
    const fetchMock = vi.fn((_url: string) => Promise.resolve(json(answer())))
    vi.stubGlobal('fetch', fetchMock)
    const { wrapper } = mountWithApp(IncidentsSection, { realActions: true, props: { city: 'jena' } })
    await flushPromises()

    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/cities/jena/incidents/public')
    expect(wrapper.find('caption').text()).toBe('Gemeldete Vorfälle nach Art der Diskriminierung (1. Januar 2024 bis 30. Juni 2024)')
    expect(wrapper.find('#incidents-summary').text())
      .toBe('Im Zeitraum 1. Januar 2024 bis 30. Juni 2024 wurden der Antidiskriminierungsstelle 25 Vorfälle gemeldet. Am häufigsten ging es um Rassismus (12).')
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((cell) => cell.text()))
    expect(rows.slice(0, 4)).toEqual([['Rassismus', '12'], ['Antisemitismus', '–'], ['Religion oder Weltanschauung', '0'], ['Geschlecht', '6']])
    expect(wrapper.findAll('tbody abbr')).toHaveLength(2)
    expect(wrapper.find('tfoot').text()).toContain('25')
    expect(wrapper.text()).toContain('Fassung 2 (korrigiert), veröffentlicht am 15. September 2024')
    expect(wrapper.find('#incidents-note').text()).toContain('– gesperrt: weniger als 5 Fälle, oder ausgeblendet')
    expect(wrapper.text()).toContain('Für diesen Zeitraum nicht veröffentlicht: Nach Lebensbereich und Meldeweg.')
    // Further breakdowns sit in disclosures; the one not published has none.
    expect(wrapper.findAll('details summary').map((s) => s.text())).toEqual(['Nach Lebensbereich'])
    expect(wrapper.find('table').attributes('aria-describedby')).toBe('incidents-summary incidents-note')
  })

  it('offers the other published periods and loads the chosen release', async () => {
    const fetchMock = vi.fn((url: string) => Promise.resolve(json(url.includes('release=3')
      ? { releases: [older, newest], release: release(older) }
      : answer())))
    vi.stubGlobal('fetch', fetchMock)
    const { wrapper } = mountWithApp(IncidentsSection, { realActions: true, props: { city: 'jena' } })
    await flushPromises()
    const select = wrapper.find('select#incidents-release')
    expect(wrapper.find('label[for="incidents-release"]').text()).toBe('Zeitraum')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['1. Januar 2024 bis 30. Juni 2024 (Fassung 2, korrigiert)', '1. Juli 2023 bis 31. Dezember 2023'])
    await select.setValue('3')
    await flushPromises()
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/cities/jena/incidents/public?release=3')
    expect(wrapper.find('caption').text()).toContain('1. Juli 2023 bis 31. Dezember 2023')
    expect(wrapper.text()).toContain('Veröffentlicht am 1. Februar 2024.')
  })

  it('speaks English and uses the release\'s threshold', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(json(answer(7)))))
    const { wrapper } = mountWithApp(IncidentsSection, { realActions: true, props: { city: 'jena' }, locale: 'en' })
    await flushPromises()
    expect(wrapper.find('h2').text()).toBe('Reported incidents of discrimination')
    expect(wrapper.findAll('tbody tr')[1]!.text()).toContain('–')
    expect(wrapper.find('#incidents-note').text()).toContain('suppressed: fewer than 7 cases')
    expect(wrapper.text()).toContain('Version 2 (corrected)')
  })

  it('renders nothing when nothing is published', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(json({ releases: [], release: null }))))
    const { wrapper } = mountWithApp(IncidentsSection, { realActions: true, props: { city: 'jena' } })
    await flushPromises()
    expect(wrapper.find('section').exists()).toBe(false)
  })

  it('renders nothing when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(json({ code: 'CITY_NOT_FOUND', message: 'no' }, 404))))
    const { wrapper } = mountWithApp(IncidentsSection, { realActions: true, props: { city: 'nowhere' } })
    await flushPromises()
    expect(wrapper.find('section').exists()).toBe(false)
  })
})
