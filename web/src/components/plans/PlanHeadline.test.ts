import { describe, expect, it } from 'vitest'
import { buildProgress } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import PlanHeadline from './PlanHeadline.vue'

const progress = { ...buildProgress([{ planned: 6, in_progress: 2, done: 1, ongoing: 1 }]), latestUpdate: '2024-05-17' }
progress.total.averageProgress = 37
const plan = { citySlug: 'jena', periodEnd: '2027-12-31', successorId: null }

describe('PlanHeadline', () => {
  it('gives one headline figure, explained, with the date of the latest status update', () => {
    const { wrapper } = mountWithApp(PlanHeadline, { props: { plan, progress, today: '2026-12-04' } })
    expect(wrapper.find('progress').attributes('value')).toBe('20')
    expect(wrapper.text()).toContain('Umgesetzt oder dauerhaft laufend: 20\u00a0%')
    expect(wrapper.text()).toContain('2 von 10 Maßnahmen sind umgesetzt oder laufen dauerhaft (20\u00a0%).')
    expect(wrapper.text()).toContain('So messen wir den Fortschritt')
    // The average progress is a different percentage: never beside the headline.
    expect(wrapper.text()).not.toContain('37')
    expect(wrapper.find('time').attributes('datetime')).toBe('2024-05-17')
    expect(wrapper.find('.plan-headline__as-of').text()).toContain('Stand: 17. Mai 2024')
    expect(wrapper.find('.plan-headline__ended').exists()).toBe(false)
  })

  it('shows the distribution by status as a table with counts and shares', () => {
    const { wrapper } = mountWithApp(PlanHeadline, { props: { plan, progress, today: '2026-12-04' }, locale: 'en' })
    expect(wrapper.find('caption').text()).toBe('Measures by status')
    expect(wrapper.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))).toEqual([
      ['completed', '1', '10%'],
      ['ongoing / embedded', '1', '10%'],
      ['in progress', '2', '20%'],
      ['planned', '6', '60%'],
    ])
    expect(wrapper.findAll('.status-distribution__segment').map((s) => s.attributes('style'))).toEqual([
      'width: 10%;', 'width: 10%;', 'width: 20%;', 'width: 60%;',
    ])
  })

  it('says when the plan\'s period is over and links the plan that continues it', () => {
    const ended = { citySlug: 'jena', periodEnd: '2023-12-31', successorId: 9 }
    const { wrapper } = mountWithApp(PlanHeadline, { props: { plan: ended, progress: { ...progress, latestUpdate: null }, today: '2026-12-04' } })
    expect(wrapper.find('.plan-headline__ended').text()).toContain('Die Laufzeit dieses Plans endete am 31. Dezember 2023.')
    expect(wrapper.find('.plan-headline__ended a').attributes('href')).toBe('/jena/plans/9')
    expect(wrapper.find('.plan-headline__as-of').text()).toBe('Stand: noch keine Statusmeldung')
  })

  it('names no successor where none is published', () => {
    const ended = { citySlug: 'jena', periodEnd: '2023-12-31', successorId: null }
    const { wrapper } = mountWithApp(PlanHeadline, { props: { plan: ended, progress, today: '2026-12-04' } })
    expect(wrapper.find('.plan-headline__ended').exists()).toBe(true)
    expect(wrapper.find('.plan-headline__ended a').exists()).toBe(false)
  })
})
