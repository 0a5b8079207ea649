import type {
  CreateSteeringMeeting, CreateSteeringMember, SteeringGroup, SteeringMeeting, SteeringMember, UpdateCitySettings,
  UpdateSteeringMeeting, UpdateSteeringMember,
} from '@eccar/shared'
import { eq } from 'drizzle-orm'
import { requireRole, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { cities, steeringMeetings, steeringMembers } from '../../db/schema/index.ts'
import { CityNotFoundError, findCityBySlug, getCityAs, TimeZoneUnknownError } from '../cities/cities.service.ts'
import { OrganisationUnknownError } from '../measures/measures.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import {
  SteeringAttendeeUnknownError, SteeringMeasureUnknownError, SteeringMeetingNotFoundError, SteeringMemberNotFoundError,
} from './steering.errors.ts'
import {
  deleteMeeting, deleteMember, findMeeting, findMeetingDetail, findMember, listMeetingSummaries, listMembersOfCity, meetingsAttendedBy,
  insertMeeting, insertMember, memberRecord, organisationInCity, replaceAttendees, replaceDecisions, unknownMeasures, unknownMembers,
  type SteeringMeetingDetailRow, type SteeringMemberRow,
} from './steering.queries.ts'
import { addMonths, isKnownTimeZone } from '../../lib/dates.ts'
import { byCode } from '../../lib/collation.ts'

/**
 * The version a write was based on, read only after the role check: a caller from another city
 * learns nothing about the record, not even that it would need a version.
 */

export function toSteeringMember (row: SteeringMemberRow): SteeringMember {
  return {
    id: row.id,
    seat: row.seat,
    organisation: row.organisationId === null ? null : { id: row.organisationId, name: row.organisationName!, nameEn: row.organisationNameEn },
    personName: row.personName,
    roleInGroup: row.roleInGroup,
    version: row.version,
  }
}

export function toSteeringMeeting (row: SteeringMeetingDetailRow): SteeringMeeting {
  return {
    id: row.id,
    date: row.date,
    agenda: row.agenda,
    minutes: row.minutes,
    attendees: row.attendees.map(({ member }) => member).sort((a, b) => a.id - b.id),
    decisions: row.decisions.map((decision) => ({
      id: decision.id,
      text: decision.text,
      // A measure deleted later is hidden for everyone, here too.
      measures: decision.measures.map(({ measure }) => measure).filter((measure) => measure.deletedAt === null)
        .map(({ deletedAt: _hidden, ...measure }) => measure).sort(byCode),
    })),
    version: row.version,
  }
}

