import type { CycleState, IndicatorDirection, ReportLang } from '@eccar/shared'

export type { ReportLang } from '@eccar/shared'

/** The tag each format declares for a report's language (HTML lang, w:lang, PDF /Lang). */
export const languageTags: Record<ReportLang, string> = { en: 'en-GB', de: 'de-DE' }

/**
 * The fixed wording of the reports. Status and type labels come from the shared vocabulary
 * (`statusLabels`, `measureTypeLabels`) so reports say what the web app says.
 */
export const reportTexts = {
  en: {
    eccarKicker: 'Report to ECCAR / UNESCO',
    eccarTitle: (city: string, period: string) => `${city}: implementation of the 10-Point Plan of Action against Racism, ${period}`,
    eccarSubject: 'Implementation report on the ECCAR Ten-Point Plan of Action',
    councilKicker: 'Report to the city council',
    councilTitle: (city: string, period: string) => `${city}: progress report on the 10-point action plan against racism, ${period}`,
    councilSubject: 'Progress report to the city council',
    city: 'City',
    plan: 'Action plan',
    planPeriod: 'Plan period',
    resolution: 'Council resolution',
    resolutionValue: (number: string | null, date: string | null) =>
      [number, date ? `of ${date}` : null].filter(Boolean).join(' ') || 'not recorded',
    cycle: 'Reporting cycle',
    reportingPeriod: 'Reporting period',
    dueDate: 'Due date',
    reportState: 'State of this report',
    approvedOn: (date: string, by: string | null) => `approved by the steering group on ${date}${by ? ` (recorded by ${by})` : ''}`,
    submittedOn: (date: string) => `submitted on ${date}`,
    approvalMeeting: (date: string) => `approval decided at the steering-group meeting of ${date}`,
    dataAsOf: 'Data as of',
    intro: 'This report follows the ten commitments of the ECCAR Ten-Point Plan of Action. For each commitment it gives the official ECCAR title, the city\'s own title and narrative, and every measure with its status, progress, responsible bodies and the progress notes dated within the reporting period. Statuses are always stated in words.',
    contents: 'Contents',
    statusAsOf: 'Statuses as of',
    asOfNote: (date: string) => `Statuses, progress and notes are those as of the end of the reporting period, ${date}; changes recorded after it are not counted.`,
    inLanguage: 'German',
    overview: 'Overview: measures by status',
    overviewIntro: (measures: number) => `${measures} ${measures === 1 ? 'measure is' : 'measures are'} reported. The table counts them by status (rows) and by commitment (columns 1 to 10); a measure that also serves other commitments is counted under each of them, the total column counts every measure once.`,
    summaryCaption: 'Number of measures by status and commitment',
    statusColumn: 'Status',
    total: 'Total',
    commitment: (n: number) => `Commitment ${n}`,
    logoAlt: (city: string) => `Logo: ${city}`,
    commitmentIcon: (n: number) => `Symbol of commitment ${n}`,
    commitmentHeading: (n: number, title: string) => `Commitment ${n}: ${title}`,
    officialTitle: 'ECCAR title',
    localTitle: 'City\'s title',
    germanOriginal: 'German',
    noNarrative: 'No narrative has been recorded for this commitment.',
    noNarrativeReason: 'Why there is no narrative',
    challenges: 'Challenges',
    needs: 'Needs',
    exchangeTopics: 'Topics for exchange with other cities',
    secondaryMeasures: 'Measures of other commitments that also serve this one',
    secondaryMeasure: (n: number, status: string) => ` (secondary; described under Commitment ${n}; status: ${status})`,
    description: 'Description',
    timeframe: 'Timeframe',
    from: (date: string) => `from ${date}`,
    until: (date: string) => `until ${date}`,
    funding: 'Funding',
    statusAsOfDate: (date: string) => ` (since ${date})`,
    inPeriod: 'In this period',
    started: 'started',
    closed: 'completed or closed',
    goodPractice: 'Good practice',
    goodPractices: 'Good practices',
    goodPracticesIntro: 'Measures the city presents as good practices for other cities.',
    evidence: 'Evidence',
    changes: 'Changes since the previous report',
    changesIntro: (title: string) => `Compared with the report "${title}", matched by measure code.`,
    statusChanges: 'Status changes',
    newMeasures: 'New measures',
    closedMeasures: 'Measures completed or closed',
    noLongerReported: 'no longer reported',
    indicatorChanges: 'Indicator changes',
    noChanges: 'Nothing changed since the previous report.',
    measuresIntro: (count: number) => count === 0
      ? 'No measures are reported under this commitment.'
      : `${count} ${count === 1 ? 'measure' : 'measures'} under this commitment.`,
    status: 'Status',
    progress: 'Progress',
    type: 'Type',
    lead: 'Lead',
    involved: 'Involved',
    alsoRelates: 'Also relates to commitments',
    reason: 'Reason',
    updatesHeading: 'Progress in the reporting period',
    noUpdates: 'No progress notes are dated within the reporting period.',
    indicators: 'Indicators',
    indicatorsIntro: 'Each indicator against its baseline and target. Progress to target is the share of the way from the baseline to the target that the latest value has covered.',
    noIndicators: 'No indicators have been recorded for this plan.',
    indicatorsCaption: 'Indicators against baseline and target',
    indicatorColumns: ['Indicator', 'Unit', 'Baseline', 'Latest value', 'Target', 'Progress to target'],
    indicatorNotes: 'Definitions and sources',
    definition: 'Definition',
    source: 'Source',
    direction: 'Desired direction',
    commitmentsShort: 'Commitments',
    measuresShort: 'Measures',
    notAvailable: 'n/a',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    /** The same label around Word's page-number fields. */
    pageParts: ['Page ', ' of ', ''] as [string, string, string],
  },
  de: {
    eccarKicker: 'Bericht an ECCAR / UNESCO',
    eccarTitle: (city: string, period: string) => `${city}: Umsetzung des 10-Punkte-Aktionsplans gegen Rassismus, ${period}`,
    eccarSubject: 'Umsetzungsbericht zum Zehn-Punkte-Aktionsplan der ECCAR',
    councilKicker: 'Bericht an den Stadtrat',
    councilTitle: (city: string, period: string) => `${city}: Sachstandsbericht zum 10-Punkte-Aktionsplan gegen Rassismus, ${period}`,
    councilSubject: 'Sachstandsbericht an den Stadtrat',
    city: 'Stadt',
    plan: 'Aktionsplan',
    planPeriod: 'Laufzeit des Plans',
    resolution: 'Stadtratsbeschluss',
    resolutionValue: (number: string | null, date: string | null) =>
      [number, date ? `vom ${date}` : null].filter(Boolean).join(' ') || 'nicht erfasst',
    cycle: 'Berichtszyklus',
    reportingPeriod: 'Berichtszeitraum',
    dueDate: 'Abgabetermin',
    reportState: 'Stand des Berichts',
    approvedOn: (date: string, by: string | null) => `von der Lenkungsgruppe am ${date} beschlossen${by ? ` (erfasst von ${by})` : ''}`,
    submittedOn: (date: string) => `eingereicht am ${date}`,
    approvalMeeting: (date: string) => `Freigabe beschlossen in der Sitzung der Lenkungsgruppe vom ${date}`,
    dataAsOf: 'Datenstand',
    intro: 'Der Bericht folgt den zehn Verpflichtungen des Zehn-Punkte-Aktionsplans der ECCAR. Zu jeder Verpflichtung nennt er den ECCAR-Titel, den Titel und die Darstellung der Stadt sowie jede Maßnahme mit Status, Fortschritt, Zuständigkeiten und den im Berichtszeitraum datierten Sachständen. Der Status ist immer in Worten angegeben.',
    contents: 'Inhalt',
    statusAsOf: 'Stand der Status',
    asOfNote: (date: string) => `Status, Fortschritt und Sachstände entsprechen dem Ende des Berichtszeitraums, ${date}; spätere Änderungen sind nicht berücksichtigt.`,
    inLanguage: 'englisch',
    overview: 'Überblick: Maßnahmen nach Status',
    overviewIntro: (measures: number) => `Berichtet ${measures === 1 ? 'wird 1 Maßnahme' : `werden ${measures} Maßnahmen`}. Die Tabelle zählt sie nach Status (Zeilen) und Verpflichtung (Spalten 1 bis 10); eine Maßnahme, die auch weiteren Verpflichtungen dient, zählt bei jeder von ihnen, die Summenspalte zählt jede Maßnahme einmal.`,
    summaryCaption: 'Anzahl der Maßnahmen nach Status und Verpflichtung',
    statusColumn: 'Status',
    total: 'Summe',
    commitment: (n: number) => `Verpflichtung ${n}`,
    logoAlt: (city: string) => `Logo: ${city}`,
    commitmentIcon: (n: number) => `Symbol der Verpflichtung ${n}`,
    commitmentHeading: (n: number, title: string) => `Verpflichtung ${n}: ${title}`,
    officialTitle: 'Titel im ECCAR-Aktionsplan',
    localTitle: 'Titel der Stadt',
    germanOriginal: 'Deutsch',
    noNarrative: 'Zu dieser Verpflichtung ist keine Darstellung erfasst.',
    noNarrativeReason: 'Warum es keine Darstellung gibt',
    challenges: 'Herausforderungen',
    needs: 'Bedarfe',
    exchangeTopics: 'Themen für den Austausch mit anderen Städten',
    secondaryMeasures: 'Maßnahmen anderer Verpflichtungen, die auch dieser dienen',
    secondaryMeasure: (n: number, status: string) => ` (mittelbar; beschrieben unter Verpflichtung ${n}; Status: ${status})`,
    description: 'Beschreibung',
    timeframe: 'Zeitrahmen',
    from: (date: string) => `ab ${date}`,
    until: (date: string) => `bis ${date}`,
    funding: 'Finanzierung',
    statusAsOfDate: (date: string) => ` (seit ${date})`,
    inPeriod: 'Im Berichtszeitraum',
    started: 'begonnen',
    closed: 'abgeschlossen oder beendet',
    goodPractice: 'Gute Praxis',
    goodPractices: 'Gute Praxis',
    goodPracticesIntro: 'Maßnahmen, die die Stadt anderen Städten als gute Praxis vorstellt.',
    evidence: 'Nachweis',
    changes: 'Veränderungen seit dem letzten Bericht',
    changesIntro: (title: string) => `Verglichen mit dem Bericht „${title}“, zugeordnet über die Maßnahmennummer.`,
    statusChanges: 'Statusänderungen',
    newMeasures: 'Neue Maßnahmen',
    closedMeasures: 'Abgeschlossene oder beendete Maßnahmen',
    noLongerReported: 'nicht mehr berichtet',
    indicatorChanges: 'Veränderte Indikatoren',
    noChanges: 'Seit dem letzten Bericht hat sich nichts geändert.',
    measuresIntro: (count: number) => count === 0
      ? 'Zu dieser Verpflichtung werden keine Maßnahmen berichtet.'
      : `${count} ${count === 1 ? 'Maßnahme' : 'Maßnahmen'} zu dieser Verpflichtung.`,
    status: 'Status',
    progress: 'Fortschritt',
    type: 'Art der Maßnahme',
    lead: 'Federführung',
    involved: 'Beteiligt',
    alsoRelates: 'Bezug zu den Verpflichtungen',
    reason: 'Begründung',
    updatesHeading: 'Sachstände im Berichtszeitraum',
    noUpdates: 'Im Berichtszeitraum ist kein Sachstand datiert.',
    indicators: 'Indikatoren',
    indicatorsIntro: 'Jeder Indikator im Vergleich zu Ausgangs- und Zielwert. Die Zielerreichung gibt an, welcher Anteil des Weges vom Ausgangswert zum Zielwert mit dem letzten Wert zurückgelegt ist.',
    noIndicators: 'Zu diesem Plan sind keine Indikatoren erfasst.',
    indicatorsCaption: 'Indikatoren im Vergleich zu Ausgangs- und Zielwert',
    indicatorColumns: ['Indikator', 'Einheit', 'Ausgangswert', 'Letzter Wert', 'Zielwert', 'Zielerreichung'],
    indicatorNotes: 'Definitionen und Quellen',
    definition: 'Definition',
    source: 'Quelle',
    direction: 'Angestrebte Richtung',
    commitmentsShort: 'Verpflichtungen',
    measuresShort: 'Maßnahmen',
    notAvailable: 'k. A.',
    page: (n: number, of: number) => `Seite ${n} von ${of}`,
    pageParts: ['Seite ', ' von ', ''] as [string, string, string],
  },
} satisfies Record<ReportLang, unknown>

