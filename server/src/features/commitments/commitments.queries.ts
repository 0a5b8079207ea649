import { asc } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { commitments, exampleActions } from '../../db/schema/index.ts'

export const listCommitments = (db: Db) => db.select().from(commitments).orderBy(asc(commitments.number))

export const listExampleActions = (db: Db) =>
  db.select().from(exampleActions).orderBy(asc(exampleActions.commitmentNumber), asc(exampleActions.key))
