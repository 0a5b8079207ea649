import type { Role } from '@eccar/shared'
import { asc } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import {
  auditLog, steeringDecisionMeasures, steeringDecisions, steeringMeetingAttendees, steeringMeetings, steeringMembers,
} from '../../db/schema/index.ts'
import { loadDemoData } from '../../demo/load-demo-data.ts'
import { addMonths } from '../../lib/dates.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db, asPlatformAdmin: true })
const publicApp = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
/** A request as `who` (null: anonymous); `version` goes into If-Match. */
const call = (who: AuthHeaders | null, method: Method, url: string, payload?: InjectOptions['payload'], version?: number) =>
  publicApp.inject({ method, url, payload, headers: { ...who, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) } })

const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

async function buildMember (cityId: number, overrides: Partial<typeof steeringMembers.$inferInsert> = {}) {
  const [member] = await db.insert(steeringMembers).values({ seat: 'Runder Tisch', ...overrides, cityId }).returning()
  return member!
}

async function buildMeeting (cityId: number, options: { date?: string, attendeeIds?: number[], decisions?: { text: string, measureIds: number[] }[] } = {}) {
  const [meeting] = await db.insert(steeringMeetings).values({ cityId, date: options.date ?? '2024-03-10', agenda: 'Jahresbilanz' }).returning()
  for (const memberId of options.attendeeIds ?? []) await db.insert(steeringMeetingAttendees).values({ meetingId: meeting!.id, memberId })
  for (const [position, decision] of (options.decisions ?? []).entries()) {
    const [row] = await db.insert(steeringDecisions).values({ meetingId: meeting!.id, position, text: decision.text }).returning()
    for (const measureId of decision.measureIds) await db.insert(steeringDecisionMeasures).values({ decisionId: row!.id, measureId })
  }
  return meeting!
}

/** Two cities; A has a body, a measure, a seat and a meeting; B has a seat and a measure of its own. */
async function twoCities () {
  const cityA = await buildCity(db, { steeringCadenceMonths: 6 })
  const cityB = await buildCity(db)
  const organisation = await buildOrganisation(db, cityA.id, { name: 'Büro für Migration und Integration' })
  const measure = await buildMeasure(db, await buildPlan(db, { cityId: cityA.id }), { code: '3.2', titleDe: 'Solidaritätsfonds' })
  const measureB = await buildMeasure(db, await buildPlan(db, { cityId: cityB.id }))
  const member = await buildMember(cityA.id, { seat: 'Büro für Migration und Integration', organisationId: organisation.id, personName: 'Erika Muster' })
  const memberB = await buildMember(cityB.id)
  const meeting = await buildMeeting(cityA.id, { attendeeIds: [member.id], decisions: [{ text: 'Fonds prüfen', measureIds: [measure.id] }] })
  return { cityA, cityB, organisation, measure, measureB, member, memberB, meeting }
}

const auditRows = () => db.select().from(auditLog).orderBy(asc(auditLog.id))
const overviewOf = async (slug: string) => (await app.inject({ method: 'GET', url: `/api/cities/${slug}/steering-group` })).json()
const meetingOf = async (id: number) => (await app.inject({ method: 'GET', url: `/api/steering-group/meetings/${id}` })).json()

/** Asserts that a write changed nothing: no row anywhere (audit trail included) and not the given record. */
async function expectUnchanged (before: Awaited<ReturnType<typeof tableCounts>>, read: () => Promise<unknown>, snapshot: unknown) {
  expect(await tableCounts(db)).toEqual(before)
  expect(await read()).toEqual(snapshot)
}

describe('addMonths', () => {
  it.each([
    ['2024-03-10', 6, '2024-09-10'],
    ['2024-03-10', 12, '2025-03-10'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-11-15', 3, '2025-02-15'],
  ])('counts %s plus %i months as %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected)
  })
})

