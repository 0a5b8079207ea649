/**
 * How each of the ten ECCAR commitments is recognised at a glance: a colour and an icon, the same on the web
 * pages, in the charts and in the HTML/PDF report. Neither ever stands alone: the commitment's number and title
 * are always written next to them, so the icon is decorative (aria-hidden) wherever it appears.
 *
 * Every colour reaches at least 4.5:1 against white and against the pages' light surface, so it may colour
 * text, borders and chart marks alike (checked in commitment-identity.test.ts).
 *
 * Icons are drawn on a 24 × 24 grid as stroked outlines (`stroke="currentColor"`, no fill), one path each.
 */
export interface CommitmentIdentity {
  colour: string
  icon: CommitmentIconId
}

export const commitmentIconIds = [
  'eye', 'chart', 'heart', 'megaphone', 'scales', 'briefcase', 'house', 'book', 'circles', 'shield',
] as const
export type CommitmentIconId = (typeof commitmentIconIds)[number]

/** By commitment number: 1 vigilance, 2 monitoring, 3 support for victims, 4 participation, 5 equal opportunities,
 * 6 the city as employer and service provider, 7 housing, 8 education, 9 cultural diversity, 10 hate crimes. */
export const commitmentIdentities: Readonly<Record<number, CommitmentIdentity>> = {
  1: { colour: '#1e4fa3', icon: 'eye' },
  2: { colour: '#6d28d9', icon: 'chart' },
  3: { colour: '#b4235a', icon: 'heart' },
  4: { colour: '#0f766e', icon: 'megaphone' },
  5: { colour: '#8a4b08', icon: 'scales' },
  6: { colour: '#3f5873', icon: 'briefcase' },
  7: { colour: '#2f6b1f', icon: 'house' },
  8: { colour: '#9a3412', icon: 'book' },
  9: { colour: '#a21caf', icon: 'circles' },
  10: { colour: '#b91c1c', icon: 'shield' },
}

export const commitmentIconPaths: Readonly<Record<CommitmentIconId, string>> = {
  eye: 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12Z M9 12a3 3 0 1 0 6 0a3 3 0 1 0-6 0Z',
  chart: 'M3 20h18 M5 20V11 M10 20V5 M15 20v-7 M20 20V8',
  heart: 'M12 20s-7-4.5-9-9.5A4.5 4.5 0 0 1 12 7a4.5 4.5 0 0 1 9 3.5C19 15.5 12 20 12 20Z',
  megaphone: 'M3 10v4h3l6 4V6l-6 4H3Z M16 9a4 4 0 0 1 0 6 M19 6a8 8 0 0 1 0 12',
  scales: 'M12 4v16 M8 20h8 M5 7h14 M5 7l-3 6a3 3 0 0 0 6 0L5 7Z M19 7l-3 6a3 3 0 0 0 6 0l-3-6Z',
  briefcase: 'M3 8h18v12H3Z M8 8V5h8v3 M3 13h18',
  house: 'M3 11l9-8 9 8 M5 9.5V20h14V9.5 M10 20v-6h4v6',
  book: 'M2 5h7a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H2Z M22 5h-7a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h8Z',
  circles: 'M4 9a5 5 0 1 0 10 0a5 5 0 1 0-10 0Z M10 9a5 5 0 1 0 10 0a5 5 0 1 0-10 0Z M7 15a5 5 0 1 0 10 0a5 5 0 1 0-10 0Z',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6l8-3Z M9 12l2 2 4-4',
}

/** A commitment's colour and icon; numbers outside 1–10 get the first one's look (they never reach a page). */
export function commitmentIdentity (number: number): CommitmentIdentity {
  return commitmentIdentities[number] ?? commitmentIdentities[1]!
}
