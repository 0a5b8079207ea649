import { Type, type Static } from 'typebox'
import { DateTimeSchema, IdSchema, Nullable, SlugSchema, VersionSchema } from './common.ts'
import { mailErrorCategories, mailKinds, mailLanguages, notificationKinds, outboxStates, ReminderLimits } from './notification-kinds.ts'

export * from './notification-kinds.ts'

export const NotificationKindSchema = Type.Enum(notificationKinds, { title: 'NotificationKind', description: 'A kind of mail a person may turn off' })
export const MailKindSchema = Type.Enum(mailKinds, { title: 'MailKind', description: 'Every kind of mail, account mails included' })
export const MailLanguageSchema = Type.Enum(mailLanguages, { title: 'MailLanguage' })
export const OutboxStateSchema = Type.Enum(outboxStates, { title: 'OutboxState', description: 'held = no SMTP configured, kept for the admins to read' })
export const MailErrorCategorySchema = Type.Enum(mailErrorCategories, { title: 'MailErrorCategory', description: 'Why the last attempt failed, as a category' })

export const NotificationSettingsSchema = Type.Object({
  language: MailLanguageSchema,
  digestDay: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday of the weekly digest: 1 = Monday … 7 = Sunday' }),
  kinds: Type.Array(Type.Object({
    kind: NotificationKindSchema,
    enabled: Type.Boolean(),
  }, { additionalProperties: false }), {
    maxItems: notificationKinds.length,
    description: 'One entry per kind; a kind left out keeps its setting (on writes) and is always listed (on reads)',
  }),
}, { additionalProperties: false, title: 'NotificationSettings', description: 'Which mails the signed-in person receives, and in which language.' })
export type NotificationSettings = Static<typeof NotificationSettingsSchema>

export const UnsubscribeTokenParamsSchema = Type.Object({
  token: Type.String({ minLength: 10, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'The token from the mail\'s unsubscribe link' }),
}, { additionalProperties: false })
export type UnsubscribeTokenParams = Static<typeof UnsubscribeTokenParamsSchema>

export const UnsubscribeInfoSchema = Type.Object({
  kind: NotificationKindSchema,
  language: MailLanguageSchema,
  unsubscribed: Type.Boolean({ description: 'True once the person no longer receives this kind' }),
}, { title: 'UnsubscribeInfo' })
export type UnsubscribeInfo = Static<typeof UnsubscribeInfoSchema>

/** The RFC 8058 one-click body (`List-Unsubscribe=One-Click`), or an empty JSON object from the web page. */
export const UnsubscribeBodySchema = Type.Object({
  'List-Unsubscribe': Type.Optional(Type.Literal('One-Click')),
}, { additionalProperties: false, title: 'UnsubscribeRequest' })
export type UnsubscribeBody = Static<typeof UnsubscribeBodySchema>

export const OutboxQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: ReminderLimits.outboxPageSizeMax, default: ReminderLimits.outboxPageSizeDefault })),
}, { additionalProperties: false })
export type OutboxQuery = Static<typeof OutboxQuerySchema>

export const OutboxParamsSchema = Type.Object({ city: SlugSchema, id: IdSchema }, { additionalProperties: false })

export const OutboxEntrySchema = Type.Object({
  id: IdSchema,
  kind: MailKindSchema,
  recipient: Type.String({ description: 'The e-mail address the mail goes to' }),
  subject: Type.String(),
  language: MailLanguageSchema,
  createdAt: DateTimeSchema,
  state: OutboxStateSchema,
  attempts: Type.Integer({ minimum: 0 }),
  sentAt: Nullable(DateTimeSchema),
  lastError: Nullable(MailErrorCategorySchema),
}, { title: 'OutboxEntry', description: 'A recorded mail: who, what, when, outcome.' })
export type OutboxEntry = Static<typeof OutboxEntrySchema>

export const OutboxPageSchema = Type.Object({
  items: Type.Array(OutboxEntrySchema, { description: 'Newest first' }),
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
}, { title: 'OutboxPage' })
export type OutboxPage = Static<typeof OutboxPageSchema>

export const OutboxMailSchema = Type.Object({
  ...OutboxEntrySchema.properties,
  text: Nullable(Type.String({ description: 'Plain-text body; only while the mail is held (no SMTP configured)' })),
  html: Nullable(Type.String({ description: 'HTML body; only while the mail is held' })),
}, { title: 'OutboxMail' })
export type OutboxMail = Static<typeof OutboxMailSchema>

const StepSchema = Type.Integer({
  minimum: ReminderLimits.stepDays.min,
  maximum: ReminderLimits.stepDays.max,
  description: 'Days before the due date; 0 = on the day, negative = after it',
})

export const ReminderSettingsSchema = Type.Object({
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone deciding the city\'s day, e.g. `Europe/Berlin`' }),
  steps: Type.Array(StepSchema, { minItems: ReminderLimits.steps.min, maxItems: ReminderLimits.steps.max, uniqueItems: true }),
  version: VersionSchema,
}, { title: 'ReminderSettings', description: 'When the city\'s deadline reminders go out.' })
export type ReminderSettings = Static<typeof ReminderSettingsSchema>

export const UpdateReminderSettingsSchema = Type.Object({
  timeZone: ReminderSettingsSchema.properties.timeZone,
  steps: ReminderSettingsSchema.properties.steps,
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, title: 'UpdateReminderSettings', description: 'Send the version you read (or an If-Match header).' })
export type UpdateReminderSettings = Static<typeof UpdateReminderSettingsSchema>
