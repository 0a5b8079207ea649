import {
  contrastRatio, measureStatuses, measureTypeLabels, minimumTextContrast, statusLabels, type ReportBrand,
  type CycleComparison, type ReportCommitment, type ReportIndicator, type ReportMeasure, type ReportOrganisation, type ReportSnapshot,
} from '@eccar/shared'
import {
  cycleStateLabels, directionLabels, formatDate, formatNumber, formatPercent, formatPeriod, formatShare,
  formatShortDate, formatTimestamp, reportTexts, type ReportLang, type ReportTexts,
} from './report-text.ts'

/**
 * A report as a format-neutral document: headings, paragraphs, labelled fields, lists and tables,
 * with the language of every piece of text that differs from the document's. The HTML, DOCX and
 * PDF renderers only lay this out, so the three formats always carry the same content.
 */

/** A run of text; `lang` is set only where it differs from the document language (WCAG 3.1.2). */
export interface Span { text: string, lang?: ReportLang, strong?: boolean, href?: string }
export type Inline = Span[]

export interface Field { label: string, value: Inline }

export interface TableCell {
  content: Inline
  /** Expansion of an abbreviated header, e.g. "1" → "Commitment 1" (HTML: hidden text; PDF: /E). */
  expansion?: string
}
export interface TableColumn { header: TableCell, width: number, align: 'left' | 'right' }
export interface Table {
  type: 'table'
  caption: string
  columns: TableColumn[]
  /** Each row starts with its row header cell. */
  rows: TableCell[][]
  /** The last row sums the others and is set apart visually. */
  totalRow?: boolean
}

export type Block =
  | { type: 'paragraph', content: Inline, variant?: 'note' }
  | { type: 'fields', items: Field[] }
  | { type: 'list', label?: string, items: Inline[] }
  | Table

export interface Section {
  id: string
  level: 2 | 3
  heading: Inline
  /** Plain-text title for bookmarks and the contents list. */
  title: string
  newPage: boolean
  /** Adds a PDF bookmark (outline entry); `child` nests it under the previous top-level entry. */
  bookmark: 'top' | 'child' | 'none'
  /** A commitment's own section: every format marks its heading with the commitment's icon and colour. */
  commitment?: number
  blocks: Block[]
  sections: Section[]
}

/** The report's own blue for headings, rules and links: a city without an accent colour gets exactly this. */
const neutralAccent = '#1d3f66'
/** What the accent is drawn on in the three formats: the page, and the table headers' band (HTML, DOCX, PDF alike). */
const accentGrounds = ['#ffffff', '#eef2f6'] as const

export interface ReportLogo { png: Buffer, width: number, height: number, alt: string }

export interface ReportModel {
  lang: ReportLang
  /** `#rrggbb` of headings, heading rules and links: the city's accent where it reads on every ground, else `neutralAccent`. */
  accent: string
  /** The city's logo for the title page, or null (the neutral title page). */
  logo: ReportLogo | null
  kind: 'eccar' | 'council'
  /** Document title: the H1 and the title in every format's metadata. */
  title: string
  subject: string
  author: string
  keywords: string[]
  kicker: string
  subtitle: Inline
  fields: Field[]
  intro: string
  /** Short running text for page footers. */
  runningTitle: string
  contentsLabel: string
  /** Text alternative of a commitment's icon where a format wants one (DOCX pictures). */
  commitmentIconLabel: (n: number) => string
  pageLabel: (n: number, of: number) => string
  pageParts: [string, string, string]
  sections: Section[]
}

type ReportStatusUpdate = ReportMeasure['updates'][number]

const span = (text: string, lang?: ReportLang): Span => (lang ? { text, lang } : { text })

/**
 * Picks the text in the report language, falling back to the other one, and marks the fallback
 * with its language so screen readers switch voice.
 */
