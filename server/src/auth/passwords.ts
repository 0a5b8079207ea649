import { hash, verify } from '@node-rs/argon2'
import { PasswordLimits } from '@eccar/shared'
import createError from '@fastify/error'

export const PasswordRejectedError = createError('PASSWORD_REJECTED', 'Choose another password: %s', 400)

// argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum recommendation).
export const hashPassword = (password: string) => hash(password)

/** Compared against for unknown accounts, so "no such user" takes as long as "wrong password". */
const dummyHash = hashPassword('not-a-real-password-but-a-timing-decoy')

export async function verifyPassword (passwordHash: string | null, password: string) {
  if (!passwordHash) {
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}

// The most common passwords of public breach lists that meet the length rule; a full list would be
// better, but it cannot be downloaded at run time here and this catches the usual suspects.
const commonPasswords = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000',
  'passwort1234', 'password1234', 'password123!', 'qwertzuiop12', 'qwertyuiop12', 'qwertyuiop123',
  'iloveyou1234', 'passwortpasswort', 'passwordpassword', 'administrator', 'administrator1',
  'willkommen123', 'welcome12345', 'hallo1234567', 'sommer2024!!', 'geheim123456', 'letmein12345',
  '1q2w3e4r5t6y', 'abcdefghijkl', 'aaaaaaaaaaaa', 'changeme1234', 'jena12345678',
])

/** Length (12 or more; long passphrases welcome) and not trivially guessable; no composition rules. */
export function checkPasswordPolicy (password: string, context: { email?: string, displayName?: string } = {}) {
  if (password.length < PasswordLimits.min) throw new PasswordRejectedError(`it needs at least ${PasswordLimits.min} characters`)
  if (password.length > PasswordLimits.max) throw new PasswordRejectedError(`it may have at most ${PasswordLimits.max} characters`)
  const lower = password.toLowerCase()
  if (commonPasswords.has(lower) || /^(.)\1+$/.test(password)) throw new PasswordRejectedError('it is one of the most common passwords')
  const personal = [context.email?.toLowerCase(), context.email?.split('@')[0]?.toLowerCase(), context.displayName?.toLowerCase()]
  if (personal.some((part) => part && part.length >= 4 && lower.includes(part))) {
    throw new PasswordRejectedError('it contains your name or e-mail address')
  }
}
