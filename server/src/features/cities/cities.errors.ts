import { createError } from '../../plugins/errors.ts'

export const CityNotFoundError = createError('CITY_NOT_FOUND', 'City "%s" not found', 404)
/** A city's time zone (settings, reminder settings) must be one the runtime's IANA database knows. */
export const TimeZoneUnknownError = createError('TIME_ZONE_UNKNOWN', 'Unknown time zone "%s"; use an IANA name such as Europe/Berlin', 400)
export const CityExistsError = createError('CITY_EXISTS', 'A city with the identifier "%s" already exists', 409)
