import { describe, expect, it } from 'vitest'
import { dayInZone, dueStep, isKnownTimeZone, isoWeek, isoWeekday } from './reminders.rules.ts'

const steps = [28, 7, 0, -7]

describe('the step due on a day', () => {
  it('sends each default step on its day, widening from the organisations to the steering group and the office', () => {
    expect(dueStep('2026-11-05', '2026-12-03', steps)).toEqual({ step: 28, tier: 'organisations' })
    expect(dueStep('2026-11-26', '2026-12-03', steps)).toEqual({ step: 7, tier: 'organisations' })
    expect(dueStep('2026-12-03', '2026-12-03', steps)).toEqual({ step: 0, tier: 'steering' })
    expect(dueStep('2026-12-10', '2026-12-03', steps)).toEqual({ step: -7, tier: 'office' })
  })

  it('catches up a missed step for a week, and never reaches further back', () => {
    expect(dueStep('2026-11-10', '2026-12-03', steps)).toEqual({ step: 28, tier: 'organisations' })
    expect(dueStep('2026-10-01', '2026-12-03', steps)).toBeNull()
    expect(dueStep('2026-12-17', '2026-12-03', steps)).toEqual({ step: -7, tier: 'office' })
    expect(dueStep('2026-12-18', '2026-12-03', steps)).toBeNull()
  })
})

describe('the city\'s day', () => {
  it('is the day in the city\'s zone, not the server\'s', () => {
    const instant = new Date('2026-12-02T23:30:00Z')
    expect(dayInZone(instant, 'Europe/Berlin')).toBe('2026-12-03')
    expect(dayInZone(instant, 'America/New_York')).toBe('2026-12-02')
  })

  it('knows IANA zones and refuses anything else', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true)
    expect(isKnownTimeZone('UTC')).toBe(true)
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false)
    expect(isKnownTimeZone('')).toBe(false)
  })

  it('numbers weekdays and weeks the ISO way', () => {
    expect(isoWeekday('2026-12-07')).toBe(1)
    expect(isoWeekday('2026-12-06')).toBe(7)
    expect(isoWeek('2026-12-03')).toBe('2026-W49')
    expect(isoWeek('2027-01-01')).toBe('2026-W53')
  })
})