export type ReportTexts = (typeof reportTexts)['en']

export const cycleStateLabels: Record<CycleState, { de: string, en: string }> = {
  open: { de: 'Entwurf (Zyklus offen)', en: 'draft (cycle open)' },
  in_review: { de: 'in Abstimmung', en: 'in review' },
  approved: { de: 'beschlossen', en: 'approved' },
  submitted: { de: 'eingereicht', en: 'submitted' },
}

export const directionLabels: Record<IndicatorDirection, { de: string, en: string }> = {
  increase: { de: 'steigen', en: 'increase' },
  decrease: { de: 'sinken', en: 'decrease' },
  maintain: { de: 'halten', en: 'maintain' },
}

// ---------------------------------------------------------------------------------------------
// Formatting. Calendar dates are formatted in UTC (they carry no time); timestamps in the city's
// time zone, so a report taken at 23:30 on 31 December says 31 December.

const dateFormats = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  de: new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
}
const shortDateFormats = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  de: dateFormats.de,
}
const timestampFormats = {
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
  de: new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }),
}
const numberFormats = {
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
  de: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }),
}
const percentFormats = {
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 }),
  de: new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 }),
}

const isoDate = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`)

export const formatDate = (date: string, lang: ReportLang) => dateFormats[lang].format(isoDate(date))
export const formatShortDate = (date: string, lang: ReportLang) => shortDateFormats[lang].format(isoDate(date))
export const formatTimestamp = (timestamp: string, lang: ReportLang) => timestampFormats[lang].format(new Date(timestamp))
export const formatNumber = (value: number, lang: ReportLang) => numberFormats[lang].format(value)
/** `share` is a fraction (0.45 → 45 %). */
export const formatShare = (share: number, lang: ReportLang) => percentFormats[lang].format(share)
export const formatPercent = (percent: number, lang: ReportLang) => percentFormats[lang].format(percent / 100)

const coversWholeYears = (start: string, end: string) => start.slice(5) === '01-01' && end.slice(5) === '12-31'

/** "2022–2023" for whole calendar years, otherwise "1 March 2023 – 30 June 2023". */
export function formatPeriod (start: string, end: string, lang: ReportLang): string {
  if (coversWholeYears(start, end)) {
    const from = start.slice(0, 4)
    const to = end.slice(0, 4)
    return from === to ? from : `${from}–${to}`
  }
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`
}

/** The period as it appears in file names: ASCII only, e.g. `2022-2023` or `2023-03-01-2023-06-30`. */
export function periodSlug (start: string, end: string): string {
  if (coversWholeYears(start, end)) {
    const from = start.slice(0, 4)
    const to = end.slice(0, 4)
    return from === to ? from : `${from}-${to}`
  }
  return `${start.slice(0, 10)}-${end.slice(0, 10)}`
}
