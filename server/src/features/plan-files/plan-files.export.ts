import { measureColumnFields, type MeasureColumnField, type PlanFile, type PlanFileMeasure } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import type { measures } from '../../db/schema/index.ts'
import { getPlan } from '../plans/plans.service.ts'
import { listCityOrganisations, listMeasuresWithLinks, listPlanCommitmentRows } from './plan-files.queries.ts'
import { byCode, compareCodes, compareNames } from '../../lib/collation.ts'

/** The measure's own columns, by the names the plan file gives them (the same): a new column field needs no line here. */
const columnsOf = (row: typeof measures.$inferSelect) =>
  Object.fromEntries(measureColumnFields.map((field) => [field, row[field]])) as Pick<typeof measures.$inferSelect, MeasureColumnField>

/** The whole plan as a plan file: every field, internal ones included, with names and codes instead of ids. */
export async function buildPlanFile (db: Db, planId: number): Promise<PlanFile> {
  const plan = await getPlan(db, planId)

  const [commitmentRows, organisationRows, measureRows] = await Promise.all([
    listPlanCommitmentRows(db, planId),
    listCityOrganisations(db, plan.cityId),
    listMeasuresWithLinks(db, planId),
  ])
  const organisationName = new Map(organisationRows.map((row) => [row.id, row.name]))
  const nameOf = (id: number | null) => (id === null ? null : organisationName.get(id) ?? null)

  return {
    format: 'eccar-action-plan',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    plan: {
      titleDe: plan.titleDe,
      titleEn: plan.titleEn,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      resolutionNumber: plan.resolutionNumber,
      resolutionDate: plan.resolutionDate,
      state: plan.state,
      introDe: plan.introDe,
      introEn: plan.introEn,
    },
    commitments: commitmentRows.map(({ planId: _plan, commitmentNumber, ...texts }) => ({ number: commitmentNumber, ...texts })),
    organisations: organisationRows.map((row) => ({
      name: row.name, nameEn: row.nameEn, kind: row.kind, descriptionDe: row.descriptionDe, descriptionEn: row.descriptionEn,
    })),
    // Every field of the file's measure, each one required: a field left out here does not compile.
    measures: measureRows.map((row) => ({
      ...columnsOf(row),
      secondaryCommitments: row.secondaryCommitments.map((s) => s.commitmentNumber).sort((a, b) => a - b),
      leadOrganisation: nameOf(row.leadOrganisationId),
      involvedOrganisations: row.involved.map((i) => nameOf(i.organisationId)!).sort(compareNames),
      // A link to a hidden measure would not resolve on import, so it is left out like the measure itself.
      relatedMeasures: row.relations.filter((r) => r.related.deletedAt === null)
        .map((r) => ({ code: r.related.code, noteDe: r.noteDe, noteEn: r.noteEn })).sort(byCode),
      exampleActions: row.exampleActions.map((e) => e.exampleActionKey).sort(compareCodes),
      statusHistory: row.statusUpdates.map((update) => ({
        date: update.date,
        status: update.status,
        progress: update.progress,
        noteDe: update.noteDe,
        noteEn: update.noteEn,
        reason: update.reason,
        evidenceLinks: update.evidenceLinks,
        organisation: nameOf(update.organisationId),
        recordedAt: update.recordedAt.toISOString(),
      })),
    }) satisfies Required<PlanFileMeasure>),
  }
}
