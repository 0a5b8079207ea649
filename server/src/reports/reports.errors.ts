import { createError } from '../plugins/errors.ts'

export const ReportLanguageUnavailableError = createError(
  'REPORT_LANGUAGE_UNAVAILABLE', 'The %s report is only available in German (lang=de)', 400,
)
export const ReportOptionsInvalidError = createError('REPORT_OPTIONS_INVALID', 'Unknown report %s: %s', 400)
export const ReportSnapshotUnsupportedError = createError(
  'REPORT_SNAPSHOT_UNSUPPORTED', 'Report snapshots of format version %s cannot be rendered', 500,
)
