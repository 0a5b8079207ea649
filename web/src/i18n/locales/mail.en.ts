// English texts of the mail pages; exactly the keys of mail.de.ts.
import type { MailMessageSchema } from './mail.de'

const kinds = {
  deadlineReminders: 'Deadline reminders',
  weeklyDigest: 'Weekly digest',
  meetingDue: 'Steering-group meeting due',
  cycleChanges: 'Reporting-cycle changes',
  invitation: 'Invitation',
  passwordReset: 'Password reset',
  secondFactorReset: 'Second-factor reset',
}

const explain = {
  deadlineReminders: 'Before the end date of your measures and before a report is due, at the times your city sets (for example 4 weeks and 1 week before, on the day, 1 week after).',
  weeklyDigest: 'Once a week on the day you choose: your measures that are delayed, overdue or not updated for long, and what changed in your city last week.',
  meetingDue: 'When the steering group\'s next meeting is due by your city\'s cadence.',
  cycleChanges: 'When a reporting cycle goes into review, is approved or is submitted (for the administration and the steering group).',
}

const notifications = {
  title: 'My notifications',
  intro: 'Choose which e-mails you receive, on which day the weekly digest comes and in which language. Every e-mail also has a link that unsubscribes you from its kind with one click.',
  kindsLegend: 'Which e-mails would you like to receive?',
  accountMails: 'Invitations and links to reset your password or second factor always come; they cannot be unsubscribed.',
  digestDay: 'Day of the weekly digest',
  digestDayHint: 'The weekly digest arrives in the morning of this day.',
  language: 'Language of the e-mails',
  saved: 'Your settings are saved.',
  save: 'Save settings',
}

const unsubscribe = {
  title: 'Unsubscribe from e-mails',
  kindIs: 'This link belongs to the e-mails "{kind}".',
  question: 'Would you like to stop receiving these e-mails? One click is enough; you do not need to sign in.',
  button: 'Unsubscribe from "{kind}"',
  sending: 'Unsubscribing …',
  done: 'Done: you will no longer receive the e-mails "{kind}".',
  already: 'These e-mails are unsubscribed already: you will no longer receive the e-mails "{kind}".',
  settingsLink: 'Set all your notifications (after signing in)',
  unknown: 'This unsubscribe link is not valid. Please use the link from a more recent e-mail, or set your notifications after signing in.',
  failed: 'Unsubscribing did not work. Please try again.',
}

const outbox = {
  title: 'Outbox',
  intro: 'Every e-mail the application has sent or is about to send to people of your city, newest first: reminders, digests, invitations and reset links.',
  heldNotice: 'Held e-mails: no mail server is set up. You can read these e-mails here; they are not sent.',
  empty: 'The outbox is empty.',
  caption: 'E-mails, page {page} of {pages} ({total} in all)',
  columns: { kind: 'Kind', recipient: 'To', subject: 'Subject', createdAt: 'Created', state: 'State', attempts: 'Attempts' },
  states: {
    held: 'held (no mail server)',
    queued: 'waiting to be sent',
    sent: 'sent',
    retrying: 'sending failed, another attempt is planned',
    failed: 'failed for good',
  },
  sentAt: 'sent on {date}',
  lastError: 'Reason: {reason}',
  lastErrorLabel: 'Last failure',
  errors: { connection: 'mail server not reachable', rejected: 'refused by the mail server', temporary: 'temporary mail server error', unknown: 'unknown error' },
  pagination: 'Pages of the outbox',
  previous: 'Previous page',
  next: 'Next page',
  pageOf: 'Page {page} of {pages}',
  back: 'Back to the outbox',
  mailHeading: 'E-mail: {subject}',
  facts: 'About this e-mail',
  language: 'Language',
  languages: { de: 'German', en: 'English' },
  textVersion: 'Content (text version)',
  htmlVersion: 'View the HTML version',
  htmlNote: 'The HTML version is shown sealed off: without scripts, forms and remote images, and without its embedded styles, which the application\'s security rules block. Read the text version for the content.',
  htmlFrameTitle: 'HTML version of the e-mail "{subject}"',
  noBody: 'The content is not kept: this e-mail went out through the mail server; only recipient, kind, subject and state are stored.',
}

const reminders = {
  title: 'Reminders',
  intro: 'When the application reminds of a measure\'s end date and of a report\'s due date. Reminders go first to the people of the lead and involved bodies; later steps also reach the steering group and finally the plan\'s administration.',
  timeZone: 'The city\'s time zone',
  timeZoneHint: 'Decides when "on the day" is, and when reminders and weekly digests go out.',
  stepsLegend: 'When reminders go out',
  stepsHint: '1 to 6 times: up to 120 days before, on the day, or up to 60 days after. Each time only once.',
  step: 'Time {n}',
  days: 'Days',
  when: 'When',
  whenOptions: { before: 'before the date', day: 'on the day', after: 'after the date' },
  addStep: 'Add a time',
  removeStep: 'Remove time {n}',
  removed: 'Time {n} removed.',
  summary: 'Now: {steps}.',
  stepBefore: '1 day before | {n} days before',
  stepDay: 'on the day',
  stepAfter: '1 day after | {n} days after',
  saved: 'The reminders are saved.',
  errors: {
    timeZone: 'Please choose a time zone from the list.',
    noSteps: 'Please set at least one time.',
    tooMany: 'At most 6 times are possible.',
    daysBefore: 'Please enter a whole number from 1 to 120.',
    daysAfter: 'Please enter a whole number from 1 to 60.',
    twice: 'This time exists already; please change or remove it.',
  },
}

const mailEn: MailMessageSchema = { mail: { kinds, explain, notifications, unsubscribe, outbox, reminders } }

export default mailEn
