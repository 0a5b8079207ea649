import { Type, type Static } from 'typebox'
import { DateSchema, IdSchema, LongTextSchema, Nullable, ShortTextSchema, VersionSchema } from './common.ts'
import { IncidentLimits, Limits, SteeringLimits } from './limits.ts'
import { OrganisationRefSchema } from './organisations.ts'

const months = (description: string) =>
  Type.Integer({ minimum: SteeringLimits.cadenceMonths.min, maximum: SteeringLimits.cadenceMonths.max, description })

export const SteeringMemberSchema = Type.Object({
  id: IdSchema,
  seat: Type.String({ description: 'The seat, e.g. "Migrations- und Integrationsbeirat" or "Zivilgesellschaft"' }),
  organisation: Nullable(OrganisationRefSchema),
  personName: Nullable(Type.String({ description: 'Personal data: only the city\'s members read it; public pages show the organisation' })),
  roleInGroup: Nullable(Type.String({ description: 'Role in the group, e.g. chair, or a note that the seat is still to be filled' })),
  version: VersionSchema,
}, { title: 'SteeringMember', description: 'A seat in the city\'s steering group (Lenkungsgruppe).' })
export type SteeringMember = Static<typeof SteeringMemberSchema>

export const SteeringMemberRefSchema = Type.Object({
  id: IdSchema,
  seat: Type.String(),
  organisation: Nullable(OrganisationRefSchema),
}, { title: 'SteeringMemberRef', description: 'A seat as a meeting names it; the person is on the member record.' })
export type SteeringMemberRef = Static<typeof SteeringMemberRefSchema>

export const SteeringDecisionMeasureSchema = Type.Object({
  id: IdSchema,
  code: Type.String({ description: 'Measure code within its plan, e.g. `3.2`' }),
  titleDe: Type.String(),
  titleEn: Nullable(Type.String()),
}, { title: 'SteeringDecisionMeasure' })
export type SteeringDecisionMeasure = Static<typeof SteeringDecisionMeasureSchema>

export const SteeringDecisionSchema = Type.Object({
  id: IdSchema,
  text: Type.String({ description: 'What the group decided' }),
  measures: Type.Array(SteeringDecisionMeasureSchema, { description: 'Measures the decision concerns' }),
}, { title: 'SteeringDecision' })
export type SteeringDecision = Static<typeof SteeringDecisionSchema>

export const SteeringMeetingSchema = Type.Object({
  id: IdSchema,
  date: DateSchema,
  agenda: Nullable(Type.String()),
  minutes: Nullable(Type.String({ description: 'Minutes, or a note where they are kept' })),
  attendees: Type.Array(SteeringMemberRefSchema, { description: 'Seats represented at the meeting' }),
  decisions: Type.Array(SteeringDecisionSchema, { description: 'In the order recorded' }),
  version: VersionSchema,
}, { title: 'SteeringMeeting' })
export type SteeringMeeting = Static<typeof SteeringMeetingSchema>

export const SteeringMeetingSummarySchema = Type.Object({
  id: IdSchema,
  date: DateSchema,
  agenda: Nullable(Type.String()),
  attendeeCount: Type.Integer({ minimum: 0 }),
  decisionCount: Type.Integer({ minimum: 0 }),
  version: VersionSchema,
}, { title: 'SteeringMeetingSummary' })
export type SteeringMeetingSummary = Static<typeof SteeringMeetingSummarySchema>

export const SteeringGroupSchema = Type.Object({
  cadenceMonths: Type.Integer({ description: 'The group meets every this many months' }),
  attentionStaleMonths: Type.Integer({ description: 'A measure without a status update for this long needs the group\'s attention' }),
  incidentThreshold: Type.Integer({ description: 'Published incident figures below this are withheld' }),
  timeZone: Type.String({ description: 'The city\'s IANA time zone; its "today" is the date there' }),
  lastMeetingDate: Nullable(DateSchema),
  nextMeetingDue: Nullable(Type.String({ format: 'date', description: 'Last meeting plus the cadence months; null before the first meeting' })),
  members: Type.Array(SteeringMemberSchema, { description: 'Seats in the order they were added' }),
  meetings: Type.Array(SteeringMeetingSummarySchema, { description: 'Newest first' }),
  version: Type.Integer({ minimum: 1, description: 'The city\'s version; send it when changing the settings' }),
}, { title: 'SteeringGroup', description: 'The city\'s steering group: settings, seats and meetings. Only the city\'s members read it.' })
export type SteeringGroup = Static<typeof SteeringGroupSchema>

