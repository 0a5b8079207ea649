import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestDb, type TestDb } from '../../test/helpers/test-db.ts'
import { openDatabase, type Db } from './client.ts'

let testDb: TestDb
beforeAll(async () => { testDb = await useTestDb() })
afterAll(async () => { await testDb.close() })

/** The backend's minor page faults so far (field 10 of /proc/<pid>/stat), or null where it runs elsewhere. */
function pageFaults (pid: number) {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[7])
  } catch {
    return null
  }
}

async function backendPid (tx: Db) {
  const result = await tx.execute(sql`select pg_backend_pid() as pid`)
  return Number((result as unknown as { rows: { pid: number }[] }).rows[0]!.pid)
}

// The backend's allocator is PostgreSQL's own (glibc's malloc on Linux); PGlite's memory never shrinks.
// Counted through /proc, so only where the test's PostgreSQL runs on this machine.
describe.skipIf(process.env.TEST_DATABASE_URL === undefined)('a pool connection\'s backend on PostgreSQL', () => {
  it('keeps the memory a large answer frees for the next read instead of faulting it in again', async (context) => {
    await testDb.db.transaction(async (tx) => {
      const pid = await backendPid(tx)
      if (pageFaults(pid) === null) context.skip('PostgreSQL runs on another machine')
      // Eight rows of 50 KB held at once by the sort: 400 KB of the heap, freed when the statement ends,
      // as a plan or measure list read frees its JSON.
      const largeRead = sql`select length(s) from (select repeat('x', 50000) || i as s from generate_series(1, 8) i order by s) sorted`
      await tx.execute(largeRead)
      const before = pageFaults(pid)!
      for (let i = 0; i < 20; i++) await tx.execute(largeRead)
      // Given back after each read, the 400 KB came back as about 100 page faults a read.
      expect((pageFaults(pid)! - before) / 20).toBeLessThan(10)
    })
  })

  const randomPageCost = async (db: Db) =>
    ((await db.execute(sql`select current_setting('random_page_cost') as cost`)) as unknown as { rows: { cost: string }[] }).rows[0]!.cost

  it('prices a read by key as one of data in memory, where the server keeps PostgreSQL\'s default', async () => {
    expect(await randomPageCost(testDb.db)).toBe('1.1')
  })

  it('keeps the cost an operator set for the database', async () => {
    const database = new URL(testDb.url!).pathname.slice(1)
    await testDb.db.execute(sql.raw(`alter database "${database}" set random_page_cost = 2`))
    const handle = await openDatabase({ url: testDb.url, poolSize: 1 })
    try {
      expect(await randomPageCost(handle.db)).toBe('2')
    } finally {
      await handle.close()
      await testDb.db.execute(sql.raw(`alter database "${database}" reset random_page_cost`))
    }
  })
})
