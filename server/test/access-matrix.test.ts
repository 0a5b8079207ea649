import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '../src/db/client.ts'
import { auditLog, mails, cityIdentityProviders, cityInvitations, cycleSnapshots, invitations, memberships, sessions, steeringMeetings, steeringMembers, users } from '../src/db/schema/index.ts'
import { cityBranding, easyReadTexts, incidentCounts, incidentReleases, indicators, indicatorValues, reportingCycles } from '../src/db/schema/index.ts'
import { jenaSnapshot } from '../src/reports/fixtures/jena-snapshot.ts'
import { buildSignedInUser, buildUser, type AuthHeaders } from './helpers/auth.ts'
import { buildTestApp } from './helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan } from './helpers/factories.ts'
import { tableCounts, useTestDb } from './helpers/test-db.ts'

/**
 * Every API route × every kind of caller. "ok" means the caller got past authorisation: the answer
 * may still be a 4xx about the request itself (say 412 after an earlier caller changed the record),
 * but never 401, 403 or 404 — and never a 5xx. Denied cells must also leave the database unchanged.
 * A route registered without a row here fails the suite: new routes are denied by default until
 * someone writes down who may call them.
 */
const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Caller = 'anonymous' | 'otherCityAdmin' | 'viewer' | 'editor' | 'incidents' | 'admin'
type Expectation = 'ok' | 401 | 403 | 404
// Callers run in this order on one fixture per route, the most privileged last.
const callers: Caller[] = ['anonymous', 'otherCityAdmin', 'viewer', 'editor', 'incidents', 'admin']

// The anti-discrimination office ('incidents') ranks like a viewer, plus raw incident counts and releases.
const publicRead: Record<Caller, Expectation> = { anonymous: 'ok', otherCityAdmin: 'ok', viewer: 'ok', editor: 'ok', incidents: 'ok', admin: 'ok' }
const memberRead: Record<Caller, Expectation> = { anonymous: 401, otherCityAdmin: 404, viewer: 'ok', editor: 'ok', incidents: 'ok', admin: 'ok' }
const editorWrite: Record<Caller, Expectation> = { anonymous: 401, otherCityAdmin: 404, viewer: 403, editor: 'ok', incidents: 403, admin: 'ok' }
const adminOnly: Record<Caller, Expectation> = { anonymous: 401, otherCityAdmin: 404, viewer: 403, editor: 403, incidents: 403, admin: 'ok' }
const rawIncidents: Record<Caller, Expectation> = { anonymous: 401, otherCityAdmin: 404, viewer: 403, editor: 403, incidents: 'ok', admin: 'ok' }
const signedIn: Record<Caller, Expectation> = { anonymous: 401, otherCityAdmin: 'ok', viewer: 'ok', editor: 'ok', incidents: 'ok', admin: 'ok' }
const platformAdminOnly: Record<Caller, Expectation> = { anonymous: 401, otherCityAdmin: 403, viewer: 403, editor: 403, incidents: 403, admin: 403 }

interface Fixture {
  city: string, planId: number, draftPlanId: number, measureId: number, deletedMeasureId: number
  organisationId: number, unusedOrganisationId: number, targetUserId: number, steeringMemberId: number, meetingId: number
  measureCode: string, indicatorId: number, indicatorValueIds: number[], cycleId: number, submittedCycleId: number, pendingInvitationId: number
  /** One draft release per caller, so each deletion finds its own. */
  draftReleaseIds: number[], checkedReleaseId: number
  mailId: number
  /** One written Leichte Sprache text per caller (commitments 4–9), so each deletion finds its own. */
  easyReadTargets: number[]
}

