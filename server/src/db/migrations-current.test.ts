import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestDb, type TestDb } from '../../test/helpers/test-db.ts'
import { migrationsCurrent } from './client.ts'

let testDb: TestDb
beforeAll(async () => { testDb = await useTestDb() })
afterAll(async () => { await testDb.close() })

describe('migrationsCurrent (whether a start may skip the migrator)', () => {
  it('is true once the newest migration of the folder is applied', async () => {
    expect(await migrationsCurrent(testDb.db)).toBe(true)
  })

  it('is false while the newest migration is missing, so the migrator runs', async () => {
    const newest = sql`(select max(created_at) from drizzle.__drizzle_migrations)`
    await testDb.db.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = ${newest}`)
    try {
      expect(await migrationsCurrent(testDb.db)).toBe(false)
    } finally {
      await testDb.db.execute(sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where created_at = ${newest}`)
    }
    expect(await migrationsCurrent(testDb.db)).toBe(true)
  })

  it('is false for a database the migrator never ran on', async () => {
    await testDb.db.execute(sql`alter table drizzle.__drizzle_migrations rename to drizzle_migrations_aside`)
    try {
      expect(await migrationsCurrent(testDb.db)).toBe(false)
    } finally {
      await testDb.db.execute(sql`alter table drizzle.drizzle_migrations_aside rename to __drizzle_migrations`)
    }
  })
})