function pick (lang: ReportLang, en: string | null | undefined, de: string | null | undefined): Inline | null {
  const [first, second, other]: [string | null | undefined, string | null | undefined, ReportLang] =
    lang === 'en' ? [en, de, 'de'] : [de, en, 'en']
  if (first && first.trim() !== '') return [span(first)]
  if (second && second.trim() !== '') return [span(second, other)]
  return null
}

/**
 * Like `pick`, and a fallback also says so in words ("(German)"), so a reader sees where no
 * translation exists (issue 13: German shown and marked where no English exists, and vice versa).
 */
function pickMarked (lang: ReportLang, en: string | null | undefined, de: string | null | undefined): Inline | null {
  const picked = pick(lang, en, de)
  if (!picked || !picked[0]?.lang) return picked
  return [...picked, span(` (${reportTexts[lang].inLanguage})`)]
}

const organisationName = (lang: ReportLang, o: ReportOrganisation): Inline =>
  (lang === 'de' ? [span(o.name)] : pickMarked(lang, o.nameEn, o.name) ?? [span(o.name)])

const joinInline = (parts: Inline[], separator = ', '): Inline => parts.flatMap((p, i) => (i === 0 ? p : [span(separator), ...p]))

const plain = (inline: Inline) => inline.map((s) => s.text).join('')
const paragraphs = (inline: Inline): Inline[] => {
  const lang = inline[0]?.lang
  return plain(inline).split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '').map((p) => [span(p.replace(/\s*\n\s*/g, ' '), lang)])
}

/**
 * The city's accent if text in it reaches 4.5:1 on every ground it is drawn on. The branding page already refuses
 * other colours; this guards the report against one stored before a rule changed, since a snapshot is never edited.
 */
function reportAccent (brand: ReportBrand | undefined): string {
  const accent = brand?.accentColour
  if (!accent || !accentGrounds.every((ground) => contrastRatio(accent, ground) >= minimumTextContrast)) return neutralAccent
  return accent.toLowerCase()
}

function reportLogo (brand: ReportBrand | undefined, city: string, t: ReportTexts): ReportLogo | null {
  const logo = brand?.logo
  return logo ? { png: Buffer.from(logo.data, 'base64'), width: logo.width, height: logo.height, alt: t.logoAlt(city) } : null
}

