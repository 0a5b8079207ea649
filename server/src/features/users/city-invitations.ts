import type { CreateCityUser, PendingInvitation } from '@eccar/shared'
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { cityInvitations, membershipOrganisations, memberships, organisations } from '../../db/schema/index.ts'

export const cityInvitationValidDays = 7

export type CityInvitationRow = typeof cityInvitations.$inferSelect

async function present (db: Db, rows: CityInvitationRow[], now: Date): Promise<PendingInvitation[]> {
  const ids = [...new Set(rows.flatMap((row) => row.organisationIds))]
  const refs = ids.length === 0 ? [] : await db.select({ id: organisations.id, name: organisations.name, nameEn: organisations.nameEn })
    .from(organisations).where(inArray(organisations.id, ids))
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    organisations: refs.filter((ref) => row.organisationIds.includes(ref.id)),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt <= now,
  }))
}

export async function listPendingInvitations (db: Db, cityId: number, now = new Date()) {
  const rows = await db.select().from(cityInvitations).where(eq(cityInvitations.cityId, cityId)).orderBy(asc(cityInvitations.email))
  return present(db, rows, now)
}

export async function findPendingInvitation (db: Db, cityId: number, id: number) {
  const [row] = await db.select().from(cityInvitations).where(and(eq(cityInvitations.cityId, cityId), eq(cityInvitations.id, id))).for('update')
  return row
}

/**
 * Invites an address to a city, replacing a pending invitation of the same address there (a resend
 * makes the old link worthless). Nothing here looks at accounts: the answer must not depend on them.
 */
export async function upsertCityInvitation (db: Db, cityId: number, input: CreateCityUser, invitedBy: number | null, now = new Date()) {
  const token = newToken()
  const expiresAt = new Date(now.getTime() + cityInvitationValidDays * 86_400_000)
  const values = {
    cityId,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    organisationIds: input.organisationIds ?? [],
    tokenHash: hashToken(token),
    expiresAt,
    invitedBy,
    createdAt: now,
  }
  await db.delete(cityInvitations).where(and(eq(cityInvitations.cityId, cityId), sql`lower(${cityInvitations.email}) = ${input.email.toLowerCase()}`))
  const [row] = await db.insert(cityInvitations).values(values).returning()
  const [pending] = await present(db, [row!], now)
  return { pending: pending!, link: { path: `/invitation/${token}`, expiresAt: expiresAt.toISOString() } }
}

export async function findCityInvitationByToken (db: Db, token: string) {
  const [row] = await db.select().from(cityInvitations).where(eq(cityInvitations.tokenHash, hashToken(token))).for('update')
  return row
}

/** The open invitation of an address to a city, if any: what a city's identity provider may vouch for. */
export async function findOpenInvitationByEmail (db: Db, cityId: number, email: string, now = new Date()) {
  const [row] = await db.select().from(cityInvitations)
    .where(and(eq(cityInvitations.cityId, cityId), sql`lower(${cityInvitations.email}) = ${email.toLowerCase()}`, gt(cityInvitations.expiresAt, now)))
    .for('update')
  return row
}

/**
 * Turns an invitation into the membership it grants (limited to organisations that still exist in the
 * city) and uses it up; by link, by joining while signed in, or through the city's identity provider.
 */
export async function acceptCityInvitation (tx: Db, invitation: CityInvitationRow, userId: number, actor: Actor, via?: 'sso') {
  await tx.delete(cityInvitations).where(eq(cityInvitations.id, invitation.id))
  const [existing] = await tx.select().from(memberships).where(and(eq(memberships.cityId, invitation.cityId), eq(memberships.userId, userId)))
  if (existing) return
  await tx.insert(memberships).values({ userId, cityId: invitation.cityId, role: invitation.role })
  const ids = invitation.role === 'editor' && invitation.organisationIds.length
    ? (await tx.select({ id: organisations.id }).from(organisations)
        .where(and(eq(organisations.cityId, invitation.cityId), inArray(organisations.id, invitation.organisationIds)))).map((row) => row.id)
    : []
  if (ids.length) await tx.insert(membershipOrganisations).values(ids.map((organisationId) => ({ cityId: invitation.cityId, userId, organisationId })))
  await recordAudit(tx, actor, {
    cityId: invitation.cityId, action: 'membership.create', entityType: 'user', entityId: userId,
    after: { role: invitation.role, organisationIds: ids, invitationId: invitation.id, ...(via ? { via } : {}) },
  })
}

export async function deletePendingInvitation (db: Db, id: number) {
  await db.delete(cityInvitations).where(eq(cityInvitations.id, id))
}
