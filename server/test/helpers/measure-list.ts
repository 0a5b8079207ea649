import { MeasureSummarySchema, type MeasureSummary } from '@eccar/shared'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'

/**
 * A plan's measure list (up to 100 rows) as `headers` see it, every row checked against the summary
 * fields of the measure's own page. The page builds them in the server from the measure's rows; the list
 * sends the items the database triggers keep (`measure_list_items`), so a write the triggers missed shows
 * up as a difference here.
 */
export async function listRowsMatchingPages (app: FastifyInstance, planId: number, headers: Record<string, string> = {}) {
  const res = await app.inject({ method: 'GET', url: `/api/plans/${planId}/measures?limit=100`, headers })
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
  const items = res.json().items as MeasureSummary[]
  for (const item of items) {
    const page = (await app.inject({ method: 'GET', url: `/api/measures/${item.id}`, headers })).json()
    expect(item).toStrictEqual(Object.fromEntries(Object.keys(MeasureSummarySchema.properties).map((key) => [key, page[key]])))
  }
  return items
}
