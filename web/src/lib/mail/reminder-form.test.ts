import { describe, expect, it } from 'vitest'
import { reminderSettings } from '@/testing/mail-fixtures'
import { reminderBody, reminderToForm, stepToValue, timeZoneChoices, validateReminders, valueToStep } from './reminder-form'

const zones = ['Europe/Berlin', 'UTC']

describe('reminder form', () => {
  it('shows the steps earliest first as days before, on the day and after, and sends them back as numbers', () => {
    const form = reminderToForm(reminderSettings({ steps: [0, -7, 28, 7] }))
    expect(form.steps).toEqual([{ days: 28, when: 'before' }, { days: 7, when: 'before' }, { days: '', when: 'day' }, { days: 7, when: 'after' }])
    expect(reminderBody(form)).toEqual({ timeZone: 'Europe/Berlin', steps: [28, 7, 0, -7] })
    expect(valueToStep(stepToValue(-60))).toBe(-60)
  })

  it('accepts the defaults and refuses missing, out-of-range and repeated steps at the step concerned', () => {
    expect(validateReminders(reminderToForm(reminderSettings()), zones)).toEqual({})
    const form = reminderToForm(reminderSettings())
    form.steps = [{ days: 121, when: 'before' }, { days: '', when: 'after' }, { days: 61, when: 'after' }, { days: 7, when: 'before' }, { days: 7, when: 'before' }]
    expect(validateReminders(form, zones)).toEqual({
      'step-0-days': 'mail.reminders.errors.daysBefore',
      'step-1-days': 'mail.reminders.errors.daysAfter',
      'step-2-days': 'mail.reminders.errors.daysAfter',
      'step-4-days': 'mail.reminders.errors.twice',
    })
    form.steps = [{ days: '', when: 'day' }, { days: '', when: 'day' }]
    expect(validateReminders(form, zones)).toEqual({ 'step-1-when': 'mail.reminders.errors.twice' })
    form.steps = []
    expect(validateReminders({ ...form, timeZone: 'Mars/Olympus' }, zones)).toEqual({ steps: 'mail.reminders.errors.noSteps', timeZone: 'mail.reminders.errors.timeZone' })
    form.steps = [1, 2, 3, 4, 5, 6, 7].map((days) => ({ days, when: 'before' as const }))
    expect(validateReminders(form, zones)).toEqual({ steps: 'mail.reminders.errors.tooMany' })
  })

  it('offers the browser\'s zones sorted, always with UTC and the saved zone', () => {
    expect(timeZoneChoices('America/Nuuk', () => ['Europe/Berlin', 'Asia/Tokyo'])).toEqual(['America/Nuuk', 'Asia/Tokyo', 'Europe/Berlin', 'UTC'])
    expect(timeZoneChoices(null)).toContain('Europe/Berlin')
  })
})
