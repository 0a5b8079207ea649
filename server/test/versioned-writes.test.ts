import { afterAll, describe, expect, it } from 'vitest'
import { cityIdentityProviders, easyReadTexts, indicators, reportingCycles, steeringMeetings, steeringMembers } from '../src/db/schema/index.ts'
import { buildUser } from './helpers/auth.ts'
import { buildTestApp } from './helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan } from './helpers/factories.ts'
import { useTestDb } from './helpers/test-db.ts'

/**
 * Every versioned write answers in one order: an unknown record is 404 (even without a version),
 * a known one without a version 428, a stale version 412 with the record as it is now.
 */
const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const db = testDb.db
const city = await buildCity(db, { slug: 'alpha' })
const emptyCity = await buildCity(db, { slug: 'beta' })
const plan = await buildPlan(db, { cityId: city.id })
const draft = await buildPlan(db, { cityId: city.id, state: 'draft' })
const organisation = await buildOrganisation(db, city.id)
const measure = await buildMeasure(db, plan)
const hidden = await buildMeasure(db, plan, { deletedAt: new Date(), version: 2 })
const person = await buildUser(db, { memberships: [{ cityId: city.id, role: 'viewer' }] })
const [member] = await db.insert(steeringMembers).values({ cityId: city.id, seat: 'Beirat' }).returning()
const [meeting] = await db.insert(steeringMeetings).values({ cityId: city.id, date: '2024-03-01' }).returning()
const [indicator] = await db.insert(indicators).values({ cityId: city.id, planId: plan.id, nameDe: 'Fälle', unit: 'Anzahl', direction: 'increase' }).returning()
const [cycle] = await db.insert(reportingCycles).values({ cityId: city.id, planId: plan.id, title: 'Bericht', periodStart: '2024-01-01', periodEnd: '2025-12-31' }).returning()
await db.insert(cityIdentityProviders).values({ cityId: city.id, displayName: 'Alpha Login', issuer: 'https://login.alpha.example', clientId: 'tracker', enabled: false })
await db.insert(easyReadTexts).values({ planId: plan.id, commitment: 4, body: 'Ein Satz.' })

const unknown = 999_999
type Method = 'PATCH' | 'PUT' | 'POST' | 'DELETE'
interface VersionedRoute { method: Method, url: (id: number | string) => string, id: number | string, missing: number | string, payload?: object }

