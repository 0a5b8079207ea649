import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CommitmentListSchema } from '@eccar/shared'
import { createCommitmentsService } from './commitments.service.ts'

const commitmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = createCommitmentsService(app.db)

  app.get('/commitments', {
    config: { access: 'public' },
    schema: {
      tags: ['commitments'],
      summary: 'The ten ECCAR commitments with ECCAR\'s example actions',
      response: { 200: CommitmentListSchema },
    },
  }, async () => service.list())
}

export default commitmentRoutes
