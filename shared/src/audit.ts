import { Type, type Static } from 'typebox'
import { DateTimeSchema, IdSchema, Nullable, PageQuerySchema } from './common.ts'

export const AuditLimits = { filterText: 100 } as const

export const AuditQuerySchema = Type.Object({
  entityType: Type.Optional(Type.String({ minLength: 1, maxLength: AuditLimits.filterText, description: 'e.g. `measure`, `plan`, `organisation`' })),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: AuditLimits.filterText, description: 'Identifier of the entity, as recorded (e.g. `12` or `3/4`)' })),
  actorId: Type.Optional(IdSchema),
  action: Type.Optional(Type.String({
    minLength: 1,
    maxLength: AuditLimits.filterText,
    description: 'Exact action such as `measure.update`, or a prefix ending in a dot such as `measure.`',
  })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this time (exclusive)' })),
  ...PageQuerySchema,
}, { additionalProperties: false })
export type AuditQuery = Static<typeof AuditQuerySchema>

export const AuditEntrySchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  at: DateTimeSchema,
  actor: Type.Union([
    Type.Object({ id: IdSchema, displayName: Type.String() }),
    Type.Null(),
  ], { description: 'Who made the change; null for the system (command line, demo loader)' }),
  action: Type.String({ description: 'What happened, e.g. `measure.update`' }),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown({ description: 'The record before the change as JSON (free form, secrets removed); null for creations' }),
  after: Type.Unknown({ description: 'The record after the change as JSON (free form, secrets removed); null for deletions' }),
  requestId: Nullable(Type.String({ description: 'The request that made the change; matches the server log' })),
}, { title: 'AuditEntry' })
export type AuditEntry = Static<typeof AuditEntrySchema>

export const AuditListSchema = Type.Object({
  items: Type.Array(AuditEntrySchema, { description: 'Newest first' }),
  total: Type.Integer({ minimum: 0, description: 'Matches before paging' }),
  limit: Type.Integer(),
  offset: Type.Integer(),
}, { title: 'AuditList' })
export type AuditList = Static<typeof AuditListSchema>