describe('GET /api/cities/:city/steering-group', () => {
  it('shows a viewer the seats, the meetings newest first and when the next meeting is due', async () => {
    const { cityA, organisation, member, meeting } = await twoCities()
    const empty = await buildMember(cityA.id, { seat: 'Wissenschaft', roleInGroup: 'noch zu besetzen' })
    const older = await buildMeeting(cityA.id, { date: '2023-02-01' })

    const res = await call(await as(cityA.id, 'viewer'), 'GET', `/api/cities/${cityA.slug}/steering-group`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      cadenceMonths: 6,
      attentionStaleMonths: 6,
      incidentThreshold: 5,
      timeZone: 'Europe/Berlin',
      lastMeetingDate: '2024-03-10',
      nextMeetingDue: '2024-09-10',
      version: 1,
      members: [
        { id: member.id, seat: 'Büro für Migration und Integration', organisation: { id: organisation.id, name: organisation.name, nameEn: null }, personName: 'Erika Muster', roleInGroup: null, version: 1 },
        { id: empty.id, seat: 'Wissenschaft', organisation: null, personName: null, roleInGroup: 'noch zu besetzen', version: 1 },
      ],
      meetings: [
        { id: meeting.id, date: '2024-03-10', agenda: 'Jahresbilanz', attendeeCount: 1, decisionCount: 1, version: 1 },
        { id: older.id, date: '2023-02-01', agenda: 'Jahresbilanz', attendeeCount: 0, decisionCount: 0, version: 1 },
      ],
    })
  })

  it('has no last meeting and no due date before the first meeting', async () => {
    const city = await buildCity(db)
    const res = await call(await as(city.id, 'editor'), 'GET', `/api/cities/${city.slug}/steering-group`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ cadenceMonths: 12, lastMeetingDate: null, nextMeetingDue: null, members: [], meetings: [] })
  })

  it('answers 401 to the public, whose pages name no one', async () => {
    const { cityA } = await twoCities()
    const res = await call(null, 'GET', `/api/cities/${cityA.slug}/steering-group`)
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTHENTICATION_REQUIRED')
  })

  it('answers 404 CITY_NOT_FOUND to another city\'s admin, as for a city that does not exist', async () => {
    const { cityA, cityB } = await twoCities()
    const adminB = await as(cityB.id, 'admin')
    for (const url of [`/api/cities/${cityA.slug}/steering-group`, '/api/cities/atlantis/steering-group']) {
      const res = await call(adminB, 'GET', url)
      expect(res.statusCode, url).toBe(404)
      expect(res.json().code).toBe('CITY_NOT_FOUND')
      expect(res.body).not.toContain('Erika')
    }
  })
})

describe('PATCH /api/cities/:city/settings', () => {
  it('changes the cadence, moves the due date and records one audit row', async () => {
    const { cityA } = await twoCities()
    const before = await auditRows()

    const res = await call(await as(cityA.id, 'admin'), 'PATCH', `/api/cities/${cityA.slug}/settings`, { steeringCadenceMonths: 12, attentionStaleMonths: 9, version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ cadenceMonths: 12, attentionStaleMonths: 9, nextMeetingDue: '2025-03-10', version: 2 })
    const added = (await auditRows()).slice(before.length)
    expect(added).toEqual([expect.objectContaining({
      cityId: cityA.id, action: 'city.settings.update', entityType: 'city', entityId: String(cityA.id),
      before: { steeringCadenceMonths: 6, attentionStaleMonths: 6, version: 1 },
      after: { steeringCadenceMonths: 12, attentionStaleMonths: 9, version: 2 },
    })])
  })

  it('answers 428 without a version and 412 with the current settings for a stale one, changing nothing', async () => {
    const { cityA } = await twoCities()
    const admin = await as(cityA.id, 'admin')
    const counts = await tableCounts(db)
    const snapshot = await overviewOf(cityA.slug)

    const missing = await call(admin, 'PATCH', `/api/cities/${cityA.slug}/settings`, { steeringCadenceMonths: 3 })
    expect(missing.statusCode).toBe(428)
    expect(missing.json().code).toBe('VERSION_REQUIRED')
    const stale = await call(admin, 'PATCH', `/api/cities/${cityA.slug}/settings`, { steeringCadenceMonths: 3 }, 7)
    expect(stale.statusCode).toBe(412)
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { cadenceMonths: 6, version: 1 } })
    await expectUnchanged(counts, () => overviewOf(cityA.slug), snapshot)
  })

  it.each(['viewer', 'editor'] as const)('answers 403 FORBIDDEN to the city\'s %s and changes nothing', async (role) => {
    const { cityA } = await twoCities()
    const who = await as(cityA.id, role)
    const counts = await tableCounts(db)
    const snapshot = await overviewOf(cityA.slug)

    const res = await call(who, 'PATCH', `/api/cities/${cityA.slug}/settings`, { steeringCadenceMonths: 3, version: 1 })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('FORBIDDEN')
    await expectUnchanged(counts, () => overviewOf(cityA.slug), snapshot)
  })

  it('answers 404 to another city\'s admin before looking at the version, and changes nothing', async () => {
    const { cityA, cityB } = await twoCities()
    const adminB = await as(cityB.id, 'admin')
    const counts = await tableCounts(db)
    const snapshot = await overviewOf(cityA.slug)

    for (const version of [undefined, 1, 9]) {
      const res = await call(adminB, 'PATCH', `/api/cities/${cityA.slug}/settings`, { steeringCadenceMonths: 3 }, version)
      expect(res.statusCode, `version ${version}`).toBe(404)
      expect(res.json().code).toBe('CITY_NOT_FOUND')
    }
    await expectUnchanged(counts, () => overviewOf(cityA.slug), snapshot)
  })

  it.each([0, 61, 1.5])('answers 400 for a cadence of %s months', async (months) => {
    const { cityA } = await twoCities()
    const res = await app.inject({ method: 'PATCH', url: `/api/cities/${cityA.slug}/settings`, payload: { steeringCadenceMonths: months, version: 1 } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/steeringCadenceMonths' }] })
  })
})

