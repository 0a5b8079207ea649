import { createSealer } from '../../auth/sealed-secrets.ts'

const purpose = 'identity-provider client secret'

export const encryptClientSecret = (secretKey: string, cityId: number, secret: string) =>
  createSealer(secretKey, purpose).seal(`city:${cityId}`, secret)

/** The plain secret, or null if the stored value was made with another key or changed. */
export const decryptClientSecret = (secretKey: string, cityId: number, stored: string) =>
  createSealer(secretKey, purpose).open(`city:${cityId}`, stored)
