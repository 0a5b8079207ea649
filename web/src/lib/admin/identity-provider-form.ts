import { IdentityProviderLimits, roles, type GroupRole, type IdentityProvider, type PutIdentityProvider, type Role } from '@eccar/shared'
import type { FieldErrors } from '@/composables/admin/useVersionedForm'

export interface IdentityProviderFormValues {
  [key: string]: unknown
  displayName: string
  issuer: string
  clientId: string
  /** Empty keeps the stored secret. */
  clientSecret: string
  removeClientSecret: boolean
  emailClaim: string
  groupsClaim: string
  /** One line per group: `group = role`. */
  groupRoles: string
  allowSelfRegistration: boolean
  enabled: boolean
}

export const identityProviderFieldOrder = [
  'displayName', 'issuer', 'clientId', 'clientSecret', 'removeClientSecret', 'emailClaim', 'groupsClaim', 'groupRoles',
  'allowSelfRegistration', 'enabled',
] as const

export const emptyIdentityProviderForm = (): IdentityProviderFormValues => ({
  displayName: '', issuer: 'https://', clientId: '', clientSecret: '', removeClientSecret: false, emailClaim: 'email',
  groupsClaim: '', groupRoles: '', allowSelfRegistration: false, enabled: true,
})

export const formatGroupRoles = (groupRoles: readonly GroupRole[]) => groupRoles.map((g) => `${g.group} = ${g.role}`).join('\n')

export const identityProviderToForm = (p: IdentityProvider): IdentityProviderFormValues => ({
  displayName: p.displayName, issuer: p.issuer, clientId: p.clientId, clientSecret: '', removeClientSecret: false,
  emailClaim: p.emailClaim, groupsClaim: p.groupsClaim ?? '', groupRoles: formatGroupRoles(p.groupRoles),
  allowSelfRegistration: p.allowSelfRegistration, enabled: p.enabled,
})

const roleSet = new Set<string>(roles)

/** `group = role` lines into pairs; null if a line does not have that shape or names an unknown role. */
export function parseGroupRoles (text: string): GroupRole[] | null {
  const result: GroupRole[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const at = line.lastIndexOf('=')
    if (at <= 0) return null
    const group = line.slice(0, at).trim()
    const role = line.slice(at + 1).trim()
    if (!group || group.length > IdentityProviderLimits.group || !roleSet.has(role)) return null
    result.push({ group, role: role as Role })
  }
  return result.length > IdentityProviderLimits.groupRoles ? null : result
}

export function validateIdentityProvider (v: IdentityProviderFormValues): FieldErrors {
  const errors: FieldErrors = {}
  if (!v.displayName.trim()) errors.displayName = 'admin.validation.required'
  if (!/^https?:\/\/[^\s?#/]+[^\s?#]*$/.test(v.issuer.trim())) errors.issuer = 'admin.validation.issuer'
  if (!v.clientId.trim()) errors.clientId = 'admin.validation.required'
  if (!/^\S+$/.test(v.emailClaim.trim())) errors.emailClaim = 'admin.validation.claim'
  if (v.groupsClaim.trim() && !/^\S+$/.test(v.groupsClaim.trim())) errors.groupsClaim = 'admin.validation.claim'
  const groupRoles = parseGroupRoles(v.groupRoles)
  if (groupRoles === null) errors.groupRoles = 'admin.validation.groupRoles'
  else if (groupRoles.length > 0 && !v.groupsClaim.trim()) errors.groupsClaim = 'admin.validation.groupsClaimRequired'
  return errors
}

/** The whole settings as the API replaces them; an empty secret field keeps the stored secret. */
export function identityProviderToBody (v: IdentityProviderFormValues): PutIdentityProvider {
  return {
    displayName: v.displayName.trim(),
    issuer: v.issuer.trim(),
    clientId: v.clientId.trim(),
    ...(v.clientSecret ? { clientSecret: v.clientSecret } : v.removeClientSecret ? { removeClientSecret: true } : {}),
    emailClaim: v.emailClaim.trim(),
    groupsClaim: v.groupsClaim.trim() || null,
    groupRoles: parseGroupRoles(v.groupRoles) ?? [],
    allowSelfRegistration: v.allowSelfRegistration,
    enabled: v.enabled,
  }
}
