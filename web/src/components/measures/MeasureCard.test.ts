import { describe, expect, it } from 'vitest'
import { buildMeasureSummary } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import MeasureCard from './MeasureCard.vue'

describe('MeasureCard', () => {
  it('shows code, title, status as text, progress and type, linking to the measure', () => {
    const measure = buildMeasureSummary({ id: 7, code: '2.4', status: 'done', progress: 100, primaryCommitment: 2 })
    const { wrapper } = mountWithApp(MeasureCard, { props: { measure, city: 'jena', commitment: 2, showType: true } })
    expect(wrapper.find('a').attributes('href')).toBe('/jena/plans/1/measures/7')
    expect(wrapper.text()).toContain('2.4')
    expect(wrapper.find('.status-badge').text()).toBe('umgesetzt')
    expect(wrapper.text()).toContain('100\u00a0%')
    expect(wrapper.text()).toContain('Daueraufgabe')
    expect(wrapper.find('.secondary-note').exists()).toBe(false)
  })

  it('marks a measure listed under its secondary commitment', () => {
    const measure = buildMeasureSummary({ primaryCommitment: 3, secondaryCommitments: [1] })
    const { wrapper } = mountWithApp(MeasureCard, { props: { measure, city: 'jena', commitment: 1 }, locale: 'en' })
    expect(wrapper.find('.secondary-note').text()).toBe('Also contributes to this commitment; its main commitment is commitment 3.')
  })

  it('marks a lead body without an English name as German', () => {
    const { wrapper } = mountWithApp(MeasureCard, { props: { measure: buildMeasureSummary(), city: 'jena', commitment: 1 }, locale: 'en' })
    expect(wrapper.find('dd [lang="de"]').text()).toBe('Antidiskriminierungsstelle')
  })
})
