import type { FieldErrors } from '@/composables/admin/useVersionedForm'
import { ReminderLimits, type ReminderSettings, type UpdateReminderSettings } from '@eccar/shared'

/** One step as the form shows it: a number of days and whether before the due date, on it or after it. */
export interface StepValue {
  [key: string]: unknown
  days: number | ''
  when: 'before' | 'day' | 'after'
}

export interface ReminderFormValues {
  [key: string]: unknown
  timeZone: string
  steps: StepValue[]
}

export const reminderFieldOrder = ['timeZone', 'steps'] as const

/** The id of a step's days field (the error summary links there); the day itself has none, so its select. */
export const stepFieldId = (index: number, step: StepValue) => `step-${index}-${step.when === 'day' ? 'when' : 'days'}`

export function stepToValue (offset: number): StepValue {
  if (offset === 0) return { days: '', when: 'day' }
  return offset > 0 ? { days: offset, when: 'before' } : { days: -offset, when: 'after' }
}

/** Days before the due date (the API's number); null while the days are not a whole number. */
export function valueToStep (value: StepValue): number | null {
  if (value.when === 'day') return 0
  if (typeof value.days !== 'number' || !Number.isInteger(value.days)) return null
  return value.when === 'before' ? value.days : -value.days
}

/** Earliest reminder first, as the mails go out. */
const byTime = (a: number, b: number) => b - a

export const reminderToForm = (s: ReminderSettings): ReminderFormValues =>
  ({ timeZone: s.timeZone, steps: [...s.steps].sort(byTime).map(stepToValue) })

export function validateReminders (v: ReminderFormValues, zones: readonly string[]): FieldErrors {
  const errors: FieldErrors = {}
  if (!zones.includes(v.timeZone)) errors.timeZone = 'mail.reminders.errors.timeZone'
  if (v.steps.length < ReminderLimits.steps.min) errors.steps = 'mail.reminders.errors.noSteps'
  if (v.steps.length > ReminderLimits.steps.max) errors.steps = 'mail.reminders.errors.tooMany'
  const seen = new Set<number>()
  v.steps.forEach((value, index) => {
    const step = valueToStep(value)
    const limit = value.when === 'before' ? ReminderLimits.stepDays.max : -ReminderLimits.stepDays.min
    if (step === null || (value.when !== 'day' && (Number(value.days) < 1 || Number(value.days) > limit))) {
      errors[stepFieldId(index, value)] = value.when === 'before' ? 'mail.reminders.errors.daysBefore' : 'mail.reminders.errors.daysAfter'
    } else if (seen.has(step)) {
      errors[stepFieldId(index, value)] = 'mail.reminders.errors.twice'
    } else {
      seen.add(step)
    }
  })
  return errors
}

/** The whole settings go with every save (a PUT): the changed fields over the values the form holds. */
export function reminderBody (values: ReminderFormValues): Omit<UpdateReminderSettings, 'version'> {
  return {
    timeZone: values.timeZone,
    steps: values.steps.map(valueToStep).filter((s): s is number => s !== null).sort(byTime),
  }
}

/**
 * The IANA time zones this browser knows, with the saved one always among them (a browser may
 * lack a zone the server accepts, or list `UTC` under another name).
 */
export function timeZoneChoices (current: string | null, supported: () => string[] = () => Intl.supportedValuesOf('timeZone')): string[] {
  const zones = new Set(supported())
  zones.add('UTC')
  if (current) zones.add(current)
  return [...zones].sort((a, b) => a.localeCompare(b, 'en'))
}