async function buildFixture (db: Db) {
  const city = await buildCity(db, { slug: 'alpha' })
  const otherCity = await buildCity(db, { slug: 'beta' })
  const plan = await buildPlan(db, { cityId: city.id })
  const draft = await buildPlan(db, { cityId: city.id, state: 'draft', periodStart: '2026-01-01', periodEnd: '2027-12-31' })
  const organisation = await buildOrganisation(db, city.id)
  const unused = await buildOrganisation(db, city.id)
  const measure = await buildMeasure(db, plan, { leadOrganisationId: organisation.id })
  const deleted = await buildMeasure(db, plan, { deletedAt: new Date(), version: 2 })
  const target = await buildUser(db, { memberships: [{ cityId: city.id, role: 'viewer' }] })
  const [member] = await db.insert(steeringMembers).values({ cityId: city.id, seat: 'Beirat', organisationId: organisation.id }).returning()
  const [meeting] = await db.insert(steeringMeetings).values({ cityId: city.id, date: '2024-03-01' }).returning()
  const [indicator] = await db.insert(indicators).values({ cityId: city.id, planId: plan.id, nameDe: 'Fälle', unit: 'Anzahl', direction: 'increase', isPublic: true }).returning()
  const values = await db.insert(indicatorValues).values(['2019', '2020', '2021', '2022', '2023'].map((year) => ({ indicatorId: indicator!.id, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, value: 1 }))).returning()
  // Switched off: the sign-in routes then answer without calling out to a provider.
  await db.insert(cityIdentityProviders).values({ cityId: city.id, displayName: 'Alpha Login', issuer: 'https://login.alpha.example', clientId: 'tracker', enabled: false })
  const [cycle] = await db.insert(reportingCycles).values({ cityId: city.id, planId: plan.id, title: 'Bericht', periodStart: '2024-01-01', periodEnd: '2025-12-31' }).returning()
  const [pending] = await db.insert(cityInvitations).values({ cityId: city.id, email: 'invited@example.org', displayName: 'Invited', role: 'viewer', tokenHash: 'x', expiresAt: new Date(Date.now() + 86_400_000) }).returning()
  const [submitted] = await db.insert(reportingCycles).values({
    cityId: city.id, planId: plan.id, title: 'Bericht 2022–2023', periodStart: '2022-01-01', periodEnd: '2023-12-31', state: 'submitted', submittedAt: new Date(),
  }).returning()
  await db.insert(cycleSnapshots).values({ cycleId: submitted!.id, snapshot: jenaSnapshot })
  await db.insert(incidentCounts).values({ cityId: city.id, periodStart: '2024-01-01', periodEnd: '2024-06-30', kind: 'racism', area: 'work', channel: 'email', count: 3 })
  const drafts = await db.insert(incidentReleases).values(['2018', '2019', '2020', '2021', '2022', '2023'].map((year) =>
    ({ cityId: city.id, periodStart: `${year}-01-01`, periodEnd: `${year}-06-30`, version: 1, threshold: 5, counts: [] }))).returning()
  const [checked] = await db.insert(incidentReleases).values({
    cityId: city.id, periodStart: '2017-01-01', periodEnd: '2017-06-30', version: 1, threshold: 5, counts: [], state: 'checked', views: [], checkedAt: new Date(),
  }).returning()
  const [mail] = await db.insert(mails).values({
    cityId: city.id, recipient: 'someone@example.org', kind: 'meeting-due', language: 'de', subject: 'Sitzung', templateData: {}, idempotencyKey: 'matrix', state: 'held',
  }).returning()
  await db.insert(cityBranding).values({ cityId: city.id, logo: Buffer.from([0x89, 0x50, 0x4e, 0x47]), logoType: 'image/png', logoUpdatedAt: new Date(1), version: 2 })
  await db.insert(easyReadTexts).values({ planId: plan.id, commitment: 0, body: 'Ein Plan.' })
  const easyReadTargets = [4, 5, 6, 7, 8, 9]
  await db.insert(easyReadTexts).values(easyReadTargets.map((commitment) => ({ planId: plan.id, commitment, body: 'Ein Satz.' })))
  const headers: Record<Caller, AuthHeaders | Record<string, never>> = {
    anonymous: {},
    otherCityAdmin: (await buildSignedInUser(db, { memberships: [{ cityId: otherCity.id, role: 'admin' }] })).headers,
    viewer: (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'viewer' }] })).headers,
    editor: (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'editor' }] })).headers,
    incidents: (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'incidents' }] })).headers,
    admin: (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })).headers,
  }
  const fixture: Fixture = {
    city: city.slug, planId: plan.id, draftPlanId: draft.id, measureId: measure.id, deletedMeasureId: deleted.id,
    organisationId: organisation.id, unusedOrganisationId: unused.id, targetUserId: target.id, steeringMemberId: member!.id, meetingId: meeting!.id,
    measureCode: measure.code, indicatorId: indicator!.id, indicatorValueIds: values.map((value) => value.id), cycleId: cycle!.id,
    pendingInvitationId: pending!.id, submittedCycleId: submitted!.id,
    draftReleaseIds: drafts.map((draft) => draft.id), checkedReleaseId: checked!.id,
    mailId: mail!.id,
    easyReadTargets,
  }
  return { fixture, headers }
}

const noBranding = { accentColour: null, website: null, feedbackEmail: null, feedbackPhone: null, feedbackUrl: null, enforcementName: null, enforcementUrl: null }

interface Row { request: (f: Fixture) => { url: string, payload?: object, ifMatch?: string }, expect: Record<Caller, Expectation> }

const planFile = {
  format: 'eccar-action-plan', formatVersion: 1,
  plan: { titleDe: 'Importierter Plan', periodStart: '2030-01-01', periodEnd: '2031-12-31', state: 'draft' },
  commitments: Array.from({ length: 10 }, (_, i) => ({ number: i + 1 })),
  organisations: [],
  measures: [{ code: '1.1', primaryCommitment: 1, titleDe: 'Maßnahme', type: 'implementation' }],
}

