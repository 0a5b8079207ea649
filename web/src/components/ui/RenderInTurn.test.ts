import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mountInTurns } from '@/lib/render-in-turn'
import RenderInTurn from './RenderInTurn.vue'

// A page with its top rendered in the mount and two parts below the fold.
const Page = defineComponent(() => () => h('main', [
  h('h1', 'Top'),
  h(RenderInTurn, null, () => h('p', { class: 'first' }, 'First part')),
  h(RenderInTurn, null, () => h('p', { class: 'second' }, 'Second part')),
]))

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('RenderInTurn', () => {
  afterEach(() => { location.hash = '' })

  it('renders at once outside the first visit\'s mount (later navigations, component tests)', () => {
    const wrapper = mount(Page)
    expect(wrapper.findAll('p').map((p) => p.text())).toEqual(['First part', 'Second part'])
  })

  it('on the first visit renders the top in the mount and each part in a task of its own after it, in page order', async () => {
    let wrapper!: ReturnType<typeof mount>
    mountInTurns(() => { wrapper = mount(Page, { attachTo: document.body }) })
    expect(wrapper.find('h1').text()).toBe('Top')
    expect(wrapper.findAll('p')).toHaveLength(0)
    // Screen readers are told the region is still being filled.
    expect(wrapper.attributes('aria-busy')).toBe('true')
    await nextTask()
    expect(wrapper.findAll('p').map((p) => p.text())).toEqual(['First part'])
    await nextTask()
    expect(wrapper.findAll('p').map((p) => p.text())).toEqual(['First part', 'Second part'])
    await nextTask()
    expect(wrapper.attributes('aria-busy')).toBeUndefined()
    wrapper.unmount()
    // A part made after the mount (a later navigation) does not wait.
    expect(mount(Page).findAll('p')).toHaveLength(2)
  })

  it('renders the whole page at once when the address points into it, so the browser finds the target', () => {
    location.hash = '#measures-heading'
    let wrapper!: ReturnType<typeof mount>
    mountInTurns(() => { wrapper = mount(Page) })
    expect(wrapper.findAll('p')).toHaveLength(2)
  })
})
