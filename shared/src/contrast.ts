/**
 * WCAG 2.1 contrast ratio of two sRGB colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). Plain
 * functions without TypeBox: the server refuses a city's accent colour with them and the branding form shows
 * the same ratios before anything is sent.
 */
export const hexColourPattern = '^#[0-9a-fA-F]{6}$'

function channel (value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

/** Relative luminance of `#rrggbb`. */
export function luminance (hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
}

export function contrastRatio (a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** Normal-size text needs 4.5:1 (success criterion 1.4.3, level AA). */
export const minimumTextContrast = 4.5

/**
 * Where the accent colour is used on the public pages: as link and heading text on the page, on its grey panels
 * and on table stripes, and as the background of white button text. Each pairing must reach 4.5:1.
 */
export const accentPairings = [
  { against: '#ffffff', use: 'page' },
  { against: '#f5f6f8', use: 'panel' },
  { against: '#e9ecf1', use: 'stripe' },
] as const
export type AccentUse = (typeof accentPairings)[number]['use']

export interface AccentCheck { use: AccentUse, against: string, ratio: number, passes: boolean }

/** Every pairing with its ratio rounded down to two decimals (so 4.499 never shows as a passing 4.50). */
export function checkAccent (accent: string): AccentCheck[] {
  return accentPairings.map(({ against, use }) => {
    const ratio = contrastRatio(accent, against)
    return { use, against, ratio: Math.floor(ratio * 100) / 100, passes: ratio >= minimumTextContrast }
  })
}
