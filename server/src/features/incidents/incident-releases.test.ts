import type { IncidentCount, IncidentRelease, PublicIncidents, Role } from '@eccar/shared'
import { asc, eq, sql } from 'drizzle-orm'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { auditLog, incidentReleases } from '../../db/schema/index.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const call = (who: AuthHeaders | null, method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: InjectOptions['payload']) =>
  app.inject({ method, url, payload, headers: { ...who } })
const as = async (cityId: number, role: Role) => (await buildSignedInUser(db, { memberships: [{ cityId, role }] })).headers

const firstHalf = { periodStart: '2024-01-01', periodEnd: '2024-06-30' }
const secondHalf = { periodStart: '2024-07-01', periodEnd: '2024-12-31' }
const cell = (kind: IncidentCount['kind'], area: IncidentCount['area'], channel: IncidentCount['channel'], count: number) => ({ kind, area, channel, count })
/** Racism 24 (one cell of 2 and one of 3 below k = 5), antisemitism 3, gender 6; 33 in all. */
const sample = [
  cell('racism', 'work', 'email', 12), cell('racism', 'work', 'in_person', 3), cell('racism', 'housing', 'phone', 7),
  cell('racism', 'education', 'online_form', 2), cell('antisemitism', 'public_space', 'social_media', 3), cell('gender', 'work', 'email', 6),
]

