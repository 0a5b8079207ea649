/**
 * The reports a cycle can be exported as: kinds, file formats and the languages each kind is written in.
 * Plain data, so the API's query schemas, the renderers and the web app's export panel share one list.
 */
export const reportKinds = ['eccar', 'council'] as const
export type ReportKind = (typeof reportKinds)[number]

/** In the order the export panel offers them; PDF is the default. */
export const reportFormats = ['pdf', 'docx', 'html', 'json'] as const
export type ReportFormat = (typeof reportFormats)[number]

export const reportLangs = ['en', 'de'] as const
export type ReportLang = (typeof reportLangs)[number]

/** The languages each kind is written in; the first is its default (the council reads German only). */
export const reportLanguages: Readonly<Record<ReportKind, readonly ReportLang[]>> = {
  eccar: ['en', 'de'],
  council: ['de'],
}

/** The language to use for a kind: the chosen one when that kind offers it, else the kind's default. */
export function languageFor (kind: ReportKind, chosen: ReportLang | undefined): ReportLang {
  const offered = reportLanguages[kind]
  return chosen !== undefined && offered.includes(chosen) ? chosen : offered[0] ?? 'de'
}