export function buildReportModel (snapshot: ReportSnapshot, kind: 'eccar' | 'council', lang: ReportLang): ReportModel {
  const t: ReportTexts = reportTexts[lang]
  const { city, plan, cycle } = snapshot
  const period = formatPeriod(cycle.periodStart, cycle.periodEnd, lang)
  const title = kind === 'eccar' ? t.eccarTitle(city.name, period) : t.councilTitle(city.name, period)

  const fields: Field[] = [
    { label: t.city, value: [span(city.name)] },
    { label: t.plan, value: pick(lang, plan.titleEn, plan.titleDe) ?? [span(plan.titleDe, 'de')] },
    { label: t.planPeriod, value: [span(`${formatDate(plan.periodStart, lang)} – ${formatDate(plan.periodEnd, lang)}`)] },
    {
      label: t.resolution,
      value: [span(t.resolutionValue(plan.resolutionNumber, plan.resolutionDate ? formatDate(plan.resolutionDate, lang) : null))],
    },
    { label: t.cycle, value: lang === 'de' ? [span(cycle.title)] : pickMarked(lang, cycle.titleEn, cycle.title) ?? [span(cycle.title)] },
    { label: t.reportingPeriod, value: [span(`${formatDate(cycle.periodStart, lang)} – ${formatDate(cycle.periodEnd, lang)}`)] },
    { label: t.statusAsOf, value: [span(formatDate(cycle.periodEnd, lang))] },
  ]
  if (cycle.dueDate) fields.push({ label: t.dueDate, value: [span(formatDate(cycle.dueDate, lang))] })
  fields.push({ label: t.reportState, value: [span(describeCycleState(snapshot, lang, t))] })
  fields.push({ label: t.dataAsOf, value: [span(formatTimestamp(snapshot.takenAt, lang))] })

  const measureTotal = snapshot.commitments.reduce((sum, c) => sum + c.measures.length, 0)
  const practices = snapshot.commitments.flatMap((c) => c.measures).filter((m) => m.goodPractice)
  const sections: Section[] = [
    {
      id: 'overview',
      level: 2,
      heading: [span(t.overview)],
      title: t.overview,
      newPage: true,
      bookmark: 'top',
      blocks: [
        { type: 'paragraph', content: [span(t.asOfNote(formatDate(cycle.periodEnd, lang)))] },
        { type: 'paragraph', content: [span(t.overviewIntro(measureTotal))] },
        summaryTable(snapshot.commitments, lang, t),
      ],
      sections: [],
    },
    ...(snapshot.previous ? [changesSection(snapshot.previous, lang, t)] : []),
    ...snapshot.commitments.map((c) => commitmentSection(c, kind, lang, t)),
    ...(practices.length > 0 ? [goodPracticeSection(practices, kind, lang, t)] : []),
    indicatorSection(snapshot.indicators, lang, t),
  ]

  return {
    lang,
    accent: reportAccent(snapshot.brand),
    logo: reportLogo(snapshot.brand, city.name, t),
    kind,
    title,
    subject: kind === 'eccar' ? t.eccarSubject : t.councilSubject,
    author: city.name,
    keywords: ['ECCAR', kind === 'eccar' ? 'UNESCO' : (lang === 'de' ? 'Stadtrat' : 'city council'), city.name, period],
    kicker: kind === 'eccar' ? t.eccarKicker : t.councilKicker,
    subtitle: kind === 'council' ? [span(plan.titleDe)] : (pick(lang, plan.titleEn, plan.titleDe) ?? []),
    fields,
    intro: t.intro,
    runningTitle: `${city.name} · ${kind === 'eccar' ? t.eccarKicker : t.councilKicker} · ${period}`,
    contentsLabel: t.contents,
    commitmentIconLabel: t.commitmentIcon,
    pageLabel: t.page,
    pageParts: t.pageParts,
    sections,
  }
}

function describeCycleState (snapshot: ReportSnapshot, lang: ReportLang, t: ReportTexts): string {
  const { cycle } = snapshot
  // The meeting whose decision the approval records, stated wherever the report states its approval or submission.
  const meeting = cycle.approvalMeetingDate ? `; ${t.approvalMeeting(formatDate(cycle.approvalMeetingDate, lang))}` : ''
  if (cycle.state === 'submitted' && cycle.submittedAt) return t.submittedOn(formatTimestamp(cycle.submittedAt, lang)) + meeting
  if (cycle.state === 'approved' && cycle.approvedAt) return t.approvedOn(formatTimestamp(cycle.approvedAt, lang), cycle.approvedBy) + meeting
  return cycleStateLabels[cycle.state][lang]
}

function summaryTable (commitments: ReportCommitment[], lang: ReportLang, t: ReportTexts): Table {
  // Rows: the statuses that occur at least once (a ten-row table of zeros helps nobody), then the total.
  const used = measureStatuses.filter((s) => commitments.some((c) => (c.statusCounts[s] ?? 0) > 0))
  const count = (c: ReportCommitment, s: (typeof measureStatuses)[number]) => c.statusCounts[s] ?? 0
  const columns: TableColumn[] = [
    { header: { content: [span(t.statusColumn)] }, width: 4, align: 'left' },
    ...commitments.map((c): TableColumn => ({
      header: { content: [span(String(c.number))], expansion: t.commitment(c.number) }, width: 1, align: 'right',
    })),
    { header: { content: [span(t.total)] }, width: 1.4, align: 'right' },
  ]
  const cell = (n: number): TableCell => ({ content: [span(String(n))] })
  // The total column counts each measure once, under its primary commitment.
  const distinct = (s: (typeof measureStatuses)[number]) => commitments.reduce((sum, c) => sum + c.measures.filter((m) => m.status === s).length, 0)
  const rows = used.map((s) => [
    { content: [span(statusLabels[s][lang])] },
    ...commitments.map((c) => cell(count(c, s))),
    cell(distinct(s)),
  ])
  const perCommitment = commitments.map((c) => used.reduce((sum, s) => sum + count(c, s), 0))
  rows.push([
    { content: [span(t.total)] },
    ...perCommitment.map(cell),
    cell(commitments.reduce((sum, c) => sum + c.measures.length, 0)),
  ])
  return { type: 'table', caption: t.summaryCaption, columns, rows, totalRow: true }
}

