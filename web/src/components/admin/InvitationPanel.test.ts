import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import InvitationPanel from './InvitationPanel.vue'

const invitation = { path: '/invitation/tok_123456789012345678901', expiresAt: '2026-03-08T10:00:00.000Z' }

afterEach(() => vi.unstubAllGlobals())

describe('InvitationPanel', () => {
  it('shows the whole link once, with how long and how often it works', () => {
    const { wrapper } = mountWithApp(InvitationPanel, { props: { name: 'Beirat', invitation } })
    expect(wrapper.find('h2').text()).toBe('Einladungslink für Beirat')
    expect((wrapper.find('input').element as HTMLInputElement).value).toBe(`${window.location.origin}/invitation/tok_123456789012345678901`)
    expect(wrapper.find('label').text()).toBe('Einladungslink')
    expect(wrapper.text()).toContain('7 Tage gültig (bis 8. März 2026')
    expect(wrapper.text()).toContain('funktioniert nur einmal')
  })

  it('copies the link and says so; where copying fails it selects the link and says how to copy', async () => {
    const writeText = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('denied'))
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    const { wrapper } = mountWithApp(InvitationPanel, { props: { name: 'Beirat', invitation }, locale: 'en' })
    const copy = wrapper.findAll('button').find((b) => b.text() === 'Copy link')!
    await copy.trigger('click')
    await new Promise((r) => setTimeout(r, 0))
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}${invitation.path}`)
    expect(wrapper.find('[role="status"]').text()).toBe('The link is on the clipboard.')
    await copy.trigger('click')
    await new Promise((r) => setTimeout(r, 0))
    expect(wrapper.find('[role="status"]').text()).toContain('copy it with Ctrl+C')
  })
})
