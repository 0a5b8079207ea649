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

  it('gives the parts inside a part their own turns right after it, before the parts that follow it', async () => {
    const Nested = defineComponent(() => () => h('main', [
      h('h1', 'Top'),
      h(RenderInTurn, null, () => h('ul', [1, 2].map((n) => h('li', h(RenderInTurn, null, () => h('p', `Card ${n}`)))))),
      h(RenderInTurn, null, () => h('p', 'Downloads')),
    ]))
    let wrapper!: ReturnType<typeof mount>
    mountInTurns(() => { wrapper = mount(Nested, { attachTo: document.body }) })
    const shown = () => wrapper.findAll('p').map((p) => p.text())
    await nextTask()
    expect(wrapper.findAll('li')).toHaveLength(2)
    expect(shown()).toEqual([])
    await nextTask()
    expect(shown()).toEqual(['Card 1'])
    await nextTask()
    expect(shown()).toEqual(['Card 1', 'Card 2'])
    await nextTask()
    expect(shown()).toEqual(['Card 1', 'Card 2', 'Downloads'])
    await nextTask()
    expect(wrapper.attributes('aria-busy')).toBeUndefined()
    wrapper.unmount()
  })

  it('renders the whole page at once when the address points into it, so the browser finds the target', () => {
    location.hash = '#measures-heading'
    let wrapper!: ReturnType<typeof mount>
    mountInTurns(() => { wrapper = mount(Page) })
    expect(wrapper.findAll('p')).toHaveLength(2)
  })
})
