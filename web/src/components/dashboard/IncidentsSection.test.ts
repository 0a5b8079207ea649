import { discriminationKinds, type PublicIncidentTable } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import IncidentsSection from './IncidentsSection.vue'

const older = { periodStart: '2023-07-01', periodEnd: '2023-12-31' }
const latest = { periodStart: '2024-01-01', periodEnd: '2024-06-30' }
const counts: Partial<Record<(typeof discriminationKinds)[number], number | null>> = { racism: 12, antisemitism: null, gender: 6, age: null }

const latestAnswer: PublicIncidentTable = {
  threshold: 5,
  period: latest,
  periods: [latest],
  dimensions: ['kind'],
  figures: [
    ...discriminationKinds.map((kind) => {
      const count = kind in counts ? counts[kind]! : 0
      return { kind, count, suppressed: count === null }
    }),
    { kind: null, count: 25, suppressed: false },
  ],
}
const allAnswer: PublicIncidentTable = { ...latestAnswer, period: null, periods: [older, latest] }

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

afterEach(() => vi.unstubAllGlobals())

describe('IncidentsSection', () => {
  it('asks for the latest period and shows its figures, withheld ones with a neutral mark and the note', async () => {
    const fetchMock = vi.fn((url: string) => Promise.resolve(json(url.includes('periodStart') ? latestAnswer : allAnswer)))
    vi.stubGlobal('fetch', fetchMock)
    const { wrapper } = mountWithApp(IncidentsSection, { props: { city: 'jena' } })
    await flushPromises()

    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/cities/jena/incidents/public?dimensions=kind')
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/cities/jena/incidents/public?periodStart=2024-01-01&periodEnd=2024-06-30&dimensions=kind')

    expect(wrapper.find('caption').text()).toBe('Gemeldete Vorfälle nach Art der Diskriminierung (1. Januar 2024 bis 30. Juni 2024)')
    expect(wrapper.find('#incidents-summary').text())
      .toBe('Im Zeitraum 1. Januar 2024 bis 30. Juni 2024 wurden der Antidiskriminierungsstelle 25 Vorfälle gemeldet. Am häufigsten ging es um Rassismus (12).')
    expect(wrapper.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([['Art der Diskriminierung', 'col'], ['Gemeldete Vorfälle', 'col']])
    const rows = wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((cell) => cell.text()))
    expect(rows.slice(0, 4)).toEqual([['Rassismus', '12'], ['Antisemitismus', '–'], ['Religion oder Weltanschauung', '0'], ['Geschlecht', '6']])
    expect(wrapper.findAll('tbody th').every((th) => th.attributes('scope') === 'row')).toBe(true)
    expect(wrapper.findAll('tbody abbr')).toHaveLength(2)
    expect(wrapper.find('tbody abbr').attributes('title')).toContain('nicht veröffentlicht')
    expect(wrapper.find('tfoot').text()).toContain('25')
    expect(wrapper.find('#incidents-note').text()).toContain('Werte unter 5 werden nicht veröffentlicht, damit keine einzelnen Fälle erkennbar werden; auch Summen, aus denen sie sich errechnen ließen, bleiben verborgen.')
    expect(wrapper.find('table').attributes('aria-describedby')).toBe('incidents-summary incidents-note')
  })

  it('speaks English and uses the city\'s threshold', async () => {
    const withSeven = { ...latestAnswer, threshold: 7 }
    vi.stubGlobal('fetch', vi.fn((url: string) => Promise.resolve(json(url.includes('periodStart') ? withSeven : { ...allAnswer, threshold: 7 }))))
    const { wrapper } = mountWithApp(IncidentsSection, { props: { city: 'jena' }, locale: 'en' })
    await flushPromises()
    expect(wrapper.find('h2').text()).toBe('Reported incidents of discrimination')
    expect(wrapper.findAll('tbody tr')[1]!.text()).toContain('–')
    expect(wrapper.find('tbody abbr').attributes('title')).toContain('fewer than 7 cases')
    expect(wrapper.find('#incidents-note').text()).toContain('Figures below 7 are not published')
  })

  it('renders nothing when the city has entered no period', async () => {
    const fetchMock = vi.fn(() => Promise.resolve(json({ ...allAnswer, periods: [], figures: [] })))
    vi.stubGlobal('fetch', fetchMock)
    const { wrapper } = mountWithApp(IncidentsSection, { props: { city: 'jena' } })
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(wrapper.find('section').exists()).toBe(false)
  })

  it('renders nothing when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(json({ code: 'CITY_NOT_FOUND', message: 'no' }, 404))))
    const { wrapper } = mountWithApp(IncidentsSection, { props: { city: 'nowhere' } })
    await flushPromises()
    expect(wrapper.find('section').exists()).toBe(false)
  })
})
