import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, indicators, indicatorValues } from '../../db/schema/index.ts'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildPlan } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'
import { parsePeriod } from './indicator-import.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

async function setUp () {
  const plan = await buildPlan(db)
  const [indicator] = await db.insert(indicators).values({ cityId: plan.cityId, planId: plan.id, nameDe: 'Beratungsfälle', unit: 'Anzahl', direction: 'increase' }).returning()
  const editor = (await buildSignedInUser(db, { memberships: [{ cityId: plan.cityId, role: 'editor' }] })).headers
  return { indicator: indicator!, editor }
}

const send = (id: number, headers: Record<string, string>, csv: string, preview = false) => app.inject({
  method: 'POST', url: `/api/indicators/${id}/values/import${preview ? '/preview' : ''}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv,
})

describe('indicator values from a tidy CSV', () => {
  it('reads periods, category columns (blank = total) and decimal commas; the preview writes nothing, the import one row and one audit row per value', async () => {
    const { indicator, editor } = await setUp()
    const csv = 'period;area;value\n2023;;120\n2024-Q1;Arbeit;12,5\n2024-Q1;Wohnen;7\n2024-05;;40\n2024-01-01/2024-06-30;;300\n'
    const preview = await send(indicator.id, editor, csv, true)
    expect(preview.statusCode).toBe(200)
    expect(preview.json()).toMatchObject({ applicable: 5, errorCount: 0 })
    expect(preview.json().rows[1]).toMatchObject({ row: 3, periodStart: '2024-01-01', periodEnd: '2024-03-31', category: 'Arbeit', value: 12.5 })
    expect(await db.$count(indicatorValues)).toBe(0)

    const before = await tableCounts(db)
    const res = await send(indicator.id, editor, csv)
    expect(res.statusCode).toBe(200)
    expect(res.json().applied).toBe(5)
    const stored = await db.select().from(indicatorValues).where(eq(indicatorValues.indicatorId, indicator.id))
    expect(stored.map((v) => [v.periodStart, v.periodEnd, v.category, v.value]).sort()).toEqual([
      ['2023-01-01', '2023-12-31', null, 120], ['2024-01-01', '2024-03-31', 'Arbeit', 12.5], ['2024-01-01', '2024-03-31', 'Wohnen', 7],
      ['2024-01-01', '2024-06-30', null, 300], ['2024-05-01', '2024-05-31', null, 40],
    ])
    expect((await tableCounts(db)).audit_log! - before.audit_log!).toBe(5)
    expect(await db.$count(auditLog, eq(auditLog.action, 'indicator.value.create'))).toBe(5)
  })

  it('one bad row applies nothing and names the row and column; a value already entered is reported', async () => {
    const { indicator, editor } = await setUp()
    expect((await send(indicator.id, editor, 'period,value\n2023,120\n')).statusCode).toBe(200)
    const before = await tableCounts(db)
    const res = await send(indicator.id, editor, 'period,value\n2024,130\n2024-13,5\n2023,121\n2025,=A1*2\n')
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('INDICATOR_IMPORT_INVALID')
    const errors = res.json().details.rows.map((r: { row: number, errors: { column: string, code: string }[] }) => [r.row, r.errors.map((e) => `${e.column}:${e.code}`)])
    expect(errors).toEqual([[2, []], [3, ['period:INVALID_PERIOD']], [4, ['period:VALUE_EXISTS']], [5, ['value:FORMULA']]])
    expect(await tableCounts(db)).toEqual(before)
  })

  it('refuses wrong columns and people who may not enter values', async () => {
    const { indicator, editor } = await setUp()
    expect((await send(indicator.id, editor, 'jahr,wert\n2023,1\n')).json().code).toBe('SPREADSHEET_COLUMNS')
    const viewer = (await buildSignedInUser(db, { memberships: [{ cityId: indicator.cityId, role: 'viewer' }] })).headers
    expect((await send(indicator.id, viewer, 'period,value\n2023,1\n')).statusCode).toBe(403)
  })

  it('knows the ways of writing a period', () => {
    expect(parsePeriod('2024-Q4')).toEqual({ start: '2024-10-01', end: '2024-12-31' })
    expect(parsePeriod('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' })
    expect(parsePeriod('01.01.2024/30.06.2024')).toEqual({ start: '2024-01-01', end: '2024-06-30' })
    expect(parsePeriod('2024-00')).toBeNull()
    expect(parsePeriod('Q1 2024')).toBeNull()
  })
})
