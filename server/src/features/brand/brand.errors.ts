import type { AccentCheck } from '@eccar/shared'
import { createError, type ApiErrorCode } from '../../plugins/errors.ts'

export const LogoInvalidError = createError('LOGO_INVALID', 'The logo must be a PNG or WebP image of at most %s bytes', 415)
export const LogoNotFoundError = createError('LOGO_NOT_FOUND', 'City %s has no logo', 404)
export const EasyReadNotFoundError = createError('EASY_READ_NOT_FOUND', 'Plan %s has no Leichte Sprache text for %s', 404)
export const EmbedUrlUnknownError = createError('EMBED_URL_UNKNOWN', 'The address is not a widget or public page of a plan', 404)

/** 400 naming, in `details`, every background the accent colour fails against, with its ratio. */
export class AccentContrastError extends Error implements ApiErrorCode {
  readonly statusCode = 400
  readonly code = 'ACCENT_CONTRAST_TOO_LOW'
  readonly extra: { details: { path: string, reason: string }[] }
  constructor (accent: string, failing: AccentCheck[]) {
    super(`The accent colour ${accent} reaches only ${failing.map((f) => `${f.ratio.toFixed(2)}:1 against ${f.against} (${f.use})`).join(', ')}; WCAG 2.1 AA needs 4.5:1`)
    this.extra = { details: failing.map((f) => ({ path: '/accentColour', reason: `${f.ratio.toFixed(2)}:1 against ${f.against} (${f.use}); needs 4.5:1` })) }
  }
}
