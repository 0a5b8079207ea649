import { describe, expect, it } from 'vitest'
import { createSecretBox, hashRecoveryCode, newRecoveryCodes, secondFactorRequiredFor } from './second-factor.ts'

const key = 'a-test-key-of-at-least-32-characters-length'
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

describe('createSecretBox', () => {
  it('seals a secret so that only the same key and account open it', () => {
    const sealed = createSecretBox(key).seal(7, secret)
    expect(sealed).toMatch(/^v1\./)
    expect(sealed).not.toContain(secret)
    expect(createSecretBox(key).open(7, sealed)).toBe(secret)
    expect(() => createSecretBox(key).open(8, sealed)).toThrow()
    expect(() => createSecretBox(`${key}-other`).open(7, sealed)).toThrow()
    expect(() => createSecretBox(undefined).open(7, sealed)).toThrow(/SECRET_KEY/)
  })

  it('keeps secrets as they are without a key, and opens those stored before a key was set', () => {
    expect(createSecretBox(undefined).seal(7, secret)).toBe(secret)
    expect(createSecretBox(key).open(7, secret)).toBe(secret)
  })
})

describe('recovery codes', () => {
  it('are ten different codes whose hash ignores case, spaces and dashes', () => {
    const codes = newRecoveryCodes()
    expect(new Set(codes).size).toBe(10)
    expect(hashRecoveryCode(codes[0]!)).toBe(hashRecoveryCode(` ${codes[0]!.toUpperCase().replace('-', ' ')} `))
  })
})

describe('secondFactorRequiredFor', () => {
  const editor = { isPlatformAdmin: false, cities: new Map([[1, { role: 'editor' as const, organisationIds: [] }]]) }
  const admin = { isPlatformAdmin: false, cities: new Map([[1, { role: 'editor' as const, organisationIds: [] }], [2, { role: 'admin' as const, organisationIds: [] }]]) }
  const platform = { isPlatformAdmin: true, cities: new Map() }

  it('applies "admins" to an admin of any city and to platform administrators', () => {
    expect([editor, admin, platform].map((p) => secondFactorRequiredFor('admins', p))).toEqual([false, true, true])
    expect([editor, admin, platform].map((p) => secondFactorRequiredFor('all', p))).toEqual([true, true, true])
    expect([editor, admin, platform].map((p) => secondFactorRequiredFor('none', p))).toEqual([false, false, false])
  })
})
