// Deutsche Texte der Städteverwaltung (Plattform) und der Einstellungen einer Stadt; city-admin.en.ts hat genau diese Schlüssel.

const cities = {
  title: 'Städte',
  intro: 'Als Betreiberin oder Betreiber legen Sie hier eine Stadt an und laden ihre erste Verwaltungsperson ein. Alles Weitere (Plan, Stellen, Personen, Einstellungen) pflegt die Stadt selbst.',
  onlyPlatform: 'Städte anlegen können nur die Betreiberinnen und Betreiber dieser Installation.',
  listHeading: 'Städte auf dieser Installation',
  count: 'Keine Stadt | 1 Stadt | {n} Städte',
  empty: 'Noch keine Stadt angelegt.',
  name: 'Name',
  slug: 'Kürzel in der Adresse',
  open: 'Verwaltung',
  settings: 'Einstellungen',
  page: 'Seite {page} von {pages}',
  previous: 'Vorherige Seite',
  next: 'Nächste Seite',
  pagination: 'Seiten der Städteliste',
  createHeading: 'Stadt anlegen',
  nameHint: 'So erscheint die Stadt auf allen Seiten, zum Beispiel „Jena“.',
  slugHint: 'Kleinbuchstaben, Ziffern und Bindestriche, zum Beispiel „jena“; wird Teil jeder Adresse der Stadt und lässt sich später nicht ändern.',
  create: 'Stadt anlegen',
  created: '{name} ist angelegt.',
  inviteHeading: 'Erste Verwaltungsperson für {name} einladen',
  inviteIntro: 'Die Person bekommt eine Einladung per E-Mail und wählt mit dem Link ihr Passwort. Als Verwaltung der Stadt kann sie danach alle Weiteren einladen.',
  skipInvite: 'Später einladen',
  validation: {
    slug: 'Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche, 2 bis 60 Zeichen.',
    slugTaken: 'Dieses Kürzel hat schon eine Stadt.',
  },
}

const settings = {
  title: 'Einstellungen der Stadt',
  intro: 'Wie oft die Lenkungsgruppe tagt, wann eine Maßnahme ohne Meldung auffällt, ab welcher Zahl Fallzahlen veröffentlicht werden und in welcher Zeitzone die Stadt ihren Tag zählt.',
  saved: 'Die Einstellungen sind gespeichert.',
  cadence: 'Sitzungsrhythmus der Lenkungsgruppe (Monate)',
  cadenceHint: 'Nach so vielen Monaten ist die nächste Sitzung fällig.',
  stale: 'Monate ohne Meldung, bis eine Maßnahme auffällt',
  staleHint: 'Gilt für „Braucht Aufmerksamkeit“ und die Erinnerungen.',
  threshold: 'Mindestzahl für veröffentlichte Fallzahlen',
  thresholdHint: 'Kleinere Zahlen werden bei Veröffentlichungen zurückgehalten (mindestens {min}); gilt für Veröffentlichungen, die danach vorbereitet werden.',
  timeZone: 'Zeitzone',
  timeZoneHint: 'Das „heute“ der Stadt: Datum von Statusmeldungen, fällige und verspätete Maßnahmen, Erinnerungen und Berichte richten sich nach dieser Zeitzone.',
  timeZoneSearch: 'Zeitzone suchen',
  timeZoneSearchHint: 'Schränkt die Liste darunter ein, zum Beispiel „Berlin“.',
  timeZoneMatches: 'Keine Zeitzone passt | 1 Zeitzone passt | {n} Zeitzonen passen',
  validation: {
    months: 'Bitte eine ganze Zahl von 1 bis 60 eingeben.',
    threshold: 'Bitte eine ganze Zahl von 3 bis 20 eingeben.',
    timeZone: 'Bitte eine Zeitzone aus der Liste wählen.',
  },
}

const workspaceFilters = {
  label: 'Meine Maßnahmen und „Braucht Aufmerksamkeit“ filtern',
  organisation: 'Stelle',
  allOrganisations: 'Alle Stellen',
  staleMonths: 'Monate ohne Meldung',
  staleMonthsHint: 'Ab so vielen Monaten ohne Meldung braucht eine Maßnahme Aufmerksamkeit (1 bis 60); leer: die Einstellung der Stadt.',
  apply: 'Filter anwenden',
  reset: 'Filter zurücksetzen',
}

const cityAdminDe = { cityAdmin: { cities, settings, workspaceFilters } }

export type CityAdminMessageSchema = typeof cityAdminDe
export default cityAdminDe
