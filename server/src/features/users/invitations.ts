import type { Invitation } from '@eccar/shared'
import { hashToken, newToken } from '../../auth/sessions.ts'
import type { Db } from '../../db/client.ts'
import { insertPasswordInvitation } from './invitations.queries.ts'

const validForDays = 7

/** A one-time link to set a password; only its hash is stored, so it is shown exactly once. */
export async function createInvitation (db: Db, userId: number): Promise<Invitation> {
  const token = newToken()
  const expiresAt = new Date(Date.now() + validForDays * 86_400_000)
  await insertPasswordInvitation(db, hashToken(token), userId, expiresAt)
  return { path: `/invitation/${token}`, expiresAt: expiresAt.toISOString() }
}
