import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import StatusBarChart from './StatusBarChart.vue'

// happy-dom has no canvas: the chart itself is replaced; what is tested is when it is drawn.
vi.mock('./StatusBarCanvas.vue', () => ({ __esModule: true, default: { props: ['label'], template: '<canvas class="drawn" :aria-label="label"></canvas>' } }))

let intersect: ((entries: { isIntersecting: boolean }[]) => void) | null = null
class FakeIntersectionObserver {
  constructor (callback: (entries: { isIntersecting: boolean }[]) => void) { intersect = callback }
  observe () {}
  disconnect () { intersect = null }
}

const props = { data: { labels: ['1'], datasets: [] }, label: 'Balkendiagramm', describedby: 'summary', axisTitle: 'Maßnahmen' }

describe('StatusBarChart', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    intersect = null
  })

  it('draws the chart only once its box reaches the screen', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
    const wrapper = mount(StatusBarChart, { props, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('.chart-box').exists()).toBe(true)
    expect(wrapper.find('canvas').exists()).toBe(false)

    intersect!([{ isIntersecting: false }])
    await flushPromises()
    expect(wrapper.find('canvas').exists()).toBe(false)

    intersect!([{ isIntersecting: true }])
    await flushPromises()
    expect(wrapper.find('canvas.drawn').attributes('aria-label')).toBe('Balkendiagramm')
    expect(intersect).toBeNull()
    wrapper.unmount()
  })

  it('draws every chart before printing, scrolled to or not', async () => {
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
    const wrapper = mount(StatusBarChart, { props, attachTo: document.body })
    await flushPromises()
    window.dispatchEvent(new Event('beforeprint'))
    await flushPromises()
    expect(wrapper.find('canvas.drawn').exists()).toBe(true)
    wrapper.unmount()
  })

  it('draws at once where the browser cannot tell what is on screen', async () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    const wrapper = mount(StatusBarChart, { props, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('canvas.drawn').exists()).toBe(true)
    wrapper.unmount()
  })
})
