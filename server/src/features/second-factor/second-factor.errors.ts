import { createError } from '../../plugins/errors.ts'

export const SecondFactorAlreadyEnabledError = createError('SECOND_FACTOR_ALREADY_ENABLED', 'A second factor is already set up; turn it off first to set up another', 409)
export const SecondFactorNotStartedError = createError('SECOND_FACTOR_ENROLMENT_NOT_STARTED', 'Start the set-up first: no authenticator app is waiting for confirmation', 409)
export const SecondFactorNotEnabledError = createError('SECOND_FACTOR_NOT_ENABLED', 'No second factor is set up', 409)
export const SecondFactorRequiredError = createError('SECOND_FACTOR_REQUIRED', 'Your account must keep a second factor', 409)
export const SecondFactorCodeWrongError = createError('SECOND_FACTOR_CODE_WRONG', 'The code is wrong or has expired; enter the current code from your app', 400)
export const AccountNotFoundError = createError('ACCOUNT_NOT_FOUND', 'Account %s does not exist', 404)
