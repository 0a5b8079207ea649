import {
  SteeringLimits, type CreateSteeringMeeting, type CreateSteeringMember, type SteeringGroup, type SteeringMeeting,
  type SteeringMember, type UpdateCitySettings, type UpdateSteeringMeeting, type UpdateSteeringMember,
} from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'
import { textOrNull } from './form-diff'

export interface SettingsFormValues {
  [key: string]: unknown
  steeringCadenceMonths: number | ''
  attentionStaleMonths: number | ''
}

export const settingsFieldOrder = ['steeringCadenceMonths', 'attentionStaleMonths'] as const

export const settingsToForm = (g: SteeringGroup): SettingsFormValues =>
  ({ steeringCadenceMonths: g.cadenceMonths, attentionStaleMonths: g.attentionStaleMonths })

const { min, max } = SteeringLimits.cadenceMonths
const validMonths = (v: number | '') => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max

export function validateSettings (v: SettingsFormValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!validMonths(v.steeringCadenceMonths)) errors.steeringCadenceMonths = 'admin.validation.months'
  if (!validMonths(v.attentionStaleMonths)) errors.attentionStaleMonths = 'admin.validation.months'
  return errors
}

export function settingsChangesToBody (changes: Partial<SettingsFormValues>): UpdateCitySettings {
  const body: UpdateCitySettings = {}
  if (typeof changes.steeringCadenceMonths === 'number') body.steeringCadenceMonths = changes.steeringCadenceMonths
  if (typeof changes.attentionStaleMonths === 'number') body.attentionStaleMonths = changes.attentionStaleMonths
  return body
}

export interface MemberFormValues {
  [key: string]: unknown
  seat: string
  organisationId: number | null
  personName: string
  roleInGroup: string
}

export const memberFieldOrder = ['seat', 'organisationId', 'personName', 'roleInGroup'] as const

export const emptyMemberForm = (): MemberFormValues => ({ seat: '', organisationId: null, personName: '', roleInGroup: '' })

export const memberToForm = (m: SteeringMember): MemberFormValues =>
  ({ seat: m.seat, organisationId: m.organisation?.id ?? null, personName: m.personName ?? '', roleInGroup: m.roleInGroup ?? '' })

export const validateMember = (v: MemberFormValues): FieldErrors => (v.seat.trim() ? {} : { seat: 'admin.validation.required' })

export function memberToCreateBody (v: MemberFormValues): CreateSteeringMember {
  return { seat: v.seat.trim(), organisationId: v.organisationId, personName: textOrNull(v.personName), roleInGroup: textOrNull(v.roleInGroup) }
}

export function memberChangesToBody (changes: Partial<MemberFormValues>): UpdateSteeringMember {
  const body: UpdateSteeringMember = {}
  if (changes.seat !== undefined) body.seat = changes.seat.trim()
  if (changes.organisationId !== undefined) body.organisationId = changes.organisationId
  if (changes.personName !== undefined) body.personName = textOrNull(changes.personName)
  if (changes.roleInGroup !== undefined) body.roleInGroup = textOrNull(changes.roleInGroup)
  return body
}

export interface DecisionFormValue {
  [key: string]: unknown
  text: string
  measureIds: number[]
}

export interface MeetingFormValues {
  [key: string]: unknown
  date: string
  attendeeIds: number[]
  agenda: string
  minutes: string
  decisions: DecisionFormValue[]
}

export const meetingFieldOrder = ['date', 'attendeeIds', 'agenda', 'minutes', 'decisions'] as const

export const emptyMeetingForm = (date = ''): MeetingFormValues => ({ date, attendeeIds: [], agenda: '', minutes: '', decisions: [] })

export function meetingToForm (m: SteeringMeeting): MeetingFormValues {
  return {
    date: m.date,
    attendeeIds: m.attendees.map((a) => a.id).sort((a, b) => a - b),
    agenda: m.agenda ?? '',
    minutes: m.minutes ?? '',
    decisions: m.decisions.map((d) => ({ text: d.text, measureIds: d.measures.map((x) => x.id).sort((a, b) => a - b) })),
  }
}

export function validateMeeting (v: MeetingFormValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!v.date) errors.date = 'admin.validation.required'
  if (v.decisions.some((d) => !d.text.trim())) errors.decisions = 'admin.validation.decisionText'
  return errors
}

const decisionsToBody = (decisions: DecisionFormValue[]) => decisions.map((d) => ({ text: d.text.trim(), measureIds: [...d.measureIds] }))

export function meetingToCreateBody (v: MeetingFormValues): CreateSteeringMeeting {
  return {
    date: v.date,
    agenda: textOrNull(v.agenda),
    minutes: textOrNull(v.minutes),
    attendeeIds: [...v.attendeeIds],
    decisions: decisionsToBody(v.decisions),
  }
}

export function meetingChangesToBody (changes: Partial<MeetingFormValues>): UpdateSteeringMeeting {
  const body: UpdateSteeringMeeting = {}
  if (changes.date !== undefined) body.date = changes.date
  if (changes.agenda !== undefined) body.agenda = textOrNull(changes.agenda)
  if (changes.minutes !== undefined) body.minutes = textOrNull(changes.minutes)
  if (changes.attendeeIds !== undefined) body.attendeeIds = [...changes.attendeeIds]
  if (changes.decisions !== undefined) body.decisions = decisionsToBody(changes.decisions)
  return body
}

export type DueState = { kind: 'none' } | { kind: 'due', date: string, days: number } | { kind: 'overdue', date: string, days: number }

/** Whether the next meeting is still ahead or overdue, counted in whole days from `today` (YYYY-MM-DD). */
export function meetingDue (nextMeetingDue: string | null, today: string): DueState {
  if (!nextMeetingDue) return { kind: 'none' }
  const days = Math.round((Date.parse(`${nextMeetingDue}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
  return days < 0 ? { kind: 'overdue', date: nextMeetingDue, days: -days } : { kind: 'due', date: nextMeetingDue, days }
}

/** Today's date in the person's time zone, as YYYY-MM-DD. */
export function localToday (now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
