import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestDb, type TestDb } from '../../test/helpers/test-db.ts'
import { listMeasuresJson } from '../features/measures/measures.queries.ts'
import type { Db } from './client.ts'

let testDb: TestDb
beforeAll(async () => { testDb = await useTestDb() })
afterAll(async () => { await testDb.close() })

/** What the connection knows of its named statements, with the given text in them. */
async function preparedStatements (tx: Db, marker: string) {
  const result = await tx.execute(sql`select name, generic_plans::int as generic, custom_plans::int as custom
    from pg_prepared_statements where statement like ${`%${marker}%`} and statement not like '%pg_prepared_statements%'`)
  return (result as unknown as { rows: { name: string, generic: number, custom: number }[] }).rows
}

// PGlite runs every statement unnamed; the named reads and their plans are the PostgreSQL pool's.
describe.skipIf(process.env.TEST_DATABASE_URL === undefined)('reads on PostgreSQL (prepareReads and the pool settings)', () => {
  it('run as one named statement per text, planned once and then only executed', async () => {
    await testDb.db.transaction(async (tx) => {
      // One connection for the whole check: named statements belong to their connection.
      for (let i = 0; i < 7; i++) await tx.execute(sql`select id /* kept-plan-check */ from plans where id = ${i}`)
      const statements = await preparedStatements(tx, 'kept-plan-check')
      expect(statements).toHaveLength(1)
      expect(statements[0]!.name).toMatch(/^r/)
      // Under plan_cache_mode `auto` the first five executions are planned for their values (custom).
      expect(statements[0]).toMatchObject({ generic: 7, custom: 0 })
    })
  })

  it('answer every combination of a measure list\'s filters with one statement, and a text search with a second', async () => {
    await testDb.db.transaction(async (tx) => {
      const page = { limit: 50, offset: 0 }
      const reader = { seesAllCities: false, internalCityIds: [] }
      for (const filters of [{}, { commitment: [3] }, { status: ['planned' as const], q: '50%' }, { organisation: [1, 2], type: ['examination' as const] }]) {
        await listMeasuresJson(tx, 0, { ...filters, ...page }, reader)
      }
      const statements = await preparedStatements(tx, 'with matching as materialized')
      expect(statements.map((statement) => statement.name).sort()).toEqual(['measure_list_json', 'measure_list_json_search'])
    })
  })

  it('leave writes unnamed', async () => {
    await testDb.db.transaction(async (tx) => {
      await tx.execute(sql`update plans set title_de = title_de /* unnamed-write-check */ where id = ${0}`)
      expect(await preparedStatements(tx, 'unnamed-write-check')).toEqual([])
    })
  })
})
