import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity } from '../../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

describe('GET /api/cities', () => {
  it('lists cities by name', async () => {
    await buildCity(testDb.db, { slug: 'weimar', name: 'Weimar' })
    await buildCity(testDb.db, { slug: 'jena', name: 'Jena' })
    const res = await app.inject({ method: 'GET', url: '/api/cities' })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((city: { name: string }) => city.name)).toEqual(['Jena', 'Weimar'])
    expect(res.json()).toMatchObject({ total: 2, limit: 50, offset: 0 })
  })

  it('pages through the cities: every city once, in name order, with the total on every page', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Stadt ${String.fromCharCode(71 - i)}`)
    for (const [i, name] of names.entries()) await buildCity(testDb.db, { slug: `stadt-${i}`, name })
    const seen: string[] = []
    for (const offset of [0, 3, 6]) {
      const res = await app.inject({ method: 'GET', url: `/api/cities?limit=3&offset=${offset}` })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ total: 7, limit: 3, offset })
      seen.push(...res.json().items.map((city: { name: string }) => city.name))
    }
    expect(seen).toEqual([...names].sort())
  })

  it('answers a page beyond the end with no cities and the true total', async () => {
    await buildCity(testDb.db)
    const res = await app.inject({ method: 'GET', url: '/api/cities?offset=10' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ items: [], total: 1, limit: 50, offset: 10 })
  })

  it('refuses a page larger than the maximum with 400 VALIDATION_FAILED', async () => {
    for (const query of ['limit=101', 'limit=0', 'offset=-1', 'limit=ten']) {
      const res = await app.inject({ method: 'GET', url: `/api/cities?${query}` })
      expect(res.statusCode, query).toBe(400)
      expect(res.json().code).toBe('VALIDATION_FAILED')
    }
  })
})

describe('POST /api/cities', () => {
  it('adds a city', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'heilbronn', name: 'Heilbronn' } })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ slug: 'heilbronn', name: 'Heilbronn' })
  })

  it('answers 409 CITY_EXISTS for a taken identifier', async () => {
    await buildCity(testDb.db, { slug: 'kassel' })
    const res = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'kassel', name: 'Kassel' } })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('CITY_EXISTS')
    expect((await tableCounts(testDb.db)).cities).toBe(1)
  })

  it('refuses an identifier that is not URL-safe', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/cities', payload: { slug: 'Bad Slug', name: 'X' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().details[0].path).toBe('/slug')
  })
})
