import type { MeasureDetail, StatusEntry } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { buildMeasureSummary } from '@/testing/fixtures'
import { mountView } from '@/testing/mount'
import { useMeasuresStore } from '@/stores/measures'
import MeasureView from './MeasureView.vue'

const detail = (overrides: Partial<MeasureDetail> = {}): MeasureDetail => ({
  ...buildMeasureSummary({ id: 4, planId: 1 }),
  citySlug: 'jena', planTitleDe: 'Plan', planTitleEn: null, descriptionDe: null, descriptionEn: null, recurrenceOn: null,
  timeframeNoteDe: null, timeframeNoteEn: null, fundingNoteDe: null, fundingNoteEn: null, goodPractice: false,
  goodPracticeDescriptionDe: null, goodPracticeDescriptionEn: null, statusReason: null, relatedMeasures: [], referencedBy: [],
  exampleActions: [], statusHistory: [], statusHistoryTotal: 0, statusHistoryNext: null, origin: 'plan', predecessor: null, ...overrides,
} as MeasureDetail)

const mountMeasure = (measure: MeasureDetail, locale: 'de' | 'en' = 'de') =>
  mountView(MeasureView, { path: '/jena/plans/1/measures/4', locale, initialState: { measures: { details: { 4: measure }, detailStatus: 'idle' } } })

describe('MeasureView', () => {
  it('says when a measure is a good practice, with its description (German marked in the English view)', async () => {
    const { wrapper } = await mountMeasure(detail({ goodPractice: true, goodPracticeDescriptionDe: 'Von Betroffenen mitgestaltet.' }), 'en')
    const section = wrapper.find('section[aria-labelledby="good-practice-heading"]')
    expect(section.find('h2').text()).toBe('An example of good practice')
    expect(section.find('[lang="de"]').text()).toContain('Von Betroffenen mitgestaltet.')
    expect(section.find('.language-tag').text()).toBe('German')
  })

  it('has no good-practice section otherwise', async () => {
    const { wrapper } = await mountMeasure(detail())
    expect(wrapper.find('#good-practice-heading').exists()).toBe(false)
  })

  describe('timeline', () => {
    const entry = (id: number, date: string): StatusEntry => ({
      id, date, fromStatus: null, status: 'in_progress', fromProgress: null, progress: id * 10, noteDe: `Eintrag ${id}`, noteEn: null,
      reason: null, evidenceLinks: [], organisation: null, recordedAt: `${date}T10:00:00.000Z`,
    })

    it('offers older entries with a button that asks the store for the next page', async () => {
      const { wrapper, pinia } = await mountMeasure(detail({
        statusHistory: [entry(3, '2024-06-01'), entry(2, '2024-05-01')], statusHistoryTotal: 3,
        statusHistoryNext: '/api/measures/4/status-history?before=2024-05-01~2',
      }), 'en')
      expect(wrapper.findAll('li.timeline__entry').map((li) => li.find('time').attributes('datetime'))).toEqual(['2024-06-01', '2024-05-01'])
      expect(wrapper.text()).toContain('Showing the newest 2 of 3 entries.')
      const button = wrapper.findAll('button').find((b) => b.text() === 'Show older entries')!
      expect(button.attributes('type')).toBe('button')
      await button.trigger('click')
      expect(useMeasuresStore(pinia).loadOlderEntries).toHaveBeenCalledWith(4)
    })

    it('offers no button when the answer holds the whole timeline', async () => {
      const { wrapper } = await mountMeasure(detail({ statusHistory: [entry(1, '2024-01-01')], statusHistoryTotal: 1 }), 'de')
      expect(wrapper.findAll('li.timeline__entry')).toHaveLength(1)
      expect(wrapper.text()).not.toContain('Ältere Einträge anzeigen')
    })
  })
})
