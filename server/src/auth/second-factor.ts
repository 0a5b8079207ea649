// TOTP (RFC 6238) with otplib 13: https://otplib.yeojz.dev/guide/getting-started
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto'
import { RecoveryCodeCount } from '@eccar/shared'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import type { SecondFactorRequirement } from '../config.ts'
import type { CityRole } from './actor.ts'

const issuer = 'ECCAR Aktionsplan'
// One step (30 s) either side: enough for a clock off by a few seconds and for typing, no more.
const toleranceSeconds = 30

export const newTotpSecret = () => generateSecret()

/** Seals TOTP secrets for the database and opens them again; without a key they are stored as they are. */
export interface SecretBox {
  seal: (userId: number, secret: string) => string
  open: (userId: number, stored: string) => string
}

const sealedPrefix = 'v1:'

/**
 * AES-256-GCM with a key derived from MFA_SECRET_KEY; the user id is authenticated with it, so a sealed
 * secret copied to another account's row does not open. Secrets stored before a key was set still open.
 */
export function createSecretBox (keyMaterial: string | undefined): SecretBox {
  const key = keyMaterial ? createHash('sha256').update(keyMaterial).digest() : null
  return {
    seal (userId, secret) {
      if (!key) return secret
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(`user:${userId}`))
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
      return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
    },
    open (userId, stored) {
      if (!stored.startsWith(sealedPrefix)) return stored
      if (!key) throw new Error('A second factor is stored encrypted, but MFA_SECRET_KEY is not set')
      const raw = Buffer.from(stored.slice(sealedPrefix.length), 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(Buffer.from(`user:${userId}`))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

export async function enrolmentDetails (secret: string, email: string) {
  const otpauthUri = generateURI({ issuer, label: email, secret })
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''))

/**
 * The time step of a valid code, or null. A code of `lastTimeStep` or earlier is refused,
 * so a code seen once (over a shoulder, in a proxy log) cannot be used again.
 */
export async function verifyTotp (secret: string, code: string, lastTimeStep: number | null) {
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
