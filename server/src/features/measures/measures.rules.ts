import { statusesRequiringReason, type MeasureStatus } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import {
  ExampleActionUnknownError, MeasureDatesInvalidError, OrganisationUnknownError, RelatedMeasureInvalidError, RelatedMeasureRepeatedError,
  SecondaryCommitmentInvalidError, StatusReasonRequiredError,
} from './measures.errors.ts'
import { existingExampleActionKeys, existingMeasureIds, existingOrganisationIds } from './measures.queries.ts'

/** The measure as it will be after a write, with everything the business rules look at. */
export interface MeasureDraft {
  id?: number
  planId: number
  cityId: number
  primaryCommitment: number
  secondaryCommitments?: number[] | undefined
  startDate: string | null
  endDate: string | null
  status: MeasureStatus
  statusReason: string | null
  leadOrganisationId: number | null
  involvedOrganisationIds?: number[] | undefined
  relatedMeasureIds?: number[] | undefined
  exampleActions?: string[] | undefined
}

export function needsReason (status: MeasureStatus) {
  return statusesRequiringReason.includes(status)
}

/** Checks a measure against the rules of the data model before anything is written. */
export async function checkMeasure (db: Db, draft: MeasureDraft) {
  if (needsReason(draft.status) && !draft.statusReason?.trim()) throw new StatusReasonRequiredError(draft.status)
  if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) throw new MeasureDatesInvalidError()
  if (draft.secondaryCommitments?.includes(draft.primaryCommitment)) throw new SecondaryCommitmentInvalidError()

  const organisationIds = [...new Set([
    ...(draft.leadOrganisationId ? [draft.leadOrganisationId] : []),
    ...(draft.involvedOrganisationIds ?? []),
  ])]
  const knownOrganisations = await existingOrganisationIds(db, draft.cityId, organisationIds)
  const unknownOrganisation = organisationIds.find((id) => !knownOrganisations.has(id))
  if (unknownOrganisation !== undefined) throw new OrganisationUnknownError(unknownOrganisation)

  const relatedIds = draft.relatedMeasureIds ?? []
  const repeated = relatedIds.find((id, index) => relatedIds.indexOf(id) !== index)
  if (repeated !== undefined) throw new RelatedMeasureRepeatedError(repeated)
  const knownMeasures = await existingMeasureIds(db, draft.planId, relatedIds)
  const badRelation = relatedIds.find((id) => id === draft.id || !knownMeasures.has(id))
  if (badRelation !== undefined) throw new RelatedMeasureInvalidError(badRelation)

  const keys = draft.exampleActions ?? []
  const knownKeys = await existingExampleActionKeys(db, keys)
  const unknownKey = keys.find((key) => !knownKeys.has(key))
  if (unknownKey !== undefined) throw new ExampleActionUnknownError(unknownKey)
}
