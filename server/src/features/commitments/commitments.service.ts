import type { CommitmentList } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import { listCommitments, listExampleActions } from './commitments.queries.ts'

export function createCommitmentsService (db: Db) {
  return {
    /** The ten ECCAR commitments, each with ECCAR's example actions. */
    async list (): Promise<CommitmentList> {
      const [rows, actions] = await Promise.all([listCommitments(db), listExampleActions(db)])
      return {
        items: rows.map((row) => ({ ...row, exampleActions: actions.filter((action) => action.commitmentNumber === row.number) })),
      }
    },
  }
}
