import { describe, expect, it } from 'vitest'
import { useCitiesStore } from '@/stores/cities'
import { buildPlan } from '@/testing/fixtures'
import { mountView } from '@/testing/mount'
import StartView from './StartView.vue'

const city = (n: number) => ({ id: n, slug: `stadt-${n}`, name: `Stadt ${n}` })
/** The store as it holds page `page` of `total` cities (ten a page). */
const pageState = (page: number, total: number) => {
  const cities = Array.from({ length: Math.min(10, total - (page - 1) * 10) }, (_, i) => city((page - 1) * 10 + i + 1))
  return {
    cities: {
      cities, total, page, status: 'idle',
      plansByCity: Object.fromEntries(cities.map((c) => [c.slug, c.id === 11 ? [buildPlan({ id: 11, citySlug: c.slug, cityName: c.name })] : []])),
    },
  }
}

describe('StartView', () => {
  it('asks for the page of the address and shows its cities with the range and a pager', async () => {
    const { wrapper, pinia } = await mountView(StartView, { path: '/?seite=2', initialState: pageState(2, 23) })
    expect(useCitiesStore(pinia).loadOverview).toHaveBeenCalledWith({ page: 2, force: false })
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Städte 11 bis 20 von 23', ...Array.from({ length: 10 }, (_, i) => `Stadt ${11 + i}`)])
    expect(wrapper.find('a[href="/stadt-11/plans/11"]').exists()).toBe(true)
    const pager = wrapper.find('nav.pager')
    expect(pager.attributes('aria-label')).toBe('Seiten der Städteliste')
    expect(pager.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Vorherige Seite', '/'],
      ['Nächste Seite', '/?seite=3'],
    ])
    expect(pager.text()).toContain('Seite 2 von 3')
  })

  it('shows no pager while every city fits on one page', async () => {
    const { wrapper } = await mountView(StartView, { path: '/', locale: 'en', initialState: pageState(1, 3) })
    expect(wrapper.find('nav.pager').exists()).toBe(false)
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Stadt 1', 'Stadt 2', 'Stadt 3'])
  })
})
