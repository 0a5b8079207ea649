import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { buildProgress } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import DistributionSection from './DistributionSection.vue'

// happy-dom has no canvas: the chart wrapper is stubbed, its data shaping is tested on its own.
const stubs = { StatusBarChart: { props: ['data', 'label', 'describedby'], template: '<div class="chart-stub" :aria-describedby="describedby" />' } }

describe('DistributionSection', () => {
  const progress = buildProgress([{ planned: 3, done: 1, ongoing: 1 }, { planned: 4 }])

  it('sums the chart up in one line that the chart refers to', () => {
    const { wrapper } = mountWithApp(DistributionSection, { props: { progress }, global: { stubs } })
    expect(wrapper.find('#distribution-summary').text())
      .toBe('2 von 9 Maßnahmen sind umgesetzt oder laufen dauerhaft (22\u00a0%). Die meisten sind geplant (7). Am weitesten ist Verpflichtung 1 (40\u00a0% umgesetzt oder fortlaufend).')
    expect(wrapper.find('.chart-stub').attributes('aria-describedby')).toBe('distribution-summary')
  })

  it('gives the same figures as a table with headers, statuses as text', async () => {
    const { wrapper } = mountWithApp(DistributionSection, { props: { progress }, locale: 'en', global: { stubs } })
    wrapper.find('details').element.setAttribute('open', '')
    await flushPromises()
    const headers = wrapper.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(['Commitment', 'completed', 'ongoing / embedded', 'planned', 'Total'])
    const firstRow = wrapper.findAll('tbody tr')[0]!.findAll('th, td').map((c) => c.text())
    expect(firstRow).toEqual(['1. Commitment 1', '1', '1', '3', '5'])
    expect(wrapper.find('tfoot').text()).toContain('9')
  })
})
