import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { mountView } from '@/testing/mount'
import { useNotificationsStore } from '@/stores/notifications'
import UnsubscribeView from './UnsubscribeView.vue'

const token = 'abcdefghijklmnop'

describe('UnsubscribeView', () => {
  it('names the kind, unsubscribes with one button without a session, and moves focus to the confirmation', async () => {
    const { wrapper, pinia } = await mountView(UnsubscribeView, {
      path: `/abmelden/${token}`,
      initialState: { notifications: { links: { [token]: { kind: 'weekly-digest', language: 'de', unsubscribed: false } } } },
    })
    const store = useNotificationsStore(pinia)
    expect(store.loadLink).toHaveBeenCalledWith(token)
    expect(wrapper.text()).toContain('Dieser Link gehört zu den E-Mails „Wöchentliche Übersicht“.')
    vi.mocked(store.unsubscribe).mockImplementation(async () => {
      store.links[token] = { kind: 'weekly-digest', language: 'de', unsubscribed: true }
      return store.links[token]!
    })
    const button = wrapper.find('button[type="submit"]')
    expect(button.text()).toBe('E-Mails „Wöchentliche Übersicht“ abbestellen')
    document.body.appendChild(wrapper.element)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.unsubscribe).toHaveBeenCalledWith(token)
    const confirmation = wrapper.find('[role="status"]')
    expect(confirmation.text()).toBe('Erledigt: Sie bekommen keine E-Mails „Wöchentliche Übersicht“ mehr.')
    expect(document.activeElement).toBe(confirmation.element)
    expect(wrapper.find('a[href="/konto/benachrichtigungen"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('says when a link was used already, and when it is not valid', async () => {
    const { wrapper } = await mountView(UnsubscribeView, {
      path: `/unsubscribe/${token}`, locale: 'en',
      initialState: { notifications: { links: { [token]: { kind: 'meeting-due', language: 'en', unsubscribed: true } } } },
    })
    expect(wrapper.text()).toContain('These e-mails are unsubscribed already')
    expect(wrapper.find('button[type="submit"]').exists()).toBe(false)

    const unknown = await mountView(UnsubscribeView, {
      path: '/abmelden/forged-token-123', locale: 'en',
      initialState: { notifications: { status: 'error', error: new ApiError(404, 'UNSUBSCRIBE_TOKEN_UNKNOWN', 'unknown') } },
    })
    expect(unknown.wrapper.find('[role="alert"]').text()).toContain('This unsubscribe link is not valid')
  })
})
