import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestDb, type TestDb } from '../../test/helpers/test-db.ts'
import { analyzeTables } from './client.ts'

let testDb: TestDb
beforeAll(async () => { testDb = await useTestDb() })
afterAll(async () => { await testDb.close() })

const plannedRows = async (table: string) => {
  const result = await testDb.db.execute(sql`select reltuples from pg_class where oid = ${table}::regclass`) as unknown as { rows: { reltuples: number }[] }
  return Number(result.rows[0]!.reltuples)
}

describe('analyzeTables (after each start on the embedded database)', () => {
  it('analyzes a table that grew, and nothing again while no table changes size', async () => {
    // On PostgreSQL autovacuum could analyze the table first.
    await testDb.db.execute(sql`alter table app_meta set (autovacuum_enabled = false)`)
    await analyzeTables(testDb.db)
    expect(await analyzeTables(testDb.db)).toEqual([])

    await testDb.db.execute(sql`insert into app_meta (key, value) select 'bench-' || g, repeat('x', 200) from generate_series(1, 400) g`)
    expect(await analyzeTables(testDb.db)).toContain('app_meta')
    expect(await plannedRows('app_meta')).toBeGreaterThanOrEqual(400)
    expect(await analyzeTables(testDb.db)).toEqual([])
  })
})
