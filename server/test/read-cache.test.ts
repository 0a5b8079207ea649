import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startChangeFeed } from '../src/cache/change-feed.ts'
import { buildSignedInUser, platformAdminHeaders } from './helpers/auth.ts'
import { buildTestApp } from './helpers/build-test-app.ts'
import { buildMeasure, buildOrganisation, buildPlan } from './helpers/factories.ts'
import { useTestDb } from './helpers/test-db.ts'
import type { Db } from '../src/db/client.ts'
import * as schema from '../src/db/schema/index.ts'

// The production configuration: answers of plan reads are cached until a write changes them.
const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, config: { READ_CACHE: true } })
const publicApp = await buildTestApp({ db: testDb.db, config: { READ_CACHE: true } })

beforeEach(async () => {
  await testDb.reset()
  app.dataChanged('everything')
  publicApp.dataChanged('everything')
})
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

/** Writes as the platform admin; reads stay anonymous, the only reads the cache serves. */
const write = async (options: { method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers?: Record<string, string> }) =>
  app.inject({ ...options, headers: { ...await platformAdminHeaders(testDb.db), ...options.headers } })

const progress = async (planId: number, reader = app) => (await reader.inject({ method: 'GET', url: `/api/plans/${planId}/progress` })).json()
const titles = async (planId: number, reader = app) =>
  (await reader.inject({ method: 'GET', url: `/api/plans/${planId}/measures` })).json().items.map((m: { titleDe: string }) => m.titleDe)

