import { createError } from '../../plugins/errors.ts'

export const SteeringMemberNotFoundError = createError('STEERING_MEMBER_NOT_FOUND', 'Steering-group member %s not found', 404)
export const SteeringMeetingNotFoundError = createError('STEERING_MEETING_NOT_FOUND', 'Steering-group meeting %s not found', 404)
export const SteeringAttendeeUnknownError = createError('STEERING_ATTENDEE_UNKNOWN', 'Member %s is not a member of this city\'s steering group', 400)
export const SteeringMeasureUnknownError = createError('STEERING_MEASURE_UNKNOWN', 'Measure %s is not a measure of this city', 400)
