import { describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { installMessageBundles, loadMessageBundles, switchLanguage } from './bundles'
import { createAppI18n } from './index'

const Page = defineComponent({ render: () => null })

function setup () {
  const i18n = createAppI18n('de')
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/verwaltung', component: Page, meta: { messages: ['admin'] } },
      { path: '/dashboard', component: Page, meta: { messages: ['reporting'] } },
    ],
  })
  installMessageBundles(router, i18n)
  return { i18n, router, t: i18n.global.t as (key: string) => string, te: i18n.global.te as (key: string, locale?: string) => boolean }
}

describe('text bundles loaded with their pages', () => {
  it('leaves the administration\'s texts out of a public page', async () => {
    const { router, te } = setup()
    await router.push('/')
    expect(te('nav.skip')).toBe(true)
    expect(te('admin.nav.short')).toBe(false)
    expect(te('reporting.title')).toBe(false)
  })

  it('merges a page\'s bundle in the current language only before the page shows', async () => {
    const { router, t, te } = setup()
    await router.push('/verwaltung')
    expect(t('admin.nav.short')).toBe('Verwaltung')
    expect(te('admin.nav.short', 'en')).toBe(false)
    expect(te('reporting.title')).toBe(false)
  })

  it('switches the language only once the loaded bundles are there in the other language too', async () => {
    const { i18n, router, t, te } = setup()
    await router.push('/verwaltung')
    const switched = switchLanguage(i18n.global, 'en')
    expect(i18n.global.locale.value).toBe('de')
    await switched
    expect(i18n.global.locale.value).toBe('en')
    expect(t('admin.nav.short')).toBe('Administration')
    expect(t('errors.LAST_ADMIN')).not.toContain('mindestens eine Person')
    expect(te('reporting.title', 'de')).toBe(false)
    // Pages visited afterwards bring their bundle in the new language.
    await router.push('/dashboard')
    expect(t('reporting.title')).toBe('Reports')
    expect(te('reporting.title', 'de')).toBe(false)
  })

  it('loads the dashboard\'s indicator and incident texts with the dashboard', async () => {
    const { router, t } = setup()
    await router.push('/dashboard')
    expect(t('reporting.title')).toBe('Berichte')
  })

  it('merges a bundle once however often it is asked for', async () => {
    const { i18n, router } = setup()
    const merge = vi.spyOn(i18n.global, 'mergeLocaleMessage')
    await Promise.all([loadMessageBundles(i18n, ['reporting']), loadMessageBundles(i18n, ['reporting', 'reporting'])])
    await router.push('/dashboard')
    expect(merge.mock.calls.map(([locale]) => locale)).toEqual(['de'])
  })

  it('brings the error texts along with the administration\'s, which only pages that write load', async () => {
    const { router, t, te } = setup()
    await router.push('/dashboard')
    expect(te('errors.VERSION_CONFLICT')).toBe(false)
    await router.push('/verwaltung')
    expect(t('errors.LAST_ADMIN')).toContain('mindestens eine Person')
  })
})
