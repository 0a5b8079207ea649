import type { SteeringGroup } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import DuePanel from './DuePanel.vue'

const group = (overrides: Partial<SteeringGroup>): SteeringGroup => ({
  cadenceMonths: 12, attentionStaleMonths: 6, incidentThreshold: 5, timeZone: 'Europe/Berlin', lastMeetingDate: null, nextMeetingDue: null, members: [], meetings: [], version: 1, ...overrides,
})

describe('DuePanel', () => {
  it('says in words (not only in colour) that the meeting is overdue, and for how long', () => {
    const { wrapper } = mountWithApp(DuePanel, { props: { group: group({ lastMeetingDate: '2025-01-10', nextMeetingDue: '2026-01-10' }), today: '2026-01-20' } })
    expect(wrapper.classes()).toContain('due-panel--overdue')
    expect(wrapper.find('.due-panel__flag').text()).toBe('Überfällig')
    expect(wrapper.text()).toContain('fällig war am 10. Januar 2026 – seit 10 Tagen überfällig')
    expect(wrapper.text()).toContain('Letzte Sitzung: 10. Januar 2025.')
  })

  it('shows the coming due date', () => {
    const { wrapper } = mountWithApp(DuePanel, { props: { group: group({ nextMeetingDue: '2026-01-21', cadenceMonths: 6 }), today: '2026-01-20' }, locale: 'en' })
    expect(wrapper.classes()).not.toContain('due-panel--overdue')
    expect(wrapper.text()).toContain('due on 21 January 2026 (tomorrow)')
    expect(wrapper.text()).toContain('The group meets every 6 months.')
  })

  it('explains that there is no due date before the first meeting', () => {
    const { wrapper } = mountWithApp(DuePanel, { props: { group: group({}) } })
    expect(wrapper.text()).toContain('Noch keine Sitzung erfasst')
  })
})
