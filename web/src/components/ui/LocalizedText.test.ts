import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import LocalizedParagraphs from './LocalizedParagraphs.vue'
import LocalizedText from './LocalizedText.vue'

describe('LocalizedText', () => {
  it('shows the English text in the English UI without a language tag', () => {
    const { wrapper } = mountWithApp(LocalizedText, { props: { de: 'Titel', en: 'Title' }, locale: 'en' })
    expect(wrapper.text()).toBe('Title')
    expect(wrapper.find('[lang]').exists()).toBe(false)
  })

  it('marks German shown in the English UI with a visible tag and lang="de"', () => {
    const { wrapper } = mountWithApp(LocalizedText, { props: { de: 'Beirat', en: null }, locale: 'en' })
    expect(wrapper.find('[lang="de"]').text()).toBe('Beirat')
    expect(wrapper.find('.language-tag').text()).toBe('German')
  })

  it('renders nothing when neither language has text', () => {
    const { wrapper } = mountWithApp(LocalizedText, { props: { de: null, en: null } })
    expect(wrapper.text()).toBe('')
  })
})

describe('LocalizedParagraphs', () => {
  it('splits a text into paragraphs and marks the fallback on the whole block', () => {
    const { wrapper } = mountWithApp(LocalizedParagraphs, { props: { de: 'Eins.\n\nZwei.', en: null }, locale: 'en' })
    expect(wrapper.find('.prose').attributes('lang')).toBe('de')
    expect(wrapper.findAll('p:not(.prose__tag)').map((p) => p.text())).toEqual(['Eins.', 'Zwei.'])
    expect(wrapper.find('.language-tag').text()).toBe('German')
  })
})
