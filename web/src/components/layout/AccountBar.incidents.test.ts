import type { Me } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import AccountBar from './AccountBar.vue'

// Apart from AccountBar.test.ts, which leaves the administration's routes out.
const member = (role: Me['memberships'][number]['role']): Me => ({
  id: 3, email: 'ads@jena.example', displayName: 'Antidiskriminierungsstelle', isPlatformAdmin: false,
  memberships: [{ citySlug: 'jena', cityName: 'Jena', role, organisations: [] }],
})

describe('AccountBar for the anti-discrimination office', () => {
  it('leads the office to its incident counts instead of the administration', async () => {
    const { wrapper, router } = mountWithApp(AccountBar, { initialState: { session: { user: member('incidents') } } })
    await router.push('/')
    expect(wrapper.get('a[href="/jena/verwaltung/fallzahlen"]').text()).toBe('Fallzahlen')
    expect(wrapper.find('a[href="/jena/verwaltung"]').exists()).toBe(false)
  }, 20_000)

  it('shows no incident link to a viewer', async () => {
    const { wrapper, router } = mountWithApp(AccountBar, { initialState: { session: { user: member('viewer') } } })
    await router.push('/')
    expect(wrapper.find('a[href="/jena/verwaltung/fallzahlen"]').exists()).toBe(false)
  }, 20_000)
})