const matrix: Record<string, Row> = {
  'GET /api/openapi.json': { request: () => ({ url: '/api/openapi.json' }), expect: publicRead },
  'GET /api/health': { request: () => ({ url: '/api/health' }), expect: publicRead },
  'GET /api/health/ready': { request: () => ({ url: '/api/health/ready' }), expect: publicRead },
  'GET /api/session': { request: () => ({ url: '/api/session' }), expect: publicRead },
  'POST /api/session': { request: () => ({ url: '/api/session', payload: { email: 'nobody@example.org', password: 'not the password' } }), expect: { anonymous: 401, otherCityAdmin: 401, viewer: 401, editor: 401, incidents: 401, admin: 401 } },
  'DELETE /api/session': { request: () => ({ url: '/api/session' }), expect: signedIn },
  'PUT /api/session/password': { request: () => ({ url: '/api/session/password', payload: { currentPassword: 'wrong one', newPassword: 'a new long passphrase' } }), expect: signedIn },
  'POST /api/session/second-factor': { request: () => ({ url: '/api/session/second-factor', payload: { code: '123456' } }), expect: { anonymous: 401, otherCityAdmin: 401, viewer: 401, editor: 401, incidents: 401, admin: 401 } },
  'GET /api/session/second-factor': { request: () => ({ url: '/api/session/second-factor' }), expect: signedIn },
  'DELETE /api/session/second-factor': { request: () => ({ url: '/api/session/second-factor', payload: { password: 'not the password' } }), expect: signedIn },
  'POST /api/session/second-factor/enrolment': { request: () => ({ url: '/api/session/second-factor/enrolment' }), expect: signedIn },
  'POST /api/session/second-factor/enrolment/confirm': { request: () => ({ url: '/api/session/second-factor/enrolment/confirm', payload: { code: '000000' } }), expect: signedIn },
  'POST /api/session/second-factor/recovery-codes': { request: () => ({ url: '/api/session/second-factor/recovery-codes', payload: { password: 'not the password' } }), expect: signedIn },
  'DELETE /api/users/:id/second-factor': { request: (f) => ({ url: `/api/users/${f.targetUserId}/second-factor` }), expect: platformAdminOnly },
  'POST /api/invitations/accept': { request: () => ({ url: '/api/invitations/accept', payload: { token: 'x'.repeat(43), password: 'a new long passphrase' } }), expect: publicRead },
  'GET /api/invitations/:token': { request: () => ({ url: `/api/invitations/${'x'.repeat(43)}` }), expect: publicRead },
  'POST /api/invitations/join': { request: () => ({ url: '/api/invitations/join', payload: { token: 'x'.repeat(43) } }), expect: signedIn },
  'POST /api/password-reset': { request: () => ({ url: '/api/password-reset', payload: { email: 'nobody@example.org' } }), expect: publicRead },
  'POST /api/password-reset/confirm': { request: () => ({ url: '/api/password-reset/confirm', payload: { token: 'x'.repeat(43), password: 'a new long passphrase' } }), expect: publicRead },
  'GET /api/setup/:token': { request: () => ({ url: `/api/setup/${'x'.repeat(43)}` }), expect: publicRead },
  'POST /api/setup': { request: () => ({ url: '/api/setup', payload: { token: 'x'.repeat(43), email: 'first@example.org', displayName: 'First', password: 'a new long passphrase' } }), expect: publicRead },
  'DELETE /api/cities/:city/invitations/:id': { request: (f) => ({ url: `/api/cities/${f.city}/invitations/${f.pendingInvitationId}` }), expect: adminOnly },
  'GET /api/cities/:city/users': { request: (f) => ({ url: `/api/cities/${f.city}/users` }), expect: adminOnly },
  'POST /api/cities/:city/users': { request: (f) => ({ url: `/api/cities/${f.city}/users`, payload: { email: 'new@example.org', displayName: 'New', role: 'viewer' } }), expect: adminOnly },
  'PATCH /api/cities/:city/users/:id': { request: (f) => ({ url: `/api/cities/${f.city}/users/${f.targetUserId}`, payload: { role: 'editor', version: 1 } }), expect: adminOnly },
  'DELETE /api/cities/:city/users/:id': { request: (f) => ({ url: `/api/cities/${f.city}/users/${f.targetUserId}`, ifMatch: '"1"' }), expect: adminOnly },
  'POST /api/cities/:city/users/:id/invitation': { request: (f) => ({ url: `/api/cities/${f.city}/users/${f.targetUserId}/invitation` }), expect: adminOnly },
  'GET /api/commitments': { request: () => ({ url: '/api/commitments' }), expect: publicRead },
  'GET /api/cities': { request: () => ({ url: '/api/cities' }), expect: publicRead },
  'POST /api/cities': { request: () => ({ url: '/api/cities', payload: { slug: 'gamma', name: 'Gamma' } }), expect: platformAdminOnly },
  'GET /api/cities/:city/plans': { request: (f) => ({ url: `/api/cities/${f.city}/plans` }), expect: publicRead },
  'POST /api/cities/:city/plans': { request: (f) => ({ url: `/api/cities/${f.city}/plans`, payload: { titleDe: 'Neu', periodStart: '2028-01-01', periodEnd: '2029-12-31' } }), expect: adminOnly },
  'GET /api/plans/:id': { request: (f) => ({ url: `/api/plans/${f.planId}` }), expect: publicRead },
  'PATCH /api/plans/:id': { request: (f) => ({ url: `/api/plans/${f.planId}`, payload: { titleEn: 'New', version: 1 } }), expect: adminOnly },
  'PATCH /api/plans/:id/commitments/:number': { request: (f) => ({ url: `/api/plans/${f.planId}/commitments/2`, payload: { contextDe: 'Neu', version: 1 } }), expect: adminOnly },
  'DELETE /api/plans/:id': { request: (f) => ({ url: `/api/plans/${f.draftPlanId}`, ifMatch: '"1"' }), expect: adminOnly },
  'GET /api/plans/:id/progress': { request: (f) => ({ url: `/api/plans/${f.planId}/progress` }), expect: publicRead },
  'GET /api/plans/:id/status-history': { request: (f) => ({ url: `/api/plans/${f.planId}/status-history` }), expect: publicRead },
  'GET /api/plans/:id/measures': { request: (f) => ({ url: `/api/plans/${f.planId}/measures` }), expect: publicRead },
  'GET /api/plans/:id/hidden-measures': { request: (f) => ({ url: `/api/plans/${f.planId}/hidden-measures` }), expect: adminOnly },
  'POST /api/plans/:id/measures': { request: (f) => ({ url: `/api/plans/${f.planId}/measures`, payload: { code: '9.9', primaryCommitment: 9, titleDe: 'Neu', type: 'implementation' } }), expect: adminOnly },
  'POST /api/measures/:id/status-updates': { request: (f) => ({ url: `/api/measures/${f.measureId}/status-updates`, payload: { status: 'in_progress', progress: 20, version: 1 } }), expect: editorWrite },
  'GET /api/measures/:id': { request: (f) => ({ url: `/api/measures/${f.measureId}` }), expect: publicRead },
  'GET /api/measures/:id/status-history': { request: (f) => ({ url: `/api/measures/${f.measureId}/status-history` }), expect: publicRead },
  'PATCH /api/measures/:id': { request: (f) => ({ url: `/api/measures/${f.measureId}`, payload: { titleEn: 'New', version: 1 } }), expect: editorWrite },
  'DELETE /api/measures/:id': { request: (f) => ({ url: `/api/measures/${f.measureId}`, ifMatch: '"1"' }), expect: adminOnly },
  'POST /api/measures/:id/restore': { request: (f) => ({ url: `/api/measures/${f.deletedMeasureId}/restore`, ifMatch: '"2"' }), expect: adminOnly },
  'GET /api/cities/:city/organisations': { request: (f) => ({ url: `/api/cities/${f.city}/organisations` }), expect: publicRead },
  'POST /api/cities/:city/organisations': { request: (f) => ({ url: `/api/cities/${f.city}/organisations`, payload: { name: 'Neue Stelle', kind: 'external' } }), expect: adminOnly },
  'GET /api/organisations/:id': { request: (f) => ({ url: `/api/organisations/${f.organisationId}` }), expect: publicRead },
  'PATCH /api/organisations/:id': { request: (f) => ({ url: `/api/organisations/${f.organisationId}`, payload: { nameEn: 'New', version: 1 } }), expect: adminOnly },
  'DELETE /api/organisations/:id': { request: (f) => ({ url: `/api/organisations/${f.unusedOrganisationId}`, ifMatch: '"1"' }), expect: adminOnly },
  'GET /api/plans/:id/export': { request: (f) => ({ url: `/api/plans/${f.planId}/export` }), expect: memberRead },
  'POST /api/cities/:city/plans/import/preview': { request: (f) => ({ url: `/api/cities/${f.city}/plans/import/preview`, payload: planFile }), expect: adminOnly },
  'POST /api/cities/:city/plans/import': { request: (f) => ({ url: `/api/cities/${f.city}/plans/import`, payload: planFile }), expect: adminOnly },
  'GET /api/cities/:city/steering-group': { request: (f) => ({ url: `/api/cities/${f.city}/steering-group` }), expect: memberRead },
  'GET /api/me/notifications': { request: () => ({ url: '/api/me/notifications' }), expect: signedIn },
  'PUT /api/me/notifications': { request: () => ({ url: '/api/me/notifications', payload: { language: 'de', digestDay: 1, kinds: [] } }), expect: signedIn },
  // The token authenticates; a forged one is unknown to everyone, signed in or not.
  'GET /api/unsubscribe/:token': { request: () => ({ url: `/api/unsubscribe/${'x'.repeat(32)}` }), expect: { anonymous: 404, otherCityAdmin: 404, viewer: 404, editor: 404, incidents: 404, admin: 404 } },
  'POST /api/unsubscribe/:token': { request: () => ({ url: `/api/unsubscribe/${'x'.repeat(32)}`, payload: {} }), expect: { anonymous: 404, otherCityAdmin: 404, viewer: 404, editor: 404, incidents: 404, admin: 404 } },
  'GET /api/cities/:city/outbox': { request: (f) => ({ url: `/api/cities/${f.city}/outbox` }), expect: adminOnly },
  'GET /api/cities/:city/outbox/:id': { request: (f) => ({ url: `/api/cities/${f.city}/outbox/${f.mailId}` }), expect: adminOnly },
  'GET /api/cities/:city/reminder-settings': { request: (f) => ({ url: `/api/cities/${f.city}/reminder-settings` }), expect: adminOnly },
  'PUT /api/cities/:city/reminder-settings': { request: (f) => ({ url: `/api/cities/${f.city}/reminder-settings`, payload: { timeZone: 'Europe/Berlin', steps: [7, 0], version: 1 } }), expect: adminOnly },
  'PATCH /api/cities/:city/settings': { request: (f) => ({ url: `/api/cities/${f.city}/settings`, payload: { steeringCadenceMonths: 6, version: 1 } }), expect: adminOnly },
  'POST /api/cities/:city/steering-group/members': { request: (f) => ({ url: `/api/cities/${f.city}/steering-group/members`, payload: { seat: 'Wissenschaft' } }), expect: adminOnly },
  'PATCH /api/steering-group/members/:id': { request: (f) => ({ url: `/api/steering-group/members/${f.steeringMemberId}`, payload: { roleInGroup: 'Vorsitz', version: 1 } }), expect: adminOnly },
  'DELETE /api/steering-group/members/:id': { request: (f) => ({ url: `/api/steering-group/members/${f.steeringMemberId}`, ifMatch: '"1"' }), expect: adminOnly },
  'POST /api/cities/:city/steering-group/meetings': { request: (f) => ({ url: `/api/cities/${f.city}/steering-group/meetings`, payload: { date: '2024-09-01' } }), expect: adminOnly },
  'GET /api/steering-group/meetings/:id': { request: (f) => ({ url: `/api/steering-group/meetings/${f.meetingId}` }), expect: memberRead },
  'PATCH /api/steering-group/meetings/:id': { request: (f) => ({ url: `/api/steering-group/meetings/${f.meetingId}`, payload: { agenda: 'Bericht', version: 1 } }), expect: adminOnly },
  'DELETE /api/steering-group/meetings/:id': { request: (f) => ({ url: `/api/steering-group/meetings/${f.meetingId}`, ifMatch: '"1"' }), expect: adminOnly },
  'GET /api/plans/:id/attention': { request: (f) => ({ url: `/api/plans/${f.planId}/attention` }), expect: memberRead },
  'GET /api/cities/:city/audit': { request: (f) => ({ url: `/api/cities/${f.city}/audit` }), expect: adminOnly },
  'GET /api/cities/:city/incidents': { request: (f) => ({ url: `/api/cities/${f.city}/incidents` }), expect: rawIncidents },
  'PUT /api/cities/:city/incidents': { request: (f) => ({ url: `/api/cities/${f.city}/incidents`, payload: { periodStart: '2024-01-01', periodEnd: '2024-06-30', counts: [{ kind: 'racism', area: 'work', channel: 'email', count: 3 }] } }), expect: rawIncidents },
  'GET /api/cities/:city/incidents/public': { request: (f) => ({ url: `/api/cities/${f.city}/incidents/public` }), expect: publicRead },
  'GET /api/cities/:city/incident-releases': { request: (f) => ({ url: `/api/cities/${f.city}/incident-releases` }), expect: publicRead },
  'POST /api/cities/:city/incident-releases': { request: (f) => ({ url: `/api/cities/${f.city}/incident-releases`, payload: { periodStart: '2024-01-01', periodEnd: '2024-06-30' } }), expect: rawIncidents },
  'GET /api/cities/:city/incident-releases/:id': { request: (f) => ({ url: `/api/cities/${f.city}/incident-releases/${f.draftReleaseIds[0]}` }), expect: rawIncidents },
  'POST /api/cities/:city/incident-releases/:id/audit': { request: (f) => ({ url: `/api/cities/${f.city}/incident-releases/${f.draftReleaseIds[0]}/audit` }), expect: rawIncidents },
  'POST /api/cities/:city/incident-releases/:id/publish': { request: (f) => ({ url: `/api/cities/${f.city}/incident-releases/${f.checkedReleaseId}/publish` }), expect: adminOnly },
  'DELETE /api/cities/:city/incident-releases/:id': { request: (f) => ({ url: `/api/cities/${f.city}/incident-releases/${f.draftReleaseIds.pop()}` }), expect: rawIncidents },
  'GET /api/plans/:id/indicators': { request: (f) => ({ url: `/api/plans/${f.planId}/indicators` }), expect: publicRead },
  'POST /api/plans/:id/indicators': { request: (f) => ({ url: `/api/plans/${f.planId}/indicators`, payload: { nameDe: 'Neu', unit: '%', direction: 'maintain' } }), expect: adminOnly },
  'GET /api/indicators/:id': { request: (f) => ({ url: `/api/indicators/${f.indicatorId}` }), expect: publicRead },
  'PATCH /api/indicators/:id': { request: (f) => ({ url: `/api/indicators/${f.indicatorId}`, payload: { unit: '%', version: 1 } }), expect: adminOnly },
  'DELETE /api/indicators/:id': { request: (f) => ({ url: `/api/indicators/${f.indicatorId}`, ifMatch: '"1"' }), expect: adminOnly },
  'GET /api/plans/:id/measures.xlsx': { request: (f) => ({ url: `/api/plans/${f.planId}/measures.xlsx` }), expect: publicRead },
  'GET /api/plans/:id/measures.csv': { request: (f) => ({ url: `/api/plans/${f.planId}/measures.csv` }), expect: publicRead },
  'GET /api/plans/:id/datasets/:dataset.csv': { request: (f) => ({ url: `/api/plans/${f.planId}/datasets/status-history.csv` }), expect: publicRead },
  'GET /api/cities/:city/incidents/public.csv': { request: (f) => ({ url: `/api/cities/${f.city}/incidents/public.csv` }), expect: publicRead },
  'GET /api/cities/:city/datasets': { request: (f) => ({ url: `/api/cities/${f.city}/datasets` }), expect: publicRead },
  'GET /api/cities/:city/catalog.jsonld': { request: (f) => ({ url: `/api/cities/${f.city}/catalog.jsonld` }), expect: publicRead },
  'GET /api/cities/:city/catalog.ttl': { request: (f) => ({ url: `/api/cities/${f.city}/catalog.ttl` }), expect: publicRead },
  'GET /api/cities/:city/open-data': { request: (f) => ({ url: `/api/cities/${f.city}/open-data` }), expect: adminOnly },
  'PUT /api/cities/:city/open-data': { request: (f) => ({ url: `/api/cities/${f.city}/open-data`, payload: { licence: 'cc-by-4.0', publisherName: 'Stadt Alpha', contactEmail: null }, ifMatch: '"1"' }), expect: adminOnly },
  'GET /api/cities/:city/branding': { request: (f) => ({ url: `/api/cities/${f.city}/branding` }), expect: publicRead },
  'GET /api/cities/:city/logo/:stamp': { request: (f) => ({ url: `/api/cities/${f.city}/logo/1` }), expect: publicRead },
  'GET /api/cities/:city/branding/settings': { request: (f) => ({ url: `/api/cities/${f.city}/branding/settings` }), expect: adminOnly },
  'PUT /api/cities/:city/branding/settings': {
    request: (f) => ({ url: `/api/cities/${f.city}/branding/settings`, payload: { ...noBranding, embedOrigins: ['https://alpha.example'] }, ifMatch: '"2"' }),
    expect: adminOnly,
  },
  // A JSON body gets 415 from the logo route, but only after the caller's rights were checked.
  'PUT /api/cities/:city/branding/logo': { request: (f) => ({ url: `/api/cities/${f.city}/branding/logo`, payload: {}, ifMatch: '"2"' }), expect: adminOnly },
  'DELETE /api/cities/:city/branding/logo': { request: (f) => ({ url: `/api/cities/${f.city}/branding/logo`, ifMatch: '"2"' }), expect: adminOnly },
  'GET /api/oembed': { request: (f) => ({ url: `/api/oembed?url=${encodeURIComponent(`${app.config.PUBLIC_ORIGIN}/${f.city}/plans/${f.planId}`)}` }), expect: publicRead },
  'GET /api/plans/:id/easy-read': { request: (f) => ({ url: `/api/plans/${f.planId}/easy-read` }), expect: publicRead },
  'GET /api/plans/:id/easy-read/drafts': { request: (f) => ({ url: `/api/plans/${f.planId}/easy-read/drafts` }), expect: editorWrite },
  'PUT /api/plans/:id/easy-read/:target': { request: (f) => ({ url: `/api/plans/${f.planId}/easy-read/2`, payload: { body: 'Ein Satz.' }, ifMatch: '"1"' }), expect: editorWrite },
  // Each caller deletes a text of its own, so the admin still finds one after the editor's deletion.
  'DELETE /api/plans/:id/easy-read/:target': { request: (f) => ({ url: `/api/plans/${f.planId}/easy-read/${f.easyReadTargets.shift()}`, ifMatch: '"1"' }), expect: editorWrite },
  'POST /api/plans/:id/easy-read/:target/check': {
    request: (f) => ({ url: `/api/plans/${f.planId}/easy-read/plan/check`, payload: { checkedBy: 'Prüfgruppe' }, ifMatch: '"1"' }), expect: editorWrite,
  },
  'GET /api/plans/:id/status-template.xlsx': { request: (f) => ({ url: `/api/plans/${f.planId}/status-template.xlsx` }), expect: editorWrite },
  // Uploads: a JSON body gets 415 from the import, but only after the caller's rights were checked.
  'POST /api/plans/:id/status-imports/preview': { request: (f) => ({ url: `/api/plans/${f.planId}/status-imports/preview`, payload: {} }), expect: editorWrite },
  'POST /api/plans/:id/status-imports': { request: (f) => ({ url: `/api/plans/${f.planId}/status-imports`, payload: {} }), expect: editorWrite },
  'POST /api/indicators/:id/values/import/preview': { request: (f) => ({ url: `/api/indicators/${f.indicatorId}/values/import/preview`, payload: {} }), expect: editorWrite },
  'POST /api/indicators/:id/values/import': { request: (f) => ({ url: `/api/indicators/${f.indicatorId}/values/import`, payload: {} }), expect: editorWrite },
  'POST /api/indicators/:id/values': { request: (f) => ({ url: `/api/indicators/${f.indicatorId}/values`, payload: { periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 3 } }), expect: editorWrite },
  // Each caller deletes a value of its own, so the admin still finds one after the editor's deletion.
  'DELETE /api/indicators/:id/values/:valueId': { request: (f) => ({ url: `/api/indicators/${f.indicatorId}/values/${f.indicatorValueIds.shift()}` }), expect: editorWrite },
  'GET /api/plans/:id/reporting-cycles': { request: (f) => ({ url: `/api/plans/${f.planId}/reporting-cycles` }), expect: memberRead },
  'POST /api/plans/:id/reporting-cycles': { request: (f) => ({ url: `/api/plans/${f.planId}/reporting-cycles`, payload: { periodStart: '2026-01-01', periodEnd: '2026-12-31' } }), expect: adminOnly },
  'GET /api/reporting-cycles/compare': { request: (f) => ({ url: `/api/reporting-cycles/compare?from=${f.cycleId}&to=${f.cycleId}` }), expect: memberRead },
  'GET /api/reporting-cycles/:id': { request: (f) => ({ url: `/api/reporting-cycles/${f.cycleId}` }), expect: memberRead },
  'PATCH /api/reporting-cycles/:id': { request: (f) => ({ url: `/api/reporting-cycles/${f.cycleId}`, payload: { dueDate: '2026-03-31', version: 1 } }), expect: adminOnly },
  'PUT /api/reporting-cycles/:id/narratives/:number': { request: (f) => ({ url: `/api/reporting-cycles/${f.cycleId}/narratives/3`, payload: { textDe: 'Bericht', version: 1 } }), expect: editorWrite },
  'POST /api/reporting-cycles/:id/transitions': { request: (f) => ({ url: `/api/reporting-cycles/${f.cycleId}/transitions`, payload: { to: 'in_review', version: 1 } }), expect: editorWrite },
  'GET /api/reporting-cycles/:id/snapshot': { request: (f) => ({ url: `/api/reporting-cycles/${f.cycleId}/snapshot` }), expect: memberRead },
  'GET /api/plans/:id/reports': { request: (f) => ({ url: `/api/plans/${f.planId}/reports` }), expect: publicRead },
  'GET /api/plans/:id/reports/:cycleId': { request: (f) => ({ url: `/api/plans/${f.planId}/reports/${f.submittedCycleId}` }), expect: publicRead },
  'GET /api/reporting-cycles/:id/report': { request: (f) => ({ url: `/api/reporting-cycles/${f.cycleId}/report?format=json` }), expect: adminOnly },
  'POST /api/plans/:id/successor': { request: (f) => ({ url: `/api/plans/${f.planId}/successor`, payload: { titleDe: 'Fortschreibung', periodStart: '2026-01-01', periodEnd: '2027-12-31', resolutionNumber: '25/1-BV', resolutionDate: '2025-12-01', decisions: [{ code: f.measureCode, action: 'carry_over' }] } }), expect: adminOnly },
  'GET /api/cities/:city/identity-provider': { request: (f) => ({ url: `/api/cities/${f.city}/identity-provider` }), expect: adminOnly },
  'PUT /api/cities/:city/identity-provider': { request: (f) => ({ url: `/api/cities/${f.city}/identity-provider`, payload: { displayName: 'Alpha', issuer: 'https://login.alpha.example', clientId: 'tracker', enabled: false, version: 1 } }), expect: adminOnly },
  'DELETE /api/cities/:city/identity-provider': { request: (f) => ({ url: `/api/cities/${f.city}/identity-provider`, ifMatch: '"1"' }), expect: adminOnly },
  'GET /api/identity-providers': { request: () => ({ url: '/api/identity-providers' }), expect: publicRead },
  'GET /api/auth/oidc/:city/start': { request: (f) => ({ url: `/api/auth/oidc/${f.city}/start?returnTo=/` }), expect: publicRead },
  'GET /api/auth/oidc/:city/callback': { request: (f) => ({ url: `/api/auth/oidc/${f.city}/callback?code=x&state=y` }), expect: publicRead },
}

