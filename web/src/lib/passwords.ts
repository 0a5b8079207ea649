import { PasswordLimits, type PasswordRejection } from '@eccar/shared'

/** The checks the server makes of a new password that the form can make too (the rest it answers as PASSWORD_REJECTED). */
export function newPasswordErrors (password: string, confirm: string): { password: string | null, confirm: string | null } {
  let first: string | null = null
  if (password.length < PasswordLimits.min) first = 'passwordTooShort'
  else if (password.length > PasswordLimits.max) first = 'passwordTooLong'
  const second = !first && password !== confirm ? 'passwordMismatch' : null
  return { password: first, confirm: second }
}

const rejectionKeys: Record<PasswordRejection, string> = {
  'too-short': 'passwordTooShort',
  'too-long': 'passwordTooLong',
  common: 'passwordRejectedCommon',
  published: 'passwordRejectedPublished',
  personal: 'passwordRejectedPersonal',
}

/** The `session.` text for a PASSWORD_REJECTED answer: the server's reason (`details[0].reason`), or the general text. */
export function rejectedPasswordKey (body: unknown): string {
  const reason = (body as { details?: { reason?: unknown }[] } | null)?.details?.[0]?.reason
  return (typeof reason === 'string' && Object.hasOwn(rejectionKeys, reason)) ? rejectionKeys[reason as PasswordRejection] : 'passwordRejected'
}

/** Minutes or seconds to wait, as the words of the 429 message need them. */
export function waitParts (seconds: number): { unit: 'minutes' | 'seconds', n: number } {
  return seconds < 60 ? { unit: 'seconds', n: Math.max(1, Math.ceil(seconds)) } : { unit: 'minutes', n: Math.ceil(seconds / 60) }
}
