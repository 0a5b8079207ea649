import createError from '@fastify/error'

export const IncidentPeriodTooShortError = createError('INCIDENT_PERIOD_TOO_SHORT', 'A period runs at least six months; %s to %s is shorter', 400)
export const IncidentPeriodIncompleteError = createError('INCIDENT_PERIOD_INCOMPLETE', 'Send both periodStart and periodEnd, or neither for all periods', 400)
export const IncidentPeriodOverlapError = createError('INCIDENT_PERIOD_OVERLAP', 'The period overlaps the entered period %s to %s', 409)
export const IncidentPeriodNotFoundError = createError('INCIDENT_PERIOD_NOT_FOUND', 'No counts were entered for %s to %s', 404)
export const IncidentCellDuplicateError = createError('INCIDENT_CELL_DUPLICATE', 'The counts name %s more than once', 400)
