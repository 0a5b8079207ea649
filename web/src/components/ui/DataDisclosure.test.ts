import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DataDisclosure from './DataDisclosure.vue'

const mountDisclosure = () => mount(DataDisclosure, {
  slots: { summary: 'Daten als Tabelle anzeigen', default: '<table><caption>Maßnahmen</caption></table>' },
  attachTo: document.body,
})

describe('DataDisclosure', () => {
  it('builds its table only once it is opened, and keeps it when closed again', async () => {
    const wrapper = mountDisclosure()
    expect(wrapper.find('summary').text()).toBe('Daten als Tabelle anzeigen')
    expect(wrapper.find('table').exists()).toBe(false)

    const details = wrapper.find('details').element as HTMLDetailsElement
    details.open = true
    await flushPromises()
    expect(wrapper.find('table caption').text()).toBe('Maßnahmen')

    details.open = false
    await flushPromises()
    expect(wrapper.find('table').exists()).toBe(true)
    wrapper.unmount()
  })

  it('is built when something else opens every disclosure, as App.vue does before printing', async () => {
    const wrapper = mountDisclosure()
    document.querySelectorAll('details').forEach((d) => { d.open = true })
    await flushPromises()
    expect(wrapper.find('table').exists()).toBe(true)
    wrapper.unmount()
  })
})
