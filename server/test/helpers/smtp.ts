import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/**
 * A real SMTP server on a free local port. `refuse` answers the next n messages with a temporary
 * 451, as a mail server does when it is busy; after that it accepts and parses every message.
 */
export async function startSmtpServer () {
  const received: ParsedMail[] = []
  let refuse = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData (stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }))
        }
        simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push(mail)
          callback()
        }, callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n: number) => { refuse = n },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
