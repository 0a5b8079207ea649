import { describe, expect, it } from 'vitest'
import { useAdminMailStore } from '@/stores/admin-mail'
import { mountAdminView } from '@/testing/admin-mount'
import { outboxEntry, outboxMail, outboxPage } from '@/testing/mail-fixtures'
import AdminOutboxMailView from './AdminOutboxMailView.vue'
import AdminOutboxView from './AdminOutboxView.vue'

const entries = [
  outboxEntry(),
  outboxEntry({ id: 6, kind: 'invitation', subject: 'Invitation', language: 'en', state: 'retrying', attempts: 2, lastError: 'connection' }),
  outboxEntry({ id: 5, kind: 'weekly-digest', state: 'sent', attempts: 1, sentAt: '2026-11-30T06:00:00.000Z' }),
]

describe('AdminOutboxView', () => {
  it('lists the page\'s mails with kind, recipient, subject, time, state in words and attempts', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminOutboxView, {
      path: '/jena/verwaltung/postausgang?seite=2', initialState: { 'admin-mail': { outbox: { jena: outboxPage(entries, 60, 2) } } },
    })
    expect(useAdminMailStore(pinia).loadOutbox).toHaveBeenCalledWith('jena', 2)
    expect(wrapper.find('caption').text()).toBe('E-Mails, Seite 2 von 3 (60 insgesamt)')
    const rows = wrapper.findAll('tbody tr').map((r) => r.findAll('td').map((c) => c.text()))
    // The time is the reader's own clock time (the test runs in whichever zone the machine has).
    expect(rows[0]).toEqual(['Fristerinnerungen', 'redaktion@jena.example', 'Erinnerung: Maßnahme 3.2 endet in 7 Tagen', expect.stringMatching(/^01\.12\.2026, \d\d:00:00$/), 'zurückgehalten (kein Mailserver)', '0'])
    expect(rows[1]![4]).toBe('Versand gescheitert, neuer Versuch geplant Grund: Mailserver nicht erreichbar')
    expect(rows[2]![4]).toContain('verschickt am 30.11.2026')
    expect(wrapper.find('a[href="/jena/verwaltung/postausgang/7"]').exists()).toBe(true)
    expect(wrapper.find('a[href="/jena/verwaltung/postausgang/6"]').attributes('lang')).toBe('en')
    expect(wrapper.text()).toContain('Es ist kein Mailserver eingerichtet')
    const pager = wrapper.find('nav.pager')
    expect(pager.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Vorherige Seite', '/jena/verwaltung/postausgang'],
      ['Nächste Seite', '/jena/verwaltung/postausgang?seite=3'],
    ])
    expect(wrapper.find('nav.admin-nav a[aria-current="page"]').text()).toBe('Postausgang')
  })

  it('says when the outbox is empty', async () => {
    const { wrapper } = await mountAdminView(AdminOutboxView, {
      path: '/jena/admin/outbox', locale: 'en', initialState: { 'admin-mail': { outbox: { jena: outboxPage([], 0) } } },
    })
    expect(wrapper.text()).toContain('The outbox is empty.')
    expect(wrapper.find('table').exists()).toBe(false)
  })
})

describe('AdminOutboxMailView', () => {
  it('shows a held mail\'s text escaped and its HTML only in a sandboxed frame', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminOutboxMailView, {
      path: '/jena/verwaltung/postausgang/7', initialState: { 'admin-mail': { mails: { 7: outboxMail({ text: 'Hallo <b>Welt</b>' }) } } },
    })
    expect(useAdminMailStore(pinia).loadMail).toHaveBeenCalledWith('jena', 7)
    expect(wrapper.find('h1').text()).toBe('E-Mail: Erinnerung: Maßnahme 3.2 endet in 7 Tagen')
    expect(wrapper.find('pre.mail-text').text()).toBe('Hallo <b>Welt</b>')
    expect(wrapper.find('pre.mail-text b').exists()).toBe(false)
    expect(wrapper.find('iframe').exists()).toBe(false)
    const details = wrapper.find<HTMLDetailsElement>('details.mail-html-version')
    details.element.open = true
    await details.trigger('toggle')
    const frame = wrapper.find('iframe')
    expect(frame.attributes('sandbox')).toBe('')
    expect(frame.attributes('title')).toContain('HTML-Fassung der E-Mail')
    expect(wrapper.find('script').exists()).toBe(false)
    expect(wrapper.find('dl').text()).toContain('zurückgehalten (kein Mailserver)')
  })

  it('says the content is not kept once a mail went out by SMTP', async () => {
    const { wrapper } = await mountAdminView(AdminOutboxMailView, {
      path: '/jena/verwaltung/postausgang/5', locale: 'en',
      initialState: { 'admin-mail': { mails: { 5: outboxMail({ id: 5, state: 'sent', text: null, html: null, sentAt: '2026-11-30T06:00:00.000Z' }) } } },
    })
    expect(wrapper.text()).toContain('The content is not kept')
    expect(wrapper.find('iframe').exists()).toBe(false)
  })
})
