import { relations } from 'drizzle-orm'
import { users } from './accounts.ts'
import {
  measureExampleActions, measureInvolvedOrganisations, measureRelations, measures,
  measureSecondaryCommitments, statusUpdates,
} from './measures.ts'
import { organisations } from './organisations.ts'
import { cities, planCommitments, plans } from './plans.ts'
import { exampleActions } from './reference.ts'
import { steeringDecisionMeasures, steeringDecisions, steeringMeetingAttendees, steeringMeetings, steeringMembers } from './steering.ts'

// Relations drive drizzle's relational queries, which load a measure with its links in one SQL statement.
export const plansRelations = relations(plans, ({ one, many }) => ({
  city: one(cities, { fields: [plans.cityId], references: [cities.id] }),
  commitments: many(planCommitments),
}))

export const planCommitmentsRelations = relations(planCommitments, ({ one }) => ({
  plan: one(plans, { fields: [planCommitments.planId], references: [plans.id] }),
}))

export const measuresRelations = relations(measures, ({ one, many }) => ({
  plan: one(plans, { fields: [measures.planId], references: [plans.id] }),
  lead: one(organisations, { fields: [measures.leadOrganisationId], references: [organisations.id] }),
  secondaryCommitments: many(measureSecondaryCommitments),
  involved: many(measureInvolvedOrganisations),
  relations: many(measureRelations, { relationName: 'outgoing' }),
  referencedBy: many(measureRelations, { relationName: 'incoming' }),
  exampleActions: many(measureExampleActions),
  statusUpdates: many(statusUpdates),
}))

export const measureSecondaryCommitmentsRelations = relations(measureSecondaryCommitments, ({ one }) => ({
  measure: one(measures, { fields: [measureSecondaryCommitments.measureId], references: [measures.id] }),
}))

export const measureInvolvedOrganisationsRelations = relations(measureInvolvedOrganisations, ({ one }) => ({
  measure: one(measures, { fields: [measureInvolvedOrganisations.measureId], references: [measures.id] }),
  organisation: one(organisations, { fields: [measureInvolvedOrganisations.organisationId], references: [organisations.id] }),
}))

export const measureRelationsRelations = relations(measureRelations, ({ one }) => ({
  measure: one(measures, { fields: [measureRelations.measureId], references: [measures.id], relationName: 'outgoing' }),
  related: one(measures, { fields: [measureRelations.relatedMeasureId], references: [measures.id], relationName: 'incoming' }),
}))

export const measureExampleActionsRelations = relations(measureExampleActions, ({ one }) => ({
  measure: one(measures, { fields: [measureExampleActions.measureId], references: [measures.id] }),
  action: one(exampleActions, { fields: [measureExampleActions.exampleActionKey], references: [exampleActions.key] }),
}))

export const statusUpdatesRelations = relations(statusUpdates, ({ one }) => ({
  measure: one(measures, { fields: [statusUpdates.measureId], references: [measures.id] }),
  organisation: one(organisations, { fields: [statusUpdates.organisationId], references: [organisations.id] }),
  user: one(users, { fields: [statusUpdates.userId], references: [users.id] }),
}))

export const steeringMeetingsRelations = relations(steeringMeetings, ({ many }) => ({
  attendees: many(steeringMeetingAttendees),
  decisions: many(steeringDecisions),
}))

export const steeringMeetingAttendeesRelations = relations(steeringMeetingAttendees, ({ one }) => ({
  meeting: one(steeringMeetings, { fields: [steeringMeetingAttendees.meetingId], references: [steeringMeetings.id] }),
  member: one(steeringMembers, { fields: [steeringMeetingAttendees.memberId], references: [steeringMembers.id] }),
}))

export const steeringDecisionsRelations = relations(steeringDecisions, ({ one, many }) => ({
  meeting: one(steeringMeetings, { fields: [steeringDecisions.meetingId], references: [steeringMeetings.id] }),
  measures: many(steeringDecisionMeasures),
}))

export const steeringDecisionMeasuresRelations = relations(steeringDecisionMeasures, ({ one }) => ({
  decision: one(steeringDecisions, { fields: [steeringDecisionMeasures.decisionId], references: [steeringDecisions.id] }),
  measure: one(measures, { fields: [steeringDecisionMeasures.measureId], references: [measures.id] }),
}))

export const steeringMembersRelations = relations(steeringMembers, ({ one }) => ({
  organisation: one(organisations, { fields: [steeringMembers.organisationId], references: [organisations.id] }),
}))