function commitmentSection (
  c: ReportCommitment, kind: 'eccar' | 'council', lang: ReportLang, t: ReportTexts,
): Section {
  const blocks: Block[] = []
  let headingTitle: Inline
  if (kind === 'council') {
    // The council reads the city's own headings; the ECCAR wording follows as a reference, unless it is the heading already.
    headingTitle = [span(c.localTitleDe ?? c.titleDe)]
    if (c.localTitleDe && c.localTitleDe !== c.titleDe) blocks.push({ type: 'fields', items: [{ label: t.officialTitle, value: [span(c.titleDe)] }] })
  } else {
    headingTitle = [span(lang === 'en' ? c.titleEn : c.titleDe)]
    const items: Field[] = []
    if (lang === 'en') {
      const local = pick('en', c.localTitleEn, c.localTitleDe)
      if (local) {
        const value = [...local]
        if (c.localTitleEn && c.localTitleDe) value.push(span(` (${t.germanOriginal}: `), span(c.localTitleDe, 'de'), span(')'))
        items.push({ label: t.localTitle, value })
      }
    } else {
      if (c.localTitleDe && c.localTitleDe !== c.titleDe) items.push({ label: t.localTitle, value: [span(c.localTitleDe)] })
      items.push({ label: `${t.officialTitle} (englisch)`, value: [span(c.titleEn, 'en')] })
    }
    if (items.length > 0) blocks.push({ type: 'fields', items })
  }
  const heading = [span(`${t.commitment(c.number)}: `), ...headingTitle]

  // The council report is always German (renderReport refuses anything else), so `lang` covers both kinds.
  const narrative = pickMarked(lang, c.narrativeEn, c.narrativeDe)
  const reason = pickMarked(lang, c.noNarrativeReasonEn, c.noNarrativeReasonDe)
  if (narrative) for (const p of paragraphs(narrative)) blocks.push({ type: 'paragraph', content: p })
  else if (reason) blocks.push({ type: 'paragraph', content: [{ text: `${t.noNarrativeReason}: `, strong: true }, ...reason] })
  else blocks.push({ type: 'paragraph', content: [span(t.noNarrative)], variant: 'note' })
  for (const [label, en, de] of [
    [t.challenges, c.challengesEn, c.challengesDe], [t.needs, c.needsEn, c.needsDe], [t.exchangeTopics, c.exchangeTopicsEn, c.exchangeTopicsDe],
  ] as const) {
    const text = pickMarked(lang, en, de)
    if (text) blocks.push({ type: 'paragraph', content: [{ text: `${label}: `, strong: true }, ...text] })
  }
  blocks.push({ type: 'paragraph', content: [span(t.measuresIntro(c.measures.length))], variant: 'note' })
  if (c.secondaryMeasures.length > 0) {
    blocks.push({
      type: 'list',
      label: t.secondaryMeasures,
      items: c.secondaryMeasures.map((m) => [
        { text: m.code, strong: true }, span(' '),
        ...(kind === 'council' ? [span(m.titleDe)] : pickMarked(lang, m.titleEn, m.titleDe) ?? [span(m.titleDe)]),
        span(t.secondaryMeasure(m.primaryCommitment, statusLabels[m.status][lang])),
      ]),
    })
  }

  return {
    id: `commitment-${c.number}`,
    commitment: c.number,
    level: 2,
    heading,
    title: plain(heading),
    newPage: false,
    bookmark: 'top',
    blocks,
    sections: c.measures.map((m) => measureSection(m, kind, lang, t)),
  }
}

