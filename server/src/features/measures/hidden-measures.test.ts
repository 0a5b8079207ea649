import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildSignedInUser } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildPlan } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const listHidden = (planId: number, headers: Record<string, string>) =>
  app.inject({ method: 'GET', url: `/api/plans/${planId}/hidden-measures`, headers })

describe('GET /api/plans/:id/hidden-measures', () => {
  it('lists the plan\'s hidden measures to its city\'s administrator, newest hidden first', async () => {
    const plan = await buildPlan(testDb.db)
    const otherPlan = await buildPlan(testDb.db, { cityId: plan.cityId })
    await buildMeasure(testDb.db, plan, { code: '1.1' })
    const older = await buildMeasure(testDb.db, plan, { code: '1.2', titleEn: 'Older', deletedAt: new Date('2026-01-05T10:00:00Z'), version: 3 })
    const newer = await buildMeasure(testDb.db, plan, { code: '1.3', titleEn: null, deletedAt: new Date('2026-02-01T08:30:00Z'), version: 2 })
    await buildMeasure(testDb.db, otherPlan, { code: '1.4', deletedAt: new Date() })
    const { headers } = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'admin' }] })

    const res = await listHidden(plan.id, headers)

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      items: [
        { id: newer.id, planId: plan.id, code: '1.3', titleDe: newer.titleDe, titleEn: null, version: 2, hiddenAt: '2026-02-01T08:30:00.000Z' },
        { id: older.id, planId: plan.id, code: '1.2', titleDe: older.titleDe, titleEn: 'Older', version: 3, hiddenAt: '2026-01-05T10:00:00.000Z' },
      ],
    })
  })

  it('shows a measure hidden through the API with the version a restore must name', async () => {
    const plan = await buildPlan(testDb.db)
    const measure = await buildMeasure(testDb.db, plan)
    const { headers } = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'admin' }] })
    const hide = await app.inject({ method: 'DELETE', url: `/api/measures/${measure.id}`, headers: { ...headers, 'if-match': '"1"' } })
    expect(hide.statusCode, hide.body).toBe(204)

    const [hidden] = (await listHidden(plan.id, headers)).json().items

    expect(hidden).toMatchObject({ id: measure.id, version: 2 })
    const restore = await app.inject({ method: 'POST', url: `/api/measures/${measure.id}/restore`, headers: { ...headers, 'if-match': `"${hidden.version}"` } })
    expect(restore.statusCode, restore.body).toBe(200)
    expect((await listHidden(plan.id, headers)).json()).toEqual({ items: [] })
  })

  it('answers 403 to an editor of the city', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { deletedAt: new Date() })
    const { headers } = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'editor' }] })

    const res = await listHidden(plan.id, headers)

    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('answers 404 to an administrator of another city, as for a plan that does not exist', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan, { deletedAt: new Date() })
    const otherCity = await buildCity(testDb.db, { slug: 'elsewhere' })
    const { headers } = await buildSignedInUser(testDb.db, { memberships: [{ cityId: otherCity.id, role: 'admin' }] })

    const res = await listHidden(plan.id, headers)
    const missing = await listHidden(plan.id + 1000, headers)

    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe(missing.json().code)
  })

  it('answers 401 to the public', async () => {
    const plan = await buildPlan(testDb.db)

    const res = await listHidden(plan.id, {})

    expect(res.statusCode).toBe(401)
  })
})