async function setUp (threshold = 5) {
  const city = await buildCity(db, { incidentThreshold: threshold })
  const admin = await as(city.id, 'admin')
  const office = await as(city.id, 'incidents')
  const base = `/api/cities/${city.slug}`
  const enter = async (period: typeof firstHalf, counts: IncidentCount[]) => {
    const res = await call(office, 'PUT', `${base}/incidents`, { ...period, counts })
    expect(res.statusCode, res.body).toBe(200)
  }
  const prepare = (period: typeof firstHalf, who: AuthHeaders = office) => call(who, 'POST', `${base}/incident-releases`, period)
  const step = (id: number, action: 'audit' | 'publish', who: AuthHeaders) => call(who, 'POST', `${base}/incident-releases/${id}/${action}`)
  /** Prepared, audited and published; returns the release as published. */
  const release = async (period: typeof firstHalf) => {
    const draft = await prepare(period)
    expect(draft.statusCode, draft.body).toBe(201)
    const checked = await step(draft.json().id, 'audit', office)
    expect(checked.statusCode, checked.body).toBe(200)
    const published = await step(draft.json().id, 'publish', admin)
    expect(published.statusCode, published.body).toBe(200)
    return published.json() as IncidentRelease
  }
  const publicAnswer = async (query = '') => {
    const res = await call(null, 'GET', `${base}/incidents/public${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as PublicIncidents
  }
  return { city, admin, office, base, enter, prepare, step, release, publicAnswer }
}

const auditActions = async () => (await db.select().from(auditLog).orderBy(asc(auditLog.id))).map((row) => row.action)

describe('the release workflow', () => {
  it('prepares a draft from the frozen counts, audits it and publishes it, one audit row per step', async () => {
    const { office, admin, base, enter, prepare, step, publicAnswer } = await setUp()
    await enter(firstHalf, sample)
    const draft = await prepare(firstHalf)
    expect(draft.statusCode, draft.body).toBe(201)
    expect(draft.json()).toMatchObject({ ...firstHalf, version: 1, state: 'draft', threshold: 5, total: 33, audit: null })
    // Counts entered later do not change the draft.
    await enter(firstHalf, [cell('age', 'work', 'email', 40)])
    expect((await call(office, 'GET', `${base}/incident-releases/${draft.json().id}`)).json()).toMatchObject({ total: 33, counts: expect.arrayContaining([cell('antisemitism', 'public_space', 'social_media', 3)]) })

    const checked = await step(draft.json().id, 'audit', office)
    expect(checked.statusCode, checked.body).toBe(200)
    const audit = (checked.json() as IncidentRelease).audit!
    expect(checked.json().state).toBe('checked')
    expect(audit.views.map((view) => view.view)).toEqual(['total', 'kind', 'area', 'channel', 'kind,area', 'kind,channel', 'area,channel'])
    const antisemitism = audit.views[1]!.figures.find((figure) => figure.kind === 'antisemitism')!
    expect(antisemitism).toMatchObject({ count: 3, withheld: true, reason: 'below-threshold' })
    // Every withheld small figure can, as far as the attacker knows, be anything from its minimum up to at least k.
    for (const figure of audit.views.flatMap((view) => view.figures)) {
      if (!figure.withheld || figure.count >= 5 || figure.count === 0) continue
      expect(figure.range!.max === null || figure.range!.max >= 5, JSON.stringify(figure)).toBe(true)
    }
    expect(await publicAnswer()).toEqual({ releases: [], release: null })

    const published = await step(draft.json().id, 'publish', admin)
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json()).toMatchObject({ state: 'published', publishedAt: expect.any(String) })
    const answer = await publicAnswer()
    expect(answer.releases).toEqual([{ id: draft.json().id, ...firstHalf, version: 1, publishedAt: published.json().publishedAt }])
    const figures = answer.release!.views.flatMap((view) => view.figures)
    expect(figures.length).toBe(1 + 9 + 11 + 7 + 99 + 63 + 77)
    for (const figure of figures) {
      if (figure.suppressed) expect(figure).toMatchObject({ count: null, reason: expect.stringMatching(/protected|view-withheld/) })
      else expect(figure.count === 0 || figure.count! >= 5, JSON.stringify(figure)).toBe(true)
    }
    // Published figures are the true ones; the grand total is the dearest figure to withhold.
    const truth = audit.views.flatMap((view) => view.figures)
    figures.forEach((figure, index) => {
      if (!figure.suppressed) expect(figure.count).toBe(truth[index]!.count)
      expect(figure.suppressed).toBe(truth[index]!.withheld)
    })
    expect(answer.release!.views[0]!.figures).toEqual([{ count: 33, suppressed: false, reason: null }])
    expect(await auditActions()).toEqual(['incidents.period.replace', 'incidents.release.prepare', 'incidents.period.replace', 'incidents.release.audit', 'incidents.release.publish'])
  }, 120_000)

  it('keeps a published release frozen: no second audit, no deletion, and the database refuses changes', async () => {
    const { office, base, enter, step, release } = await setUp()
    await enter(firstHalf, sample)
    const published = await release(firstHalf)
    const before = await tableCounts(db)
    const again = await step(published.id, 'audit', office)
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('INCIDENT_RELEASE_STATE')
    const removal = await call(office, 'DELETE', `${base}/incident-releases/${published.id}`)
    expect(removal.statusCode).toBe(409)
    expect(removal.json().code).toBe('INCIDENT_RELEASE_STATE')
    await expect(db.update(incidentReleases).set({ threshold: 9 }).where(eq(incidentReleases.id, published.id))).rejects.toThrow()
    await expect(db.delete(incidentReleases).where(eq(incidentReleases.id, published.id))).rejects.toThrow()
    expect(await tableCounts(db)).toEqual(before)
  }, 120_000)

  it('publishes a correction as version 2, audited together with version 1, and answers the public with the newest', async () => {
    const { office, enter, prepare, step, admin, release, publicAnswer, base } = await setUp()
    await enter(firstHalf, sample)
    const first = await release(firstHalf)
    await enter(firstHalf, sample.map((c) => (c.kind === 'antisemitism' ? { ...c, count: 4 } : c)))
    const draft = await prepare(firstHalf)
    expect(draft.statusCode, draft.body).toBe(201)
    expect(draft.json()).toMatchObject({ version: 2, total: 34 })
    const checked = await step(draft.json().id, 'audit', office)
    expect(checked.json().audit).toMatchObject({ releasesConsidered: 1 })
    expect((await step(draft.json().id, 'publish', admin)).statusCode).toBe(200)
    const answer = await publicAnswer()
    expect(answer.releases).toMatchObject([{ id: draft.json().id, version: 2 }])
    expect(answer.release).toMatchObject({ id: draft.json().id, version: 2 })
    // Version 1 stays as it was, but the public reads only the newest version of each period.
    const old = await call(null, 'GET', `${base}/incidents/public?release=${first.id}`)
    expect(old.statusCode).toBe(404)
    expect(old.json().code).toBe('INCIDENT_RELEASE_NOT_FOUND')
    const list = await call(null, 'GET', `${base}/incident-releases`)
    expect(list.json().releases.map((r: { version: number }) => r.version)).toEqual([1, 2])
    expect(list.json().releases[0]).not.toHaveProperty('total')
  }, 180_000)

  it('refuses to publish an audit that another publication overtook (409 INCIDENT_RELEASE_AUDIT_STALE), and publishes after a new audit', async () => {
    const { office, admin, enter, prepare, step } = await setUp()
    await enter(firstHalf, sample)
    await enter(secondHalf, [cell('gender', 'work', 'email', 9), cell('age', 'health', 'mail', 2)])
    const a = (await prepare(firstHalf)).json()
    const b = (await prepare(secondHalf)).json()
    expect((await step(a.id, 'audit', office)).statusCode).toBe(200)
    expect((await step(b.id, 'audit', office)).statusCode).toBe(200)
    expect((await step(a.id, 'publish', admin)).statusCode).toBe(200)
    const stale = await step(b.id, 'publish', admin)
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe('INCIDENT_RELEASE_AUDIT_STALE')
    expect((await step(b.id, 'audit', office)).json().audit.releasesConsidered).toBe(1)
    expect((await step(b.id, 'publish', admin)).statusCode).toBe(200)
  }, 180_000)

  it.each([
    ['a period that has not ended', { periodStart: '2099-01-01', periodEnd: '2099-06-30' }, 400, 'INCIDENT_RELEASE_PERIOD_OPEN'],
    ['a period without counts', secondHalf, 404, 'INCIDENT_PERIOD_NOT_FOUND'],
    ['a malformed date', { periodStart: '2024-01-01', periodEnd: 'June' }, 400, 'VALIDATION_FAILED'],
  ])('answers %s with %i %s and changes nothing', async (_case, period, status, code) => {
    const { enter, prepare } = await setUp()
    await enter(firstHalf, sample)
    const before = await tableCounts(db)
    const res = await prepare(period)
    expect(res.statusCode).toBe(status)
    expect(res.json().code).toBe(code)
    expect(await tableCounts(db)).toEqual(before)
  })

  it('refuses a second unpublished release of a period and one with unchanged counts (409)', async () => {
    const { enter, prepare, release, base, office } = await setUp()
    await enter(firstHalf, sample)
    const draft = await prepare(firstHalf)
    const pending = await prepare(firstHalf)
    expect(pending.statusCode).toBe(409)
    expect(pending.json().code).toBe('INCIDENT_RELEASE_PENDING')
    expect((await call(office, 'DELETE', `${base}/incident-releases/${draft.json().id}`)).statusCode).toBe(204)
    await release(firstHalf)
    const unchanged = await prepare(firstHalf)
    expect(unchanged.statusCode).toBe(409)
    expect(unchanged.json().code).toBe('INCIDENT_RELEASE_UNCHANGED')
  }, 120_000)
})

describe('roles', () => {
  it('lets only admins publish, and shows viewers, editors and the public published releases only', async () => {
    const { city, office, base, enter, prepare, step, release } = await setUp()
    await enter(firstHalf, sample)
    await enter(secondHalf, [cell('gender', 'work', 'email', 9)])
    await release(firstHalf)
    const draft = (await prepare(secondHalf)).json()
    expect((await step(draft.id, 'audit', office)).statusCode).toBe(200)
    const refused = await step(draft.id, 'publish', office)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe('FORBIDDEN')
    for (const who of [await as(city.id, 'viewer'), await as(city.id, 'editor'), null]) {
      const list = await call(who, 'GET', `${base}/incident-releases`)
      expect(list.statusCode).toBe(200)
      expect(list.json().releases).toMatchObject([{ ...firstHalf, state: 'published' }])
    }
    expect((await call(office, 'GET', `${base}/incident-releases`)).json().releases.map((r: { state: string }) => r.state)).toEqual(['published', 'checked'])
    for (const role of ['viewer', 'editor'] as const) {
      const who = await as(city.id, role)
      expect((await call(who, 'GET', `${base}/incident-releases/${draft.id}`)).statusCode).toBe(403)
      expect((await prepare(secondHalf, who)).statusCode).toBe(403)
      expect((await step(draft.id, 'audit', who)).statusCode).toBe(403)
    }
    expect((await call(null, 'POST', `${base}/incident-releases`, secondHalf)).statusCode).toBe(401)
    const other = await buildCity(db)
    expect((await call(await as(other.id, 'admin'), 'GET', `${base}/incident-releases/${draft.id}`)).statusCode).toBe(404)
  }, 180_000)
})

describe('the threshold', () => {
  it('is at least 3: lower settings are refused, and a release keeps the threshold it was prepared with', async () => {
    const { city, admin, enter, prepare } = await setUp()
    for (const threshold of [1, 2, 21]) {
      const res = await call(admin, 'PATCH', `/api/cities/${city.slug}/settings`, { incidentThreshold: threshold, version: 1 })
      expect(res.statusCode).toBe(400)
    }
    const lowest = await call(admin, 'PATCH', `/api/cities/${city.slug}/settings`, { incidentThreshold: 3, version: 1 })
    expect(lowest.statusCode, lowest.body).toBe(200)
    await enter(firstHalf, sample)
    expect((await prepare(firstHalf)).json()).toMatchObject({ threshold: 3 })
    await expect(db.execute(sql`insert into incident_releases (city_id, period_start, period_end, version, threshold, counts)
      values (${city.id}, '2023-01-01', '2023-06-30', 1, 2, '[]')`)).rejects.toThrow()
  })
})
