import type { PlanFile, PlanImportPreview, PlanImportResult } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { getCityAs } from '../cities/cities.service.ts'
import { getPlan, getPlanAs, toPlanSummary } from '../plans/plans.service.ts'
import { buildPlanFile } from './plan-files.export.ts'
import { importPlanFile, previewPlanFile, type ImportResult } from './plan-files.import.ts'

/** Where an import came from, kept in its audit row; the API's imports carry the person instead. */
export type ImportSource = 'api' | 'cli' | 'demo'

/**
 * Imports the file into the city and writes the import's one audit row. The one way a plan file
 * enters the database (API, CLI, demo data); it runs inside the caller's `writeTransaction`.
 */
export async function importPlanFileAudited (tx: Db, cityId: number, file: PlanFile, actor: Actor, source: ImportSource): Promise<ImportResult> {
  const result = await importPlanFile(tx, cityId, file)
  const after = source === 'api' ? result : { source, ...result }
  await recordAudit(tx, actor, { cityId, action: 'plan.import', entityType: 'plan', entityId: result.planId, after })
  return result
}

/** File names are ours, ASCII only, so no header injection and no surprises in any browser. */
const fileName = (citySlug: string, periodStart: string, periodEnd: string) =>
  `${citySlug}-action-plan-${periodStart.slice(0, 4)}-${periodEnd.slice(0, 4)}.json`

export function createPlanFilesService (db: Db, onChange: ChangeListener = () => {}) {
  return {
    /** The file holds internal fields and drafts: members of the plan's city only. */
    async export (planId: number, actor: Actor) {
      const plan = await getPlanAs(db, planId, actor, 'viewer')
      const file = await buildPlanFile(db, plan.id)
      return { file, fileName: fileName(plan.citySlug, file.plan.periodStart, file.plan.periodEnd) }
    },

    /** The import's checks and what it would create, for the city's administrators; writes nothing. */
    async preview (citySlug: string, file: PlanFile, actor: Actor): Promise<PlanImportPreview> {
      const city = await getCityAs(db, citySlug, actor, 'admin')
      return previewPlanFile(db, city.id, file)
    },

    async import (citySlug: string, file: PlanFile, actor: Actor): Promise<PlanImportResult> {
      return writeTransaction(db, onChange, async (tx) => {
        const city = await getCityAs(tx, citySlug, actor, 'admin')
        const { planId, ...imported } = await importPlanFileAudited(tx, city.id, file, actor, 'api')
        return { ...imported, plan: toPlanSummary(await getPlan(tx, planId), imported.measures) }
      })
    },
  }
}