describe('cached plan reads', () => {
  it('serve the same answer as an uncached read, and serve it from memory the second time', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { status: 'done', progress: 100 })
    const first = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` })
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(first.json().total).toMatchObject({ measureCount: 1, settledShare: 1 })
    expect(app.readCache!.size).toBe(1)

    // A change that bypasses the application is only seen after a write or the expiry: proof of the cache hit.
    await buildMeasure(testDb.db, plan)
    expect((await progress(plan.id)).total.measureCount).toBe(1)
  })

  it('show a measure change at once, in progress and in the list', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })
    expect(await titles(plan.id)).toEqual(['Alt'])
    expect((await progress(plan.id)).total.byStatus.planned).toBe(1)

    const res = await write({ method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { titleDe: 'Neu', status: 'in_progress', version: 1 } })
    expect(res.statusCode).toBe(200)
    expect(await titles(plan.id)).toEqual(['Neu'])
    expect((await progress(plan.id)).total.byStatus.in_progress).toBe(1)
  })

  it('show created, deleted and restored measures at once', async () => {
    const plan = await buildPlan(testDb.db)
    expect((await progress(plan.id)).total.measureCount).toBe(0)
    const created = await write({ method: 'POST', url: `/api/plans/${plan.id}/measures`, payload: { code: '1.1', primaryCommitment: 1, titleDe: 'Neu', type: 'implementation' } })
    expect((await progress(plan.id)).total.measureCount).toBe(1)
    await write({ method: 'DELETE', url: `/api/measures/${created.json().id}`, headers: { 'if-match': '"1"' } })
    expect((await progress(plan.id)).total.measureCount).toBe(0)
    await write({ method: 'POST', url: `/api/measures/${created.json().id}/restore`, headers: { 'if-match': '"2"' } })
    expect((await progress(plan.id)).total.measureCount).toBe(1)
  })

  it('show plan, commitment-text and organisation changes at once', async () => {
    const plan = await buildPlan(testDb.db)
    const organisation = await buildOrganisation(testDb.db, plan.cityId, { name: 'Altes Amt' })
    await buildMeasure(testDb.db, plan, { leadOrganisationId: organisation.id })
    expect((await progress(plan.id)).commitments[0].localTitleDe).toBeNull()
    const list = async () => (await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures` })).json().items[0].leadOrganisation.name
    expect(await list()).toBe('Altes Amt')

    await write({ method: 'PATCH', url: `/api/plans/${plan.id}/commitments/1`, payload: { localTitleDe: 'Eigener Titel', version: 1 } })
    expect((await progress(plan.id)).commitments[0].localTitleDe).toBe('Eigener Titel')

    await write({ method: 'PATCH', url: `/api/organisations/${organisation.id}`, payload: { name: 'Neues Amt', version: 1 } })
    expect(await list()).toBe('Neues Amt')
  })

  it('never hand a member\'s view to anyone else, nor the public\'s to a member', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan)
    await buildMeasure(testDb.db, plan, { isPublic: false })
    const outsider = await buildSignedInUser(testDb.db, { memberships: [{ cityId: (await buildPlan(testDb.db)).cityId, role: 'admin' }] })
    const member = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'viewer' }] })
    const count = async (headers: Record<string, string>) =>
      (await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress`, headers })).json().total.measureCount
    expect(await count({})).toBe(1)
    expect(await count(member.headers)).toBe(2)
    expect(await count(outsider.headers)).toBe(1)
    expect(await count({})).toBe(1)
    expect(await count(member.headers)).toBe(2)
    const planCount = async (headers: Record<string, string>) =>
      (await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers })).json().measureCount
    expect([await planCount({}), await planCount(member.headers), await planCount(outsider.headers)]).toEqual([1, 2, 1])
  })

  it('cache a measure\'s timeline pages, and show a status update on the next read', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)
    const report = async (version: number, progress: number, noteDe: string) => {
      const res = await write({ method: 'POST', url: `/api/measures/${measure.id}/status-updates`, payload: { status: 'in_progress', progress, noteDe, version } })
      expect(res.statusCode).toBe(201)
    }
    const timeline = async (query = '') => {
      const res = await app.inject({ method: 'GET', url: `/api/measures/${measure.id}/status-history${query}` })
      expect(res.statusCode).toBe(200)
      return res.json() as { items: { progress: number, noteDe: string | null }[], next: string | null }
    }
    await report(1, 20, 'Begonnen')
    expect((await timeline()).items.map((e) => e.noteDe)).toEqual(['Begonnen'])

    // A change behind the application's back stays unseen: the page comes from memory.
    await testDb.db.execute(sql`update status_updates set note_de = 'Hinterrücks' where measure_id = ${measure.id}`)
    expect((await timeline()).items.map((e) => e.noteDe)).toEqual(['Begonnen'])

    // The status update announces the plan: the very next read of any page shows it.
    await report(2, 60, 'Weiter')
    const after = await timeline()
    expect(after.items.map((e) => [e.progress, e.noteDe])).toEqual([[60, 'Weiter'], [20, 'Hinterrücks']])
    const firstPage = await timeline('?limit=1')
    expect(firstPage.items.map((e) => e.noteDe)).toEqual(['Weiter'])
    expect((await timeline(firstPage.next!.replace(/^.*status-history/, ''))).items.map((e) => e.noteDe)).toEqual(['Hinterrücks'])
  })

  it('cache plan and measure details with their ETag, and show a status update at once', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })
    const detail = async () => app.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
    const first = await detail()
    expect(first.headers.etag).toBe('"1"')
    expect(first.json().titleDe).toBe('Alt')
    const planFirst = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}` })
    expect(planFirst.headers.etag).toBe('"1"')

    // Changes behind the application's back stay unseen until a write: both answers come from memory.
    await testDb.db.execute(sql`update measures set title_de = 'Hinterrücks' where id = ${measure.id}`)
    await testDb.db.execute(sql`update plans set title_de = 'Hinterrücks' where id = ${plan.id}`)
    const cached = await detail()
    expect(cached.json().titleDe).toBe('Alt')
    expect(cached.headers.etag).toBe('"1"')
    expect((await app.inject({ method: 'GET', url: `/api/plans/${plan.id}` })).headers.etag).toBe('"1"')

    const update = await write({ method: 'POST', url: `/api/measures/${measure.id}/status-updates`, payload: { status: 'in_progress', progress: 20, version: 1 } })
    expect(update.statusCode).toBe(201)
    const after = await detail()
    expect(after.json()).toMatchObject({ titleDe: 'Hinterrücks', status: 'in_progress' })
    expect(after.headers.etag).toBe('"2"')
    expect((await app.inject({ method: 'GET', url: `/api/plans/${plan.id}` })).json().titleDe).toBe('Hinterrücks')
  })

  it('answer an unknown measure with 404 without caching anything', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/measures/999999' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('MEASURE_NOT_FOUND')
    expect(app.readCache!.size).toBe(0)
  })

  it('do not cache errors', async () => {
    const plan = await buildPlan(testDb.db, { state: 'draft' })
    expect((await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` })).statusCode).toBe(404)
    await write({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { state: 'adopted', version: 1 } })
    expect((await publicApp.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` })).statusCode).toBe(200)
  })
})