const memberFields = {
  seat: ShortTextSchema,
  organisationId: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'An organisation of the same city' }))),
  personName: Type.Optional(Nullable(Type.String({
    minLength: 1, maxLength: Limits.shortText, description: 'Personal data: only with the person\'s consent, and shown only to the city\'s members',
  }))),
  roleInGroup: Type.Optional(Nullable(ShortTextSchema)),
}

export const CreateSteeringMemberSchema = Type.Object(memberFields, { additionalProperties: false, title: 'CreateSteeringMember' })
export type CreateSteeringMember = Static<typeof CreateSteeringMemberSchema>

export const UpdateSteeringMemberSchema = Type.Object({
  ...Type.Partial(Type.Object(memberFields)).properties,
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, minProperties: 1, title: 'UpdateSteeringMember', description: 'Send the version you read (or an If-Match header).' })
export type UpdateSteeringMember = Static<typeof UpdateSteeringMemberSchema>

export const SteeringDecisionInputSchema = Type.Object({
  text: Type.String({ minLength: 1, maxLength: Limits.longText, description: 'What the group decided' }),
  measureIds: Type.Optional(Type.Array(IdSchema, {
    maxItems: SteeringLimits.measuresPerDecision, uniqueItems: true, description: 'Measures of the same city',
  })),
}, { additionalProperties: false, title: 'SteeringDecisionInput' })
export type SteeringDecisionInput = Static<typeof SteeringDecisionInputSchema>

const meetingFields = {
  date: DateSchema,
  agenda: Type.Optional(Nullable(LongTextSchema)),
  minutes: Type.Optional(Nullable(LongTextSchema)),
  attendeeIds: Type.Optional(Type.Array(IdSchema, {
    maxItems: SteeringLimits.attendeesPerMeeting, uniqueItems: true, description: 'Steering-group members of the same city',
  })),
  decisions: Type.Optional(Type.Array(SteeringDecisionInputSchema, { maxItems: SteeringLimits.decisionsPerMeeting })),
}

export const CreateSteeringMeetingSchema = Type.Object(meetingFields, { additionalProperties: false, title: 'CreateSteeringMeeting' })
export type CreateSteeringMeeting = Static<typeof CreateSteeringMeetingSchema>

export const UpdateSteeringMeetingSchema = Type.Object({
  ...Type.Partial(Type.Object(meetingFields)).properties,
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  minProperties: 1,
  title: 'UpdateSteeringMeeting',
  description: 'Only the fields sent change; attendees and decisions are replaced as a whole. Send the version you read (or an If-Match header).',
})
export type UpdateSteeringMeeting = Static<typeof UpdateSteeringMeetingSchema>

export const UpdateCitySettingsSchema = Type.Object({
  steeringCadenceMonths: Type.Optional(months('How often the steering group meets, in months')),
  attentionStaleMonths: Type.Optional(months('Months without a status update after which a measure needs the group\'s attention')),
  incidentThreshold: Type.Optional(Type.Integer({ minimum: IncidentLimits.threshold.min, maximum: IncidentLimits.threshold.max, description: 'Published incident figures below this are withheld (k; at least 3; SECURITY.md goal 41); applies to releases prepared afterwards' })),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone such as Europe/Berlin; every "today" of the city (status dates, due, late and stale checks, reminders) is its date there' })),
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, minProperties: 1, title: 'UpdateCitySettings', description: 'Carries the city\'s version (or an If-Match header).' })
export type UpdateCitySettings = Static<typeof UpdateCitySettingsSchema>
