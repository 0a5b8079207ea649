// TOTP (RFC 6238) with otplib 13: https://otplib.yeojz.dev/guide/getting-started
import { createHash, randomInt } from 'node:crypto'
import { RecoveryCodeCount } from '@eccar/shared'
import type { SecondFactorRequirement } from '../config.ts'
import type { CityRole } from './actor.ts'
import { createSealer, isSealed } from './sealed-secrets.ts'

const issuer = 'ECCAR Aktionsplan'
// One step (30 s) either side: enough for a clock off by a few seconds and for typing, no more.
const toleranceSeconds = 30

// otplib and qrcode (with its PNG code) load on the first use, not with the server: about 0.1 s of start-up.
const loadOtp = () => import('otplib')

export const newTotpSecret = async () => (await loadOtp()).generateSecret()

/** Seals TOTP secrets for the database and opens them again; without a key they are stored as they are. */
export interface SecretBox {
  seal: (userId: number, secret: string) => string
  open: (userId: number, stored: string) => string
}

/**
 * Sealed with SECRET_KEY (see sealed-secrets.ts), bound to the user id, so a sealed secret copied to
 * another account's row does not open. Secrets stored before a key was set still open.
 */
export function createSecretBox (secretKey: string | undefined): SecretBox {
  const sealer = secretKey ? createSealer(secretKey, 'second-factor secret') : null
  return {
    seal: (userId, secret) => sealer ? sealer.seal(`user:${userId}`, secret) : secret,
    open (userId, stored) {
      if (!isSealed(stored)) return stored
      const secret = sealer?.open(`user:${userId}`, stored) ?? null
      if (secret === null) throw new Error('A second factor is stored encrypted, but SECRET_KEY is not set or has changed')
      return secret
    },
  }
}

export async function enrolmentDetails (secret: string, email: string) {
  const otpauthUri = (await loadOtp()).generateURI({ issuer, label: email, secret })
  const { default: QRCode } = await import('qrcode')
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''))

/**
 * The time step of a valid code, or null. A code of `lastTimeStep` or earlier is refused,
 * so a code seen once (over a shoulder, in a proxy log) cannot be used again.
 */
export async function verifyTotp (secret: string, code: string, lastTimeStep: number | null) {
  const { verify } = await loadOtp()
  const result = await verify({
    secret,
    token: code.replace(/\s/g, ''),
    epochTolerance: toleranceSeconds,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  }).catch(() => ({ valid: false as const }))
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

// No 0/o, 1/l/i: codes are read off paper and typed by hand.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten codes of ten characters (about 49 bits each), shown as `xxxxx-xxxxx`. */
export function newRecoveryCodes () {
  return Array.from({ length: RecoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** Case, spaces and dashes do not matter when a recovery code is typed. */
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex')

/** Whether this server requires a second factor of this person (admins: admin of any city, or platform admin). */
export function secondFactorRequiredFor (requirement: SecondFactorRequirement, person: { isPlatformAdmin: boolean, cities: ReadonlyMap<number, CityRole> }) {
  if (requirement === 'all') return true
  if (requirement === 'none') return false
  return person.isPlatformAdmin || [...person.cities.values()].some((membership) => membership.role === 'admin')
}
