export { renderReport, reportFileName } from './render-report.ts'
export { warmUpReportRenderers } from './warm-up.ts'
