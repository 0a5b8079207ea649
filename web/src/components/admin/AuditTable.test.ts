import type { AuditEntry } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import AuditTable from './AuditTable.vue'

const entries: AuditEntry[] = [
  {
    id: 2, at: '2026-03-01T10:00:00.000Z', actor: { id: 1, displayName: 'Büro' }, action: 'measure.update', entityType: 'measure', entityId: '4',
    before: { code: '3.2', titleDe: 'Alt', version: 1 }, after: { code: '3.2', titleDe: 'Neu', version: 2 }, requestId: 'r',
  },
  { id: 1, at: '2026-02-01T10:00:00.000Z', actor: null, action: 'widget.spin', entityType: 'widget', entityId: '9', before: null, after: null, requestId: null },
]

describe('AuditTable', () => {
  it('names the person or the system, the action in words and the entity', () => {
    const { wrapper } = mountWithApp(AuditTable, { props: { entries } })
    const rows = wrapper.findAll('table.admin-table > tbody > tr')
    expect(rows[0]!.text()).toContain('Büro')
    expect(rows[0]!.text()).toContain('Maßnahme geändert')
    expect(rows[0]!.text()).toContain('Maßnahme 3.2')
    expect(rows[1]!.text()).toContain('System')
    expect(rows[1]!.find('code').text()).toBe('widget.spin')
    expect(rows[1]!.text()).toContain('Keine Felder geändert.')
  })

  it('shows only the changed fields, before and after, in the other language too', () => {
    const { wrapper } = mountWithApp(AuditTable, { props: { entries }, locale: 'en' })
    expect(wrapper.text()).toContain('Measure changed')
    const diff = wrapper.find('table.diff')
    expect(diff.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))).toEqual([['Title (German)', 'Alt', 'Neu']])
    expect(wrapper.find('summary').text()).toBe('Show changed fields (1)')
  })

  it('reads a reporting cycle\'s entry in words: its state, dates and people by name', () => {
    const cycle: AuditEntry = {
      id: 3, at: '2026-12-03T15:25:52.000Z', actor: { id: 1, displayName: 'Büro' }, action: 'reporting.cycle.approve', entityType: 'reporting_cycle', entityId: '5',
      before: { state: 'in_review', approvedBy: null, approvedAt: null, dueDate: '2026-12-31' },
      after: { state: 'approved', approvedBy: 1, approvedAt: '2026-12-03T15:25:51.830Z', dueDate: '2027-01-15' },
      requestId: 'r',
    }
    const { wrapper } = mountWithApp(AuditTable, { props: { entries: [cycle] } })
    const rows = wrapper.find('table.diff').findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows).toContainEqual(['Stand des Berichts', 'in Prüfung', 'freigegeben'])
    expect(rows).toContainEqual(['Freigegeben von', '(leer)', 'Büro'])
    expect(rows).toContainEqual(['Fällig am', '31. Dezember 2026', '15. Januar 2027'])
    const approvedAt = rows.find((r) => r[0] === 'Freigegeben am')!
    expect(approvedAt[2]).toMatch(/^03\.12\.2026, \d{2}:\d{2}$/)
    expect(wrapper.text()).not.toContain('2026-12-03T')
  })
})