export function createSteeringService (db: Db, onChange: ChangeListener = () => {}) {
  async function overview (tx: Db, city: typeof cities.$inferSelect): Promise<SteeringGroup> {
    const members = await listMembersOfCity(tx, city.id)
    const meetings = await listMeetingSummaries(tx, city.id)
    const lastMeetingDate = meetings[0]?.date ?? null
    return {
      cadenceMonths: city.steeringCadenceMonths,
      attentionStaleMonths: city.attentionStaleMonths,
      incidentThreshold: city.incidentThreshold,
      timeZone: city.timeZone,
      lastMeetingDate,
      nextMeetingDue: lastMeetingDate === null ? null : addMonths(lastMeetingDate, city.steeringCadenceMonths),
      members: members.map(toSteeringMember),
      meetings,
      version: city.version,
    }
  }

  async function meeting (tx: Db, id: number) {
    const row = await findMeetingDetail(tx, id)
    if (!row) throw new SteeringMeetingNotFoundError(id)
    return toSteeringMeeting(row)
  }

  async function member (tx: Db, id: number) {
    const row = await findMember(tx, id)
    if (!row) throw new SteeringMemberNotFoundError(id)
    return toSteeringMember(row)
  }

  /** The city, for its admins only; anyone else learns nothing about it. */
  const adminCity = (tx: Db, citySlug: string, actor: Actor) => getCityAs(tx, citySlug, actor, 'admin')

  /** A seat locked for a versioned write by one of its city's administrators. */
  const lockMember = (tx: Db, id: number, expected: number | undefined, actor: Actor) => lockVersioned({
    lock: () => findMember(tx, id, { forUpdate: true }),
    notFound: () => new SteeringMemberNotFoundError(id),
    check: (row) => requireRole(actor, row.cityId, 'admin', () => new SteeringMemberNotFoundError(id)),
    expected,
    current: (row) => toSteeringMember(row),
  })

  const lockMeeting = (tx: Db, id: number, expected: number | undefined, actor: Actor) => lockVersioned({
    lock: () => findMeeting(tx, id, { forUpdate: true }),
    notFound: () => new SteeringMeetingNotFoundError(id),
    check: (row) => requireRole(actor, row.cityId, 'admin', () => new SteeringMeetingNotFoundError(id)),
    expected,
    current: () => meeting(tx, id),
  })

  async function checkOrganisation (tx: Db, cityId: number, organisationId: number | null | undefined) {
    if (organisationId != null && !await organisationInCity(tx, cityId, organisationId)) throw new OrganisationUnknownError(organisationId)
  }

  /** Attendees must hold a seat in the same city, decisions may name only the city's measures. */
  async function checkMeetingReferences (tx: Db, cityId: number, input: UpdateSteeringMeeting) {
    const [attendee] = await unknownMembers(tx, cityId, input.attendeeIds ?? [])
    if (attendee !== undefined) throw new SteeringAttendeeUnknownError(attendee)
    const measureIds = [...new Set((input.decisions ?? []).flatMap((decision) => decision.measureIds ?? []))]
    const [measure] = await unknownMeasures(tx, cityId, measureIds)
    if (measure !== undefined) throw new SteeringMeasureUnknownError(measure)
  }

  return {
    async overview (citySlug: string, actor: Actor) {
      const city = await getCityAs(db, citySlug, actor, 'viewer')
      return overview(db, city)
    },

    async updateSettings (citySlug: string, input: UpdateCitySettings, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const city = await lockVersioned({
          lock: () => findCityBySlug(tx, citySlug, { forUpdate: true }),
          notFound: () => new CityNotFoundError(citySlug),
          check: (row) => requireRole(actor, row.id, 'admin', () => new CityNotFoundError(citySlug)),
          expected,
          current: (row) => overview(tx, row),
        })
        // Attention lists default to the city's stale months; cached reads must not keep the old setting.
        await announce('everything')
        if (input.timeZone !== undefined && !isKnownTimeZone(input.timeZone)) throw new TimeZoneUnknownError(input.timeZone)
        const { version: _ignored, ...changes } = input
        await updateVersioned(tx, cities, eq(cities.id, city.id), city.version, changes)
        const updated = await findCityBySlug(tx, citySlug, { forUpdate: true })
        const settings = (row: typeof city) => ({ steeringCadenceMonths: row.steeringCadenceMonths, attentionStaleMonths: row.attentionStaleMonths, ...(input.incidentThreshold === undefined ? {} : { incidentThreshold: row.incidentThreshold }), ...(input.timeZone === undefined ? {} : { timeZone: row.timeZone }), version: row.version })
        await recordAudit(tx, actor, { cityId: city.id, action: 'city.settings.update', entityType: 'city', entityId: city.id, before: settings(city), after: settings(updated!) })
        return overview(tx, updated!)
      })
    },

    async createMember (citySlug: string, input: CreateSteeringMember, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const city = await adminCity(tx, citySlug, actor)
        await checkOrganisation(tx, city.id, input.organisationId)
        const created = await insertMember(tx, { ...input, cityId: city.id })
        await recordAudit(tx, actor, { cityId: city.id, action: 'steering.member.create', entityType: 'steering_member', entityId: created.id, after: created })
        return member(tx, created.id)
      })
    },

    async updateMember (id: number, input: UpdateSteeringMember, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const row = await lockMember(tx, id, expected, actor)
        await checkOrganisation(tx, row.cityId, input.organisationId)
        const before = await memberRecord(tx, id)
        const { version: _ignored, ...changes } = input
        await updateVersioned(tx, steeringMembers, eq(steeringMembers.id, id), row.version, changes)
        const after = await memberRecord(tx, id)
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'steering.member.update', entityType: 'steering_member', entityId: id, before, after })
        return member(tx, id)
      })
    },

    async removeMember (id: number, expected: number | undefined, actor: Actor) {
      await writeTransaction(db, onChange, async (tx) => {
        const row = await lockMember(tx, id, expected, actor)
        // The seat leaves the attendee lists of past meetings (cascade); the trail keeps which ones.
        const before = { ...await memberRecord(tx, id), attendedMeetingIds: await meetingsAttendedBy(tx, id) }
        await deleteMember(tx, id)
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'steering.member.delete', entityType: 'steering_member', entityId: id, before })
      })
    },

    async getMeeting (id: number, actor: Actor) {
      const row = await findMeetingDetail(db, id)
      if (!row) throw new SteeringMeetingNotFoundError(id)
      requireRole(actor, row.cityId, 'viewer', () => new SteeringMeetingNotFoundError(id))
      return toSteeringMeeting(row)
    },

    async createMeeting (citySlug: string, input: CreateSteeringMeeting, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const city = await adminCity(tx, citySlug, actor)
        await checkMeetingReferences(tx, city.id, input)
        const id = await insertMeeting(tx, { cityId: city.id, date: input.date, agenda: input.agenda ?? null, minutes: input.minutes ?? null })
        await replaceAttendees(tx, id, input.attendeeIds ?? [])
        await replaceDecisions(tx, id, input.decisions ?? [])
        const after = await meeting(tx, id)
        await recordAudit(tx, actor, { cityId: city.id, action: 'steering.meeting.create', entityType: 'steering_meeting', entityId: id, after })
        return after
      })
    },

    async updateMeeting (id: number, input: UpdateSteeringMeeting, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const row = await lockMeeting(tx, id, expected, actor)
        await checkMeetingReferences(tx, row.cityId, input)
        const before = await meeting(tx, id)
        const { version: _ignored, attendeeIds, decisions, ...fields } = input
        await updateVersioned(tx, steeringMeetings, eq(steeringMeetings.id, id), row.version, fields)
        if (attendeeIds !== undefined) await replaceAttendees(tx, id, attendeeIds)
        if (decisions !== undefined) await replaceDecisions(tx, id, decisions)
        const after = await meeting(tx, id)
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'steering.meeting.update', entityType: 'steering_meeting', entityId: id, before, after })
        return after
      })
    },

    async removeMeeting (id: number, expected: number | undefined, actor: Actor) {
      await writeTransaction(db, onChange, async (tx) => {
        const row = await lockMeeting(tx, id, expected, actor)
        const before = await meeting(tx, id)
        await deleteMeeting(tx, id)
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'steering.meeting.delete', entityType: 'steering_meeting', entityId: id, before })
      })
    },
  }
}
