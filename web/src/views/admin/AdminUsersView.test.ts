import type { CityUser } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminUsersStore } from '@/stores/admin-users'
import { mountAdminView } from '@/testing/admin-mount'
import AdminUsersView from './AdminUsersView.vue'

const users: CityUser[] = [
  { id: 1, email: 'admin@jena.example', displayName: 'Büro', role: 'admin', organisations: [], hasPassword: true, version: 2 },
  { id: 2, email: 'e@jena.example', displayName: 'Stelle', role: 'editor', organisations: [{ id: 5, name: 'Antidiskriminierungsstelle', nameEn: null }], hasPassword: false, version: 1 },
]
const initialState = { 'admin-users': { byCity: { jena: users } }, 'admin-organisations': { byCity: { jena: [] } } }

describe('AdminUsersView', () => {
  it('lists people with role, bodies and whether their invitation is still open', async () => {
    const { wrapper } = await mountAdminView(AdminUsersView, { path: '/jena/verwaltung/personen', initialState })
    const rows = wrapper.findAll('tbody tr')
    expect(rows[0]!.text()).toContain('Büro (Sie)')
    expect(rows[0]!.text()).toContain('Verwaltung des Plans')
    expect(rows[1]!.text()).toContain('Antidiskriminierungsstelle')
    expect(rows[1]!.text()).toContain('Einladung offen')
  })

  it('shows a new invitation link once, with copy button and validity', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminUsersView, { path: '/jena/verwaltung/personen', initialState })
    vi.mocked(useAdminUsersStore(pinia).newInvitation).mockResolvedValue({ path: '/invitation/abcdefghijklmnopqrstuvwxyz', expiresAt: '2026-03-08T10:00:00.000Z' })
    await wrapper.find('button[aria-label="Neuen Einladungslink für Stelle erzeugen"]').trigger('click')
    await flushPromises()
    const panel = wrapper.find('section[aria-labelledby="invitation-heading"]')
    expect(panel.find('h2').text()).toBe('Einladungslink für Stelle')
    expect((panel.find('input').element as HTMLInputElement).value).toContain('/invitation/abcdefghijklmnopqrstuvwxyz')
    expect(panel.text()).toContain('Link kopieren')
    await panel.find('button.button--secondary').trigger('click')
    expect(wrapper.find('section[aria-labelledby="invitation-heading"]').exists()).toBe(false)
  })

  it('explains why the last administrator keeps the role', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminUsersView, { path: '/jena/verwaltung/personen', initialState, locale: 'en' })
    vi.mocked(useAdminUsersStore(pinia).removeUser).mockRejectedValue(new ApiError(409, 'LAST_ADMIN', 'x'))
    await wrapper.find('button[aria-label="Take the role away from Büro"]').trigger('click')
    expect(wrapper.find('.confirm').text()).toContain('Take away the role of Büro in the city?')
    await wrapper.find('.confirm button.button--danger').trigger('click')
    await flushPromises()
    const alert = wrapper.find('[role="alert"]')
    expect(alert.text()).toContain('The role cannot be taken away')
    expect(alert.text()).toContain('Give this role to someone else first')
  })

  it('lets a platform administrator reset someone\'s second factor after a question; city admins do not see it', async () => {
    const platformAdmin = { id: 9, email: 'ops@example.org', displayName: 'Betrieb', isPlatformAdmin: true, memberships: [] }
    const { wrapper, pinia } = await mountAdminView(AdminUsersView, {
      path: '/jena/verwaltung/personen', initialState: { ...initialState, session: { user: platformAdmin, loaded: true } },
    })
    await wrapper.find('button[aria-label="Rolle von Stelle ändern"]').trigger('click')
    await wrapper.find('button[aria-label="Zweiten Faktor von Stelle zurücksetzen"]').trigger('click')
    expect(wrapper.find('.confirm').text()).toContain('Den zweiten Faktor von Stelle entfernen?')
    await wrapper.find('.confirm button.button--danger').trigger('click')
    await flushPromises()
    expect(useAdminUsersStore(pinia).resetSecondFactor).toHaveBeenCalledWith(2)
    expect(wrapper.text()).toContain('Der zweite Faktor von Stelle ist zurückgesetzt.')

    const cityAdmin = await mountAdminView(AdminUsersView, { path: '/jena/verwaltung/personen', initialState })
    await cityAdmin.wrapper.find('button[aria-label="Rolle von Stelle ändern"]').trigger('click')
    expect(cityAdmin.wrapper.find('button[aria-label="Zweiten Faktor von Stelle zurücksetzen"]').exists()).toBe(false)
  })
})