function measureSection (
  m: ReportMeasure, kind: 'eccar' | 'council', lang: ReportLang, t: ReportTexts,
): Section {
  const title = kind === 'council' ? [span(m.titleDe)] : pick(lang, m.titleEn, m.titleDe) ?? [span(m.titleDe, 'de')]
  const heading = [span(`${m.code} `), ...title]
  // Bodies in the report's language where an English name exists; German ones marked as such.
  const names = (list: ReportOrganisation[]) => joinInline(list.map((o) => organisationName(kind === 'council' ? 'de' : lang, o)))
  const text = (en: string | null, de: string | null) => (kind === 'council' ? pick('de', null, de) : pickMarked(lang, en, de))

  const status: Inline = [{ text: statusLabels[m.status][lang], strong: true }]
  if (m.statusDate) status.push(span(t.statusAsOfDate(formatDate(m.statusDate, lang))))
  const items: Field[] = [
    { label: t.status, value: status },
    { label: t.progress, value: [span(formatPercent(m.progress, lang))] },
    { label: t.type, value: [span(measureTypeLabels[m.type][lang])] },
  ]
  const marks = [m.startedInPeriod ? t.started : null, m.closedInPeriod ? t.closed : null].filter((x): x is string => x !== null)
  if (marks.length > 0) items.push({ label: t.inPeriod, value: [span(marks.join(', '))] })
  const timeframe = [
    m.startDate && m.endDate ? `${formatDate(m.startDate, lang)} – ${formatDate(m.endDate, lang)}`
      : m.startDate ? t.from(formatDate(m.startDate, lang)) : m.endDate ? t.until(formatDate(m.endDate, lang)) : null,
  ].filter((x): x is string => x !== null).map((x) => [span(x)])
  const timeframeNote = text(m.timeframeNoteEn, m.timeframeNoteDe)
  if (timeframeNote) timeframe.push(timeframeNote)
  if (timeframe.length > 0) items.push({ label: t.timeframe, value: joinInline(timeframe, '; ') })
  const funding = text(m.fundingNoteEn, m.fundingNoteDe)
  if (funding) items.push({ label: t.funding, value: funding })
  if (m.leadOrganisation) items.push({ label: t.lead, value: names([m.leadOrganisation]) })
  if (m.involvedOrganisations.length > 0) {
    items.push({ label: t.involved, value: names(m.involvedOrganisations) })
  }
  if (m.secondaryCommitments.length > 0) items.push({ label: t.alsoRelates, value: [span(m.secondaryCommitments.join(', '))] })
  if (m.statusReason) items.push({ label: t.reason, value: [span(m.statusReason)] })
  if (m.goodPractice) items.push({ label: t.goodPractice, value: text(m.goodPracticeDescriptionEn, m.goodPracticeDescriptionDe) ?? [span('✓')] })

  const blocks: Block[] = []
  const description = text(m.descriptionEn, m.descriptionDe)
  if (description) for (const p of paragraphs(description)) blocks.push({ type: 'paragraph', content: p })
  blocks.push({ type: 'fields', items })
  if (m.updates.length === 0) {
    blocks.push({ type: 'paragraph', content: [span(t.noUpdates)], variant: 'note' })
  } else {
    blocks.push({ type: 'list', label: t.updatesHeading, items: m.updates.map((u) => updateItem(u, kind === 'council' ? 'de' : lang, t)) })
  }
  return {
    id: `measure-${m.id}`,
    level: 3,
    heading,
    title: plain(heading),
    newPage: false,
    bookmark: 'child',
    blocks,
    sections: [],
  }
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
const sentence = (inline: Inline): Inline => {
  const last = [...inline].reverse().find((s) => s.text.trim() !== '')
  if (!last || /[.!?…:]["“”»«']?$/.test(last.text.trim())) return [...inline]
  return [...inline, span('.')]
}

function updateItem (u: ReportStatusUpdate, lang: ReportLang, t: ReportTexts): Inline {
  const change = u.fromStatus && u.fromStatus !== u.status
    ? `${statusLabels[u.fromStatus][lang]} → ${statusLabels[u.status][lang]}`
    : statusLabels[u.status][lang]
  const out: Inline = [
    { text: formatDate(u.date, lang), strong: true },
    span(`: ${change}, ${formatPercent(u.progress, lang)}`),
  ]
  // A body whose name ends with a full stop ("e.V.") ends the sentence itself: no second one.
  const head = sentence(u.organisation ? [...out, span(' – '), ...organisationName(lang, u.organisation)] : out)
  const note = pickMarked(lang, u.noteEn, u.noteDe)
  if (note) head.push(span(' '), ...sentence(note))
  if (u.reason) head.push(span(` ${t.reason}: `), ...sentence([span(u.reason)]))
  if (u.evidenceLinks.length > 0) {
    head.push(span(` ${t.evidence}: `))
    u.evidenceLinks.forEach((link, i) => {
      if (i > 0) head.push(span(', '))
      head.push({ text: link.label ? `${link.label} (${link.url})` : link.url, href: link.url })
    })
  }
  return head
}

function indicatorSection (indicators: ReportIndicator[], lang: ReportLang, t: ReportTexts): Section {
  const section: Section = {
    id: 'indicators', level: 2, heading: [span(t.indicators)], title: t.indicators, newPage: false, bookmark: 'top', blocks: [], sections: [],
  }
  if (indicators.length === 0) {
    section.blocks.push({ type: 'paragraph', content: [span(t.noIndicators)], variant: 'note' })
    return section
  }
  const na = t.notAvailable
  const valueAt = (value: number | null, date: string | null) =>
    value === null ? na : `${formatNumber(value, lang)}${date ? ` (${formatShortDate(date, lang)})` : ''}`
  const text = (s: string): TableCell => ({ content: [span(s)] })
  const widths = [3.2, 1, 2.2, 2.2, 2.2, 1.4]
  section.blocks.push({ type: 'paragraph', content: [span(t.indicatorsIntro)] })
  section.blocks.push({
    type: 'table',
    caption: t.indicatorsCaption,
    columns: t.indicatorColumns.map((h, i) => ({ header: text(h), width: widths[i] ?? 1, align: i >= 2 ? 'right' : 'left' })),
    rows: indicators.map((ind) => {
      // The date of the latest total (uncategorised) value, so "latest" says when.
      const latestTotal = [...ind.values].reverse().find((v) => v.category === null && v.value === ind.latestValue)
      return [
        { content: pickMarked(lang, ind.nameEn, ind.nameDe) ?? [span(ind.nameDe)] },
        { content: lang === 'de' ? [span(ind.unit)] : pickMarked(lang, ind.unitEn, ind.unit) ?? [span(ind.unit)] },
        text(valueAt(ind.baselineValue, ind.baselineDate)),
        text(valueAt(ind.latestValue, latestTotal?.periodEnd ?? null)),
        text(valueAt(ind.targetValue, ind.targetDate)),
        text(ind.progressToTarget === null ? na : formatShare(ind.progressToTarget, lang)),
      ]
    }),
  })
  section.blocks.push({
    type: 'list',
    label: t.indicatorNotes,
    items: indicators.map((ind) => {
      const name = pick(lang, ind.nameEn, ind.nameDe) ?? [span(ind.nameDe)]
      const out: Inline = [...name.map((s) => ({ ...s, strong: true })), span('.')]
      const definition = pick(lang, ind.definitionEn, ind.definitionDe)
      if (definition) out.push(span(` ${t.definition}: `), ...sentence(definition))
      if (ind.source) out.push(span(` ${t.source}: `), ...sentence([span(ind.source)]))
      out.push(span(` ${t.direction}: ${directionLabels[ind.direction][lang]}.`))
      if (ind.commitments.length > 0) out.push(span(` ${t.commitmentsShort}: ${ind.commitments.join(', ')}.`))
      if (ind.measureCodes.length > 0) out.push(span(` ${t.measuresShort}: ${ind.measureCodes.join(', ')}.`))
      return out
    }),
  })
  return section
}

function goodPracticeSection (practices: ReportMeasure[], kind: 'eccar' | 'council', lang: ReportLang, t: ReportTexts): Section {
  const text = (en: string | null, de: string | null) => (kind === 'council' ? pick('de', null, de) : pickMarked(lang, en, de))
  return {
    id: 'good-practices',
    level: 2,
    heading: [span(t.goodPractices)],
    title: t.goodPractices,
    newPage: false,
    bookmark: 'top',
    blocks: [
      { type: 'paragraph', content: [span(t.goodPracticesIntro)] },
      {
        type: 'list',
        items: practices.map((m) => {
          const title = text(m.titleEn, m.titleDe) ?? [span(m.titleDe)]
          const out: Inline = [{ text: `${m.code} `, strong: true }, ...title.map((s) => ({ ...s, strong: true }))]
          const description = text(m.goodPracticeDescriptionEn, m.goodPracticeDescriptionDe)
          if (description) out.push(span(': '), ...sentence(description))
          return out
        }),
      },
    ],
    sections: [],
  }
}

function changesSection (previous: NonNullable<ReportSnapshot['previous']>, lang: ReportLang, t: ReportTexts): Section {
  const c: CycleComparison = previous.comparison
  const title = (m: { code: string, titleDe: string, titleEn: string | null }): Inline =>
    [{ text: `${m.code} `, strong: true }, ...(pickMarked(lang, m.titleEn, m.titleDe) ?? [span(m.titleDe)])]
  const label = (s: (typeof measureStatuses)[number]) => statusLabels[s][lang]
  const blocks: Block[] = [{
    type: 'paragraph',
    content: [span(t.changesIntro(lang === 'de' ? previous.title : (previous.titleEn ?? previous.title)))],
  }]
  if (c.statusTransitions.length > 0) {
    blocks.push({ type: 'list', label: t.statusChanges, items: c.statusTransitions.map((m) => [...title(m), span(`: ${label(m.from)} → ${label(m.to)}`)]) })
  }
  if (c.newMeasures.length > 0) blocks.push({ type: 'list', label: t.newMeasures, items: c.newMeasures.map((m) => [...title(m), span(`: ${label(m.status)}`)]) })
  if (c.closedMeasures.length > 0) {
    blocks.push({
      type: 'list',
      label: t.closedMeasures,
      items: c.closedMeasures.map((m) => [...title(m), span(`: ${label(m.status)}${m.stillReported ? '' : ` (${t.noLongerReported})`}`)]),
    })
  }
  if (c.indicatorChanges.length > 0) {
    const value = (v: number | null) => (v === null ? t.notAvailable : formatNumber(v, lang))
    blocks.push({
      type: 'list',
      label: t.indicatorChanges,
      items: c.indicatorChanges.map((i) => [
        ...(pickMarked(lang, i.nameEn, i.nameDe) ?? [span(i.nameDe)]),
        span(`: ${value(i.from)} → ${value(i.to)} `),
        ...(lang === 'de' ? [span(i.unit)] : pickMarked(lang, i.unitEn ?? null, i.unit) ?? [span(i.unit)]),
      ]),
    })
  }
  if (blocks.length === 1) blocks.push({ type: 'paragraph', content: [span(t.noChanges)], variant: 'note' })
  return { id: 'changes', level: 2, heading: [span(t.changes)], title: t.changes, newPage: false, bookmark: 'top', blocks, sections: [] }
}
