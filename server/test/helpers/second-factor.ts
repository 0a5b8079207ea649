import { eq } from 'drizzle-orm'
import { generate, generateSecret } from 'otplib'
import { hashRecoveryCode, newRecoveryCodes } from '../../src/auth/second-factor.ts'
import type { Db } from '../../src/db/client.ts'
import { recoveryCodes, secondFactors } from '../../src/db/schema/index.ts'

const period = 30

/** The code an authenticator app would show at the given Unix second. */
export const totpAt = (secret: string, epochSeconds: number) => generate({ secret, epoch: epochSeconds })

/**
 * A code the server accepts now: the step after the last one used, else the current step. Computing it
 * from the stored mark (not the clock alone) keeps tests stable when a 30-second step ends mid-test.
 */
export async function nextCode (db: Db, userId: number) {
  const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, userId))
  const step = factor!.lastTimeStep === null ? Math.floor(Date.now() / 1000 / period) : factor!.lastTimeStep + 1
  return totpAt(factor!.secret, step * period)
}

/** A confirmed factor with recovery codes, written straight to the database. */
export async function enrolSecondFactor (db: Db, userId: number) {
  const secret = generateSecret()
  await db.insert(secondFactors).values({ userId, secret, confirmedAt: new Date() })
  const codes = newRecoveryCodes()
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })))
  return { secret, recoveryCodes: codes }
}
