import createError from '@fastify/error'

export const IndicatorNotPublishedError = createError('INDICATOR_NOT_FOUND', 'Indicator %s is not a published indicator of this plan', 404)
export const NoPublishedIncidentsError = createError('INCIDENT_RELEASE_NOT_FOUND', 'City "%s" has published no incident figures', 404)
