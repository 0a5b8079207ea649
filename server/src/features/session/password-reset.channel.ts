import type { FastifyBaseLogger } from 'fastify'

export interface PasswordResetMessage { email: string, link: string, expiresAt: Date }

/** How a reset link reaches its person. The mail feature replaces this function; nothing else changes. */
export type PasswordResetChannel = (message: PasswordResetMessage) => Promise<void>

/**
 * Until there is mail: in development (and tests) the link is written to the server log so a developer
 * can follow it; anywhere else it is dropped, because a link in a production log would let whoever reads
 * the log take over the account.
 */
export function logChannel (log: FastifyBaseLogger, nodeEnv: string): PasswordResetChannel {
  return async ({ link, expiresAt }) => {
    if (nodeEnv === 'development' || nodeEnv === 'test') {
      log.info({ event: 'password-reset-link', link, expiresAt: expiresAt.toISOString() }, 'password-reset link (development only; there is no mail yet)')
    } else {
      log.warn({ event: 'password-reset-link' }, 'a password reset was requested, but there is no mail channel to deliver the link')
    }
  }
}
