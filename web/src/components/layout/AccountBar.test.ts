import type { Me } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { reloadAt } from '@/lib/navigation'
import { useSessionStore } from '@/stores/session'
import { mountWithApp } from '@/testing/mount'
import AccountBar from './AccountBar.vue'

vi.mock('@/lib/navigation')
vi.mock('@/router/admin', () => ({ adminRoutes: [] }))

const editor: Me = {
  id: 2, email: 'editor@jena.example', displayName: 'Demo: Antidiskriminierungsstelle', isPlatformAdmin: false,
  memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'editor', organisations: [] }],
}

beforeEach(() => vi.resetAllMocks())

describe('AccountBar', () => {
  it('shows nothing to anonymous visitors', () => {
    const { wrapper } = mountWithApp(AccountBar, { initialState: { session: { user: null } } })
    expect(wrapper.find('nav').exists()).toBe(false)
  })

  it('names the signed-in person and links to the workspace and the password page', async () => {
    const { wrapper, router } = mountWithApp(AccountBar, { initialState: { session: { user: editor } } })
    await router.push('/')
    const nav = wrapper.get('nav')
    expect(nav.attributes('aria-label')).toBe('Konto')
    expect(nav.text()).toContain('Angemeldet als Demo: Antidiskriminierungsstelle')
    expect(wrapper.get('a[href="/jena/arbeitsbereich"]').text()).toBe('Arbeitsbereich')
    expect(wrapper.get('a[href="/konto/passwort"]').text()).toBe('Passwort ändern')
  })

  it('signs out and loads the public page afresh; members\' pages lead to the start page', async () => {
    const { wrapper, router } = mountWithApp(AccountBar, { initialState: { session: { user: editor } } })
    await router.push('/jena/plans/1/measures/1')
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(useSessionStore().signOut).toHaveBeenCalled()
    expect(reloadAt).toHaveBeenLastCalledWith('/jena/plans/1/measures/1')
  })

  it('says so when signing out failed', async () => {
    const { wrapper, router } = mountWithApp(AccountBar, { initialState: { session: { user: editor } } })
    await router.push('/')
    vi.mocked(useSessionStore().signOut).mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline'))
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('Die Abmeldung hat nicht geklappt.')
    expect(reloadAt).not.toHaveBeenCalled()
  })
})
