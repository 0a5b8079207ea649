export { renderReport, reportContentTypes, reportFileName, type RenderReportOptions, type RenderedReport } from './render-report.ts'
export { ReportLanguageUnavailableError, ReportOptionsInvalidError, ReportSnapshotUnsupportedError } from './reports.errors.ts'
export { warmUpReportRenderers } from './warm-up.ts'
export type { ReportLang } from './report-text.ts'
