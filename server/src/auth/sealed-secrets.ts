import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const version = 'v1'

export interface Sealer {
  /** `owner` names the row the secret belongs to (e.g. `city:3`); it is authenticated, not stored. */
  seal: (owner: string, plain: string) => string
  /** The plain secret, or null if it was sealed with another key, for another owner, or changed. */
  open: (owner: string, stored: string) => string | null
}

export const isSealed = (stored: string) => stored.startsWith(`${version}.`)

/**
 * AES-256-GCM for secrets the server must read back (identity-provider client secrets, authenticator
 * secrets). Each purpose gets its own key derived from SECRET_KEY, so one secret's ciphertext never
 * opens under another purpose, and the owner is authenticated data, so a value copied into another
 * row does not open either.
 */
export function createSealer (secretKey: string, purpose: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'eccar-tracker', purpose, 32))
  return {
    seal (owner, plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(owner))
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`
    },
    open (owner, stored) {
      if (!isSealed(stored)) return null
      const bytes = Buffer.from(stored.slice(version.length + 1), 'base64url')
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(Buffer.from(owner))
        decipher.setAuthTag(bytes.subarray(12, 28))
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
      } catch {
        return null
      }
    },
  }
}
