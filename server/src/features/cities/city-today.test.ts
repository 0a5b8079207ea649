import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildPlan } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterEach(() => { vi.useRealTimers() })
afterAll(async () => {
  await app.close()
  await testDb.close()
})

/** 23:30 UTC on a winter day: already 00:30 on the 16th in Germany (CET, UTC+1). */
const lateWinterEvening = new Date('2026-01-15T23:30:00Z')

async function cityWithMeasure (timeZone?: string) {
  const city = await buildCity(testDb.db, timeZone ? { timeZone } : {})
  const plan = await buildPlan(testDb.db, { cityId: city.id, periodStart: '2025-01-01', periodEnd: '2030-12-31' })
  const measure = await buildMeasure(testDb.db, plan, { endDate: '2026-01-15', status: 'in_progress' })
  const admin = await buildSignedInUser(testDb.db, { memberships: [{ cityId: city.id, role: 'admin' }] })
  return { city, plan, measure, admin }
}

describe('a city\'s "today" is its date in its own time zone', () => {
  it('dates the status template\'s "Stand" with the city\'s day, not the server\'s UTC date', async () => {
    const { plan, admin } = await cityWithMeasure()
    vi.useFakeTimers({ now: lateWinterEvening, toFake: ['Date'] })
    const res = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/status-template.xlsx`, headers: admin.headers })
    expect(res.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const stand = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues()).find((row) => Array.isArray(row) && row.includes('Stand / Date')) as unknown[]
    expect(stand).toContain('2026-01-16')
  })

  it('dates a status report made at 23:30 UTC on 15 January as 16 January in Europe/Berlin (the default)', async () => {
    const { measure, admin } = await cityWithMeasure()
    vi.useFakeTimers({ now: lateWinterEvening, toFake: ['Date'] })
    const res = await app.inject({
      method: 'POST', url: `/api/measures/${measure.id}/status-updates`, headers: admin.headers, payload: { status: 'in_progress', progress: 50, version: 1 },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().entry.date).toBe('2026-01-16')
  })

  it('accepts a report dated the city\'s today although the UTC date is still the day before', async () => {
    const { measure, admin } = await cityWithMeasure()
    vi.useFakeTimers({ now: lateWinterEvening, toFake: ['Date'] })
    const res = await app.inject({
      method: 'POST', url: `/api/measures/${measure.id}/status-updates`, headers: admin.headers, payload: { status: 'in_progress', progress: 50, date: '2026-01-16', version: 1 },
    })
    expect(res.statusCode).toBe(201)
    const tooEarly = await app.inject({
      method: 'POST', url: `/api/measures/${measure.id}/status-updates`, headers: admin.headers, payload: { status: 'in_progress', progress: 60, date: '2026-01-17', version: 2 },
    })
    expect(tooEarly.statusCode).toBe(400)
    expect(tooEarly.json().code).toBe('STATUS_DATE_IN_FUTURE')
  })

  it('keeps the UTC date for a city whose zone is still on the 15th, and counts the due date as late only from the city\'s next day', async () => {
    const berlin = await cityWithMeasure()
    const newYork = await cityWithMeasure('America/New_York')
    vi.useFakeTimers({ now: lateWinterEvening, toFake: ['Date'] })
    const res = await app.inject({
      method: 'POST', url: `/api/measures/${newYork.measure.id}/status-updates`, headers: newYork.admin.headers, payload: { status: 'in_progress', progress: 50, version: 1 },
    })
    expect(res.json().entry.date).toBe('2026-01-15')

    // The measure's end date is 15 January: overdue in Berlin (now the 16th), not yet in New York.
    const attention = async (c: typeof berlin) => (await app.inject({ method: 'GET', url: `/api/plans/${c.plan.id}/attention`, headers: c.admin.headers })).json()
    const inBerlin = await attention(berlin)
    expect(inBerlin.today).toBe('2026-01-16')
    expect(inBerlin.groups.flatMap((g: { measures: { id: number, reasons: string[] }[] }) => g.measures).find((m: { id: number }) => m.id === berlin.measure.id)?.reasons).toContain('overdue')
    const inNewYork = await attention(newYork)
    expect(inNewYork.today).toBe('2026-01-15')
    expect(inNewYork.groups.flatMap((g: { measures: { id: number }[] }) => g.measures).map((m: { id: number }) => m.id)).not.toContain(newYork.measure.id)
  })
})

describe('PATCH /api/cities/:city/settings with a time zone', () => {
  it('stores a known IANA zone and shows it with the settings, and refuses an unknown one with 400 TIME_ZONE_UNKNOWN', async () => {
    const { city, admin } = await cityWithMeasure()
    const group = await app.inject({ method: 'GET', url: `/api/cities/${city.slug}/steering-group`, headers: admin.headers })
    expect(group.json()).toMatchObject({ timeZone: 'Europe/Berlin', incidentThreshold: expect.any(Number) })
    const version = group.json().version as number
    const bad = await app.inject({ method: 'PATCH', url: `/api/cities/${city.slug}/settings`, headers: admin.headers, payload: { timeZone: 'Europe/Jena', version } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('TIME_ZONE_UNKNOWN')
    const ok = await app.inject({ method: 'PATCH', url: `/api/cities/${city.slug}/settings`, headers: admin.headers, payload: { timeZone: 'Europe/Vienna', incidentThreshold: 5, version } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toMatchObject({ timeZone: 'Europe/Vienna', incidentThreshold: 5, version: version + 1 })
  })
})
