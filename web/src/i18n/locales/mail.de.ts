// German texts of the mail pages (my notifications, unsubscribe, outbox, reminder settings), loaded
// with those pages only (i18n/bundles.ts). mail.en.ts has exactly the same keys; a unit test and the
// type check enforce it.
const kinds = {
  // The names the mails use too (notificationKindLabels of the contract).
  deadlineReminders: 'Fristerinnerungen',
  weeklyDigest: 'Wöchentliche Übersicht',
  meetingDue: 'Fällige Sitzung der Lenkungsgruppe',
  cycleChanges: 'Änderungen am Berichtszyklus',
  invitation: 'Einladung',
  passwordReset: 'Passwort zurücksetzen',
  secondFactorReset: 'Zweiten Faktor zurücksetzen',
}

const explain = {
  deadlineReminders: 'Vor dem Enddatum Ihrer Maßnahmen und vor dem Abgabetermin eines Berichts, zu den Zeitpunkten, die Ihre Stadt festlegt (zum Beispiel 4 Wochen und 1 Woche vorher, am Tag selbst, 1 Woche danach).',
  weeklyDigest: 'Einmal pro Woche am gewählten Tag: Ihre verzögerten, überfälligen und lange nicht aktualisierten Maßnahmen und was sich in Ihrer Stadt in der letzten Woche geändert hat.',
  meetingDue: 'Wenn die nächste Sitzung der Lenkungsgruppe nach dem Turnus Ihrer Stadt fällig ist.',
  cycleChanges: 'Wenn ein Berichtszyklus in Prüfung geht, freigegeben oder eingereicht wird (für Verwaltung und Lenkungsgruppe).',
}

const notifications = {
  title: 'Meine Benachrichtigungen',
  intro: 'Hier legen Sie fest, welche E-Mails Sie bekommen, an welchem Tag die wöchentliche Übersicht kommt und in welcher Sprache. Jede E-Mail enthält außerdem einen Link, mit dem Sie ihre Art mit einem Klick abbestellen.',
  kindsLegend: 'Welche E-Mails möchten Sie bekommen?',
  accountMails: 'Einladungen und Links zum Zurücksetzen des Passworts oder des zweiten Faktors bekommen Sie immer; sie lassen sich nicht abbestellen.',
  digestDay: 'Tag der wöchentlichen Übersicht',
  digestDayHint: 'Die wöchentliche Übersicht kommt morgens an diesem Tag.',
  language: 'Sprache der E-Mails',
  saved: 'Ihre Einstellungen sind gespeichert.',
  save: 'Einstellungen speichern',
}

const unsubscribe = {
  title: 'E-Mails abbestellen',
  kindIs: 'Dieser Link gehört zu den E-Mails „{kind}“.',
  question: 'Möchten Sie diese E-Mails nicht mehr bekommen? Ein Klick genügt, Sie müssen sich nicht anmelden.',
  button: 'E-Mails „{kind}“ abbestellen',
  sending: 'Wird abbestellt …',
  done: 'Erledigt: Sie bekommen keine E-Mails „{kind}“ mehr.',
  already: 'Diese E-Mails sind schon abbestellt: Sie bekommen keine E-Mails „{kind}“ mehr.',
  settingsLink: 'Alle Benachrichtigungen einstellen (mit Anmeldung)',
  unknown: 'Dieser Link zum Abbestellen ist nicht gültig. Bitte nehmen Sie den Link aus einer neueren E-Mail oder stellen Sie Ihre Benachrichtigungen nach der Anmeldung ein.',
  failed: 'Das Abbestellen hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
}

