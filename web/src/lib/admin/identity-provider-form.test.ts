import type { IdentityProvider } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import {
  emptyIdentityProviderForm, identityProviderToBody, identityProviderToForm, parseGroupRoles, validateIdentityProvider,
} from './identity-provider-form'

const stored: IdentityProvider = {
  displayName: 'Stadtverwaltung Jena', issuer: 'https://login.jena.de/realms/stadt', clientId: 'aktionsplan', hasClientSecret: true,
  emailClaim: 'email', groupsClaim: 'groups', groupRoles: [{ group: 'aktionsplan-redaktion', role: 'editor' }],
  allowSelfRegistration: false, enabled: true, redirectUri: 'https://aktionsplan.jena.de/api/auth/oidc/jena/callback', version: 3,
  updatedAt: '2026-12-01T10:00:00.000Z',
}

describe('identity provider form', () => {
  it('reads group roles one per line and refuses lines without a known role', () => {
    expect(parseGroupRoles(' a = admin \n\nCN=Redaktion,OU=Gruppen = editor\n')).toEqual([
      { group: 'a', role: 'admin' }, { group: 'CN=Redaktion,OU=Gruppen', role: 'editor' },
    ])
    expect(parseGroupRoles('redaktion = owner')).toBeNull()
    expect(parseGroupRoles('redaktion')).toBeNull()
  })

  it('keeps the stored secret unless a new one is typed or removal is asked for', () => {
    const form = identityProviderToForm(stored)
    expect(form.clientSecret).toBe('')
    expect(identityProviderToBody(form)).not.toHaveProperty('clientSecret')
    expect(identityProviderToBody({ ...form, clientSecret: 'neu' })).toMatchObject({ clientSecret: 'neu' })
    expect(identityProviderToBody({ ...form, removeClientSecret: true })).toMatchObject({ removeClientSecret: true })
    expect(identityProviderToBody(form)).toMatchObject({ groupRoles: stored.groupRoles, groupsClaim: 'groups' })
  })

  it('names every field that needs attention', () => {
    expect(validateIdentityProvider(emptyIdentityProviderForm())).toEqual({
      displayName: 'admin.validation.required', issuer: 'admin.validation.issuer', clientId: 'admin.validation.required',
    })
    const form = { ...identityProviderToForm(stored), groupsClaim: '', emailClaim: 'e mail', groupRoles: 'x = boss' }
    expect(validateIdentityProvider(form)).toEqual({ emailClaim: 'admin.validation.claim', groupRoles: 'admin.validation.groupRoles' })
    expect(validateIdentityProvider({ ...form, emailClaim: 'email', groupRoles: 'x = viewer' })).toEqual({ groupsClaim: 'admin.validation.groupsClaimRequired' })
  })
})
