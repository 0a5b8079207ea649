import { afterEach, describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import LanguageSwitch from './LanguageSwitch.vue'

afterEach(() => localStorage.clear())

describe('LanguageSwitch', () => {
  it('names the other language in that language', () => {
    const { wrapper } = mountWithApp(LanguageSwitch)
    const button = wrapper.find('button')
    expect(button.text()).toContain('English')
    expect(button.attributes('lang')).toBe('en')
    expect(button.attributes('aria-label')).toBe('Switch language: English')
  })

  it('switches the UI language, updates <html lang> and remembers the choice', async () => {
    const { wrapper, i18n } = mountWithApp(LanguageSwitch)
    await wrapper.find('button').trigger('click')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem('eccar.locale')).toBe('en')
    expect(wrapper.find('button').text()).toContain('Deutsch')
  })
})
