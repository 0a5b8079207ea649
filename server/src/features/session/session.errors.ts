import { createError, type ApiErrorCode } from '../../plugins/errors.ts'

// One answer for unknown accounts and wrong passwords: which e-mails have accounts is nobody's business.
export const InvalidCredentialsError = createError('INVALID_CREDENTIALS', 'E-mail address or password is wrong', 401)
export const CurrentPasswordWrongError = createError('CURRENT_PASSWORD_WRONG', 'The current password is wrong', 400)
export const InvitationInvalidError = createError('INVITATION_INVALID', 'This invitation link is unknown, used or expired; ask for a new one', 400)

export const SecondFactorInvalidError = createError('SECOND_FACTOR_INVALID', 'The code is wrong, expired or was used already', 401)
export const SecondFactorChallengeInvalidError = createError(
  'SECOND_FACTOR_CHALLENGE_INVALID', 'Signing in took too long or was not started here; enter your password again', 401)

export class TooManyAttemptsError extends Error implements ApiErrorCode {
  readonly statusCode = 429
  readonly code = 'TOO_MANY_ATTEMPTS'
  constructor (readonly retryAfterSeconds: number) {
    super('Too many failed sign-ins; wait a few minutes and try again')
  }
}

export const InvitationSignInRequiredError = createError('INVITATION_SIGN_IN_REQUIRED', 'This address already has an account: sign in with it and accept the invitation', 409)
export const ResetLinkInvalidError = createError('PASSWORD_RESET_INVALID', 'This password-reset link is unknown, used or expired; ask for a new one', 400)

export class TooManyResetsError extends Error implements ApiErrorCode {
  readonly statusCode = 429
  readonly code = 'TOO_MANY_RESETS'
  constructor (readonly retryAfterSeconds: number) {
    super('Too many password-reset requests; wait and try again')
  }
}
