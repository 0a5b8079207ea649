import { describe, expect, it } from 'vitest'
import { commitmentIconIds, commitmentIconPaths, commitmentIdentities, commitmentIdentity } from './commitment-identity.ts'

// WCAG 2.x relative luminance and contrast ratio.
function luminance (hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('commitment identities', () => {
  const all = Object.entries(commitmentIdentities)

  it('gives each of the ten commitments its own colour and its own icon', () => {
    expect(all.map(([n]) => Number(n))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(new Set(all.map(([, i]) => i.colour)).size).toBe(10)
    expect(new Set(all.map(([, i]) => i.icon))).toEqual(new Set(commitmentIconIds))
  })

  it('keeps every colour readable as text on white and on the light surface (4.5:1)', () => {
    for (const [, { colour }] of all) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/)
      expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5)
      expect(contrast(colour, '#f5f6f8')).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('draws every icon as one path inside the 24 × 24 grid', () => {
    for (const id of commitmentIconIds) {
      const path = commitmentIconPaths[id]
      expect(path).toMatch(/^M[\d\s.,MLHVCSQTAZmlhvcsqtaz-]+$/)
      const absolute = [...path.matchAll(/([ML])\s*(-?[\d.]+)[\s,]+(-?[\d.]+)/g)].map((m) => [Number(m[2]), Number(m[3])])
      for (const [x, y] of absolute) {
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(24)
        expect(y).toBeGreaterThanOrEqual(0)
        expect(y).toBeLessThanOrEqual(24)
      }
    }
  })

  it('looks up a commitment by its number', () => {
    expect(commitmentIdentity(7)).toEqual({ colour: '#2f6b1f', icon: 'house' })
  })
})
