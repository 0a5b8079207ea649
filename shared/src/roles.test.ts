import { describe, expect, it } from 'vitest'
import { roleAtLeast } from './roles.ts'

describe('roleAtLeast', () => {
  it('orders viewer < editor < admin, and no role never suffices', () => {
    expect(roleAtLeast('admin', 'editor')).toBe(true)
    expect(roleAtLeast('editor', 'editor')).toBe(true)
    expect(roleAtLeast('viewer', 'editor')).toBe(false)
    expect(roleAtLeast(null, 'viewer')).toBe(false)
  })
  it('ranks the anti-discrimination office like a viewer', () => {
    expect(roleAtLeast('incidents', 'viewer')).toBe(true)
    expect(roleAtLeast('incidents', 'editor')).toBe(false)
  })
})
