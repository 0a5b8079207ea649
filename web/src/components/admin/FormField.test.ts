import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { mountWithApp } from '@/testing/mount'
import FormField from './FormField.vue'

const input = (slot: { describedBy?: string, invalid?: string }) => h('input', { id: 'f-code', 'aria-describedby': slot.describedBy, 'aria-invalid': slot.invalid })

describe('FormField', () => {
  it('labels the control, says "required" in words and ties hint and error to it', () => {
    const { wrapper } = mountWithApp(FormField, {
      props: { id: 'f-code', label: 'Nummer', required: true, hint: 'Zum Beispiel 3.2.', error: 'admin.validation.required' },
      slots: { default: input },
    })
    expect(wrapper.find('label').attributes('for')).toBe('f-code')
    expect(wrapper.find('label').text()).toBe('Nummer (Pflichtfeld)')
    const control = wrapper.find('input')
    expect(control.attributes('aria-invalid')).toBe('true')
    expect(control.attributes('aria-describedby')).toBe('f-code-error f-code-hint')
    expect(wrapper.find('#f-code-error').text()).toBe('Bitte füllen Sie dieses Feld aus.')
  })

  it('describes nothing and marks nothing without hint or error', () => {
    const { wrapper } = mountWithApp(FormField, { props: { id: 'f-code', label: 'Number' }, slots: { default: input }, locale: 'en' })
    expect(wrapper.find('input').attributes('aria-describedby')).toBeUndefined()
    expect(wrapper.find('input').attributes('aria-invalid')).toBeUndefined()
    expect(wrapper.find('label').text()).toBe('Number')
  })
})
