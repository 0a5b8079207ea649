import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import CheckboxPicker from './CheckboxPicker.vue'

const options = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: i === 4 ? 'Migrationsbeirat' : `Amt ${i + 1}` }))

describe('CheckboxPicker', () => {
  it('adds and removes choices, and keeps chosen ones visible while filtering', async () => {
    const { wrapper } = mountWithApp(CheckboxPicker, { props: { id: 'p', legend: 'Stellen', options, modelValue: [2] } })
    expect(wrapper.find('legend').text()).toBe('Stellen')
    await wrapper.find('#p-5').setValue(true)
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[2, 5]])
    await wrapper.setProps({ modelValue: [2, 5] })
    await wrapper.find('#p-filter').setValue('beirat')
    expect(wrapper.findAll('li label').map((l) => l.text())).toEqual(['Amt 2', 'Migrationsbeirat'])
    await wrapper.find('#p-2').setValue(false)
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[5]])
    expect(wrapper.find('.picker__count').text()).toBe('1 ausgewählt')
  })

  it('offers no filter for short lists', () => {
    const { wrapper } = mountWithApp(CheckboxPicker, { props: { id: 'p', legend: 'Sitze', options: options.slice(0, 3), modelValue: [] } })
    expect(wrapper.find('#p-filter').exists()).toBe(false)
  })
})
