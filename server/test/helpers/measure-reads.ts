import { MeasureSummarySchema, type MeasureSummary } from '@eccar/shared'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { systemActor, type Actor } from '../../src/auth/actor.ts'
import { presentMeasure } from '../../src/features/measures/measures.service.ts'

// The measure list and the measure page send JSON the database writes: the list the items its triggers
// keep (`measure_list_items`), the page those items with the page's own fields (`measure-page.queries.ts`).
// The server's presenter builds the same answers from the tables' rows, as the answers of writes carry
// them; these helpers compare the two, so a write the triggers missed, or a rule the SQL states otherwise
// than the presenter, shows up as a difference.

/** Who reads: the headers of the requests, and the same reader as the presenter knows it. */
export interface Reader { headers: Record<string, string>, actor: Actor }

export const publicReader: Reader = { headers: {}, actor: { kind: 'anonymous', requestId: null } }

/** A signed-in reader's actor with the given roles, as the session would load it (enough for the presenter's rules). */
export function memberActor (cities: { cityId: number, role: 'viewer' | 'editor' | 'admin' }[], isPlatformAdmin = false): Actor {
  return {
    kind: 'user', requestId: null, userId: 0, isPlatformAdmin, sessionId: '', csrfToken: '', authMethod: 'password',
    cities: new Map(cities.map(({ cityId, role }) => [cityId, { role, organisationIds: [] }])),
  }
}

/** The presenter's page for `actor`, as JSON (absent keys stay absent), or null where the actor may not see it. */
async function presentedPage (app: FastifyInstance, id: number, actor: Actor): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await presentMeasure(app.db, id, actor)))
  } catch (error) {
    if ((error as { code?: string }).code === 'MEASURE_NOT_FOUND') return null
    throw error
  }
}

/**
 * A plan's measure list (up to 100 rows) as `headers` see it, every row checked against the summary
 * fields of the page the presenter builds from the tables.
 */
export async function listRowsMatchingTables (app: FastifyInstance, planId: number, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url: `/api/plans/${planId}/measures?limit=100`, headers })
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
  const items = res.json().items as MeasureSummary[]
  for (const item of items) {
    const page = await presentedPage(app, item.id, systemActor) as Record<string, unknown>
    expect(item).toStrictEqual(Object.fromEntries(Object.keys(MeasureSummarySchema.properties).map((key) => [key, page[key]])))
  }
  return items
}

/**
 * Each measure's page as `reader` receives it, checked against the presenter's page for the same reader:
 * the same JSON, or 404 where the presenter refuses. Returns the pages the reader sees.
 */
export async function pagesMatchingTables (app: FastifyInstance, measureIds: number[], reader: Reader) {
  const pages: Record<string, unknown>[] = []
  for (const id of measureIds) {
    const res = await app.inject({ method: 'GET', url: `/api/measures/${id}`, headers: reader.headers })
    const expected = await presentedPage(app, id, reader.actor)
    if (expected === null) {
      expect(res.statusCode, `measure ${id}: ${res.body.slice(0, 200)}`).toBe(404)
      continue
    }
    expect(res.statusCode, `measure ${id}: ${res.body.slice(0, 200)}`).toBe(200)
    expect(res.json(), `measure ${id}`).toStrictEqual(expected)
    pages.push(res.json())
  }
  return pages
}