describe('POST /api/cities/:city/steering-group/members', () => {
  it('adds a seat for an organisation of the city and records one audit row', async () => {
    const { cityA, organisation } = await twoCities()
    const admin = await as(cityA.id, 'admin')
    const before = await tableCounts(db)

    const res = await call(admin, 'POST', `/api/cities/${cityA.slug}/steering-group/members`,
      { seat: 'Migrations- und Integrationsbeirat', organisationId: organisation.id, roleInGroup: 'Vorsitz' })
    expect(res.statusCode).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    expect(res.json()).toEqual({
      id: expect.any(Number), seat: 'Migrations- und Integrationsbeirat', organisation: { id: organisation.id, name: organisation.name, nameEn: null },
      personName: null, roleInGroup: 'Vorsitz', version: 1,
    })
    expect(await tableCounts(db)).toEqual({ ...before, steering_members: before.steering_members! + 1, audit_log: before.audit_log! + 1 })
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'steering.member.create', entityId: String(res.json().id), before: null, after: { seat: 'Migrations- und Integrationsbeirat' } })
  })

  it('answers 400 ORGANISATION_UNKNOWN for another city\'s body and writes nothing', async () => {
    const { cityA, cityB } = await twoCities()
    const elsewhere = await buildOrganisation(db, cityB.id)
    const admin = await as(cityA.id, 'admin')
    const before = await tableCounts(db)

    const res = await call(admin, 'POST', `/api/cities/${cityA.slug}/steering-group/members`, { seat: 'KoKont', organisationId: elsewhere.id })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('ORGANISATION_UNKNOWN')
    expect(await tableCounts(db)).toEqual(before)
  })

  it('refuses callers who may not add seats, writing nothing', async () => {
    const { cityA, cityB } = await twoCities()
    const callers = [[null, 401, 'AUTHENTICATION_REQUIRED'], [await as(cityA.id, 'viewer'), 403, 'FORBIDDEN'],
      [await as(cityA.id, 'editor'), 403, 'FORBIDDEN'], [await as(cityB.id, 'admin'), 404, 'CITY_NOT_FOUND']] as const
    const before = await tableCounts(db)
    for (const [who, status, code] of callers) {
      const res = await call(who, 'POST', `/api/cities/${cityA.slug}/steering-group/members`, { seat: 'Wirtschaft' })
      expect(res.statusCode, code).toBe(status)
      expect(res.json().code).toBe(code)
    }
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 400 for an unknown field', async () => {
    const { cityA } = await twoCities()
    const res = await app.inject({ method: 'POST', url: `/api/cities/${cityA.slug}/steering-group/members`, payload: { seat: 'KoKont', email: 'a@b.de' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().details).toEqual([{ path: '/email', reason: 'unknown property "email"' }])
  })
})

