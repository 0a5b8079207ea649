import { createError } from '../../plugins/errors.ts'

export const SetupLinkInvalidError = createError('SETUP_LINK_INVALID', 'This setup link is unknown, used or expired, or the platform already has an administrator; restart the server for a new link or use the command line', 400)
export const SetupCityRequiredError = createError('SETUP_CITY_REQUIRED', 'There is no city yet: give the first city\'s name and short name', 400)
