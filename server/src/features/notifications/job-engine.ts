import type { Db } from '../../db/client.ts'

/** pg-boss's `db` adapter: one function that runs SQL with positional parameters and answers `{ rows }`. */
export interface SqlExecutor { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }

interface PgliteLike {
  query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>
  exec: (text: string) => Promise<Array<{ rows: unknown[] }>>
}
interface PoolLike { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }

/**
 * The app's own connection for pg-boss, on both databases: the PostgreSQL pool as it is, and the
 * embedded PGlite through its two entry points, because pg-boss sends its schema as several
 * statements without parameters (PGlite's `exec`) and its jobs as single statements with them (`query`).
 * PGlite serves one statement at a time, so the queue and the app share it without a second connection.
 */
export function sqlExecutorFor (db: Db): SqlExecutor {
  const client = (db as unknown as { $client: PgliteLike | PoolLike }).$client
  if ('exec' in client && typeof client.exec === 'function') {
    const pglite = client as PgliteLike
    return {
      async executeSql (text, values) {
        if (values && values.length > 0) return pglite.query(text, values)
        const results = await pglite.exec(text)
        return results.at(-1) ?? { rows: [] }
      },
    }
  }
  return { executeSql: async (text, values) => (client as PoolLike).query(text, values) }
}

export const queues = {
  /** Sends what is due in the outbox. */
  deliver: 'mail-deliver',
  /** Works out which reminders, digests and meeting notices are due today, city by city. */
  reminders: 'mail-reminders',
} as const

export interface JobHandlers {
  deliver: () => Promise<void>
  reminders: () => Promise<void>
}

export interface JobEngineOptions {
  pollingIntervalSeconds?: number
  onError?: (error: Error) => void
}

/**
 * The queue every instance runs. pg-boss's cron fires each schedule once per cluster (it records the
 * last run in its own table under a lock), and our handlers are idempotent on top of that: a reminder's
 * key is unique and a mail is claimed before it is sent.
 */
export async function startJobEngine (db: Db, handlers: JobHandlers, options: JobEngineOptions = {}) {
  // Loaded here, not with the module: pg-boss brings the PostgreSQL driver, a tenth of a second the embedded start need not wait for.
  const { default: PgBoss } = await import('pg-boss')
  const boss = new PgBoss({ db: sqlExecutorFor(db) as never, schema: 'pgboss', supervise: true, schedule: true })
  boss.on('error', (error) => options.onError?.(error))
  await boss.start()
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }
  for (const name of Object.values(queues)) await boss.createQueue(name)
  // Every minute: mails written by a transaction that could not wake the queue (a cycle change) wait at most that long.
  await boss.schedule(queues.deliver, '* * * * *', {}, { singletonKey: 'cron' })
  // Every quarter hour: the city's day begins at its own midnight, whatever the server's zone.
  await boss.schedule(queues.reminders, '*/15 * * * *', {}, { singletonKey: 'cron' })
  await boss.work(queues.deliver, polling, async () => handlers.deliver())
  await boss.work(queues.reminders, polling, async () => handlers.reminders())
  return {
    boss,
    /** Wakes the delivery at once; several wake-ups within a few seconds make one job. */
    async kick () {
      await boss.send(queues.deliver, {}, { singletonKey: 'kick', singletonSeconds: 2 })
    },
    /** A run besides the schedule's (at start); running twice records nothing twice. */
    async runRemindersNow () {
      await boss.send(queues.reminders, {})
    },
    async stop () {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}

export type JobEngine = Awaited<ReturnType<typeof startJobEngine>>