describe('PATCH /api/steering-group/members/:id', () => {
  const url = (id: number) => `/api/steering-group/members/${id}`
  const memberOf = async (slug: string, id: number) => (await overviewOf(slug)).members.find((m: { id: number }) => m.id === id)

  it('changes the seat, raises its version and records before and after', async () => {
    const { cityA, member } = await twoCities()
    const admin = await as(cityA.id, 'admin')
    const counts = await tableCounts(db)
    const res = await call(admin, 'PATCH', url(member.id), { personName: null, roleInGroup: 'Geschäftsführung', version: 1 })
    expect(res.statusCode).toBe(200)
    expect(await tableCounts(db)).toEqual({ ...counts, audit_log: counts.audit_log! + 1 })
    expect(res.headers.etag).toBe('"2"')
    expect(res.json()).toMatchObject({ id: member.id, personName: null, roleInGroup: 'Geschäftsführung', version: 2 })
    const [row] = (await auditRows()).slice(-1)
    expect(row).toMatchObject({
      action: 'steering.member.update', entityType: 'steering_member', entityId: String(member.id),
      before: { personName: 'Erika Muster', version: 1 }, after: { personName: null, roleInGroup: 'Geschäftsführung', version: 2 },
    })
  })

  it('answers 428 without a version and 412 with the current seat for a stale one', async () => {
    const { cityA, member } = await twoCities()
    const admin = await as(cityA.id, 'admin')
    const counts = await tableCounts(db)
    const snapshot = await memberOf(cityA.slug, member.id)

    expect((await call(admin, 'PATCH', url(member.id), { seat: 'Neu' })).statusCode).toBe(428)
    const stale = await call(admin, 'PATCH', url(member.id), { seat: 'Neu' }, 2)
    expect(stale.statusCode).toBe(412)
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: member.id, seat: member.seat, version: 1 } })
    await expectUnchanged(counts, () => memberOf(cityA.slug, member.id), snapshot)
  })

  it('answers 404 to another city\'s admin whatever the version, and changes nothing', async () => {
    const { cityA, cityB, member } = await twoCities()
    const adminB = await as(cityB.id, 'admin')
    const counts = await tableCounts(db)
    const snapshot = await memberOf(cityA.slug, member.id)

    for (const version of [undefined, 1, 5]) {
      const res = await call(adminB, 'PATCH', url(member.id), { seat: 'Gekapert' }, version)
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('STEERING_MEMBER_NOT_FOUND')
      expect(res.body).not.toContain('Erika')
    }
    await expectUnchanged(counts, () => memberOf(cityA.slug, member.id), snapshot)
  })

  it('answers 403 to an editor and 400 ORGANISATION_UNKNOWN for another city\'s body', async () => {
    const { cityA, cityB, member } = await twoCities()
    const editor = await call(await as(cityA.id, 'editor'), 'PATCH', url(member.id), { seat: 'Neu', version: 1 })
    expect(editor.statusCode).toBe(403)
    const elsewhere = await buildOrganisation(db, cityB.id)
    const wrongBody = await call(await as(cityA.id, 'admin'), 'PATCH', url(member.id), { organisationId: elsewhere.id, version: 1 })
    expect(wrongBody.statusCode).toBe(400)
    expect(wrongBody.json().code).toBe('ORGANISATION_UNKNOWN')
    expect(await memberOf(cityA.slug, member.id)).toMatchObject({ seat: member.seat, version: 1 })
  })
})

describe('DELETE /api/steering-group/members/:id', () => {
  const url = (id: number) => `/api/steering-group/members/${id}`

  it('removes the seat from the group and its meetings, keeping the attendance in the audit trail', async () => {
    const { cityA, member, meeting } = await twoCities()
    const before = await tableCounts(db)

    const res = await call(await as(cityA.id, 'admin'), 'DELETE', url(member.id), undefined, 1)
    expect(res.statusCode).toBe(204)
    expect((await overviewOf(cityA.slug)).members).toEqual([])
    expect((await meetingOf(meeting.id)).attendees).toEqual([])
    expect((await tableCounts(db)).audit_log).toBe(before.audit_log! + 1)
    expect((await auditRows()).at(-1)).toMatchObject({
      action: 'steering.member.delete', before: { id: member.id, personName: 'Erika Muster', attendedMeetingIds: [meeting.id] }, after: null,
    })
  })

  it('refuses without If-Match, with a stale version, to an editor and to another city', async () => {
    const { cityA, cityB, member } = await twoCities()
    const cases = [[await as(cityA.id, 'admin'), undefined, 428], [await as(cityA.id, 'admin'), 3, 412],
      [await as(cityA.id, 'editor'), 1, 403], [await as(cityB.id, 'admin'), 1, 404], [await as(cityB.id, 'admin'), undefined, 404]] as const
    const counts = await tableCounts(db)
    for (const [who, version, status] of cases) {
      expect((await call(who, 'DELETE', url(member.id), undefined, version)).statusCode).toBe(status)
    }
    expect(await tableCounts(db)).toEqual(counts)
  })
})

