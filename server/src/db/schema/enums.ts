import {
  cycleStates, discriminationKinds, indicatorDirections, lifeAreas, measureOrigins, measureStatuses, measureTypes, organisationKinds,
  planStates, recurrences, reportingChannels,
} from '@eccar/shared'
import { pgEnum } from 'drizzle-orm/pg-core'

// The database enums are built from the shared vocabularies, so API and storage cannot drift apart.
export const planStateEnum = pgEnum('plan_state', planStates)
export const measureStatusEnum = pgEnum('measure_status', measureStatuses)
export const measureTypeEnum = pgEnum('measure_type', measureTypes)
export const organisationKindEnum = pgEnum('organisation_kind', organisationKinds)
export const recurrenceEnum = pgEnum('recurrence', recurrences)
export const indicatorDirectionEnum = pgEnum('indicator_direction', indicatorDirections)
export const discriminationKindEnum = pgEnum('discrimination_kind', discriminationKinds)
export const lifeAreaEnum = pgEnum('life_area', lifeAreas)
export const reportingChannelEnum = pgEnum('reporting_channel', reportingChannels)
export const cycleStateEnum = pgEnum('cycle_state', cycleStates)
export const measureOriginEnum = pgEnum('measure_origin', measureOrigins)
