import type { Db } from '../../db/client.ts'
import { measureExampleActions, measureInvolvedOrganisations, measureRelations, measureSecondaryCommitments, statusUpdates } from '../../db/schema/index.ts'

/** Inserts in slices, keeping each statement well below PostgreSQL's limit of bind parameters on plans of thousands of measures. */
export async function insertInChunks<T> (rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size))
}

/** New measures' links (and, for an imported plan, their timelines), already pointing to the new measures: the plan-file import and the plan update write them the same way. */
export async function insertMeasureLinks (db: Db, links: {
  secondary: (typeof measureSecondaryCommitments.$inferInsert)[]
  involved: (typeof measureInvolvedOrganisations.$inferInsert)[]
  exampleActions: (typeof measureExampleActions.$inferInsert)[]
  relations: (typeof measureRelations.$inferInsert)[]
  history?: (typeof statusUpdates.$inferInsert)[]
}) {
  await insertInChunks(links.secondary, (rows) => db.insert(measureSecondaryCommitments).values(rows))
  await insertInChunks(links.involved, (rows) => db.insert(measureInvolvedOrganisations).values(rows))
  await insertInChunks(links.exampleActions, (rows) => db.insert(measureExampleActions).values(rows))
  await insertInChunks(links.relations, (rows) => db.insert(measureRelations).values(rows))
  await insertInChunks(links.history ?? [], (rows) => db.insert(statusUpdates).values(rows))
}
