import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../../db/client.ts'
import { startJobEngine, type JobEngine } from './job-engine.ts'
import { smtpTransport, type MailTransport } from './mail.transport.ts'
import { deliverDueMails, logHeldMail, recordMail, type NewMail } from './outbox.ts'
import { runReminders } from './reminders.service.ts'

/** What the rest of the app sees of mail: record one inside a write, and wake the delivery after it. */
export interface MailDesk {
  /** True without SMTP_URL: mails are held in the outbox for the city's admins. */
  held: boolean
  origin: string
  record: (tx: Db, mail: NewMail) => Promise<number | null>
  /** After the recording transaction committed: send now rather than at the next minute. */
  wake: () => void
  /** The queue, while this instance runs it (JOBS=true). */
  jobs: () => JobEngine | null
  transport: MailTransport | null
}

declare module 'fastify' {
  interface FastifyInstance { mail: MailDesk }
}

export default fp(async function mailPlugin (app: FastifyInstance) {
  const { config, db } = app
  const transport = config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : null
  const held = transport === null
  const origin = config.PUBLIC_ORIGIN!
  let engine: JobEngine | null = null

  const deliver = async () => {
    if (transport) await deliverDueMails({ db, transport, origin, log: app.log })
  }
  const desk: MailDesk = {
    held,
    origin,
    transport,
    async record (tx, mail) {
      const id = await recordMail(tx, mail, held)
      if (id !== null && held) logHeldMail(app.log, config.NODE_ENV, { id, kind: mail.kind })
      return id
    },
    wake () {
      if (engine && !held) engine.kick().catch((err: unknown) => app.log.warn({ err }, 'mail delivery not woken; the next minute sends it'))
    },
    jobs: () => engine,
  }
  app.decorate('mail', desk)

  if (config.JOBS) {
    const startEngine = async () => {
      engine = await startJobEngine(db, {
        deliver,
        reminders: async () => {
          const recorded = await runReminders(db, held)
          if (recorded > 0) app.log.info({ event: 'reminders', recorded }, held ? 'reminders held in the outbox' : 'reminders queued')
          await deliver()
        },
      }, { onError: (err) => app.log.warn({ err }, 'job queue error') })
      // A restarted instance catches up at once instead of waiting for the quarter hour.
      await engine.runRemindersNow()
    }
    let starting: Promise<void> | null = null
    let closed = false
    let wake = () => {}
    // Started, not awaited: the queue's set-up and the catch-up run of the reminders take about half a
    // second, which no request needs to wait for; the server answers meanwhile. Mails recorded before
    // the queue runs are in the table and go out with its first delivery. On the embedded database it
    // begins a few seconds later: PGlite runs each statement on the thread that answers requests, so
    // begun at once, the set-up's statements held up the first answers after a start.
    const startDelayMs = config.DATABASE_URL ? 0 : 3_000
    app.addHook('onReady', async () => {
      starting = new Promise<void>((resolve) => {
        wake = resolve
        setTimeout(resolve, startDelayMs).unref()
      }).then(() => (closed ? undefined : startEngine()))
        .catch((err: unknown) => app.log.error({ err }, 'job queue did not start; reminders and mail delivery wait for a restart'))
    })
    app.addHook('onClose', async () => {
      closed = true
      wake()
      await starting
      await engine?.stop()
      engine = null
    })
  }
  app.addHook('onClose', async () => transport?.close())
}, { name: 'mail', dependencies: ['config'] })
