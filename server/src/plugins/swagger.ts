// OpenAPI document built from the route schemas: https://github.com/fastify/fastify-swagger
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { namedSchemas, withNamedSchemas } from './openapi-components.ts'

const apiTags = [
  { name: 'cities', description: 'Cities that keep action plans' },
  { name: 'commitments', description: 'The ten ECCAR commitments and their example actions' },
  { name: 'plans', description: 'Action plans, their commitment texts and progress' },
  { name: 'measures', description: 'Measures of a plan' },
  { name: 'organisations', description: 'Responsible bodies' },
  { name: 'plan-files', description: 'Import and export of whole plans as JSON' },
  { name: 'session', description: 'Signing in and out, own password, invitations' },
  { name: 'users', description: 'Accounts and roles of a city' },
  { name: 'sso', description: 'Single sign-on with a city\'s own OpenID Connect provider' },
  { name: 'second-factor', description: 'Authenticator app (TOTP) and recovery codes of one\'s own account; reset by platform administrators' },
  { name: 'status-updates', description: 'The steering group\'s status reports on measures' },
  { name: 'steering-group', description: 'Steering-group seats, meetings and decisions' },
  { name: 'audit', description: 'The audit trail of every change' },
  { name: 'incidents', description: 'Aggregate incident counts and their audited releases; the public reads published releases only' },
  { name: 'indicators', description: 'Indicators of a plan, their values and progress toward the target' },
  { name: 'reporting', description: 'Reporting cycles, narratives, approval, frozen report snapshots and comparisons' },
  { name: 'system', description: 'Health and service information' },
]

export default fp(async function swaggerPlugin (app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ECCAR action-plan tracker API',
        description: 'Cities\' local action plans under the ten ECCAR commitments: measures, responsible bodies, status and progress. '
          + 'Reads of adopted and closed plans are public. Errors always have the `ApiError` shape with a stable `code`.',
        version: '0.1.0',
      },
      tags: apiTags,
      // Every shared contract by name, so generated clients get named types (openapi-components.ts).
      // A getter: @fastify/swagger reads `components.schemas` when it first builds the document, so
      // start-up does not pay for it (openapi-components.ts).
      components: { get schemas () { return namedSchemas() } },
    },
    transform: ({ schema, url }) => ({ schema: withNamedSchemas(schema), url }),
    hideUntagged: true,
  })
  // No policy of its own: Swagger UI loads only its own files and needs nothing inline, so the app's
  // strict policy (security-headers.ts) covers /api/docs too. Its validator badge would load an image
  // from validator.swagger.io, which that policy refuses, so it is switched off.
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } })
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger())
}, { name: 'swagger', dependencies: ['auth'] })
