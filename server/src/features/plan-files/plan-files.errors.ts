import { createError, type ApiErrorCode } from '../../plugins/errors.ts'

/** A plan file that is well-formed JSON of the right shape but breaks a rule; names the first problem. */
export class PlanFileInvalidError extends Error implements ApiErrorCode {
  readonly statusCode = 400
  readonly code = 'PLAN_FILE_INVALID'
  readonly extra: { details: { path: string, reason: string }[] }
  constructor (readonly path: string, readonly reason: string) {
    super(`Invalid plan file: ${path} ${reason}`)
    this.extra = { details: [{ path, reason }] }
  }
}

export const PlanExistsError = createError('PLAN_EXISTS', 'The city already has a plan "%s" starting %s', 409)
