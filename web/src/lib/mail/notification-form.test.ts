import { describe, expect, it } from 'vitest'
import { notificationSettings } from '@/testing/mail-fixtures'
import { formToNotifications, notificationsToForm } from './notification-form'
import { kindKey } from './outbox'
import { weekdays } from './weekdays'

describe('notification form', () => {
  it('holds one switch per kind and sends every kind back in the contract\'s order', () => {
    const form = notificationsToForm({ ...notificationSettings(), kinds: [{ kind: 'meeting-due', enabled: false }] })
    expect(form).toMatchObject({ 'deadline-reminders': false, 'meeting-due': false, language: 'de', digestDay: 1 })
    form['weekly-digest'] = true
    expect(formToNotifications(form).kinds).toEqual([
      { kind: 'deadline-reminders', enabled: false },
      { kind: 'weekly-digest', enabled: true },
      { kind: 'meeting-due', enabled: false },
      { kind: 'cycle-changes', enabled: false },
    ])
  })

  it('names the weekdays from Monday in both languages', () => {
    expect(weekdays('de').map((d) => d.label)).toEqual(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'])
    expect(weekdays('en')[6]).toEqual({ value: 7, label: 'Sunday' })
  })
})

describe('outbox helpers', () => {
  it('names a kind\'s texts', () => {
    expect(kindKey('second-factor-reset')).toBe('secondFactorReset')
  })
})
