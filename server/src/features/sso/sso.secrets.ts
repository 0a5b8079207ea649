import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

// AES-256-GCM with a key derived from SECRET_KEY. The city id is authenticated data: a ciphertext
// copied into another city's row does not decrypt.
const version = 'v1'
const keyOf = (secretKey: string) => Buffer.from(hkdfSync('sha256', secretKey, 'eccar-tracker', 'identity-provider client secret', 32))
const aadOf = (cityId: number) => Buffer.from(`city:${cityId}`)

export function encryptClientSecret (secretKey: string, cityId: number, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv)
  cipher.setAAD(aadOf(cityId))
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`
}

/** The plain secret, or null if the stored value was made with another key or changed. */
export function decryptClientSecret (secretKey: string, cityId: number, stored: string): string | null {
  const [prefix, body] = stored.split('.')
  if (prefix !== version || !body) return null
  const bytes = Buffer.from(body, 'base64url')
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), bytes.subarray(0, 12))
    decipher.setAAD(aadOf(cityId))
    decipher.setAuthTag(bytes.subarray(12, 28))
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
