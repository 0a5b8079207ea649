import { Type, type Static } from 'typebox'
import { Limits, PasswordLimits } from './limits.ts'
import { IdSchema, Nullable, ShortTextSchema, SlugSchema, VersionSchema } from './common.ts'
import { OrganisationRefSchema } from './organisations.ts'
import { RoleSchema } from './vocabulary-schemas.ts'

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

export const CreateCityUserSchema = Type.Object({
  email: EmailSchema,
  displayName: ShortTextSchema,
  role: RoleSchema,
  organisationIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
}, {
  additionalProperties: false,
  title: 'CreateCityUser',
  description: 'Invites the address to the city. The answer is the same whether or not the address has an account; the name is used only if the person creates a new one.',
})
export type CreateCityUser = Static<typeof CreateCityUserSchema>

export const PendingInvitationSchema = Type.Object({
  id: IdSchema,
  email: Type.String(),
  displayName: Type.String({ description: 'The name a new account starts with; an existing account keeps its own' }),
  role: RoleSchema,
  organisations: Type.Array(OrganisationRefSchema),
  expiresAt: Type.String({ format: 'date-time' }),
  expired: Type.Boolean(),
}, { title: 'PendingInvitation', description: 'An invitation to the city the person has not accepted yet' })
export type PendingInvitation = Static<typeof PendingInvitationSchema>

export const CityUserListSchema = Type.Object({
  items: Type.Array(CityUserSchema),
  pending: Type.Array(PendingInvitationSchema, { description: 'Invitations not accepted yet' }),
}, { title: 'CityUserList' })
export type CityUserList = Static<typeof CityUserListSchema>

export const CreatedCityInvitationSchema = Type.Object({
  pending: PendingInvitationSchema,
  link: InvitationSchema,
}, { title: 'CreatedCityInvitation' })
export type CreatedCityInvitation = Static<typeof CreatedCityInvitationSchema>

export const InvitationParamsSchema = Type.Object({ city: SlugSchema, id: IdSchema }, { additionalProperties: false })

export const InvitationTokenParamsSchema = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) }, { additionalProperties: false })

export const InvitationInfoSchema = Type.Object({
  kind: Type.Union([Type.Literal('city'), Type.Literal('password')], { description: 'city: an invitation to a city; password: a link to set the password of an account' }),
  cityName: Nullable(Type.String()),
  role: Nullable(RoleSchema),
  needsPassword: Type.Boolean({ description: 'true: choose a password with the link; false: sign in with your account and accept' }),
}, { title: 'InvitationInfo' })
export type InvitationInfo = Static<typeof InvitationInfoSchema>

export const JoinCitySchema = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 200 }),
}, { additionalProperties: false, title: 'JoinCity' })
export type JoinCity = Static<typeof JoinCitySchema>

export const PasswordResetRequestSchema = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
}, { additionalProperties: false, title: 'PasswordResetRequest' })
export type PasswordResetRequest = Static<typeof PasswordResetRequestSchema>

export const PasswordResetAcceptedSchema = Type.Object({
  message: Type.String(),
}, { title: 'PasswordResetAccepted', description: 'The same answer whether or not the address has an account' })

export const PasswordResetConfirmSchema = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 200 }),
  password: PasswordSchema,
}, { additionalProperties: false, title: 'PasswordResetConfirm' })
export type PasswordResetConfirm = Static<typeof PasswordResetConfirmSchema>

export const SetupStateSchema = Type.Object({
  needsCity: Type.Boolean({ description: 'There is no city yet: the form also asks for the first city' }),
}, { title: 'SetupState' })
export type SetupState = Static<typeof SetupStateSchema>

export const CompleteSetupSchema = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 200 }),
  email: EmailSchema,
  displayName: ShortTextSchema,
  password: PasswordSchema,
  city: Type.Optional(Type.Object({ slug: SlugSchema, name: ShortTextSchema }, { additionalProperties: false })),
}, { additionalProperties: false, title: 'CompleteSetup' })
export type CompleteSetup = Static<typeof CompleteSetupSchema>

export const UpdateCityUserSchema = Type.Object({
  role: Type.Optional(RoleSchema),
  organisationIds: Type.Optional(Type.Array(IdSchema, { maxItems: 50, uniqueItems: true })),
  displayName: Type.Optional(Type.String({ minLength: 1, maxLength: Limits.shortText, description: 'Platform administrators only: a name belongs to its owner' })),
  version: Type.Optional(VersionSchema),
}, { additionalProperties: false, minProperties: 1, title: 'UpdateCityUser' })
export type UpdateCityUser = Static<typeof UpdateCityUserSchema>

export const CityUserParamsSchema = Type.Object({ city: SlugSchema, id: IdSchema }, { additionalProperties: false })
