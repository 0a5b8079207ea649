import { describe, expect, it } from 'vitest'
import { changedFields } from './form-diff'
import {
  emptyMeetingForm, localToday, meetingChangesToBody, meetingDue, meetingToCreateBody, memberChangesToBody, memberToForm, settingsChangesToBody,
  validateMeeting, validateSettings,
} from './steering-form'

describe('meetingDue', () => {
  it('says when the next meeting is due, or how long it is overdue', () => {
    expect(meetingDue(null, '2026-01-10')).toEqual({ kind: 'none' })
    expect(meetingDue('2026-01-20', '2026-01-10')).toEqual({ kind: 'due', date: '2026-01-20', days: 10 })
    expect(meetingDue('2026-01-10', '2026-01-10')).toEqual({ kind: 'due', date: '2026-01-10', days: 0 })
    expect(meetingDue('2025-03-14', '2026-03-14')).toEqual({ kind: 'overdue', date: '2025-03-14', days: 365 })
  })

  it('counts today in the person\'s own calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05')
  })
})

describe('settings', () => {
  it('accept whole months from 1 to 60 only', () => {
    expect(validateSettings({ steeringCadenceMonths: 12, attentionStaleMonths: 6 })).toEqual({})
    expect(validateSettings({ steeringCadenceMonths: '', attentionStaleMonths: 61 })).toEqual({
      steeringCadenceMonths: 'admin.validation.months', attentionStaleMonths: 'admin.validation.months',
    })
    expect(settingsChangesToBody({ attentionStaleMonths: 3 })).toEqual({ attentionStaleMonths: 3 })
  })
})

describe('seats', () => {
  it('send the changed fields, blank person as null', () => {
    const original = memberToForm({ id: 1, seat: 'Beirat', organisation: { id: 22, name: 'Beirat', nameEn: null }, personName: 'A. B.', roleInGroup: null, version: 1 })
    expect(memberChangesToBody(changedFields(original, { ...original, personName: ' ', organisationId: null }))).toEqual({ personName: null, organisationId: null })
  })
})

describe('meetings', () => {
  it('need a date and a text for every decision', () => {
    expect(validateMeeting(emptyMeetingForm())).toEqual({ date: 'admin.validation.required' })
    expect(validateMeeting({ ...emptyMeetingForm('2026-03-01'), decisions: [{ text: ' ', measureIds: [] }] })).toEqual({ decisions: 'admin.validation.decisionText' })
  })

  it('send attendees and decisions as a whole', () => {
    const form = { ...emptyMeetingForm('2026-03-01'), attendeeIds: [3, 1], agenda: 'TOP 1', decisions: [{ text: ' Ausbauen ', measureIds: [4] }] }
    expect(meetingToCreateBody(form)).toEqual({ date: '2026-03-01', agenda: 'TOP 1', minutes: null, attendeeIds: [3, 1], decisions: [{ text: 'Ausbauen', measureIds: [4] }] })
    expect(meetingChangesToBody({ minutes: '' })).toEqual({ minutes: null })
  })
})
