import { afterEach, describe, expect, it } from 'vitest'
import { createAppI18n } from '@/i18n'
import { mountWithApp } from '@/testing/mount'
import LanguageSwitch from './LanguageSwitch.vue'

afterEach(() => {
  document.cookie = 'eccar-locale=; max-age=0; path=/'
  document.documentElement.lang = 'de'
})

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
    expect(document.cookie).toContain('eccar-locale=en')
    expect(wrapper.find('button').text()).toContain('Deutsch')
  })

  it('starts the app in the language the server wrote into <html lang> from the remembered choice', () => {
    expect(createAppI18n().global.locale.value).toBe('de')
    document.documentElement.lang = 'en'
    expect(createAppI18n().global.locale.value).toBe('en')
    document.documentElement.lang = 'xx'
    expect(createAppI18n().global.locale.value).toBe('de')
  })
})