const routes: Record<string, VersionedRoute> = {
  'PATCH /api/plans/:id': { method: 'PATCH', url: (id) => `/api/plans/${id}`, id: plan.id, missing: unknown, payload: { titleEn: 'New' } },
  'PATCH /api/plans/:id/commitments/:number': { method: 'PATCH', url: (id) => `/api/plans/${id}/commitments/2`, id: plan.id, missing: unknown, payload: { contextDe: 'Neu' } },
  'DELETE /api/plans/:id': { method: 'DELETE', url: (id) => `/api/plans/${id}`, id: draft.id, missing: unknown },
  'PATCH /api/measures/:id': { method: 'PATCH', url: (id) => `/api/measures/${id}`, id: measure.id, missing: unknown, payload: { titleEn: 'New' } },
  'POST /api/measures/:id/status-updates': { method: 'POST', url: (id) => `/api/measures/${id}/status-updates`, id: measure.id, missing: unknown, payload: { status: 'in_progress', progress: 20 } },
  'DELETE /api/measures/:id': { method: 'DELETE', url: (id) => `/api/measures/${id}`, id: measure.id, missing: unknown },
  'POST /api/measures/:id/restore': { method: 'POST', url: (id) => `/api/measures/${id}/restore`, id: hidden.id, missing: unknown },
  'PATCH /api/organisations/:id': { method: 'PATCH', url: (id) => `/api/organisations/${id}`, id: organisation.id, missing: unknown, payload: { nameEn: 'New' } },
  'DELETE /api/organisations/:id': { method: 'DELETE', url: (id) => `/api/organisations/${id}`, id: organisation.id, missing: unknown },
  'PATCH /api/indicators/:id': { method: 'PATCH', url: (id) => `/api/indicators/${id}`, id: indicator!.id, missing: unknown, payload: { unit: '%' } },
  'DELETE /api/indicators/:id': { method: 'DELETE', url: (id) => `/api/indicators/${id}`, id: indicator!.id, missing: unknown },
  'PATCH /api/reporting-cycles/:id': { method: 'PATCH', url: (id) => `/api/reporting-cycles/${id}`, id: cycle!.id, missing: unknown, payload: { dueDate: '2026-03-31' } },
  'PUT /api/reporting-cycles/:id/narratives/:number': { method: 'PUT', url: (id) => `/api/reporting-cycles/${id}/narratives/3`, id: cycle!.id, missing: unknown, payload: { textDe: 'Bericht' } },
  'POST /api/reporting-cycles/:id/transitions': { method: 'POST', url: (id) => `/api/reporting-cycles/${id}/transitions`, id: cycle!.id, missing: unknown, payload: { to: 'in_review' } },
  'PATCH /api/cities/:city/settings': { method: 'PATCH', url: (slug) => `/api/cities/${slug}/settings`, id: city.slug, missing: 'nowhere', payload: { steeringCadenceMonths: 6 } },
  'PATCH /api/steering-group/members/:id': { method: 'PATCH', url: (id) => `/api/steering-group/members/${id}`, id: member!.id, missing: unknown, payload: { roleInGroup: 'Vorsitz' } },
  'DELETE /api/steering-group/members/:id': { method: 'DELETE', url: (id) => `/api/steering-group/members/${id}`, id: member!.id, missing: unknown },
  'PATCH /api/steering-group/meetings/:id': { method: 'PATCH', url: (id) => `/api/steering-group/meetings/${id}`, id: meeting!.id, missing: unknown, payload: { agenda: 'Bericht' } },
  'DELETE /api/steering-group/meetings/:id': { method: 'DELETE', url: (id) => `/api/steering-group/meetings/${id}`, id: meeting!.id, missing: unknown },
  'PATCH /api/cities/:city/users/:id': { method: 'PATCH', url: (id) => `/api/cities/${city.slug}/users/${id}`, id: person.id, missing: unknown, payload: { role: 'editor' } },
  'DELETE /api/cities/:city/users/:id': { method: 'DELETE', url: (id) => `/api/cities/${city.slug}/users/${id}`, id: person.id, missing: unknown },
  'DELETE /api/cities/:city/identity-provider': { method: 'DELETE', url: (slug) => `/api/cities/${slug}/identity-provider`, id: city.slug, missing: emptyCity.slug },
  'PUT /api/cities/:city/reminder-settings': { method: 'PUT', url: (slug) => `/api/cities/${slug}/reminder-settings`, id: city.slug, missing: 'nowhere', payload: { timeZone: 'Europe/Berlin', steps: [7, 0] } },
  // The unknown record is a text never written (commitment 7); the known one is commitment 4's.
  'DELETE /api/plans/:id/easy-read/:target': { method: 'DELETE', url: (target) => `/api/plans/${plan.id}/easy-read/${target}`, id: 4, missing: 7 },
  'PUT /api/cities/:city/open-data': { method: 'PUT', url: (slug) => `/api/cities/${slug}/open-data`, id: city.slug, missing: 'nowhere', payload: { licence: 'cc-by-4.0', publisherName: 'Stadt Alpha', contactEmail: null } },
}

const send = (route: VersionedRoute, id: number | string, headers: Record<string, string> = {}) =>
  app.inject({ method: route.method, url: route.url(id), headers, ...(route.payload ? { payload: route.payload } : {}) })

describe.each(Object.entries(routes))('%s', (_name, route) => {
  it('answers 404 for an unknown record even without a version', async () => {
    const res = await send(route, route.missing)
    expect(res.statusCode, res.body).toBe(404)
  })

  it('answers 428 VERSION_REQUIRED for a known record without a version', async () => {
    const res = await send(route, route.id)
    expect([res.statusCode, res.json().code]).toEqual([428, 'VERSION_REQUIRED'])
  })

  it('answers 412 VERSION_CONFLICT with the record as it is now for a stale version', async () => {
    const res = await send(route, route.id, { 'if-match': '"77"' })
    expect([res.statusCode, res.json().code], res.body).toEqual([412, 'VERSION_CONFLICT'])
    expect(res.json()).toHaveProperty('current')
  })
})
