import type { CreateCityUser, PendingInvitation } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import {
  deleteCityInvitationOfEmail, deletePendingInvitation, organisationIdsStillInCity, findCityInvitationByTokenHash, hasMembership, insertCityInvitation,
  insertMembershipWithOrganisations, listCityInvitations, organisationRefs, type CityInvitationRow,
} from './invitations.queries.ts'

export const cityInvitationValidDays = 7

async function present (db: Db, rows: CityInvitationRow[], now: Date): Promise<PendingInvitation[]> {
  const refs = await organisationRefs(db, [...new Set(rows.flatMap((row) => row.organisationIds))])
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
  return present(db, await listCityInvitations(db, cityId), now)
}

/**
 * Invites an address to a city, replacing a pending invitation of the same address there (a resend
 * makes the old link worthless). Nothing here looks at accounts: the answer must not depend on them.
 */
export async function upsertCityInvitation (db: Db, cityId: number, input: CreateCityUser, invitedBy: number | null, now = new Date()) {
  const token = newToken()
  const expiresAt = new Date(now.getTime() + cityInvitationValidDays * 86_400_000)
  await deleteCityInvitationOfEmail(db, cityId, input.email)
  const row = await insertCityInvitation(db, {
    cityId,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    organisationIds: input.organisationIds ?? [],
    tokenHash: hashToken(token),
    expiresAt,
    invitedBy,
    createdAt: now,
  })
  const [pending] = await present(db, [row], now)
  return { pending: pending!, link: { path: `/invitation/${token}`, expiresAt: expiresAt.toISOString() } }
}

/** The invitation a link's token belongs to (locked), if any. */
export const findCityInvitationByToken = (db: Db, token: string) => findCityInvitationByTokenHash(db, hashToken(token))

/**
 * Turns an invitation into the membership it grants (limited to organisations that still exist in the
 * city) and uses it up; by link, by joining while signed in, or through the city's identity provider.
 */
export async function acceptCityInvitation (tx: Db, invitation: CityInvitationRow, userId: number, actor: Actor, via?: 'sso') {
  await deletePendingInvitation(tx, invitation.id)
  if (await hasMembership(tx, invitation.cityId, userId)) return
  const ids = invitation.role === 'editor' && invitation.organisationIds.length
    ? await organisationIdsStillInCity(tx, invitation.cityId, invitation.organisationIds)
    : []
  await insertMembershipWithOrganisations(tx, invitation.cityId, userId, invitation.role, ids)
  await recordAudit(tx, actor, {
    cityId: invitation.cityId, action: 'membership.create', entityType: 'user', entityId: userId,
    after: { role: invitation.role, organisationIds: ids, invitationId: invitation.id, ...(via ? { via } : {}) },
  })
}