describe('POST /api/cities/:city/steering-group/meetings', () => {
  const url = (slug: string) => `/api/cities/${slug}/steering-group/meetings`

  it('records a meeting with attendees and decisions on the city\'s measures, in one audit row', async () => {
    const { cityA, member, measure, organisation } = await twoCities()
    const second = await buildMember(cityA.id, { seat: 'KoKont' })
    const admin = await as(cityA.id, 'admin')
    const before = await tableCounts(db)

    const res = await call(admin, 'POST', url(cityA.slug), {
      date: '2025-02-20', agenda: 'Fortschreibung', minutes: 'Protokoll im Büro',
      attendeeIds: [second.id, member.id],
      decisions: [{ text: 'Maßnahme 3.2 vorziehen', measureIds: [measure.id] }, { text: 'Bericht an ECCAR abstimmen' }],
    })
    expect(res.statusCode).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    const created = res.json()
    expect(created).toEqual({
      id: expect.any(Number), date: '2025-02-20', agenda: 'Fortschreibung', minutes: 'Protokoll im Büro', version: 1,
      attendees: [
        { id: member.id, seat: member.seat, organisation: { id: organisation.id, name: organisation.name, nameEn: null } },
        { id: second.id, seat: 'KoKont', organisation: null },
      ],
      decisions: [
        { id: expect.any(Number), text: 'Maßnahme 3.2 vorziehen', measures: [{ id: measure.id, code: '3.2', titleDe: 'Solidaritätsfonds', titleEn: measure.titleEn }] },
        { id: expect.any(Number), text: 'Bericht an ECCAR abstimmen', measures: [] },
      ],
    })
    expect(await meetingOf(created.id)).toEqual(created)
    expect(await tableCounts(db)).toEqual({
      ...before, steering_meetings: before.steering_meetings! + 1, steering_meeting_attendees: before.steering_meeting_attendees! + 2,
      steering_decisions: before.steering_decisions! + 2, steering_decision_measures: before.steering_decision_measures! + 1, audit_log: before.audit_log! + 1,
    })
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'steering.meeting.create', entityType: 'steering_meeting', entityId: String(created.id), after: created })
    expect((await overviewOf(cityA.slug)).nextMeetingDue).toBe('2025-08-20')
  })

  it.each([
    ['an attendee of another city', 'STEERING_ATTENDEE_UNKNOWN', (f: Fixture) => ({ attendeeIds: [f.member.id, f.memberB.id] })],
    ['an attendee that does not exist', 'STEERING_ATTENDEE_UNKNOWN', () => ({ attendeeIds: [4711] })],
    ['a measure of another city', 'STEERING_MEASURE_UNKNOWN', (f: Fixture) => ({ decisions: [{ text: 'x', measureIds: [f.measure.id] }, { text: 'y', measureIds: [f.measureB.id] }] })],
    ['a deleted measure', 'STEERING_MEASURE_UNKNOWN', (f: Fixture) => ({ decisions: [{ text: 'x', measureIds: [f.deleted.id] }] })],
  ])('answers 400 for %s and writes nothing', async (_case, code, references) => {
    const fixture = await withDeletedMeasure()
    const admin = await as(fixture.cityA.id, 'admin')
    const before = await tableCounts(db)
    const res = await call(admin, 'POST', url(fixture.cityA.slug), { date: '2025-02-20', ...references(fixture) })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe(code)
    expect(await tableCounts(db)).toEqual(before)
  })

  it('refuses callers who may not record meetings, writing nothing', async () => {
    const { cityA, cityB } = await twoCities()
    const callers = [[null, 401], [await as(cityA.id, 'viewer'), 403], [await as(cityA.id, 'editor'), 403], [await as(cityB.id, 'admin'), 404]] as const
    const before = await tableCounts(db)
    for (const [who, status] of callers) {
      expect((await call(who, 'POST', url(cityA.slug), { date: '2025-02-20' })).statusCode).toBe(status)
    }
    expect(await tableCounts(db)).toEqual(before)
  })

  it('answers 400 for an impossible date', async () => {
    const { cityA } = await twoCities()
    const res = await app.inject({ method: 'POST', url: url(cityA.slug), payload: { date: '2025-02-30' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().details[0].path).toBe('/date')
  })
})

