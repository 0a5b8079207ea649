import type { PublicReport } from '@eccar/shared'

/** The versions of a submitted report a visitor can read: ECCAR in English and German, the council's in German. */
export const publicReportVersions = [
  { key: 'eccarEn', kind: 'eccar', lang: 'en' },
  { key: 'eccarDe', kind: 'eccar', lang: 'de' },
  { key: 'council', kind: 'council', lang: 'de' },
] as const
export type PublicReportVersion = (typeof publicReportVersions)[number]

/**
 * The address of one version of a report: the API's `htmlUrl` (the ECCAR report in English) with the
 * kind and language set. Only the path and query are kept: reports are always read from this site.
 */
export function publicReportHref (report: Pick<PublicReport, 'htmlUrl'>, version: PublicReportVersion): string {
  const url = new URL(report.htmlUrl, 'http://same-origin.invalid')
  if (version.kind === 'eccar') url.searchParams.delete('kind')
  else url.searchParams.set('kind', version.kind)
  url.searchParams.set('lang', version.lang)
  return `${url.pathname}${url.search}`
}
