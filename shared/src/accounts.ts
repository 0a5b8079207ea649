import { Type, type Static } from 'typebox'
import { IdSchema, Nullable, ShortTextSchema, SlugSchema, VersionSchema } from './common.ts'
import { OrganisationRefSchema } from './organisations.ts'
import { RoleSchema } from './vocabulary-schemas.ts'

export const PasswordLimits = { min: 12, max: 256 } as const
export const PasswordSchema = Type.String({ minLength: PasswordLimits.min, maxLength: PasswordLimits.max, description: 'At least 12 characters; long passphrases welcome' })
export const EmailSchema = Type.String({ format: 'email', maxLength: 254 })

export const MembershipSchema = Type.Object({
  citySlug: SlugSchema,
  cityName: Type.String(),
  role: RoleSchema,
  organisations: Type.Array(OrganisationRefSchema, { description: 'Editors limited to these bodies\' measures; empty means all measures of the city' }),
}, { title: 'Membership' })
export type Membership = Static<typeof MembershipSchema>

export const MeSchema = Type.Object({
  id: IdSchema,
  email: Type.String(),
  displayName: Type.String(),
  isPlatformAdmin: Type.Boolean(),
  memberships: Type.Array(MembershipSchema),
}, { title: 'Me' })
export type Me = Static<typeof MeSchema>

export const SessionSchema = Type.Object({
  user: Nullable(MeSchema),
  csrfToken: Nullable(Type.String({ description: 'Send as X-CSRF-Token header with every write' })),
  secondFactorRequired: Type.Optional(Type.Boolean({
    description: 'The password was right; send the code to POST /api/session/second-factor to finish signing in',
  })),
  secondFactorEnrolmentRequired: Type.Optional(Type.Boolean({
    description: 'This person must set up a second factor before anything but the session and enrolment routes answers',
  })),
}, { title: 'Session' })
export type Session = Static<typeof SessionSchema>

export const SignInSchema = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: PasswordLimits.max }),
}, { additionalProperties: false, title: 'SignIn' })
export type SignIn = Static<typeof SignInSchema>

export const ChangePasswordSchema = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: PasswordLimits.max }),
  newPassword: PasswordSchema,
}, { additionalProperties: false, title: 'ChangePassword' })
export type ChangePassword = Static<typeof ChangePasswordSchema>

export const AcceptInvitationSchema = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 200 }),
  password: PasswordSchema,
}, { additionalProperties: false, title: 'AcceptInvitation' })
export type AcceptInvitation = Static<typeof AcceptInvitationSchema>

export const InvitationSchema = Type.Object({
  path: Type.String({ description: 'Relative link to hand to the person, e.g. /invitation/…; valid once' }),
  expiresAt: Type.String({ format: 'date-time' }),
}, { title: 'Invitation' })
export type Invitation = Static<typeof InvitationSchema>

export const CityUserSchema = Type.Object({
  id: IdSchema,
  email: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  organisations: Type.Array(OrganisationRefSchema),
  hasPassword: Type.Boolean(),
  version: VersionSchema,
}, { title: 'CityUser' })
export type CityUser = Static<typeof CityUserSchema>

export const CityUserListSchema = Type.Object({ items: Type.Array(CityUserSchema) }, { title: 'CityUserList' })
export type CityUserList = Static<typeof CityUserListSchema>

export const CreateCityUserSchema = Type.Object({
  email: EmailSchema,
  displayName: ShortTextSchema,
  role: RoleSchema,
  organisationIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
  password: Type.Optional(PasswordSchema),
}, { additionalProperties: false, title: 'CreateCityUser', description: 'Without a password the answer carries a one-time invitation link.' })
export type CreateCityUser = Static<typeof CreateCityUserSchema>

export const CreatedCityUserSchema = Type.Object({
  user: CityUserSchema,
  invitation: Nullable(InvitationSchema),
}, { title: 'CreatedCityUser' })
export type CreatedCityUser = Static<typeof CreatedCityUserSchema>

export const UpdateCityUserSchema = Type.Object({
  role: Type.Optional(RoleSchema),
  organisationIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
  displayName: Type.Optional(ShortTextSchema),
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, minProperties: 1, title: 'UpdateCityUser' })
export type UpdateCityUser = Static<typeof UpdateCityUserSchema>

export const CityUserParamsSchema = Type.Object({ city: SlugSchema, id: IdSchema }, { additionalProperties: false })
