import { createError } from '../../plugins/errors.ts'

export const CityNotFoundError = createError('CITY_NOT_FOUND', 'City "%s" not found', 404)
export const CityExistsError = createError('CITY_EXISTS', 'A city with the identifier "%s" already exists', 409)
