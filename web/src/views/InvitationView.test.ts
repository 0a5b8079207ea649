import type { Me } from '@eccar/shared'
import { createTestingPinia } from '@pinia/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { reloadAt } from '@/lib/navigation'
import { useSessionStore } from '@/stores/session'
import { createAppI18n } from '@/i18n'
import { createAppRouter } from '@/router'
import { allMessageBundles } from '@/testing/all-messages'
import { createMemoryHistory } from 'vue-router'
import InvitationView from './InvitationView.vue'

vi.mock('@/lib/navigation')
vi.mock('@/router/admin', () => ({ adminRoutes: [] }))

const person: Me = {
  id: 3, email: 'person@example.org', displayName: 'Petra', isPlatformAdmin: false,
  memberships: [{ citySlug: 'weimar', cityName: 'Weimar', role: 'editor', organisations: [] }],
}

// The page asks the store on mounting, so the store's answer is set before mounting.
async function mountInvitation (user: Me | null, prepare: (session: ReturnType<typeof useSessionStore>) => void) {
  const token = 'x'.repeat(43)
  const pinia = createTestingPinia({ createSpy: vi.fn, initialState: { session: { user, loaded: true } } })
  prepare(useSessionStore(pinia))
  const router = createAppRouter(createMemoryHistory())
  await router.push(`/invitation/${token}`)
  await router.isReady()
  const wrapper = mount(InvitationView, { global: { plugins: [createAppI18n('de', allMessageBundles), router, pinia] } })
  await flushPromises()
  return { wrapper, session: useSessionStore(pinia), token }
}

beforeEach(() => vi.resetAllMocks())

describe('InvitationView', () => {
  it('asks an existing account to sign in and accept, never for a password', async () => {
    const { wrapper } = await mountInvitation(null, (session) => {
      vi.mocked(session.invitationInfo).mockResolvedValue({ kind: 'city', cityName: 'Jena', role: 'viewer', needsPassword: false })
    })
    expect(wrapper.get('h1').text()).toBe('Einladung annehmen')
    expect(wrapper.text()).toContain('Sie sind für Jena mit der Rolle')
    expect(wrapper.find('#new-password').exists()).toBe(false)
    expect(wrapper.get('a.button').attributes('href')).toContain('/anmelden?redirect=')
  })

  it('lets the signed-in person accept and go on to the workspace', async () => {
    const { wrapper, session, token } = await mountInvitation(person, (s) => {
      vi.mocked(s.invitationInfo).mockResolvedValue({ kind: 'city', cityName: 'Jena', role: 'viewer', needsPassword: false })
    })
    vi.mocked(session.joinCity).mockResolvedValue(undefined)
    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(session.joinCity).toHaveBeenCalledWith(token)
    expect(reloadAt).toHaveBeenCalled()
  })

  it('names an unknown or used link at once', async () => {
    const { wrapper } = await mountInvitation(null, (session) => {
      vi.mocked(session.invitationInfo).mockRejectedValue(new ApiError(400, 'INVITATION_INVALID', 'x'))
    })
    expect(wrapper.get('[role="alert"]').text()).toContain('Einladungslink ist unbekannt')
    expect(wrapper.find('form').exists()).toBe(false)
  })
})
