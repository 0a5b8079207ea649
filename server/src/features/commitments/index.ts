import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommitmentListSchema } from '@eccar/shared'
import { asc } from 'drizzle-orm'
import { commitments, exampleActions } from '../../db/schema/index.ts'

const commitmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/commitments', {
    config: { access: 'public' },
    schema: {
      tags: ['commitments'],
      summary: 'The ten ECCAR commitments with ECCAR\'s example actions',
      response: { 200: CommitmentListSchema },
    },
  }, async () => {
    const [rows, actions] = await Promise.all([
      app.db.select().from(commitments).orderBy(asc(commitments.number)),
      app.db.select().from(exampleActions).orderBy(asc(exampleActions.commitmentNumber), asc(exampleActions.key)),
    ])
    return {
      items: rows.map((row) => ({
        ...row,
        exampleActions: actions.filter((action) => action.commitmentNumber === row.number),
      })),
    }
  })
}

export default commitmentRoutes