const outbox = {
  title: 'Postausgang',
  intro: 'Alle E-Mails, die die Anwendung an Personen Ihrer Stadt geschickt hat oder schicken will, die neuesten zuerst: Erinnerungen, Übersichten, Einladungen und Links zum Zurücksetzen.',
  heldNotice: 'Zurückgehaltene E-Mails: Es ist kein Mailserver eingerichtet. Sie können diese E-Mails hier lesen; verschickt werden sie nicht.',
  empty: 'Der Postausgang ist leer.',
  caption: 'E-Mails, Seite {page} von {pages} ({total} insgesamt)',
  columns: { kind: 'Art', recipient: 'An', subject: 'Betreff', createdAt: 'Erstellt', state: 'Stand', attempts: 'Versuche' },
  states: {
    held: 'zurückgehalten (kein Mailserver)',
    queued: 'wartet auf den Versand',
    sent: 'verschickt',
    retrying: 'Versand gescheitert, neuer Versuch geplant',
    failed: 'endgültig gescheitert',
  },
  sentAt: 'verschickt am {date}',
  lastError: 'Grund: {reason}',
  lastErrorLabel: 'Letzter Fehler',
  errors: { connection: 'Mailserver nicht erreichbar', rejected: 'vom Mailserver abgelehnt', temporary: 'vorübergehender Fehler des Mailservers', unknown: 'unbekannter Fehler' },
  pagination: 'Seiten des Postausgangs',
  previous: 'Vorherige Seite',
  next: 'Nächste Seite',
  pageOf: 'Seite {page} von {pages}',
  back: 'Zurück zum Postausgang',
  mailHeading: 'E-Mail: {subject}',
  facts: 'Angaben zur E-Mail',
  language: 'Sprache',
  languages: { de: 'Deutsch', en: 'Englisch' },
  textVersion: 'Inhalt (Textfassung)',
  htmlVersion: 'HTML-Fassung ansehen',
  htmlNote: 'Die HTML-Fassung wird abgeschottet angezeigt: ohne Skripte, Formulare und nachgeladene Bilder, und ohne ihre eingebetteten Stile, die die Sicherheitsregeln der Anwendung sperren. Maßgeblich zum Lesen ist die Textfassung.',
  htmlFrameTitle: 'HTML-Fassung der E-Mail „{subject}“',
  noBody: 'Der Inhalt wird nicht aufbewahrt: Diese E-Mail wurde über den Mailserver verschickt, gespeichert sind nur Empfänger, Art, Betreff und Stand.',
}

const reminders = {
  title: 'Erinnerungen',
  intro: 'Wann die Anwendung an das Enddatum einer Maßnahme und an den Abgabetermin eines Berichts erinnert. Erinnert werden zuerst die Personen der federführenden und beteiligten Stellen, bei späteren Schritten auch die Lenkungsgruppe und zuletzt die Verwaltung des Plans.',
  timeZone: 'Zeitzone der Stadt',
  timeZoneHint: 'Bestimmt, wann „am Tag selbst“ ist und wann Erinnerungen und wöchentliche Übersichten verschickt werden.',
  stepsLegend: 'Zeitpunkte der Erinnerungen',
  stepsHint: '1 bis 6 Zeitpunkte: bis 120 Tage vorher, am Tag selbst oder bis 60 Tage danach. Jeder Zeitpunkt nur einmal.',
  step: '{n}. Zeitpunkt',
  days: 'Tage',
  when: 'Wann',
  whenOptions: { before: 'vor dem Termin', day: 'am Tag selbst', after: 'nach dem Termin' },
  addStep: 'Zeitpunkt hinzufügen',
  removeStep: '{n}. Zeitpunkt entfernen',
  removed: '{n}. Zeitpunkt entfernt.',
  summary: 'Zurzeit: {steps}.',
  stepBefore: '1 Tag vorher | {n} Tage vorher',
  stepDay: 'am Tag selbst',
  stepAfter: '1 Tag danach | {n} Tage danach',
  saved: 'Die Erinnerungen sind gespeichert.',
  errors: {
    timeZone: 'Bitte wählen Sie eine Zeitzone aus der Liste.',
    noSteps: 'Bitte legen Sie mindestens einen Zeitpunkt fest.',
    tooMany: 'Höchstens 6 Zeitpunkte sind möglich.',
    daysBefore: 'Bitte geben Sie eine ganze Zahl von 1 bis 120 an.',
    daysAfter: 'Bitte geben Sie eine ganze Zahl von 1 bis 60 an.',
    twice: 'Diesen Zeitpunkt gibt es schon; bitte ändern oder entfernen Sie ihn.',
  },
}

const mailDe = { mail: { kinds, explain, notifications, unsubscribe, outbox, reminders } }

export type MailMessageSchema = typeof mailDe
export default mailDe