type Fixture = Awaited<ReturnType<typeof withDeletedMeasure>>
async function withDeletedMeasure () {
  const fixture = await twoCities()
  const deleted = await buildMeasure(db, { id: fixture.measure.planId, cityId: fixture.cityA.id }, { deletedAt: new Date() })
  return { ...fixture, deleted }
}

describe('GET /api/steering-group/meetings/:id', () => {
  it('shows a viewer of the city the meeting with its ETag', async () => {
    const { cityA, meeting, measure } = await twoCities()
    const res = await call(await as(cityA.id, 'viewer'), 'GET', `/api/steering-group/meetings/${meeting.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe('"1"')
    expect(res.json()).toMatchObject({ id: meeting.id, date: '2024-03-10', decisions: [{ text: 'Fonds prüfen', measures: [{ id: measure.id }] }] })
  })

  it('answers 404 to another city\'s members and 401 to the public', async () => {
    const { cityB, meeting } = await twoCities()
    for (const role of ['viewer', 'admin'] as const) {
      const res = await call(await as(cityB.id, role), 'GET', `/api/steering-group/meetings/${meeting.id}`)
      expect(res.statusCode).toBe(404)
      expect(res.json().code).toBe('STEERING_MEETING_NOT_FOUND')
    }
    expect((await call(null, 'GET', `/api/steering-group/meetings/${meeting.id}`)).statusCode).toBe(401)
  })
})

describe('PATCH /api/steering-group/meetings/:id', () => {
  const url = (id: number) => `/api/steering-group/meetings/${id}`

  it('keeps attendees and decisions when only the minutes are sent', async () => {
    const { cityA, meeting } = await twoCities()
    const before = await meetingOf(meeting.id)
    const res = await call(await as(cityA.id, 'admin'), 'PATCH', url(meeting.id), { minutes: 'Ergänzt', version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ ...before, minutes: 'Ergänzt', version: 2 })
  })

  it('replaces attendees and decisions when sent, recording before and after in one audit row', async () => {
    const { cityA, meeting, member } = await twoCities()
    const second = await buildMember(cityA.id, { seat: 'KoKont' })
    const admin = await as(cityA.id, 'admin')
    const before = await meetingOf(meeting.id)
    const counts = await tableCounts(db)

    const res = await call(admin, 'PATCH', url(meeting.id), { attendeeIds: [second.id], decisions: [{ text: 'Neu' }] }, 1)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ version: 2, attendees: [{ id: second.id }], decisions: [{ text: 'Neu', measures: [] }] })
    expect(res.json().attendees.map((a: { id: number }) => a.id)).not.toContain(member.id)
    expect(await tableCounts(db)).toEqual({ ...counts, steering_decision_measures: counts.steering_decision_measures! - 1, audit_log: counts.audit_log! + 1 })
    expect((await auditRows()).at(-1)).toMatchObject({ action: 'steering.meeting.update', before, after: res.json() })
  })

  it('answers 428 or 412 to the admin, 403 to an editor or viewer and 404 to another city, changing nothing', async () => {
    const { cityA, cityB, meeting } = await twoCities()
    const cases = [
      [await as(cityA.id, 'admin'), undefined, 428, 'VERSION_REQUIRED'], [await as(cityA.id, 'admin'), 4, 412, 'VERSION_CONFLICT'],
      [await as(cityA.id, 'editor'), 1, 403, 'FORBIDDEN'], [await as(cityA.id, 'viewer'), undefined, 403, 'FORBIDDEN'],
      [await as(cityB.id, 'admin'), 1, 404, 'STEERING_MEETING_NOT_FOUND'], [await as(cityB.id, 'admin'), undefined, 404, 'STEERING_MEETING_NOT_FOUND'],
    ] as const
    const counts = await tableCounts(db)
    const snapshot = await meetingOf(meeting.id)
    for (const [who, version, status, code] of cases) {
      const res = await call(who, 'PATCH', url(meeting.id), { agenda: 'Gekapert', attendeeIds: [] }, version)
      expect(res.statusCode, code).toBe(status)
      expect(res.json().code).toBe(code)
    }
    await expectUnchanged(counts, () => meetingOf(meeting.id), snapshot)
  })

  it('answers 400 for another city\'s measure and keeps the meeting as it was', async () => {
    const { cityA, meeting, measureB } = await twoCities()
    const admin = await as(cityA.id, 'admin')
    const counts = await tableCounts(db)
    const snapshot = await meetingOf(meeting.id)
    const res = await call(admin, 'PATCH', url(meeting.id), { decisions: [{ text: 'x', measureIds: [measureB.id] }], version: 1 })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('STEERING_MEASURE_UNKNOWN')
    await expectUnchanged(counts, () => meetingOf(meeting.id), snapshot)
  })
})

describe('DELETE /api/steering-group/meetings/:id', () => {
  const url = (id: number) => `/api/steering-group/meetings/${id}`

  it('deletes the meeting with its attendance and decisions, in one audit row', async () => {
    const { cityA, meeting } = await twoCities()
    const snapshot = await meetingOf(meeting.id)
    const res = await call(await as(cityA.id, 'admin'), 'DELETE', url(meeting.id), undefined, 1)
    expect(res.statusCode).toBe(204)
    expect(await tableCounts(db)).toMatchObject({ steering_meetings: 0, steering_meeting_attendees: 0, steering_decisions: 0, steering_decision_measures: 0, audit_log: 1 })
    expect((await auditRows())[0]).toMatchObject({ action: 'steering.meeting.delete', before: snapshot, after: null })
    expect((await overviewOf(cityA.slug))).toMatchObject({ lastMeetingDate: null, nextMeetingDue: null })
  })

  it('refuses another city\'s admin with 404 and a missing If-Match with 428, deleting nothing', async () => {
    const { cityA, cityB, meeting } = await twoCities()
    const [adminB, editor, admin] = [await as(cityB.id, 'admin'), await as(cityA.id, 'editor'), await as(cityA.id, 'admin')]
    const counts = await tableCounts(db)
    expect((await call(adminB, 'DELETE', url(meeting.id), undefined, 1)).statusCode).toBe(404)
    expect((await call(editor, 'DELETE', url(meeting.id), undefined, 1)).statusCode).toBe(403)
    expect((await call(admin, 'DELETE', url(meeting.id))).statusCode).toBe(428)
    expect(await tableCounts(db)).toEqual(counts)
  })
})

describe('Jena demo steering group', () => {
  it('has the plan\'s seats as organisations, names no person and meets every 12 months', async () => {
    await loadDemoData(db)
    const group = await overviewOf('jena')
    expect(group).toMatchObject({ cadenceMonths: 12, lastMeetingDate: null, meetings: [] })
    const seats = group.members as { seat: string, organisation: { name: string } | null, personName: string | null, roleInGroup: string | null }[]
    expect(seats.map((s) => s.seat)).toEqual([
      'Oberbürgermeister', 'Büro für Migration und Integration', 'Migrations- und Integrationsbeirat', 'Team Öffentlichkeitsarbeit der Stadt Jena',
      'KoKont', 'Runder Tisch für Demokratie', ...Array(3).fill('Zivilgesellschaft (Person mit Migrationsgeschichte)'), 'Wirtschaft', 'Wissenschaft',
    ])
    expect(seats.every((s) => s.personName === null)).toBe(true)
    expect(seats.slice(0, 6).map((s) => s.organisation?.name)).toEqual(seats.slice(0, 6).map((s) => s.seat))
    expect(seats.slice(6).every((s) => s.organisation === null)).toBe(true)
    expect(seats.slice(9).map((s) => s.roleInGroup)).toEqual([expect.stringMatching(/zu besetzen/), expect.stringMatching(/zu besetzen/)])
  })
})
