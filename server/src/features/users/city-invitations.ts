import type { CreateCityUser, PendingInvitation } from '@eccar/shared'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { cityInvitations, organisations } from '../../db/schema/index.ts'

export const cityInvitationValidDays = 7

type CityInvitationRow = typeof cityInvitations.$inferSelect

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
