import {
  notificationKinds, ReminderLimits,
  type MailKind, type NotificationKind, type NotificationSettings, type OutboxEntry, type OutboxMail, type OutboxQuery, type OutboxState,
  type ReminderSettings, type UnsubscribeInfo, type UpdateReminderSettings,
} from '@eccar/shared'
import { eq } from 'drizzle-orm'
import { AuthenticationRequiredError, requireRole, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import type { Db } from '../../db/client.ts'
import { cities } from '../../db/schema/index.ts'
import { CityNotFoundError, findCityBySlug, getCityAs, TimeZoneUnknownError } from '../cities/cities.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import { composeMail, type MailRow } from './outbox.ts'
import { wants } from './recipients.ts'
import { isKnownTimeZone } from '../../lib/dates.ts'
import { MailNotFoundError, UnsubscribeTokenUnknownError } from './notifications.errors.ts'
import { findMailByUnsubscribeToken, findOutboxMail, findSettings, listOutbox, rolesOfUser, upsertSettings, type SettingsRow } from './notifications.queries.ts'

/** Password-reset links stay out of the admins' outbox: whoever reads one could take over the account. */
const bodyWithheld: readonly MailKind[] = ['password-reset']

export function createNotificationsService (db: Db, onChange: ChangeListener, origin: string) {
  /** Defaults depend on the role: someone who only views anywhere gets no digest until they ask for it. */
  async function settingsOf (tx: Db, userId: number): Promise<NotificationSettings> {
    const row = await findSettings(tx, userId)
    const roles = await rolesOfUser(tx, userId)
    const role = roles.length > 0 && roles.every((r) => r.role === 'viewer') ? 'viewer' : 'editor'
    const kinds = row?.kinds ?? {}
    return {
      language: row?.language ?? 'de',
      digestDay: row?.digestDay ?? 1,
      kinds: notificationKinds.map((kind) => ({ kind, enabled: wants({ kinds, role }, kind) })),
    }
  }

  async function setKinds (tx: Db, userId: number, changes: Partial<Pick<SettingsRow, 'language' | 'digestDay'>> & { kinds?: Record<string, boolean> }) {
    const current = await findSettings(tx, userId, { forUpdate: true })
    await upsertSettings(tx, userId, changes, { ...current?.kinds, ...changes.kinds })
  }

  async function mailByToken (tx: Db, token: string, lock: boolean) {
    const row = await findMailByUnsubscribeToken(tx, token, { forUpdate: lock })
    if (!row || row.userId === null) throw new UnsubscribeTokenUnknownError()
    return { userId: row.userId, kind: row.kind as NotificationKind, language: row.language }
  }

  const adminCity = (tx: Db, slug: string, actor: Actor) => getCityAs(tx, slug, actor, 'admin')

  const reminderSettings = (city: typeof cities.$inferSelect): ReminderSettings =>
    ({ timeZone: city.timeZone, steps: [...city.reminderSteps].sort((a, b) => b - a), version: city.version })

  return {
    async mySettings (actor: Actor) {
      if (actor.kind !== 'user') throw new AuthenticationRequiredError()
      return settingsOf(db, actor.userId)
    },

    async updateMySettings (input: NotificationSettings, actor: Actor) {
      if (actor.kind !== 'user') throw new AuthenticationRequiredError()
      const userId = actor.userId
      return db.transaction(async (tx) => {
        const before = await settingsOf(tx, userId)
        await setKinds(tx, userId, { language: input.language, digestDay: input.digestDay, kinds: Object.fromEntries(input.kinds.map((k) => [k.kind, k.enabled])) })
        const after = await settingsOf(tx, userId)
        await recordAudit(tx, actor, { cityId: null, action: 'user.notifications.update', entityType: 'user', entityId: userId, before, after })
        return after
      })
    },

    async unsubscribeInfo (token: string): Promise<UnsubscribeInfo> {
      const mail = await mailByToken(db, token, false)
      const settings = await settingsOf(db, mail.userId)
      return { kind: mail.kind, language: mail.language, unsubscribed: !settings.kinds.find((k) => k.kind === mail.kind)!.enabled }
    },

    /** The token authenticates; unsubscribing twice changes nothing and is not audited again. */
    async unsubscribe (token: string, actor: Actor): Promise<UnsubscribeInfo> {
      return db.transaction(async (tx) => {
        const mail = await mailByToken(tx, token, true)
        const before = await settingsOf(tx, mail.userId)
        if (before.kinds.find((k) => k.kind === mail.kind)!.enabled) {
          await setKinds(tx, mail.userId, { kinds: { [mail.kind]: false } })
          await recordAudit(tx, actor, { cityId: null, action: 'user.notifications.unsubscribe', entityType: 'user', entityId: mail.userId, after: { kind: mail.kind } })
        }
        return { kind: mail.kind, language: mail.language, unsubscribed: true }
      })
    },

    async outbox (slug: string, query: OutboxQuery, actor: Actor) {
      const city = await adminCity(db, slug, actor)
      const page = query.page ?? 1
      const pageSize = query.pageSize ?? ReminderLimits.outboxPageSizeDefault
      const { rows, total } = await listOutbox(db, city.id, page, pageSize)
      return { items: rows.map(toEntry), total, page, pageSize }
    },

    async outboxMail (slug: string, id: number, actor: Actor): Promise<OutboxMail> {
      const city = await adminCity(db, slug, actor)
      const row = await findOutboxMail(db, city.id, id)
      if (!row) throw new MailNotFoundError(String(id))
      const readable = row.state === 'held' && row.templateData !== null && !bodyWithheld.includes(row.kind)
      const body = readable ? composeMail(row, origin) : null
      return { ...toEntry(row), text: body?.text ?? null, html: body?.html ?? null }
    },

    async reminderSettings (slug: string, actor: Actor) {
      return reminderSettings(await adminCity(db, slug, actor))
    },

    async updateReminderSettings (slug: string, input: UpdateReminderSettings, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const city = await lockVersioned({
          lock: () => findCityBySlug(tx, slug, { forUpdate: true }),
          notFound: () => new CityNotFoundError(slug),
          check: (row) => requireRole(actor, row.id, 'admin', () => new CityNotFoundError(slug)),
          expected,
          current: reminderSettings,
        })
        if (!isKnownTimeZone(input.timeZone)) throw new TimeZoneUnknownError(input.timeZone)
        // The city's version is shared with its steering settings, whose cached answers carry it.
        await announce('everything')
        await updateVersioned(tx, cities, eq(cities.id, city.id), city.version, { timeZone: input.timeZone, reminderSteps: [...new Set(input.steps)].sort((a, b) => b - a) })
        const updated = await findCityBySlug(tx, slug)
        const before = reminderSettings(city)
        const after = reminderSettings(updated!)
        await recordAudit(tx, actor, { cityId: city.id, action: 'city.reminders.update', entityType: 'city', entityId: city.id, before, after })
        return after
      })
    },
  }
}

const apiState = (state: MailRow['state']): OutboxState => (state === 'sending' ? 'queued' : state)

function toEntry (row: MailRow): OutboxEntry {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    state: apiState(row.state),
    attempts: row.attempts,
    sentAt: row.sentAt?.toISOString() ?? null,
    lastError: row.lastError,
  }
}

// The mail other features send (account mails, a reporting cycle's announcements) and the desk that queues it:
// the import boundary lets them reach notifications only through this file.
export { recordAccountMail } from './account-mails.ts'
export { recordCycleChangeMails } from './cycle-mails.ts'
export type { MailDesk } from './mail.plugin.ts'
