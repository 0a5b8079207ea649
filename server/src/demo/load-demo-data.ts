import { count, eq } from 'drizzle-orm'
import { systemActor } from '../auth/actor.ts'
import { writeTransaction } from '../cache/write-transaction.ts'
import type { Db } from '../db/client.ts'
import { appMeta, cities } from '../db/schema/index.ts'
import { insertCity } from '../features/cities/cities.queries.ts'
import { importPlanFileAudited } from '../features/plan-files/plan-files.service.ts'
import { jenaCity, jenaPlanFile } from './jena/index.ts'
import { loadDemoAccounts } from './load-demo-accounts.ts'
import { loadSteeringGroup } from './load-steering-group.ts'

const marker = 'demo_data_loaded_at'

/**
 * Loads the Jena plan into an empty database, once. The marker stays even if the demo city is
 * later deleted, so a restart never brings deleted demo data back.
 */
export async function loadDemoData (db: Db): Promise<{ planId: number } | null> {
  // Nothing is cached before the demo data exist, so there is nobody to tell of the change.
  return writeTransaction(db, () => {}, async (tx) => {
    // Serialises concurrent first starts of several instances against one PostgreSQL.
    await tx.execute('select pg_advisory_xact_lock(72010002)')
    const [loaded] = await tx.select().from(appMeta).where(eq(appMeta.key, marker))
    if (loaded) return null
    const [cityCount] = await tx.select({ value: count() }).from(cities)
    if ((cityCount?.value ?? 0) > 0) return null
    const city = await insertCity(tx, jenaCity)
    const result = await importPlanFileAudited(tx, city.id, jenaPlanFile, systemActor, 'demo')
    await loadSteeringGroup(tx, city.id)
    await loadDemoAccounts(tx, city.id)
    await tx.insert(appMeta).values({ key: marker, value: new Date().toISOString() })
    return { planId: result.planId }
  })
}
