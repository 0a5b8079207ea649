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
