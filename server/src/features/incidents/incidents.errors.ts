import { createError } from '../../plugins/errors.ts'

export const IncidentPeriodTooShortError = createError('INCIDENT_PERIOD_TOO_SHORT', 'A period runs at least six months; %s to %s is shorter', 400)
export const IncidentPeriodOverlapError = createError('INCIDENT_PERIOD_OVERLAP', 'The period overlaps the entered period %s to %s', 409)
export const IncidentPeriodNotFoundError = createError('INCIDENT_PERIOD_NOT_FOUND', 'No counts were entered for %s to %s', 404)
export const IncidentCellDuplicateError = createError('INCIDENT_CELL_DUPLICATE', 'The counts name %s more than once', 400)
export const IncidentReleaseNotFoundError = createError('INCIDENT_RELEASE_NOT_FOUND', 'Incident release %s not found', 404)
export const IncidentReleasePeriodOpenError = createError('INCIDENT_RELEASE_PERIOD_OPEN', 'The period %s to %s has not ended yet; only closed periods are released', 400)
export const IncidentReleasePendingError = createError('INCIDENT_RELEASE_PENDING', 'The period already has an unpublished release (%s); publish or delete it first', 409)
export const IncidentReleaseUnchangedError = createError('INCIDENT_RELEASE_UNCHANGED', 'The counts equal the published version %s of the period', 409)
export const IncidentReleaseStateError = createError('INCIDENT_RELEASE_STATE', 'A %s release cannot be %s', 409)
export const IncidentReleaseAuditStaleError = createError('INCIDENT_RELEASE_AUDIT_STALE', 'Another release was published after this audit; audit again', 409)
