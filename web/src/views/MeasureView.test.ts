import type { MeasureDetail } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { buildMeasureSummary } from '@/testing/fixtures'
import { mountView } from '@/testing/mount'
import MeasureView from './MeasureView.vue'

const detail = (overrides: Partial<MeasureDetail> = {}): MeasureDetail => ({
  ...buildMeasureSummary({ id: 4, planId: 1 }),
  citySlug: 'jena', planTitleDe: 'Plan', planTitleEn: null, descriptionDe: null, descriptionEn: null, recurrenceOn: null,
  timeframeNoteDe: null, timeframeNoteEn: null, fundingNoteDe: null, fundingNoteEn: null, goodPractice: false,
  goodPracticeDescriptionDe: null, goodPracticeDescriptionEn: null, statusReason: null, relatedMeasures: [], referencedBy: [],
  exampleActions: [], statusHistory: [], origin: 'plan', predecessor: null, ...overrides,
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
})
