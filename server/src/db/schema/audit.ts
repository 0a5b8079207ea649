import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One row per write, appended in the write's own transaction. No foreign keys: the trail must
 * outlive what it describes. A database trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable('audit_log', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  cityId: integer(),
  actorUserId: integer(),
  action: text().notNull(),
  entityType: text().notNull(),
  entityId: text().notNull(),
  before: jsonb(),
  after: jsonb(),
  requestId: text(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
}, (t) => [index().on(t.cityId, t.at), index().on(t.entityType, t.entityId)])
