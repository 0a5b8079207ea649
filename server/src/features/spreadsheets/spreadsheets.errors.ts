import type { ApiErrorCode } from '../../plugins/errors.ts'

/** Thrown inside the import's transaction to undo a preview, or an import that would not apply completely. */
export class RollBack extends Error {
  constructor (readonly preview: unknown) {
    super('import rolled back')
  }
}

/** 422 with the preview in `details`: nothing was written, the rows say why. */
export class ImportInvalidError extends Error implements ApiErrorCode {
  readonly statusCode = 422
  readonly extra: { details: unknown }
  constructor (readonly code: 'STATUS_IMPORT_INVALID' | 'INDICATOR_IMPORT_INVALID', preview: unknown) {
    super('Some rows cannot be applied; nothing was changed. The rows and columns are in details.')
    this.extra = { details: preview }
  }
}
