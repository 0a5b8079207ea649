import type { Role } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import { hashPassword } from '../../src/auth/passwords.ts'
import { hashToken, newToken } from '../../src/auth/sessions.ts'
import type { Db } from '../../src/db/client.ts'
import { membershipOrganisations, memberships, sessions, users } from '../../src/db/schema/index.ts'

let sequence = 0

export interface TestUserOptions {
  email?: string
  displayName?: string
  password?: string
  platformAdmin?: boolean
  memberships?: { cityId: number, role: Role, organisationIds?: number[] }[]
}

/** A user with memberships, written straight to the database. Passwords are hashed only when given (argon2 is slow on purpose). */
export async function buildUser (db: Db, options: TestUserOptions = {}) {
  const n = ++sequence
  const [user] = await db.insert(users).values({
    email: options.email ?? `person-${n}@example.org`,
    displayName: options.displayName ?? `Person ${n}`,
    passwordHash: options.password ? await hashPassword(options.password) : null,
    isPlatformAdmin: options.platformAdmin ?? false,
  }).returning()
  for (const membership of options.memberships ?? []) {
    await db.insert(memberships).values({ userId: user!.id, cityId: membership.cityId, role: membership.role })
    for (const organisationId of membership.organisationIds ?? []) {
      await db.insert(membershipOrganisations).values({ userId: user!.id, cityId: membership.cityId, organisationId })
    }
  }
  return user!
}

export interface AuthHeaders { cookie: string, 'x-csrf-token': string, [key: string]: string }

/** A session for the user, as sign-in would create it; the headers a browser would send with a write. */
export async function sessionFor (db: Db, userId: number, token = newToken()): Promise<AuthHeaders> {
  const csrfToken = newToken()
  await db.insert(sessions).values({ id: hashToken(token), userId, csrfToken })
  return { cookie: `sid=${token}`, 'x-csrf-token': csrfToken }
}

export async function buildSignedInUser (db: Db, options: TestUserOptions = {}) {
  const user = await buildUser(db, options)
  return { user, headers: await sessionFor(db, user.id) }
}

const platformToken = 'platform-admin-session-token-for-tests-only-000000'

/** The platform administrator most tests act as; recreated after every reset of the database. */
export async function platformAdminHeaders (db: Db): Promise<AuthHeaders> {
  const [existing] = await db.select({ csrfToken: sessions.csrfToken }).from(sessions).where(eq(sessions.id, hashToken(platformToken)))
  if (existing) return { cookie: `sid=${platformToken}`, 'x-csrf-token': existing.csrfToken }
  const user = await buildUser(db, { email: 'platform-admin@example.org', displayName: 'Platform admin', platformAdmin: true })
  return sessionFor(db, user.id, platformToken)
}
