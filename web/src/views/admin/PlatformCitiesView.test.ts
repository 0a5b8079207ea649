import { describe, expect, it } from 'vitest'
import { useAdminCitiesStore } from '@/stores/admin-cities'
import { buildMe, mountAdminView } from '@/testing/admin-mount'
import PlatformCitiesView from './PlatformCitiesView.vue'

const platformAdmin = { user: { ...buildMe(), isPlatformAdmin: true }, loaded: true }
const cities = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i, slug: `stadt-${from + i}`, name: `Stadt ${from + i}` }))

describe('PlatformCitiesView', () => {
  it('asks the server for the page of the address and pages through all cities', async () => {
    const { wrapper, pinia } = await mountAdminView(PlatformCitiesView, {
      path: '/verwaltung/staedte?seite=2',
      initialState: { session: platformAdmin, 'admin-cities': { list: { items: cities(26, 25), total: 60, limit: 25, offset: 25 }, page: 2 } },
    })
    expect(useAdminCitiesStore(pinia).load).toHaveBeenCalledWith(2)
    expect(wrapper.find('caption').text()).toBe('60 Städte – Seite 2 von 3')
    expect(wrapper.findAll('tbody tr')).toHaveLength(25)
    expect(wrapper.find('tbody th').text()).toBe('Stadt 26')
    const pager = wrapper.find('nav.pager')
    expect(pager.attributes('aria-label')).toBe('Seiten der Städteliste')
    expect(pager.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Vorherige Seite', '/verwaltung/staedte'],
      ['Nächste Seite', '/verwaltung/staedte?seite=3'],
    ])
  })

  it('counts the cities in English and shows no pager for a single page', async () => {
    const { wrapper } = await mountAdminView(PlatformCitiesView, {
      path: '/admin/cities', locale: 'en',
      initialState: { session: platformAdmin, 'admin-cities': { list: { items: cities(1, 2), total: 2, limit: 25, offset: 0 }, page: 1 } },
    })
    expect(wrapper.find('caption').text()).toBe('2 cities')
    expect(wrapper.find('nav.pager').exists()).toBe(false)
  })
})
