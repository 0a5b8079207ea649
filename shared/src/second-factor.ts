import { Type, type Static } from 'typebox'
import { PasswordLimits } from './limits.ts'

export const RecoveryCodeCount = 10

/** A six-digit code from the authenticator app, or a recovery code such as `k3xq7-vd2mp`. */
export const SecondFactorCodeSchema = Type.String({
  minLength: 6,
  maxLength: 32,
  pattern: '^[0-9A-Za-z -]+$',
  description: 'Six digits from the authenticator app, or one of the recovery codes',
})

export const SecondFactorStatusSchema = Type.Object({
  enabled: Type.Boolean({ description: 'A confirmed authenticator app protects this account' }),
  required: Type.Boolean({ description: 'This server requires a second factor for this person' }),
  recoveryCodesLeft: Type.Integer({ minimum: 0, description: 'Unused recovery codes' }),
}, { title: 'SecondFactorStatus' })
export type SecondFactorStatus = Static<typeof SecondFactorStatusSchema>

export const SecondFactorEnrolmentSchema = Type.Object({
  secret: Type.String({ description: 'Base32 secret for typing into the app by hand; shown only now' }),
  otpauthUri: Type.String({ description: 'otpauth://totp/… URI the QR code encodes' }),
  qrCode: Type.String({ description: 'The QR code as an SVG data URL, for an <img src>' }),
}, { title: 'SecondFactorEnrolment' })
export type SecondFactorEnrolment = Static<typeof SecondFactorEnrolmentSchema>

export const SecondFactorCodeInputSchema = Type.Object({
  code: SecondFactorCodeSchema,
}, { additionalProperties: false, title: 'SecondFactorCodeInput' })
export type SecondFactorCodeInput = Static<typeof SecondFactorCodeInputSchema>

export const PasswordConfirmationSchema = Type.Object({
  password: Type.String({ minLength: 1, maxLength: PasswordLimits.max, description: 'Your current password' }),
}, { additionalProperties: false, title: 'PasswordConfirmation' })
export type PasswordConfirmation = Static<typeof PasswordConfirmationSchema>

export const RecoveryCodesSchema = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { minItems: RecoveryCodeCount, maxItems: RecoveryCodeCount, description: 'Each works once; shown only now' }),
}, { title: 'RecoveryCodes' })
export type RecoveryCodes = Static<typeof RecoveryCodesSchema>
