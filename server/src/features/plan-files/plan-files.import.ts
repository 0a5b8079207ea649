import type { PlanFile, PlanImportPreview } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import { insertMeasureLinks } from '../common/measure-links.queries.ts'
import { checkPlanFile } from './plan-file.check.ts'
import { PlanExistsError } from './plan-files.errors.ts'
import {
  exampleActionKeys, insertMeasures, insertOrganisations, insertPlan, insertPlanCommitments, organisationIdsByName,
  planWithTitleAndStartExists,
} from './plan-files.queries.ts'

export interface ImportResult {
  planId: number
  measures: number
  organisationsCreated: number
  organisationsReused: number
}

/**
 * The checks of an import that need the database: the file's rules, no plan of the same title and
 * start in the city, and which organisations the city knows by name. Reads only.
 */
async function checkImport (tx: Db, cityId: number, file: PlanFile) {
  checkPlanFile(file, await exampleActionKeys(tx))
  if (await planWithTitleAndStartExists(tx, cityId, file.plan.titleDe, file.plan.periodStart)) {
    throw new PlanExistsError(file.plan.titleDe, file.plan.periodStart)
  }
  const organisationIds = await organisationIdsByName(tx, cityId)
  const missing = file.organisations.filter((organisation) => !organisationIds.has(organisation.name))
  return { organisationIds, missing }
}

/** What an import of the file would create, after the same checks; writes nothing. */
export async function previewPlanFile (db: Db, cityId: number, file: PlanFile): Promise<PlanImportPreview> {
  const { organisationIds } = await checkImport(db, cityId, file)
  const perCommitment = Array.from({ length: 10 }, () => 0)
  for (const measure of file.measures) perCommitment[measure.primaryCommitment - 1]! += 1
  const organisationRows = file.organisations.map((o) => ({ name: o.name, kind: o.kind, known: organisationIds.has(o.name) }))
  return {
    plan: file.plan,
    measures: file.measures.map((m) => ({
      code: m.code, titleDe: m.titleDe, titleEn: m.titleEn ?? null, primaryCommitment: m.primaryCommitment, status: m.status ?? 'planned',
    })),
    measuresPerCommitment: perCommitment,
    organisations: organisationRows,
    organisationsCreated: organisationRows.filter((o) => !o.known).length,
    organisationsReused: organisationRows.filter((o) => o.known).length,
    statusEntries: file.measures.reduce((sum, m) => sum + (m.statusHistory?.length ?? 0), 0),
  }
}

/**
 * Recreates a plan from a plan file inside the caller's transaction. Organisations are matched by
 * name within the city: existing ones are reused unchanged, missing ones are created.
 */
export async function importPlanFile (tx: Db, cityId: number, file: PlanFile): Promise<ImportResult> {
  const { organisationIds, missing } = await checkImport(tx, cityId, file)
  if (missing.length > 0) {
    const created = await insertOrganisations(tx, missing.map((organisation) => ({ ...organisation, cityId })))
    for (const row of created) organisationIds.set(row.name, row.id)
  }
  const organisationId = (name: string | null | undefined) => (name ? organisationIds.get(name)! : null)

  const planId = await insertPlan(tx, { ...file.plan, cityId })
  const commitmentTexts = new Map(file.commitments.map((commitment) => [commitment.number, commitment]))
  await insertPlanCommitments(tx, Array.from({ length: 10 }, (_, i) => {
    const { number: _n, ...texts } = commitmentTexts.get(i + 1)!
    return { planId, commitmentNumber: i + 1, ...texts }
  }))

  const measureIds = await insertMeasures(tx, file.measures.map((measure, index) => {
    const {
      secondaryCommitments: _s, involvedOrganisations: _i, relatedMeasures: _r, exampleActions: _e,
      statusHistory: _h, leadOrganisation, ...fields
    } = measure
    return { ...fields, planId, cityId, position: index + 1, leadOrganisationId: organisationId(leadOrganisation) }
  }))

  const links = file.measures.map((measure) => ({ measure, id: measureIds.get(measure.code)! }))
  const secondary = links.flatMap(({ measure, id }) =>
    (measure.secondaryCommitments ?? []).map((commitmentNumber) => ({ measureId: id, commitmentNumber })))
  const involved = links.flatMap(({ measure, id }) =>
    (measure.involvedOrganisations ?? []).map((name) => ({ measureId: id, organisationId: organisationId(name)! })))
  const relations = links.flatMap(({ measure, id }) => (measure.relatedMeasures ?? []).map((relation) => ({
    measureId: id, relatedMeasureId: measureIds.get(relation.code)!, noteDe: relation.noteDe ?? null, noteEn: relation.noteEn ?? null,
  })))
  const tags = links.flatMap(({ measure, id }) =>
    (measure.exampleActions ?? []).map((exampleActionKey) => ({ measureId: id, exampleActionKey })))
  const history = links.flatMap(({ measure, id }) => {
    let previous: { status: typeof measure.status, progress: number } | null = null
    return (measure.statusHistory ?? []).map((entry) => {
      const row = {
        measureId: id,
        date: entry.date,
        fromStatus: previous?.status ?? null,
        status: entry.status,
        fromProgress: previous?.progress ?? null,
        progress: entry.progress,
        noteDe: entry.noteDe ?? null,
        noteEn: entry.noteEn ?? null,
        reason: entry.reason ?? null,
        evidenceLinks: (entry.evidenceLinks ?? []).map((link) => ({ url: link.url, label: link.label ?? null })),
        organisationId: organisationId(entry.organisation),
        ...(entry.recordedAt ? { recordedAt: new Date(entry.recordedAt) } : {}),
      }
      previous = { status: entry.status, progress: entry.progress }
      return row
    })
  })
  await insertMeasureLinks(tx, { secondary, involved, relations, exampleActions: tags, history })

  return {
    planId,
    measures: file.measures.length,
    organisationsCreated: missing.length,
    organisationsReused: file.organisations.length - missing.length,
  }
}
