import { systemActor } from '../auth/actor.ts'
import { writeTransaction } from '../cache/write-transaction.ts'
import type { Db } from '../db/client.ts'
import { insertCity } from '../features/cities/cities.queries.ts'
import { writeOpenDataSettings } from '../features/open-data/open-data.queries.ts'
import { importPlanFileAudited } from '../features/plan-files/plan-files.service.ts'
import { cityCount, findMarker, lockDemoLoad, setMarker } from './demo.queries.ts'
import { jenaCity, jenaOpenData, jenaPlanFile } from './jena/index.ts'
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
    await lockDemoLoad(tx)
    if (await findMarker(tx, marker)) return null
    if (await cityCount(tx) > 0) return null
    const city = await insertCity(tx, jenaCity)
    const result = await importPlanFileAudited(tx, city.id, jenaPlanFile, systemActor, 'demo')
    await writeOpenDataSettings(tx, city.id, { ...jenaOpenData, version: 1, updatedAt: new Date() }, 1)
    await loadSteeringGroup(tx, city.id)
    await loadDemoAccounts(tx, city.id)
    await setMarker(tx, marker, new Date().toISOString())
    return { planId: result.planId }
  })
}
