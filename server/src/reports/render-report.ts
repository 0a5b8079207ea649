import { reportFormats, reportKinds, reportLanguages, reportLangs, type ReportFormat, type ReportKind, type ReportLang, type ReportSnapshot } from '@eccar/shared'
import { buildReportModel } from './report-model.ts'
import { periodSlug } from './report-text.ts'
import { renderHtml } from './render-html.ts'
import { upgradeSnapshot, type StoredSnapshot } from './snapshot-upgrade.ts'
import { ReportLanguageUnavailableError, ReportOptionsInvalidError, ReportSnapshotUnsupportedError } from './reports.errors.ts'

export interface RenderReportOptions {
  kind: ReportKind
  format: ReportFormat
  /** Defaults to English for the ECCAR report and German for the council report. */
  lang?: ReportLang
}

export interface RenderedReport {
  body: Buffer | string
  contentType: string
  fileName: string
}

export const reportContentTypes: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
}

/** ASCII-only, e.g. `jena-eccar-report-2022-2023-en.pdf`. */
export function reportFileName (snapshot: ReportSnapshot, kind: ReportKind, format: ReportFormat, lang: ReportLang): string {
  const city = snapshot.city.slug.normalize('NFKD').replace(/[^a-zA-Z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'city'
  return `${city}-${kind}-report-${periodSlug(snapshot.cycle.periodStart, snapshot.cycle.periodEnd)}-${lang}.${format}`
}

/**
 * Renders a report from a snapshot alone (no database, no HTTP). Throws
 * `ReportLanguageUnavailableError` (400) for an English council report and
 * `ReportOptionsInvalidError` (400) for an unknown kind, format or language.
 */
export async function renderReport (stored: ReportSnapshot | StoredSnapshot, options: RenderReportOptions): Promise<RenderedReport> {
  const { kind, format } = options
  if (!reportKinds.includes(kind)) throw new ReportOptionsInvalidError('kind', String(kind))
  if (!reportFormats.includes(format)) throw new ReportOptionsInvalidError('format', String(format))
  const lang = options.lang ?? reportLanguages[kind][0]!
  if (!reportLangs.includes(lang)) throw new ReportOptionsInvalidError('language', String(lang))
  if (!reportLanguages[kind].includes(lang)) throw new ReportLanguageUnavailableError(kind)
  if (stored.formatVersion !== 1 && stored.formatVersion !== 2) throw new ReportSnapshotUnsupportedError(String((stored as { formatVersion: unknown }).formatVersion))
  const snapshot = upgradeSnapshot(stored)

  const fileName = reportFileName(snapshot, kind, format, lang)
  const contentType = reportContentTypes[format]
  if (format === 'json') return { body: `${JSON.stringify(snapshot, null, 2)}\n`, contentType, fileName }

  const model = buildReportModel(snapshot, kind, lang)
  switch (format) {
    case 'html': return { body: renderHtml(model), contentType, fileName }
    // The Word and PDF libraries take a quarter of a second each to load: loaded on the first such
    // export (or the warm-up after start), not while the server starts.
    case 'docx': return { body: await (await import('./render-docx.ts')).renderDocx(model), contentType, fileName }
    case 'pdf': return { body: await (await import('./render-pdf.ts')).renderPdf(model), contentType, fileName }
  }
}
