import { Type, type Static } from 'typebox'
import {
  cycleStates, discriminationKinds, indicatorDirections, lifeAreas, measureOrigins, measureStatuses, measureTypes,
  organisationKinds, planStates, recurrences, reportingChannels, roles,
} from './vocabulary.ts'

/** TypeBox schemas of the controlled vocabularies in vocabulary.ts, for validation and the OpenAPI document. */
export const MeasureStatusSchema = Type.Enum(measureStatuses, {
  title: 'MeasureStatus',
  description: 'Implementation status of a measure. `delayed`, `dropped` and `exam_done_no` require a reason.',
})

export const MeasureTypeSchema = Type.Enum(measureTypes, {
  title: 'MeasureType',
  description: 'implementation (Umsetzung), examination (Prüfauftrag), aspiration (Absichtserklärung), ongoing (Daueraufgabe), advocacy (Hinwirken)',
})

export const OrganisationKindSchema = Type.Enum(organisationKinds, {
  title: 'OrganisationKind',
  description: 'municipal unit (Amt, Büro), municipal enterprise (Eigenbetrieb), advisory council (Beirat), civil society, state body, external',
})

export const PlanStateSchema = Type.Enum(planStates, {
  title: 'PlanState',
  description: 'draft (internal only), adopted by the council (public), closed (period over, still public)',
})

export const RecurrenceSchema = Type.Enum(recurrences, {
  title: 'Recurrence',
  description: 'How often the measure recurs; `once` for one-off deliverables.',
})

export type Localized = Static<typeof LocalizedLabelSchema>

export const LocalizedLabelSchema = Type.Object({ de: Type.String(), en: Type.String() })

export const RoleSchema = Type.Enum(roles, { title: 'Role', description: 'admin: everything in the city incl. users; editor: updates measures (optionally only those of chosen organisations); viewer: reads drafts and internal fields; incidents: the anti-discrimination office, a viewer that also enters raw incident counts and prepares incident releases' })

export const IndicatorDirectionSchema = Type.Enum(indicatorDirections, { title: 'IndicatorDirection' })

export const DiscriminationKindSchema = Type.Enum(discriminationKinds, { title: 'DiscriminationKind' })

export const LifeAreaSchema = Type.Enum(lifeAreas, { title: 'LifeArea' })

export const ReportingChannelSchema = Type.Enum(reportingChannels, { title: 'ReportingChannel' })

export const CycleStateSchema = Type.Enum(cycleStates, { title: 'CycleState' })

export const MeasureOriginSchema = Type.Enum(measureOrigins, { title: 'MeasureOrigin' })
