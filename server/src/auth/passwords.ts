import { PasswordLimits, type PasswordRejection } from '@eccar/shared'
import { createError } from '../plugins/errors.ts'
import { createRequire } from 'node:module'
import { demoAccounts } from '../demo/load-demo-accounts.ts'

const PasswordRejectedBase = createError('PASSWORD_REJECTED', 'Choose another password: %s', 400)

/** `PASSWORD_REJECTED` with a machine-readable reason in `details[0].reason`, which the web app shows in German or English. */
class PasswordRejectedError extends PasswordRejectedBase {
  extra: { details: { path: string, reason: PasswordRejection }[] }
  constructor (reason: PasswordRejection, explanation: string) {
    super(explanation)
    this.extra = { details: [{ path: '', reason }] }
  }
}

// Loaded with the first password, not at start-up: the native module costs the start some 30 ms.
const argon2 = () => import('@node-rs/argon2')

// argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum recommendation).
export const hashPassword = async (password: string) => (await argon2()).hash(password)

/**
 * Compared against for unknown accounts, so "no such user" takes as long as "wrong password". Made
 * with the first sign-in of any kind (known account or not), so that one is no quicker either.
 */
let dummyHash: Promise<string> | undefined

export async function verifyPassword (passwordHash: string | null, password: string) {
  dummyHash ??= hashPassword('not-a-real-password-but-a-timing-decoy')
  const { verify } = await argon2()
  if (!passwordHash) {
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}

/**
 * The breached-password list of zxcvbn-ts (`passwords-common`: about 49,000 of the most frequent
 * passwords in public breach corpora), plus German ones that list lacks. Loaded once, lower case.
 */
let commonPasswordSet: Set<string> | undefined
/** Built on the first password checked: unpacking the list takes about 0.08 s, which start-up need not pay. */
function commonPasswords () {
  if (commonPasswordSet) return commonPasswordSet
  // `require`, not `import()`: the check stays synchronous, and the package ships CommonJS.
  const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')
  commonPasswordSet = new Set([
    ...dictionary['passwords-common'].map((word) => word.toLowerCase()),
    'passwort1234', 'passwortpasswort', 'qwertzuiop12', 'willkommen123', 'hallo1234567', 'geheim123456', 'jena12345678',
  ])
  return commonPasswordSet
}

/** Digits and punctuation around a word, as in `Passwort123!` or `!!Sommer2026`: the word is what is guessed first. */
const decoration = /^[^\p{L}]+|[^\p{L}]+$/gu

let demoPasswordsAllowed = false

/** Demo mode (`DEMO_DATA`) is the one place where the README's demo passwords may be set again. */
export function allowDemoPasswords (allowed: boolean) {
  demoPasswordsAllowed = allowed
}

/** Parts of a name or e-mail address a guesser would try: words of three letters or more. */
function personalParts (context: { email?: string, displayName?: string }) {
  const local = context.email?.toLowerCase().split('@')[0] ?? ''
  const parts = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...(context.displayName?.toLowerCase().split(/[^\p{L}\p{N}]+/u) ?? [])]
  return parts.filter((part) => part.length >= 3)
}

/**
 * Length (12 or more; long passphrases welcome) and not guessable; no composition rules (NIST SP
 * 800-63B §3.1.1.2: refuse breached, dictionary and context-specific passwords instead).
 */
export function checkPasswordPolicy (password: string, context: { email?: string, displayName?: string } = {}) {
  if (password.length < PasswordLimits.min) throw new PasswordRejectedError('too-short', `it needs at least ${PasswordLimits.min} characters`)
  if (password.length > PasswordLimits.max) throw new PasswordRejectedError('too-long', `it may have at most ${PasswordLimits.max} characters`)
  const lower = password.toLowerCase()
  if (!demoPasswordsAllowed && demoAccounts.some((account) => account.password === lower)) {
    throw new PasswordRejectedError('published', 'it is published as a demo password')
  }
  const word = lower.replace(decoration, '')
  const common = commonPasswords()
  if (common.has(lower) || (word.length >= 4 && common.has(word)) || /^(.)\1+$/u.test(password)) {
    throw new PasswordRejectedError('common', 'it is one of the passwords most often found in breaches')
  }
  if (personalParts(context).some((part) => lower.includes(part))) {
    throw new PasswordRejectedError('personal', 'it contains your name or e-mail address')
  }
}
