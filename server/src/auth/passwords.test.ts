import { afterEach, describe, expect, it } from 'vitest'
import { allowDemoPasswords, checkPasswordPolicy } from './passwords.ts'

/** The reason the policy gives, or null when the password is accepted. */
function rejection (password: string, context: { email?: string, displayName?: string } = {}) {
  try {
    checkPasswordPolicy(password, context)
    return null
  } catch (error) {
    expect((error as { code: string }).code).toBe('PASSWORD_REJECTED')
    return (error as { extra: { details: { reason: string }[] } }).extra.details[0]!.reason
  }
}

afterEach(() => allowDemoPasswords(false))

describe('checkPasswordPolicy', () => {
  it('accepts long passphrases', () => {
    expect(rejection('eine ganz neue Passphrase')).toBeNull()
    expect(rejection('Tomatensalat mit Basilikum 7')).toBeNull()
  })

  it('refuses passwords from the breached-password list, in any case', () => {
    expect(rejection('1q2w3e4r5t6y')).toBe('common')
    expect(rejection('QWERTYUIOP123')).toBe('common')
    expect(rejection('passwort1234')).toBe('common')
  })

  it('refuses a listed password with digits or punctuation around it', () => {
    expect(rejection('Passwort123!')).toBe('common')
    expect(rejection('Sommer2026!!')).toBe('common')
    expect(rejection('!!Fussball2024')).toBe('common')
    expect(rejection('aaaaaaaaaaaaaa')).toBe('common')
  })

  it('refuses the README\'s demo passwords unless the server runs in demo mode', () => {
    expect(rejection('jena-demo-admin-2022')).toBe('published')
    expect(rejection('jena-demo-editor-2022')).toBe('published')
    allowDemoPasswords(true)
    expect(rejection('jena-demo-admin-2022')).toBeNull()
  })

  it('refuses passwords that contain a part of the name or of the e-mail address', () => {
    const person = { email: 'k.mustermann@jena.de', displayName: 'Kim Mustermann' }
    expect(rejection('Mustermann ist toll', person)).toBe('personal')
    expect(rejection('ich bin kim und sonst nix', person)).toBe('personal')
    expect(rejection('k.mustermann-1990', person)).toBe('personal')
    expect(rejection('ganz andere Passphrase', person)).toBeNull()
  })

  it('checks the length first', () => {
    expect(rejection('kurz')).toBe('too-short')
    expect(rejection('x'.repeat(300))).toBe('too-long')
  })
})
