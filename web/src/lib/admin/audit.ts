import type { AuditQuery } from '@eccar/shared'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { sameValue } from './form-diff'

/** Actions the audit trail records, each with a label in `admin.audit.actions.<action with _ for .>`. */
export const knownAuditActions = [
  'plan.create', 'plan.update', 'plan.delete', 'plan.import', 'plan.successor.create', 'plan.commitment.update',
  'measure.create', 'measure.update', 'measure.delete', 'measure.restore', 'measure.status.update',
  'organisation.create', 'organisation.update', 'organisation.delete',
  'membership.create', 'membership.update', 'membership.delete', 'membership.invite', 'membership.invite.withdraw',
  'user.invitation.create', 'user.invitation.accept', 'user.password.change', 'user.password.reset.request', 'user.password.reset',
  'steering.member.create', 'steering.member.update', 'steering.member.delete',
  'steering.meeting.create', 'steering.meeting.update', 'steering.meeting.delete',
  'city.create', 'city.settings.update',
  'reporting.cycle.create', 'reporting.cycle.update', 'reporting.cycle.approve', 'reporting.cycle.submit', 'reporting.cycle.transition',
  'reporting.narrative.update',
  'indicator.create', 'indicator.update', 'indicator.delete', 'indicator.value.create', 'indicator.value.delete',
  'incidents.period.replace', 'incidents.release.prepare', 'incidents.release.audit', 'incidents.release.publish', 'incidents.release.delete',
  'sso.provider.create', 'sso.provider.update', 'sso.provider.delete', 'sso.refuse',
] as const

/** Groups offered in the action filter (the API matches a prefix ending in a dot). */
export const auditActionPrefixes = [
  'plan.', 'measure.', 'organisation.', 'membership.', 'user.', 'steering.', 'city.', 'reporting.', 'indicator.', 'incidents.', 'sso.',
] as const

/** Entity types as recorded, each with a label in `admin.audit.entities.<type with _ for ->`. */
export const knownEntityTypes = [
  'plan', 'plan-commitment', 'measure', 'organisation', 'user', 'invitation', 'steering_member', 'steering_meeting', 'city',
  'reporting_cycle', 'cycle_narrative', 'indicator', 'indicator_value', 'incident_period', 'identity-provider', 'incident_release',
] as const

const actions = new Set<string>(knownAuditActions)
const entities = new Set<string>(knownEntityTypes)

/** The i18n key of an action's label, or null for an action this version does not know (shown as recorded). */
export const actionLabelKey = (action: string) => (actions.has(action) ? `admin.audit.actions.${action.replace(/\./g, '_')}` : null)
export const actionPrefixLabelKey = (prefix: string) => `admin.audit.prefixes.${prefix.replace(/\.$/, '')}`
export const entityLabelKey = (type: string) => (entities.has(type) ? `admin.audit.entities.${type.replace(/-/g, '_')}` : null)

/**
 * Fields whose generic label (`admin.fields.*`) would be wrong or missing for an entity type; their label is
 * `admin.audit.fieldsByEntity.<type>.<field>` (a reporting cycle's `state` is the report's, not the plan's).
 */
const entityFields: Record<string, readonly string[]> = {
  reporting_cycle: ['state', 'title', 'titleEn', 'periodStart', 'periodEnd', 'dueDate', 'approvedBy', 'approvedAt', 'submittedBy', 'submittedAt', 'planId'],
  cycle_narrative: [
    'commitmentNumber', 'textDe', 'textEn', 'challengesDe', 'challengesEn', 'needsDe', 'needsEn',
    'exchangeTopicsDe', 'exchangeTopicsEn', 'noNarrativeReasonDe', 'noNarrativeReasonEn',
  ],
}

/** The i18n key of a field's label in the audit trail: the entity's own where it has one, else the form label's. */
export function auditFieldLabelKey (entityType: string, field: string): string {
  return entityFields[entityType]?.includes(field) ? `admin.audit.fieldsByEntity.${entityType}.${field}` : `admin.fields.${field}`
}

