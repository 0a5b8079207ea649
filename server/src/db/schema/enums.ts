import { measureStatuses, measureTypes, organisationKinds, planStates, recurrences } from '@eccar/shared'
import { pgEnum } from 'drizzle-orm/pg-core'

// The database enums are built from the shared vocabularies, so API and storage cannot drift apart.
export const planStateEnum = pgEnum('plan_state', planStates)
export const measureStatusEnum = pgEnum('measure_status', measureStatuses)
export const measureTypeEnum = pgEnum('measure_type', measureTypes)
export const organisationKindEnum = pgEnum('organisation_kind', organisationKinds)
export const recurrenceEnum = pgEnum('recurrence', recurrences)
