import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.ts'
import { startChangeFeed } from './cache/change-feed.ts'
import type { Config } from './config.ts'
import { analyzeTables, openDatabase } from './db/client.ts'
import { loadDemoData } from './demo/load-demo-data.ts'
import { replayDemoReminders } from './demo/replay-demo-reminders.ts'
import { createSetupLinkIfNeeded } from './features/setup/setup.service.ts'
import { warmUpReportRenderers } from './reports/warm-up.ts'

/** Everything after the database is open: migrations, the demo, the app, listening and the work after it. */
export async function runServer (config: Config, releaseDataDir: () => Promise<void>) {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR })
  await database.migrate()
  const app = await buildApp({ config, db: database.db })
  // Other instances may write to the same PostgreSQL; their commits must reach this instance's cache.
  const stopChangeFeed = config.DATABASE_URL && app.readCache
    ? await startChangeFeed(config.DATABASE_URL, app.readCache, app.log)
    : async () => {}

  if (config.DEMO_DATA) {
    const loaded = await loadDemoData(database.db)
    if (loaded) {
      app.log.info({ plan: loaded.planId }, 'loaded the Jena demo plan into the empty database')
      const reminders = await replayDemoReminders(database.db, app.mail.held)
      if (reminders > 0) app.log.info({ event: 'demo-reminders', reminders }, 'the demo plan\'s reminders of December 2023 are held in the outbox')
    }
  }

  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    await app.close()
    await stopChangeFeed()
    await database.close()
    await releaseDataDir()
  })

  await app.listen({ port: config.PORT, host: config.HOST })
  // PGlite has no autovacuum, so the planner would never learn table sizes: ANALYZE once per start,
  // a second after listening (the first requests come first) and one table at a time, so requests
  // interleave instead of waiting for all of it.
  if (database.driver === 'pglite') {
    setTimeout(() => {
      void analyzeTables(database.db).catch((err: unknown) => app.log.warn({ err }, 'analyze after start failed'))
    }, 1_000).unref()
  }
  // Loading fonts and warming the PDF code takes a second once; better soon than in the first export,
  // but not in the first second, when the first requests arrive.
  setTimeout(() => {
    void warmUpReportRenderers().catch((err: unknown) => app.log.warn({ err }, 'report renderers not warmed up'))
  }, 2_000).unref()
  // No administrator yet: a one-time link lets the first one be created in the browser while the server runs.
  const setupPath = await createSetupLinkIfNeeded(database.db)
  if (setupPath) {
    app.log.warn({ event: 'setup-link' }, `No administrator yet. Open this one-time link within 24 hours to create the first one: ${config.PUBLIC_ORIGIN}${setupPath}`)
  }
  app.log.info(`database: ${database.driver === 'pglite' ? `embedded (${config.DATA_DIR})` : 'PostgreSQL'}`)
}
