import { Type, type Static } from 'typebox'
import { CommitmentNumberSchema, DateTimeSchema, HttpsUrlSchema, IdSchema, Nullable, ShortTextSchema, VersionSchema } from './common.ts'
import { hexColourPattern } from './contrast.ts'

/** The logo: PNG or WebP only (no SVG, which can carry scripts), at most this many bytes. */
export const logoMediaTypes = ['image/png', 'image/webp'] as const
export type LogoMediaType = (typeof logoMediaTypes)[number]
export const logoMaxBytes = 200 * 1024
/** Origins a widget may be framed by, per city. */
export const embedOriginsMax = 20

const OriginSchema = Type.String({
  maxLength: 200,
  pattern: '^https?://[a-zA-Z0-9.-]+(:[0-9]{1,5})?$',
  description: 'Scheme, host and optional port, without a path (e.g. https://www.jena.de)',
})
const AccentSchema = Type.String({ pattern: hexColourPattern, description: 'Accent colour as #rrggbb; must reach 4.5:1 against white and the grey panels' })
const PhoneSchema = Type.String({ minLength: 3, maxLength: 40, pattern: '^[+0-9 ()/-]+$' })
const EmailSchema = Type.String({ format: 'email', maxLength: 254 })

const brandingFields = {
  accentColour: Nullable(AccentSchema),
  website: Nullable(HttpsUrlSchema),
  feedbackEmail: Nullable(EmailSchema),
  feedbackPhone: Nullable(PhoneSchema),
  feedbackUrl: Nullable(HttpsUrlSchema),
  enforcementName: Nullable(ShortTextSchema),
  enforcementUrl: Nullable(HttpsUrlSchema),
}

/** What the public pages show of a city's look: accent, logo, website, feedback contact and enforcement body. */
export const PublicBrandingSchema = Type.Object({
  citySlug: Type.String(),
  cityName: Type.String(),
  ...brandingFields,
  logoUrl: Nullable(Type.String({ description: 'Path of the logo (changes with every upload), null without one' })),
}, { title: 'PublicBranding' })
export type PublicBranding = Static<typeof PublicBrandingSchema>

/** The admin's view adds the origins allowed to frame the widgets and the version. */
export const BrandingSettingsSchema = Type.Object({
  ...PublicBrandingSchema.properties,
  embedOrigins: Type.Array(Type.String()),
  version: VersionSchema,
}, { title: 'BrandingSettings' })
export type BrandingSettings = Static<typeof BrandingSettingsSchema>

export const UpdateBrandingSchema = Type.Object({
  ...brandingFields,
  embedOrigins: Type.Array(OriginSchema, { maxItems: embedOriginsMax, uniqueItems: true }),
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  title: 'UpdateBranding',
  description: 'Replaces the settings (the logo has its own route). Send the version you read (or If-Match).',
})
export type UpdateBranding = Static<typeof UpdateBrandingSchema>

export const LogoParamsSchema = Type.Object({
  city: Type.String({ maxLength: 60 }),
  stamp: Type.String({ pattern: '^[0-9]+$', maxLength: 20, description: 'Changes with every upload, so the logo may be cached for good' }),
}, { additionalProperties: false })

/** oEmbed (https://oembed.com/): the rich type with an iframe of the widget. */
export const OEmbedQuerySchema = Type.Object({
  url: Type.String({ maxLength: 2000, description: 'The address of a widget (/embed/…) or of a public plan or commitment page' }),
  format: Type.Optional(Type.Literal('json')),
  maxwidth: Type.Optional(Type.Integer({ minimum: 1 })),
  maxheight: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false })

export const OEmbedSchema = Type.Object({
  version: Type.Literal('1.0'),
  type: Type.Literal('rich'),
  title: Type.String(),
  provider_name: Type.String(),
  provider_url: Type.String(),
  html: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
}, { title: 'OEmbed' })
export type OEmbed = Static<typeof OEmbedSchema>

/** A Leichte Sprache text of a plan (commitment null) or of one of its commitments. */
export const EasyReadTextSchema = Type.Object({
  commitment: Nullable(CommitmentNumberSchema),
  body: Type.String(),
  checkedBy: Nullable(Type.String({ description: 'The review group that checked the text; null until checked' })),
  checkedAt: Nullable(DateTimeSchema),
  updatedAt: Nullable(DateTimeSchema),
  version: VersionSchema,
}, {
  title: 'EasyReadText',
  description: 'A text not written yet has an empty body, no dates and version 1; a deleted one the same, with the version counted on.',
})
export type EasyReadText = Static<typeof EasyReadTextSchema>

export const EasyReadListSchema = Type.Object({
  planId: IdSchema,
  items: Type.Array(EasyReadTextSchema, { description: 'Plan text first, then by commitment; the public sees checked texts only' }),
}, { title: 'EasyReadList' })
export type EasyReadList = Static<typeof EasyReadListSchema>

export const EasyReadParamsSchema = Type.Object({
  id: IdSchema,
  target: Type.String({ pattern: '^(plan|[1-9]|10)$', description: '`plan` or a commitment number 1–10' }),
}, { additionalProperties: false })

export const SaveEasyReadSchema = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 10_000 }),
  version: Type.Optional(VersionSchema),
}, {
  additionalProperties: false,
  title: 'SaveEasyRead',
  description: 'Writes the text; a changed text is unchecked again until the review group checks it.',
})
export type SaveEasyRead = Static<typeof SaveEasyReadSchema>

export const CheckEasyReadSchema = Type.Object({
  checkedBy: ShortTextSchema,
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, title: 'CheckEasyRead', description: 'Marks the text as checked by this review group, now.' })
export type CheckEasyRead = Static<typeof CheckEasyReadSchema>

export const EmbedPlanParamsSchema = Type.Object({ city: Type.String({ maxLength: 60 }), id: IdSchema }, { additionalProperties: false })
export const EmbedCommitmentParamsSchema = Type.Object({
  city: Type.String({ maxLength: 60 }), id: IdSchema, number: CommitmentNumberSchema,
}, { additionalProperties: false })
export const EmbedQuerySchema = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('de'), Type.Literal('en')], { description: 'Language of the widget; German by default' })),
}, { additionalProperties: false })