export interface AuditValueWords {
  empty: string
  yes: string
  no: string
  date: (iso: string) => string
  dateTime: (iso: string) => string
  /** A person's name by account id, or null when this page does not know it. */
  person: (id: number) => string | null
  /** `admin.audit.person` with the id, for a person the page cannot name. */
  unknownPerson: (id: number) => string
  /** The label of a reporting cycle's state. */
  cycleState: (state: string) => string | null
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** A recorded value as people read it: dates formatted, people by name, a cycle's state in words. */
export function auditValueText (entityType: string, field: string, value: unknown, words: AuditValueWords): string | null {
  if (typeof value === 'number' && /By$/.test(field)) return words.person(value) ?? words.unknownPerson(value)
  if (typeof value === 'string' && field === 'state' && entityType === 'reporting_cycle') return words.cycleState(value) ?? value
  if (typeof value === 'string' && isoInstant.test(value) && !Number.isNaN(Date.parse(value))) return words.dateTime(value)
  if (typeof value === 'string' && isoDay.test(value)) return words.date(value)
  return null
}

/** Bookkeeping columns that change with every write and say nothing about the change. */
const ignoredFields = new Set(['version', 'updatedAt', 'createdAt'])

export interface FieldChange { field: string, before: unknown, after: unknown }

const asRecord = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? value as Record<string, unknown> : null

/**
 * Only the fields that differ between `before` and `after` (a creation lists what was set, a deletion
 * what was there). Values that are not records are compared as a whole under the field "".
 */
export function auditChanges (before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before)
  const a = asRecord(after)
  if (!b && !a) return sameValue(before, after) ? [] : [{ field: '', before, after }]
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]
  return keys
    .filter((k) => !ignoredFields.has(k))
    .map((field) => ({ field, before: b ? b[field] ?? null : null, after: a ? a[field] ?? null : null }))
    .filter((c) => !sameValue(c.before, c.after))
}

/** The audit filters as the page's address keeps them (all text; dates as YYYY-MM-DD). */
export interface AuditFilters {
  entityType: string
  action: string
  actorId: string
  from: string
  to: string
  page: number
}

export const auditPageSize = 50

export const emptyAuditFilters = (): AuditFilters => ({ entityType: '', action: '', actorId: '', from: '', to: '', page: 1 })

const one = (value: LocationQuery[string] | undefined): string => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : ''
}
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v)

export function auditFiltersFromQuery (query: LocationQuery): AuditFilters {
  const page = Number(one(query.page))
  const actorId = one(query.person)
  return {
    entityType: one(query.entity).slice(0, 100),
    action: one(query.action).slice(0, 100),
    actorId: /^\d{1,10}$/.test(actorId) ? actorId : '',
    from: isDate(one(query.from)) ? one(query.from) : '',
    to: isDate(one(query.to)) ? one(query.to) : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

export function auditFiltersToQuery (f: AuditFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (f.entityType) query.entity = f.entityType
  if (f.action) query.action = f.action
  if (f.actorId) query.person = f.actorId
  if (f.from) query.from = f.from
  if (f.to) query.to = f.to
  if (f.page > 1) query.page = String(f.page)
  return query
}

/** Midnight at the start of a local calendar day, as the UTC timestamp the API expects. */
function startOfLocalDay (date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + addDays).toISOString()
}

/** The API query: "to" includes the whole day chosen (the API's `to` is exclusive). */
export function auditFiltersToApi (f: AuditFilters): AuditQuery {
  const query: AuditQuery = { limit: auditPageSize, offset: (f.page - 1) * auditPageSize }
  if (f.entityType) query.entityType = f.entityType
  if (f.action) query.action = f.action
  if (f.actorId) query.actorId = Number(f.actorId)
  if (f.from) query.from = startOfLocalDay(f.from)
  if (f.to) query.to = startOfLocalDay(f.to, 1)
  return query
}
