import { PlanFileSchema, statusesRequiringReason, type PlanFile } from '@eccar/shared'
import { Compile } from 'typebox/compile'
import { PlanFileInvalidError } from './plan-files.errors.ts'
import { findInputDefect } from '../../plugins/validation.ts'

/** Compiled on the first file checked, not at start-up: the plan file is the largest schema there is. */
let compiled: ReturnType<typeof Compile<typeof PlanFileSchema>> | undefined
const planFileValidator = () => (compiled ??= Compile(PlanFileSchema))

/** Structural check with the same schema the API route uses; for files that did not come through HTTP. */
export function parsePlanFile (value: unknown): PlanFile {
  // The API refuses these in its validation layer already; a file read by the CLI comes through here only.
  const defect = findInputDefect(value)
  if (defect) throw new PlanFileInvalidError(defect.path, defect.message)
  const [error] = planFileValidator().Errors(value)
  if (error) {
    const params = error.params as Record<string, unknown>
    // TypeBox reports an unknown property first as a `false` schema at the property's own path.
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) {
      throw new PlanFileInvalidError(error.instancePath, 'is not a known property')
    }
    // Name the missing property in the path, as the API does (`/measures/3/code`, not `/measures/3`).
    if (error.keyword === 'required') {
      const names = params.requiredProperties as string[] | undefined
      throw new PlanFileInvalidError(`${error.instancePath}/${names?.[0] ?? ''}`, 'is required')
    }
    if (error.keyword === 'additionalProperties') {
      const names = params.additionalProperties as string[] | undefined
      throw new PlanFileInvalidError(`${error.instancePath}/${names?.[0] ?? ''}`, 'is not a known property')
    }
    throw new PlanFileInvalidError(error.instancePath || '/', error.message)
  }
  return value as PlanFile
}

const needsReason = (status: string) => (statusesRequiringReason as readonly string[]).includes(status)

/**
 * The rules a schema cannot express: unique names and codes, references that resolve, dates in
 * order, reasons where a status needs one. Stops at the first problem so the message stays precise.
 */
export function checkPlanFile (file: PlanFile, knownExampleActions: ReadonlySet<string>) {
  const fail = (path: string, reason: string) => { throw new PlanFileInvalidError(path, reason) }

  if (file.plan.periodEnd < file.plan.periodStart) fail('/plan/periodEnd', 'is before periodStart')

  const seenCommitments = new Set<number>()
  file.commitments.forEach((commitment, i) => {
    if (seenCommitments.has(commitment.number)) fail(`/commitments/${i}/number`, `repeats commitment ${commitment.number}`)
    seenCommitments.add(commitment.number)
  })

  const organisationNames = new Set<string>()
  file.organisations.forEach((organisation, i) => {
    if (organisationNames.has(organisation.name)) fail(`/organisations/${i}/name`, `repeats "${organisation.name}"`)
    organisationNames.add(organisation.name)
  })
  const checkOrganisation = (path: string, name: string | null | undefined) => {
    if (name && !organisationNames.has(name)) fail(path, `names "${name}", which is not in /organisations`)
  }

  const codes = new Set<string>()
  file.measures.forEach((measure, i) => {
    if (codes.has(measure.code)) fail(`/measures/${i}/code`, `repeats code "${measure.code}"`)
    codes.add(measure.code)
  })

  file.measures.forEach((measure, i) => {
    const at = `/measures/${i}`
    measure.secondaryCommitments?.forEach((number, j) => {
      if (number === measure.primaryCommitment) fail(`${at}/secondaryCommitments/${j}`, 'repeats the primary commitment')
    })
    checkOrganisation(`${at}/leadOrganisation`, measure.leadOrganisation)
    measure.involvedOrganisations?.forEach((name, j) => checkOrganisation(`${at}/involvedOrganisations/${j}`, name))
    if (measure.startDate && measure.endDate && measure.endDate < measure.startDate) fail(`${at}/endDate`, 'is before startDate')
    const relatedCodes = new Set<string>()
    measure.relatedMeasures?.forEach((relation, j) => {
      if (relation.code === measure.code) fail(`${at}/relatedMeasures/${j}/code`, 'refers to the measure itself')
      if (!codes.has(relation.code)) fail(`${at}/relatedMeasures/${j}/code`, `refers to "${relation.code}", which is not a measure of this plan`)
      if (relatedCodes.has(relation.code)) fail(`${at}/relatedMeasures/${j}/code`, `repeats "${relation.code}"`)
      relatedCodes.add(relation.code)
    })
    measure.exampleActions?.forEach((key, j) => {
      if (!knownExampleActions.has(key)) fail(`${at}/exampleActions/${j}`, `"${key}" is not an ECCAR example action`)
    })
    if (needsReason(measure.status ?? 'planned') && !measure.statusReason?.trim()) {
      fail(`${at}/statusReason`, `is required for status "${measure.status}"`)
    }
    measure.statusHistory?.forEach((entry, j) => {
      if (needsReason(entry.status) && !entry.reason?.trim()) fail(`${at}/statusHistory/${j}/reason`, `is required for status "${entry.status}"`)
      checkOrganisation(`${at}/statusHistory/${j}/organisation`, entry.organisation)
      const previous = measure.statusHistory?.[j - 1]
      if (previous && entry.date < previous.date) fail(`${at}/statusHistory/${j}/date`, 'is earlier than the entry before it')
    })
  })
}
