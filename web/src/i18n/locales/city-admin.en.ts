// English texts of the platform's cities and a city's settings; exactly the keys of city-admin.de.ts.
import type { CityAdminMessageSchema } from './city-admin.de'

const cities = {
  title: 'Cities',
  intro: 'As an operator of this installation you add a city here and invite its first administrator. Everything else (plan, bodies, people, settings) the city looks after itself.',
  onlyPlatform: 'Only the operators of this installation can add cities.',
  listHeading: 'Cities on this installation',
  count: 'No city | 1 city | {n} cities',
  empty: 'No city yet.',
  name: 'Name',
  slug: 'Short name in the address',
  open: 'Administration',
  settings: 'Settings',
  page: 'Page {page} of {pages}',
  previous: 'Previous page',
  next: 'Next page',
  pagination: 'Pages of the list of cities',
  createHeading: 'Add a city',
  nameHint: 'How the city appears on every page, for example "Jena".',
  slugHint: 'Lower-case letters, digits and hyphens, for example "jena"; becomes part of every address of the city and cannot be changed later.',
  create: 'Add city',
  created: '{name} has been added.',
  inviteHeading: 'Invite the first administrator of {name}',
  inviteIntro: 'The person receives an invitation by e-mail and chooses a password with its link. As the city\'s administrator they can then invite everyone else.',
  skipInvite: 'Invite later',
  validation: {
    slug: 'Only lower-case letters, digits and single hyphens, 2 to 60 characters.',
    slugTaken: 'A city already has this short name.',
  },
}

const settings = {
  title: 'City settings',
  intro: 'How often the steering group meets, when a measure without reports stands out, from which count incident figures are published, and in which time zone the city counts its days.',
  saved: 'The settings have been saved.',
  cadence: 'Steering-group meeting cadence (months)',
  cadenceHint: 'The next meeting is due this many months after the last.',
  stale: 'Months without a report until a measure stands out',
  staleHint: 'Used by "Needs attention" and the reminders.',
  threshold: 'Minimum count for published incident figures',
  thresholdHint: 'Smaller counts are withheld from releases (at least {min}); applies to releases prepared afterwards.',
  timeZone: 'Time zone',
  timeZoneHint: 'The city\'s "today": the date of status reports, due and late measures, reminders and reports follow this time zone.',
  timeZoneSearch: 'Search time zones',
  timeZoneSearchHint: 'Narrows the list below, for example "Berlin".',
  timeZoneMatches: 'No time zone matches | 1 time zone matches | {n} time zones match',
  validation: {
    months: 'Please enter a whole number from 1 to 60.',
    threshold: 'Please enter a whole number from 3 to 20.',
    timeZone: 'Please choose a time zone from the list.',
  },
}

const workspaceFilters = {
  label: 'Filter my measures and "needs attention"',
  organisation: 'Body',
  allOrganisations: 'All bodies',
  staleMonths: 'Months without a report',
  staleMonthsHint: 'After this many months without a report a measure needs attention (1 to 60); empty: the city\'s setting.',
  apply: 'Apply filters',
  reset: 'Reset filters',
}

const cityAdminEn: CityAdminMessageSchema = { cityAdmin: { cities, settings, workspaceFilters } }

export default cityAdminEn