describe('the permission matrix', () => {
  it('has a row for every registered API route, and no row without a route', () => {
    const registered = app.apiRoutes.map((route) => `${route.method} ${route.url}`).sort()
    expect(registered.filter((key) => !(key in matrix)), 'routes without a rule').toEqual([])
    expect(Object.keys(matrix).filter((key) => !registered.includes(key)), 'rules without a route').toEqual([])
  })

  it.each(Object.entries(matrix))('%s answers every caller as the matrix says', async (key, row) => {
    await testDb.reset()
    const { fixture, headers } = await buildFixture(testDb.db)
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
    for (const caller of callers) {
      const { url, payload, ifMatch } = row.request(fixture)
      const before = row.expect[caller] === 'ok' ? null : await tableCounts(testDb.db)
      const res = await app.inject({ method, url, payload, headers: { ...headers[caller], ...(ifMatch ? { 'if-match': ifMatch } : {}) } })
      const expected = row.expect[caller]
      expect(res.statusCode, `${key} as ${caller}: ${res.body.slice(0, 200)}`).toBeLessThan(500)
      if (expected === 'ok') {
        expect([401, 403, 404], `${key} as ${caller}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode)
      } else {
        expect(res.statusCode, `${key} as ${caller}: ${res.body.slice(0, 200)}`).toBe(expected)
        expect(await tableCounts(testDb.db), `${key} as ${caller} changed data`).toEqual(before)
      }
    }
  })
})

/**
 * The take-over of issue 9: Weimar's admin against the account of Jena's admin (and of someone working
 * for both cities). Nothing of the foreign account may change or be learned beyond "an invitation is pending".
 */
describe('accounts across cities', () => {
  const password = 'Jenas eigene Passphrase'
  async function twoCities () {
    await testDb.reset()
    const jena = await buildCity(testDb.db, { slug: 'jena' })
    const weimar = await buildCity(testDb.db, { slug: 'weimar' })
    const jenaAdmin = await buildSignedInUser(testDb.db, { email: 'admin@jena.example', displayName: 'Jenas Admin', password, memberships: [{ cityId: jena.id, role: 'admin' }] })
    const weimarAdmin = await buildSignedInUser(testDb.db, { memberships: [{ cityId: weimar.id, role: 'admin' }] })
    const both = await buildSignedInUser(testDb.db, { email: 'both@example.org', displayName: 'In beiden Städten', password, memberships: [{ cityId: jena.id, role: 'editor' }, { cityId: weimar.id, role: 'viewer' }] })
    return { jena, weimar, jenaAdmin, weimarAdmin, both }
  }
  const accountState = async (userId: number) => ({
    user: (await testDb.db.select().from(users).where(eq(users.id, userId)))[0],
    sessions: (await testDb.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).length,
    memberships: await testDb.db.select().from(memberships).where(eq(memberships.userId, userId)),
  })

  it('adding a foreign admin\'s address reveals nothing and changes nothing; its link cannot set a password', async () => {
    const { jena, jenaAdmin, weimarAdmin } = await twoCities()
    const before = await accountState(jenaAdmin.user.id)
    const add = (email: string) => app.inject({ method: 'POST', url: '/api/cities/weimar/users', headers: weimarAdmin.headers, payload: { email, displayName: 'Übernommen', role: 'admin' } })
    const known = await add('admin@jena.example')
    const unknown = await add('someone-new@example.org')
    expect(known.statusCode).toBe(201)
    expect(unknown.statusCode).toBe(201)
    const strip = (body: { pending: Record<string, unknown>, link: Record<string, unknown> }) =>
      ({ ...body, pending: { ...body.pending, id: 0, email: '', expiresAt: '' }, link: { path: '', expiresAt: '' } })
    expect(strip(known.json())).toEqual(strip(unknown.json()))
    expect(known.body).not.toContain('Jenas Admin')
    const token = known.json().link.path.split('/').at(-1)
    const accept = await app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'die Passphrase aus Weimar' } })
    expect(accept.json().code).toBe('INVITATION_SIGN_IN_REQUIRED')
    const join = await app.inject({ method: 'POST', url: '/api/invitations/join', headers: weimarAdmin.headers, payload: { token } })
    expect(join.json().code).toBe('INVITATION_INVALID')
    expect(await accountState(jenaAdmin.user.id)).toEqual(before)
    expect(await testDb.db.select().from(invitations)).toHaveLength(0)
    expect((await testDb.db.select().from(auditLog).where(eq(auditLog.cityId, jena.id)))).toHaveLength(0)
  })

  it('a foreign admin\'s account is "not found" on every user route of the other city, which changes nothing', async () => {
    const { jenaAdmin, weimarAdmin } = await twoCities()
    const id = jenaAdmin.user.id
    const before = await tableCounts(testDb.db)
    const attempts = [
      { method: 'POST' as const, url: `/api/cities/weimar/users/${id}/invitation` },
      { method: 'PATCH' as const, url: `/api/cities/weimar/users/${id}`, payload: { role: 'viewer', version: 1 } },
      { method: 'DELETE' as const, url: `/api/cities/weimar/users/${id}`, headers: { 'if-match': '"1"' } },
      { method: 'GET' as const, url: '/api/cities/jena/users' },
      { method: 'POST' as const, url: '/api/cities/jena/users', payload: { email: 'x@example.org', displayName: 'X', role: 'admin' } },
      { method: 'PATCH' as const, url: `/api/cities/jena/users/${id}`, payload: { role: 'viewer', version: 1 } },
      { method: 'DELETE' as const, url: `/api/cities/jena/users/${id}`, headers: { 'if-match': '"1"' } },
      { method: 'POST' as const, url: `/api/cities/jena/users/${id}/invitation` },
      { method: 'GET' as const, url: '/api/cities/jena/audit' },
      { method: 'GET' as const, url: '/api/cities/jena/incidents' },
    ]
    for (const attempt of attempts) {
      const res = await app.inject({ ...attempt, headers: { ...weimarAdmin.headers, ...attempt.headers } })
      expect(res.statusCode, `${attempt.method} ${attempt.url}: ${res.body}`).toBe(404)
      expect(res.body).not.toContain('Jenas Admin')
    }
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('for someone in both cities, the other city\'s admin changes only their role there, never name, password or sessions', async () => {
    const { jena, weimar, both, weimarAdmin } = await twoCities()
    const url = `/api/cities/weimar/users/${both.user.id}`
    const rename = await app.inject({ method: 'PATCH', url, headers: weimarAdmin.headers, payload: { displayName: 'Umbenannt', version: 1 } })
    expect(rename.json().code).toBe('FIELD_NOT_ALLOWED')
    const link = await app.inject({ method: 'POST', url: `${url}/invitation`, headers: weimarAdmin.headers })
    expect(link.json().code).toBe('PASSWORD_LINK_NOT_ALLOWED')
    expect((await app.inject({ method: 'PATCH', url, headers: weimarAdmin.headers, payload: { role: 'editor', version: 1 } })).statusCode).toBe(200)
    expect((await app.inject({ method: 'DELETE', url, headers: { ...weimarAdmin.headers, 'if-match': '"2"' } })).statusCode).toBe(204)
    const after = await accountState(both.user.id)
    expect(after.user).toMatchObject({ displayName: 'In beiden Städten', passwordHash: both.user.passwordHash })
    expect(after.sessions).toBe(1)
    expect(after.memberships.map((m) => [m.cityId, m.role])).toEqual([[jena.id, 'editor']])
    const me = (await app.inject({ method: 'GET', url: '/api/session', headers: both.headers })).json().user
    expect(me.memberships).toMatchObject([{ citySlug: 'jena', role: 'editor' }])
    const audit = await testDb.db.select().from(auditLog)
    expect(audit.filter((row) => row.cityId === jena.id)).toHaveLength(0)
    expect(audit.filter((row) => row.cityId === weimar.id).map((row) => row.action)).toEqual(['membership.update', 'membership.delete'])
  })
})
