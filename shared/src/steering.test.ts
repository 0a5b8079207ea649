import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { CreateSteeringMeetingSchema, CreateSteeringMemberSchema, UpdateCitySettingsSchema } from './steering.ts'

const meeting = { date: '2024-03-10', attendeeIds: [1, 2], decisions: [{ text: 'Bericht abstimmen', measureIds: [7] }] }

describe('CreateSteeringMeetingSchema', () => {
  it('accepts a meeting with attendees and decisions, and a bare date', () => {
    expect(Value.Check(CreateSteeringMeetingSchema, meeting)).toBe(true)
    expect(Value.Check(CreateSteeringMeetingSchema, { date: '2024-03-10' })).toBe(true)
  })

  it.each([
    ['the same attendee twice', { attendeeIds: [1, 1] }],
    ['an empty decision', { decisions: [{ text: '' }] }],
    ['a decision naming a measure twice', { decisions: [{ text: 'x', measureIds: [3, 3] }] }],
    ['an unknown field', { location: 'Rathaus' }],
    ['a date with a time', { date: '2024-03-10T10:00:00Z' }],
  ])('refuses %s', (_case, change) => {
    expect(Value.Check(CreateSteeringMeetingSchema, { ...meeting, ...change })).toBe(false)
  })
})

describe('CreateSteeringMemberSchema', () => {
  it('accepts a seat without organisation or person, and refuses an empty seat', () => {
    expect(Value.Check(CreateSteeringMemberSchema, { seat: 'Wissenschaft', organisationId: null, personName: null })).toBe(true)
    expect(Value.Check(CreateSteeringMemberSchema, { seat: '' })).toBe(false)
  })
})

describe('UpdateCitySettingsSchema', () => {
  it.each([[1, true], [60, true], [0, false], [61, false], [2.5, false]])('%s months is %s', (months, valid) => {
    expect(Value.Check(UpdateCitySettingsSchema, { steeringCadenceMonths: months, attentionStaleMonths: months, version: 1 })).toBe(valid)
  })

  it('refuses an empty change', () => {
    expect(Value.Check(UpdateCitySettingsSchema, {})).toBe(false)
  })
})
