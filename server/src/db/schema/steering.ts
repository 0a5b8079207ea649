import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './accounts.ts'
import { measures } from './measures.ts'
import { organisations } from './organisations.ts'
import { cities } from './plans.ts'

/** A seat in the city's steering group; the person is optional and internal. */
export const steeringMembers = pgTable('steering_members', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id, { onDelete: 'cascade' }),
  seat: text().notNull(),
  organisationId: integer().references(() => organisations.id, { onDelete: 'set null' }),
  personName: text(),
  userId: integer().references(() => users.id, { onDelete: 'set null' }),
  roleInGroup: text(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.cityId)])

export const steeringMeetings = pgTable('steering_meetings', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer().notNull().references(() => cities.id, { onDelete: 'cascade' }),
  date: date({ mode: 'string' }).notNull(),
  agenda: text(),
  minutes: text(),
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.cityId, t.date)])

export const steeringMeetingAttendees = pgTable('steering_meeting_attendees', {
  meetingId: integer().notNull().references(() => steeringMeetings.id, { onDelete: 'cascade' }),
  memberId: integer().notNull().references(() => steeringMembers.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })])

export const steeringDecisions = pgTable('steering_decisions', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  meetingId: integer().notNull().references(() => steeringMeetings.id, { onDelete: 'cascade' }),
  position: integer().notNull(),
  text: text().notNull(),
})

export const steeringDecisionMeasures = pgTable('steering_decision_measures', {
  decisionId: integer().notNull().references(() => steeringDecisions.id, { onDelete: 'cascade' }),
  measureId: integer().notNull().references(() => measures.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.decisionId, t.measureId] })])
