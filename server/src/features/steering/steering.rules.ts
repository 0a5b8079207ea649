// The steering group counts its cadence in calendar months, like the attention rules.
export { addMonths } from '../../lib/dates.ts'
