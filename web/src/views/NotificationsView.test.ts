import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { buildMe } from '@/testing/admin-mount'
import { notificationSettings } from '@/testing/mail-fixtures'
import { mountView } from '@/testing/mount'
import { useNotificationsStore } from '@/stores/notifications'
import NotificationsView from './NotificationsView.vue'

const signedIn = (role: 'viewer' | 'admin' = 'viewer') => ({ session: { user: buildMe(role), loaded: true } })

describe('NotificationsView', () => {
  it('explains each kind next to its switch and offers the digest day and the language', async () => {
    const { wrapper, pinia } = await mountView(NotificationsView, {
      path: '/konto/benachrichtigungen', initialState: { ...signedIn(), notifications: { settings: notificationSettings() } },
    })
    expect(useNotificationsStore(pinia).loadSettings).toHaveBeenCalled()
    expect(wrapper.find('h1').text()).toBe('Meine Benachrichtigungen')
    const digest = wrapper.find<HTMLInputElement>('#notifications-weekly-digest')
    expect(digest.element.checked).toBe(false)
    expect(digest.attributes('aria-describedby')).toBe('notifications-weekly-digest-hint')
    expect(wrapper.find('#notifications-weekly-digest-hint').text()).toContain('Einmal pro Woche')
    expect(wrapper.find('label[for="notifications-weekly-digest"]').text()).toContain('Wöchentliche Übersicht')
    expect(wrapper.findAll('#notifications-digestDay option').map((o) => o.text())[0]).toBe('Montag')
    expect(wrapper.find<HTMLInputElement>('#notifications-language-de').element.checked).toBe(true)
    expect(wrapper.text()).toContain('Einladungen und Links zum Zurücksetzen')
  })

  it('sends every kind with the switched one changed and says it is saved', async () => {
    const { wrapper, pinia } = await mountView(NotificationsView, {
      path: '/account/notifications', locale: 'en', initialState: { ...signedIn(), notifications: { settings: notificationSettings() } },
    })
    const store = useNotificationsStore(pinia)
    vi.mocked(store.saveSettings).mockImplementation(async (body) => body)
    await wrapper.find('#notifications-deadline-reminders').setValue(false)
    await wrapper.find('#notifications-digestDay').setValue('5')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.saveSettings).toHaveBeenCalledWith({
      language: 'de',
      digestDay: 5,
      kinds: [
        { kind: 'deadline-reminders', enabled: false },
        { kind: 'weekly-digest', enabled: false },
        { kind: 'meeting-due', enabled: true },
        { kind: 'cycle-changes', enabled: true },
      ],
    })
    expect(wrapper.find('[role="status"]').text()).toBe('Your settings are saved.')
  })
})
