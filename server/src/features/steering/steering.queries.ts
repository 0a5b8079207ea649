import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  measures, organisations, steeringDecisionMeasures, steeringDecisions, steeringMeetingAttendees, steeringMeetings,
  steeringMembers,
} from '../../db/schema/index.ts'

const memberColumns = {
  id: steeringMembers.id,
  cityId: steeringMembers.cityId,
  seat: steeringMembers.seat,
  organisationId: steeringMembers.organisationId,
  organisationName: organisations.name,
  organisationNameEn: organisations.nameEn,
  personName: steeringMembers.personName,
  roleInGroup: steeringMembers.roleInGroup,
  version: steeringMembers.version,
}
export type SteeringMemberRow = NonNullable<Awaited<ReturnType<typeof findMember>>>

export async function findMember (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select(memberColumns).from(steeringMembers)
    .leftJoin(organisations, eq(organisations.id, steeringMembers.organisationId))
    .where(eq(steeringMembers.id, id))
  const [row] = options.forUpdate ? await query.for('update', { of: steeringMembers }) : await query
  return row
}

/** Seats in the order they were added, which is the order the plan lists them. */
export const listMembersOfCity = (db: Db, cityId: number) =>
  db.select(memberColumns).from(steeringMembers)
    .leftJoin(organisations, eq(organisations.id, steeringMembers.organisationId))
    .where(eq(steeringMembers.cityId, cityId)).orderBy(asc(steeringMembers.id))

/** The stored row as it is, for the audit trail (the person's name included: the trail is internal). */
export async function memberRecord (db: Db, id: number) {
  const [row] = await db.select().from(steeringMembers).where(eq(steeringMembers.id, id))
  return row
}

export async function findMeeting (db: Db, id: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(steeringMeetings).where(eq(steeringMeetings.id, id))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

const orgRef = { columns: { id: true, name: true, nameEn: true } } as const

/** A meeting with its attendees and decisions, in one relational query. */
export function findMeetingDetail (db: Db, id: number) {
  return db.query.steeringMeetings.findFirst({
    where: eq(steeringMeetings.id, id),
    with: {
      attendees: { columns: {}, with: { member: { columns: { id: true, seat: true }, with: { organisation: orgRef } } } },
      decisions: {
        columns: { id: true, text: true },
        orderBy: [asc(steeringDecisions.position), asc(steeringDecisions.id)],
        with: {
          measures: {
            columns: {},
            with: { measure: { columns: { id: true, code: true, titleDe: true, titleEn: true, deletedAt: true } } },
          },
        },
      },
    },
  })
}
export type SteeringMeetingDetailRow = NonNullable<Awaited<ReturnType<typeof findMeetingDetail>>>

/** Meetings of a city, newest first, with how many attended and how much was decided. */
export function listMeetingSummaries (db: Db, cityId: number) {
  const attendance = db.select({ meetingId: steeringMeetingAttendees.meetingId, n: count().as('attendee_count') })
    .from(steeringMeetingAttendees).groupBy(steeringMeetingAttendees.meetingId).as('attendance')
  const decided = db.select({ meetingId: steeringDecisions.meetingId, n: count().as('decision_count') })
    .from(steeringDecisions).groupBy(steeringDecisions.meetingId).as('decided')
  return db.select({
    id: steeringMeetings.id,
    date: steeringMeetings.date,
    agenda: steeringMeetings.agenda,
    attendeeCount: sql<number>`coalesce(${attendance.n}, 0)`.mapWith(Number),
    decisionCount: sql<number>`coalesce(${decided.n}, 0)`.mapWith(Number),
    version: steeringMeetings.version,
  }).from(steeringMeetings)
    .leftJoin(attendance, eq(attendance.meetingId, steeringMeetings.id))
    .leftJoin(decided, eq(decided.meetingId, steeringMeetings.id))
    .where(eq(steeringMeetings.cityId, cityId))
    .orderBy(desc(steeringMeetings.date), desc(steeringMeetings.id))
}

/** The ids among `ids` that are not in the set `found` selects; the first unknown one is reported. */
const missing = (ids: number[], found: { id: number }[]) => {
  const known = new Set(found.map((row) => row.id))
  return ids.filter((id) => !known.has(id))
}

export async function unknownMembers (db: Db, cityId: number, ids: number[]) {
  if (ids.length === 0) return []
  const found = await db.select({ id: steeringMembers.id }).from(steeringMembers)
    .where(and(eq(steeringMembers.cityId, cityId), inArray(steeringMembers.id, ids)))
  return missing(ids, found)
}

/** Hidden (deleted) measures cannot be named in new decisions. */
export async function unknownMeasures (db: Db, cityId: number, ids: number[]) {
  if (ids.length === 0) return []
  const found = await db.select({ id: measures.id }).from(measures)
    .where(and(eq(measures.cityId, cityId), inArray(measures.id, ids), isNull(measures.deletedAt)))
  return missing(ids, found)
}

export async function organisationInCity (db: Db, cityId: number, id: number) {
  const [row] = await db.select({ id: organisations.id }).from(organisations)
    .where(and(eq(organisations.cityId, cityId), eq(organisations.id, id)))
  return row !== undefined
}

export async function meetingsAttendedBy (db: Db, memberId: number) {
  const rows = await db.select({ meetingId: steeringMeetingAttendees.meetingId }).from(steeringMeetingAttendees)
    .where(eq(steeringMeetingAttendees.memberId, memberId)).orderBy(asc(steeringMeetingAttendees.meetingId))
  return rows.map((row) => row.meetingId)
}

export async function replaceAttendees (db: Db, meetingId: number, memberIds: number[]) {
  await db.delete(steeringMeetingAttendees).where(eq(steeringMeetingAttendees.meetingId, meetingId))
  if (memberIds.length) await db.insert(steeringMeetingAttendees).values(memberIds.map((memberId) => ({ meetingId, memberId })))
}

export async function replaceDecisions (db: Db, meetingId: number, decisions: { text: string, measureIds?: number[] | undefined }[]) {
  await db.delete(steeringDecisions).where(eq(steeringDecisions.meetingId, meetingId))
  // One by one: each decision's id is needed for its measure links.
  for (const [position, decision] of decisions.entries()) {
    const [created] = await db.insert(steeringDecisions).values({ meetingId, position, text: decision.text }).returning({ id: steeringDecisions.id })
    const measureIds = decision.measureIds ?? []
    if (measureIds.length) {
      await db.insert(steeringDecisionMeasures).values(measureIds.map((measureId) => ({ decisionId: created!.id, measureId })))
    }
  }
}

export async function insertMember (db: Db, values: typeof steeringMembers.$inferInsert) {
  const [row] = await db.insert(steeringMembers).values(values).returning()
  return row!
}

export async function deleteMember (db: Db, id: number) {
  await db.delete(steeringMembers).where(eq(steeringMembers.id, id))
}

/** The id of the new meeting. */
export async function insertMeeting (db: Db, values: typeof steeringMeetings.$inferInsert) {
  const [row] = await db.insert(steeringMeetings).values(values).returning({ id: steeringMeetings.id })
  return row!.id
}

export async function deleteMeeting (db: Db, id: number) {
  await db.delete(steeringMeetings).where(eq(steeringMeetings.id, id))
}
