import type { PlanFile, PlanImportPreview } from '@eccar/shared'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  exampleActions, measureExampleActions, measureInvolvedOrganisations, measureRelations, measures,
  measureSecondaryCommitments, organisations, planCommitments, plans, statusUpdates,
} from '../../db/schema/index.ts'
import { checkPlanFile } from './plan-file.check.ts'
import { PlanExistsError } from './plan-files.errors.ts'

export interface ImportResult {
  planId: number
  measures: number
  organisationsCreated: number
  organisationsReused: number
}

/** Inserts in slices so a plan of thousands of measures stays within PostgreSQL's parameter limit. */
async function insertInChunks<T> (rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
}

/**
 * The checks of an import that need the database: the file's rules, no plan of the same title and
 * start in the city, and which organisations the city knows by name. Reads only.
 */
async function checkImport (tx: Db, cityId: number, file: PlanFile) {
  const known = new Set((await tx.select({ key: exampleActions.key }).from(exampleActions)).map((row) => row.key))
  checkPlanFile(file, known)

  const duplicate = await tx.select({ id: plans.id }).from(plans)
    .where(and(eq(plans.cityId, cityId), eq(plans.titleDe, file.plan.titleDe), eq(plans.periodStart, file.plan.periodStart)))
  if (duplicate.length > 0) throw new PlanExistsError(file.plan.titleDe, file.plan.periodStart)

  const existing = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations)
    .where(eq(organisations.cityId, cityId))
  const organisationIds = new Map(existing.map((row) => [row.name, row.id]))
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
    const created = await tx.insert(organisations).values(missing.map((organisation) => ({ ...organisation, cityId })))
      .returning({ id: organisations.id, name: organisations.name })
    for (const row of created) organisationIds.set(row.name, row.id)
  }
  const organisationId = (name: string | null | undefined) => (name ? organisationIds.get(name)! : null)

  const [plan] = await tx.insert(plans).values({ ...file.plan, cityId }).returning({ id: plans.id })
  const planId = plan!.id
  const commitmentTexts = new Map(file.commitments.map((commitment) => [commitment.number, commitment]))
  await tx.insert(planCommitments).values(Array.from({ length: 10 }, (_, i) => {
    const { number: _n, ...texts } = commitmentTexts.get(i + 1)!
    return { planId, commitmentNumber: i + 1, ...texts }
  }))

  const measureIds = new Map<string, number>()
  await insertInChunks(file.measures.map((measure, index) => ({ measure, index })), async (chunk) => {
    const inserted = await tx.insert(measures).values(chunk.map(({ measure, index }) => {
      const {
        secondaryCommitments: _s, involvedOrganisations: _i, relatedMeasures: _r, exampleActions: _e,
        statusHistory: _h, leadOrganisation, ...fields
      } = measure
      return { ...fields, planId, cityId, position: index + 1, leadOrganisationId: organisationId(leadOrganisation) }
    })).returning({ id: measures.id, code: measures.code })
    for (const row of inserted) measureIds.set(row.code, row.id)
  })

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
  await insertInChunks(secondary, (chunk) => tx.insert(measureSecondaryCommitments).values(chunk))
  await insertInChunks(involved, (chunk) => tx.insert(measureInvolvedOrganisations).values(chunk))
  await insertInChunks(relations, (chunk) => tx.insert(measureRelations).values(chunk))
  await insertInChunks(tags, (chunk) => tx.insert(measureExampleActions).values(chunk))
  await insertInChunks(history, (chunk) => tx.insert(statusUpdates).values(chunk))

  return {
    planId,
    measures: file.measures.length,
    organisationsCreated: missing.length,
    organisationsReused: file.organisations.length - missing.length,
  }
}