/** The test database through a second drizzle instance that counts the statements it sends. */
function countingDb () {
  const counter = { statements: [] as string[] }
  const logger = { logQuery: (query: string) => { counter.statements.push(query) } }
  const client = (testDb.db as unknown as { $client: never }).$client
  const db = (testDb.driver === 'postgres'
    ? drizzlePg(client, { schema, casing: 'snake_case', logger })
    : drizzlePglite(client, { schema, casing: 'snake_case', logger })) as unknown as Db
  return { db, counter }
}

describe('no stampede', () => {
  it('runs a plan read\'s queries once when many readers miss at the same moment', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { status: 'done', progress: 100 })
    const { db, counter } = countingDb()
    const counted = await buildTestApp({ db, config: { READ_CACHE: true } })
    try {
      const one = await counted.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` })
      expect(one.statusCode).toBe(200)
      const perRead = counter.statements.length
      expect(perRead).toBeGreaterThan(0)

      // A write makes the cached answer stale; then 20 readers arrive together.
      counted.dataChanged({ planId: plan.id })
      counter.statements.length = 0
      const answers = await Promise.all(Array.from({ length: 20 }, () => counted.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` })))
      expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200))
      expect(new Set(answers.map((a) => a.body)).size).toBe(1)
      expect(answers[0]!.json().total.measureCount).toBe(1)
      expect(counter.statements.length).toBe(perRead)
    } finally {
      await counted.close()
    }
  })
})

describe('uncached plan reads', () => {
  it('take one database statement each for the plan and its progress, for the public and for members', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { status: 'done', progress: 100 })
    await buildMeasure(testDb.db, plan, { isPublic: false })
    const member = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'viewer' }] })
    const { db, counter } = countingDb()
    const uncached = await buildTestApp({ db, config: { READ_CACHE: false } })
    try {
      for (const [headers, measures, statementsBesides] of [[{}, 1, 0], [member.headers, 2, 1]] as const) {
        for (const url of [`/api/plans/${plan.id}`, `/api/plans/${plan.id}/progress`]) {
          counter.statements.length = 0
          const res = await uncached.inject({ method: 'GET', url, headers })
          expect(res.statusCode).toBe(200)
          expect(res.json().measureCount ?? res.json().total.measureCount).toBe(measures)
          // A member's request also reads the session (with the roles) once.
          expect(counter.statements, url).toHaveLength(1 + statementsBesides)
        }
      }
    } finally {
      await uncached.close()
    }
  })
})

describe.runIf(testDb.driver === 'postgres')('cached plan reads on several instances', () => {
  it('hear each other\'s committed changes through PostgreSQL notifications', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan, { titleDe: 'Alt' })
    const stopFeed = await startChangeFeed(testDb.url!, publicApp.readCache!, publicApp.log)
    try {
      expect(await titles(plan.id, publicApp)).toEqual(['Alt'])
      await write({ method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { titleDe: 'Neu', version: 1 } })
      let seen: string[] = []
      for (let attempt = 0; attempt < 40 && seen[0] !== 'Neu'; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        seen = await titles(plan.id, publicApp)
      }
      expect(seen).toEqual(['Neu'])
    } finally {
      await stopFeed()
    }
  })

  it('never answer a read with data older than a write the other instance already confirmed', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)
    const stopFeeds = [
      await startChangeFeed(testDb.url!, app.readCache!, app.log),
      await startChangeFeed(testDb.url!, publicApp.readCache!, publicApp.log),
    ]
    try {
      // A round-robin client: each write goes to one instance, the read right after it to the other,
      // with no wait in between; both have cached the measure before every write.
      const instances = [app, publicApp]
      let version = 1
      for (let round = 1; round <= 12; round++) {
        const writer = instances[round % 2]!
        const reader = instances[(round + 1) % 2]!
        for (const instance of instances) expect((await instance.inject({ method: 'GET', url: `/api/measures/${measure.id}` })).statusCode).toBe(200)
        const update = await writer.inject({
          method: 'POST', url: `/api/measures/${measure.id}/status-updates`,
          headers: await platformAdminHeaders(testDb.db), payload: { status: 'in_progress', progress: round * 5, version },
        })
        expect(update.statusCode).toBe(201)
        version = update.json().measure.version
        const read = await reader.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
        expect(read.json()).toMatchObject({ version, progress: round * 5 })
        expect((await progress(plan.id, reader)).total.byStatus.in_progress).toBe(1)
      }
    } finally {
      for (const stop of stopFeeds) await stop()
    }
  })
})
