import { and, asc, count, eq, sql } from 'drizzle-orm'
import { createSession } from '../../server/src/auth/sessions.ts'
import type { Db } from '../../server/src/db/client.ts'
import { cities, measures, membershipOrganisations, memberships, plans, users } from '../../server/src/db/schema/index.ts'

export type Audience = 'public' | 'admin' | 'editor'

export interface NetworkRead {
  key: string
  label: string
  path: string
  as: Audience
  /**
   * `compare`: timed on both databases (network p99 ≤ 1.5 × one city); `network`: timed on the network
   * only (the cities list); `explain`: only in the EXPLAIN check (admin pages over the large tables).
   */
  load: 'compare' | 'network' | 'explain'
  /** What the answer must show, so a wrong answer (a signed-in read served as public, say) cannot pass for a fast one. */
  expect?: (body: unknown) => string | null
}

const total = (body: unknown) => (body as { total?: unknown }).total
/** A measure list whose `total` is `wanted` (or lies within it). */
const listTotal = (wanted: number | [number, number]) => (body: unknown) => {
  const value = total(body)
  const [low, high] = typeof wanted === 'number' ? [wanted, wanted] : wanted
  return typeof value === 'number' && value >= low && value <= high ? null : `total ${String(value)}, expected ${low === high ? low : `${low}–${high}`}`
}

export interface CityReads {
  citySlug: string
  reads: NetworkRead[]
  /** Cookie headers of the signed-in people, per audience. */
  headers: Record<Audience, Record<string, string>>
}

/**
 * The reads of one city of a generated network, as its public, its plan administrator and one of its
 * editors (scoped to one body) make them. Sessions are created directly: the measurement is of the
 * reads, not of password hashing.
 */
export async function cityReads (db: Db, citySlug: string): Promise<CityReads> {
  const [city] = await db.select({ id: cities.id }).from(cities).where(eq(cities.slug, citySlug))
  if (!city) throw new Error(`the generated city ${citySlug} is missing`)
  const [plan] = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.cityId, city.id), eq(plans.state, 'adopted')))
  if (!plan) throw new Error(`${citySlug} has no adopted plan`)
  const [measure] = await db.select({ id: measures.id }).from(measures)
    .where(and(eq(measures.planId, plan.id), eq(measures.isPublic, true))).orderBy(asc(measures.position)).limit(1)
  if (!measure) throw new Error(`${citySlug}'s plan has no public measure`)
  const people = await db.select({ id: users.id, role: memberships.role }).from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId)).where(eq(memberships.cityId, city.id)).orderBy(asc(users.id))
  const admin = people.find((person) => person.role === 'admin')
  const editor = people.find((person) => person.role === 'editor')
  if (!admin || !editor) throw new Error(`${citySlug} lacks an admin or an editor`)
  const [scope] = await db.select({ organisationId: membershipOrganisations.organisationId }).from(membershipOrganisations)
    .where(and(eq(membershipOrganisations.userId, editor.id), eq(membershipOrganisations.cityId, city.id)))
  if (!scope) throw new Error(`${citySlug}'s editor has no body`)
  const [counts] = await db.select({ all: count(), visible: count(sql`case when ${measures.isPublic} then 1 end`) })
    .from(measures).where(eq(measures.planId, plan.id))
  // Administrators must use a second factor in production (MFA_REQUIRED=admins): their session is one begun with it.
  const cookie = async (userId: number, authMethod: 'password' | 'totp') =>
    ({ cookie: `sid=${(await createSession(db, userId, { authMethod })).token}` })
  const p = plan.id
  const body = scope.organisationId
  return {
    citySlug,
    headers: { public: {}, admin: await cookie(admin.id, 'totp'), editor: await cookie(editor.id, 'password') },
    reads: [
      { key: 'plan', label: 'plan', path: `/api/plans/${p}`, as: 'public', load: 'compare' },
      { key: 'progress', label: 'progress', path: `/api/plans/${p}/progress`, as: 'public', load: 'compare' },
      { key: 'list50', label: 'measures (50 rows)', path: `/api/plans/${p}/measures`, as: 'public', load: 'compare', expect: listTotal(counts!.visible) },
      { key: 'detail', label: 'measure detail', path: `/api/measures/${measure.id}`, as: 'public', load: 'compare' },
      { key: 'my-measures', label: 'my measures (editor)', path: `/api/plans/${p}/measures?organisation=${body}&limit=100&offset=0`, as: 'editor', load: 'compare', expect: listTotal([1, counts!.all - 1]) },
      { key: 'attention', label: 'needs attention (editor)', path: `/api/plans/${p}/attention?organisation=${body}`, as: 'editor', load: 'compare' },
      { key: 'admin-list', label: 'admin measure list', path: `/api/plans/${p}/measures?limit=100&offset=0`, as: 'admin', load: 'compare', expect: listTotal(counts!.all) },
      { key: 'cities', label: 'cities (first page)', path: '/api/cities', as: 'public', load: 'network' },
      { key: 'city-plans', label: 'plans of the city', path: `/api/cities/${citySlug}/plans`, as: 'public', load: 'explain' },
      { key: 'session', label: 'session (editor)', path: '/api/session', as: 'editor', load: 'explain' },
      { key: 'timeline', label: 'measure timeline', path: `/api/measures/${measure.id}/status-history`, as: 'public', load: 'explain' },
      { key: 'people', label: 'people of the city (admin)', path: `/api/cities/${citySlug}/users`, as: 'admin', load: 'explain' },
      { key: 'audit', label: 'audit trail (admin)', path: `/api/cities/${citySlug}/audit`, as: 'admin', load: 'explain' },
    ],
  }
}
