import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { usePlansStore } from '@/stores/plans'
import { buildPlan, buildProgress } from '@/testing/fixtures'
import { mountView } from '@/testing/mount'
import PlanView from './PlanView.vue'

const progress = buildProgress([{ planned: 3, done: 1, ongoing: 1 }, ...Array.from({ length: 9 }, () => ({ planned: 1 }))])
const initialState = { plans: { plans: { 1: buildPlan() }, progress: { 1: progress }, status: 'idle' } }

describe('PlanView', () => {
  it('asks the store for the plan of the address', async () => {
    const { pinia } = await mountView(PlanView, { path: '/jena/plans/1', initialState })
    expect(usePlansStore(pinia).loadOverview).toHaveBeenCalledWith(1)
  })

  it('shows period, council resolution, overall progress and the ten commitments', async () => {
    const { wrapper } = await mountView(PlanView, { path: '/jena/plans/1', initialState })
    expect(wrapper.find('h1').text()).toBe('10-Punkte-Aktionsplan der Stadt Jena')
    expect(wrapper.text()).toContain('1. Januar 2022 bis 31. Dezember 2023')
    expect(wrapper.text()).toContain('20/0372-BV vom 16. Juli 2020')
    expect(wrapper.text()).toContain('2 von 14 Maßnahmen sind umgesetzt oder laufen dauerhaft (14\u00a0%).')
    expect(wrapper.findAll('.commitment-card')).toHaveLength(10)
  })

  it('marks the German title in the English view when the plan has no English title', async () => {
    const { wrapper } = await mountView(PlanView, { path: '/jena/plans/1', initialState, locale: 'en' })
    expect(wrapper.find('h1 [lang="de"]').text()).toBe('10-Punkte-Aktionsplan der Stadt Jena')
    expect(wrapper.find('h1 .language-tag').text()).toBe('German')
  })

  it('reads the submitted reports once the page\'s content is painted and links every version of each', async () => {
    const report = {
      cycleId: 4, title: 'Umsetzungsbericht 2022–2023', titleEn: 'Implementation report 2022–2023', periodStart: '2022-01-01',
      periodEnd: '2023-12-31', submittedAt: '2024-03-01T10:00:00.000Z', htmlUrl: '/api/plans/1/reports/4',
    }
    const { wrapper, pinia } = await mountView(PlanView, {
      path: '/jena/plans/1', locale: 'en', initialState: { plans: { ...initialState.plans, reports: { 1: [report] } } },
    })
    await flushPromises()
    expect(usePlansStore(pinia).loadReports).not.toHaveBeenCalled()
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)))
    expect(usePlansStore(pinia).loadReports).toHaveBeenCalledWith(1)
    const section = wrapper.find('section[aria-labelledby="reports-heading"]')
    expect(section.find('h3').text()).toBe('Implementation report 2022–2023')
    expect(section.text()).toContain('submitted on 1 March 2024')
    const links = section.findAll('a').map((a) => [a.text(), a.attributes('href'), a.attributes('hreflang')])
    expect(links).toEqual([
      ['Read the ECCAR report (English)', '/api/plans/1/reports/4?lang=en', 'en'],
      ['Read the ECCAR report (German)', '/api/plans/1/reports/4?lang=de', 'de'],
      ['Read the report to the city council (German)', '/api/plans/1/reports/4?kind=council&lang=de', 'de'],
    ])
  })

  it('shows no reports section before a report is submitted', async () => {
    const { wrapper } = await mountView(PlanView, { path: '/jena/plans/1', initialState: { plans: { ...initialState.plans, reports: { 1: [] } } } })
    expect(wrapper.find('#reports-heading').exists()).toBe(false)
  })

  it('shows the not-found page when the plan belongs to another city', async () => {
    const { wrapper } = await mountView(PlanView, { path: '/erfurt/plans/1', initialState })
    expect(wrapper.find('h1').text()).toBe('Seite nicht gefunden')
  })
})
