import { describe, expect, it } from 'vitest'
import { newPasswordErrors, rejectedPasswordKey, waitParts } from './passwords'

describe('newPasswordErrors', () => {
  it('needs 12 characters and the same text twice', () => {
    expect(newPasswordErrors('short', 'short')).toEqual({ password: 'passwordTooShort', confirm: null })
    expect(newPasswordErrors('a long passphrase', 'a long passphrase!')).toEqual({ password: null, confirm: 'passwordMismatch' })
    expect(newPasswordErrors('a long passphrase', 'a long passphrase')).toEqual({ password: null, confirm: null })
    expect(newPasswordErrors('x'.repeat(257), 'x'.repeat(257))).toEqual({ password: 'passwordTooLong', confirm: null })
  })
})

describe('waitParts', () => {
  it('says seconds below a minute, else whole minutes rounded up', () => {
    expect(waitParts(42)).toEqual({ unit: 'seconds', n: 42 })
    expect(waitParts(60)).toEqual({ unit: 'minutes', n: 1 })
    expect(waitParts(541)).toEqual({ unit: 'minutes', n: 10 })
    expect(waitParts(0)).toEqual({ unit: 'seconds', n: 1 })
  })
})

describe('rejectedPasswordKey', () => {
  it('names the reason the server gave, or falls back to the general text', () => {
    expect(rejectedPasswordKey({ code: 'PASSWORD_REJECTED', details: [{ path: '', reason: 'common' }] })).toBe('passwordRejectedCommon')
    expect(rejectedPasswordKey({ details: [{ path: '', reason: 'published' }] })).toBe('passwordRejectedPublished')
    expect(rejectedPasswordKey({ details: [{ path: '', reason: 'personal' }] })).toBe('passwordRejectedPersonal')
    expect(rejectedPasswordKey({ details: [{ path: '', reason: 'too-short' }] })).toBe('passwordTooShort')
    expect(rejectedPasswordKey({ details: [{ path: '', reason: 'toString' }] })).toBe('passwordRejected')
    expect(rejectedPasswordKey(null)).toBe('passwordRejected')
  })
})
