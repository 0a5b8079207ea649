import {
  measureStatuses, statusesRequiringReason, type MeasureStatus, type MeasureType, type OrganisationKind, type PlanFile,
  type PlanFileMeasure, type PlanFileOrganisation, type Recurrence,
} from '@eccar/shared'

/**
 * A generated, deterministic plan for the synthetic city "Generistadt": a realistic but large plan
 * (500 measures by default) with the text lengths, links and timelines a real plan has. The same
 * seed always gives the same file, so runs stay comparable.
 */
export const generatedCity = { slug: 'generated', name: 'Generistadt' }

export interface GenerateOptions {
  measures?: number
  organisations?: number
  /** Keys of the ECCAR example actions known to the database (e.g. `3.a`). */
  exampleActionKeys: readonly string[]
  seed?: number
}

type Pair = readonly [de: string, en: string]

/** mulberry32: tiny, fast, and good enough to spread values. */
function random (seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const chance = (p: number) => next() < p
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, Math.min(n, copy.length))
  }
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0)
    let r = next() * total
    for (const [value, w] of entries) {
      r -= w
      if (r < 0) return value
    }
    return entries[entries.length - 1]![0]
  }
  return { next, int, pick, chance, sample, weighted }
}

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const topics: Pair[] = [
  ['Bildung', 'Education'], ['Jugend und Familie', 'Youth and Families'], ['Kultur', 'Culture'], ['Sport', 'Sport'],
  ['Soziales', 'Social Affairs'], ['Wohnen', 'Housing'], ['Gesundheit', 'Health'], ['Arbeit und Beschäftigung', 'Work and Employment'],
  ['Integration und Migration', 'Integration and Migration'], ['Gleichstellung', 'Equality'], ['Personal und Organisation', 'Human Resources'],
  ['öffentliche Ordnung', 'Public Order'], ['Stadtentwicklung', 'Urban Development'], ['Digitales', 'Digital Services'],
  ['Bürgerservice', 'Citizen Services'], ['Schulverwaltung', 'School Administration'], ['Wirtschaftsförderung', 'Economic Development'],
  ['Statistik und Wahlen', 'Statistics and Elections'], ['Kommunikation', 'Communication'], ['Recht', 'Legal Affairs'],
  ['Stadtarchiv', 'City Archive'], ['Kinderbetreuung', 'Childcare'], ['Senioren', 'Older People'], ['Verkehr', 'Transport'],
]

/** ~60 bodies across every kind, the size of a large city's list. */
function organisationsFor (count: number, rnd: ReturnType<typeof random>): PlanFileOrganisation[] {
  const fixed: { name: string, nameEn: string, kind: OrganisationKind }[] = [
    { name: 'Stadtverwaltung Generistadt', nameEn: 'City of Generistadt administration', kind: 'municipal_unit' },
    { name: 'Oberbürgermeisterin', nameEn: 'Mayor', kind: 'municipal_unit' },
    { name: 'Stadtrat Generistadt', nameEn: 'Generistadt City Council', kind: 'municipal_unit' },
    { name: 'Antidiskriminierungsstelle', nameEn: 'Anti-discrimination office', kind: 'municipal_unit' },
    { name: 'Stadtwerke Generistadt', nameEn: 'Generistadt public utilities', kind: 'municipal_enterprise' },
    { name: 'Kommunale Wohnungsgesellschaft', nameEn: 'Municipal housing company', kind: 'municipal_enterprise' },
    { name: 'Eigenbetrieb Kindertagesstätten', nameEn: 'Municipal day-care enterprise', kind: 'municipal_enterprise' },
    { name: 'Volkshochschule Generistadt', nameEn: 'Generistadt adult education centre', kind: 'municipal_enterprise' },
    { name: 'Städtische Museen', nameEn: 'City museums', kind: 'municipal_enterprise' },
    { name: 'Verkehrsbetriebe Generistadt', nameEn: 'Generistadt public transport', kind: 'municipal_enterprise' },
    { name: 'Integrationsbeirat', nameEn: 'Integration advisory council', kind: 'advisory_council' },
    { name: 'Seniorenbeirat', nameEn: 'Senior citizens\' council', kind: 'advisory_council' },
    { name: 'Jugendparlament', nameEn: 'Youth parliament', kind: 'advisory_council' },
    { name: 'Behindertenbeirat', nameEn: 'Disability advisory council', kind: 'advisory_council' },
    { name: 'Runder Tisch für Demokratie', nameEn: 'Round table for democracy', kind: 'advisory_council' },
    { name: 'Migrantenorganisationen', nameEn: 'Migrant organisations', kind: 'civil_society' },
    { name: 'Beratungsstellen', nameEn: 'Counselling centres', kind: 'civil_society' },
    { name: 'Verein Vielfalt leben e. V.', nameEn: 'Living Diversity association', kind: 'civil_society' },
    { name: 'Initiative Schule ohne Rassismus', nameEn: 'School without Racism initiative', kind: 'civil_society' },
    { name: 'Flüchtlingshilfe Generistadt e. V.', nameEn: 'Generistadt refugee aid', kind: 'civil_society' },
    { name: 'Sportbund Generistadt', nameEn: 'Generistadt sports federation', kind: 'civil_society' },
    { name: 'Jüdische Gemeinde', nameEn: 'Jewish community', kind: 'civil_society' },
    { name: 'Islamische Gemeinden', nameEn: 'Islamic communities', kind: 'civil_society' },
    { name: 'Evangelischer Kirchenkreis', nameEn: 'Protestant church district', kind: 'civil_society' },
    { name: 'Caritasverband', nameEn: 'Caritas association', kind: 'civil_society' },
    { name: 'Gewerkschaftsbund Region', nameEn: 'Regional trade union federation', kind: 'civil_society' },
    { name: 'Polizeiinspektion Generistadt', nameEn: 'Generistadt police station', kind: 'state_body' },
    { name: 'Staatliches Schulamt', nameEn: 'State school authority', kind: 'state_body' },
    { name: 'Agentur für Arbeit', nameEn: 'Federal employment agency', kind: 'state_body' },
    { name: 'Jobcenter Generistadt', nameEn: 'Generistadt job centre', kind: 'state_body' },
    { name: 'Landesamt für Migration', nameEn: 'State office for migration', kind: 'state_body' },
    { name: 'Universität Generistadt', nameEn: 'University of Generistadt', kind: 'external' },
    { name: 'Fachhochschule Generistadt', nameEn: 'Generistadt University of Applied Sciences', kind: 'external' },
    { name: 'Industrie- und Handelskammer', nameEn: 'Chamber of Industry and Commerce', kind: 'external' },
    { name: 'Handwerkskammer', nameEn: 'Chamber of Crafts', kind: 'external' },
  ]
  const units = topics.map(([de, en]) => ({ name: `Amt für ${cap(de)}`, nameEn: `Office for ${en}`, kind: 'municipal_unit' as const }))
  const all = [...fixed, ...units]
  while (all.length < count) all.push({ name: `Fachdienst ${all.length + 1}`, nameEn: `Department ${all.length + 1}`, kind: 'municipal_unit' })
  return all.slice(0, count).map((organisation) => ({
    ...organisation,
    descriptionDe: rnd.chance(0.7) ? paragraph(rnd, 120, 400, 0) : null,
    descriptionEn: null,
  }))
}

const objects: Pair[] = [
  ['ein Beratungsangebot für Menschen mit Diskriminierungserfahrungen', 'a counselling service for people who experience discrimination'],
  ['eine Fortbildungsreihe zu rassismuskritischem Handeln für Mitarbeitende', 'a training series on anti-racist practice for staff'],
  ['mehrsprachige Informationsmaterialien zu kommunalen Leistungen', 'multilingual information on municipal services'],
  ['ein Monitoring rassistischer Vorfälle', 'monitoring of racist incidents'],
  ['die interkulturelle Öffnung der Verwaltung', 'the intercultural opening of the administration'],
  ['anonymisierte Bewerbungsverfahren in der Stadtverwaltung', 'anonymised application procedures in the city administration'],
  ['Sprachmittlung in Ämtern und Beratungsstellen', 'language mediation in offices and counselling centres'],
  ['die Vernetzung der Migrantenorganisationen', 'networking among migrant organisations'],
  ['ein Beschwerdemanagement für Diskriminierung im Wohnungsmarkt', 'a complaints procedure for discrimination in the housing market'],
  ['Projekttage gegen Rassismus an Schulen', 'project days against racism in schools'],
  ['eine jährliche Gedenkveranstaltung', 'a yearly commemoration'],
  ['die Förderung von Selbstorganisationen Betroffener', 'support for self-organised groups of people affected'],
  ['die Auswertung kommunaler Daten nach Diskriminierungsrisiken', 'an analysis of municipal data for discrimination risks'],
  ['ein Leitbild für Vielfalt und Antidiskriminierung', 'a mission statement on diversity and anti-discrimination'],
  ['die Zusammenarbeit mit Sportvereinen', 'cooperation with sports clubs'],
  ['Kulturprojekte mit migrantischen Künstlerinnen und Künstlern', 'cultural projects with migrant artists'],
  ['Angebote der politischen Bildung für Jugendliche', 'civic education for young people'],
  ['die Beteiligung von Betroffenen an kommunalen Entscheidungen', 'the participation of people affected in municipal decisions'],
  ['eine Kampagne gegen Alltagsrassismus', 'a campaign against everyday racism'],
  ['Schulungen für Beschäftigte im Bürgerservice', 'training for citizen-service staff'],
]
const verbs: Pair[] = [
  ['entwickelt', 'develops'], ['überprüft', 'reviews'], ['erweitert', 'extends'], ['begleitet', 'supports'],
  ['stärkt', 'strengthens'], ['koordiniert', 'coordinates'], ['dokumentiert', 'documents'], ['evaluiert', 'evaluates'],
  ['verstetigt', 'embeds'], ['finanziert', 'funds'],
]
const infinitives: Pair[] = [
  ['ausbauen', 'expand'], ['einführen', 'introduce'], ['weiterführen', 'continue'], ['prüfen', 'examine'],
  ['verstetigen', 'embed permanently'], ['evaluieren', 'evaluate'], ['stärken', 'strengthen'], ['entwickeln', 'develop'],
]
const subjects: Pair[] = [
  ['die Stadtverwaltung', 'the city administration'], ['die Antidiskriminierungsstelle', 'the anti-discrimination office'],
  ['der Integrationsbeirat', 'the integration council'], ['das Amt für Bildung', 'the education office'],
  ['die Volkshochschule', 'the adult education centre'], ['das Personalamt', 'the human resources office'],
  ['die Stadt gemeinsam mit der Zivilgesellschaft', 'the city together with civil society'],
]
const qualifiers: Pair[] = [
  ['in enger Abstimmung mit der Zivilgesellschaft', 'in close cooperation with civil society'],
  ['bis zum Ende des Planzeitraums', 'by the end of the plan period'],
  ['jährlich und mit öffentlichem Bericht an den Stadtrat', 'yearly, with a public report to the city council'],
  ['unter Beteiligung von Menschen mit Rassismuserfahrungen', 'with the participation of people who experience racism'],
  ['im Rahmen der vorhandenen Haushaltsmittel', 'within the existing budget'],
  ['auf der Grundlage einer Bedarfsanalyse', 'based on a needs assessment'],
  ['mit externer wissenschaftlicher Begleitung', 'with external academic support'],
  ['in allen Stadtteilen', 'in every district of the city'],
]

function sentence (rnd: ReturnType<typeof random>): Pair {
  const s = rnd.pick(subjects)
  const v = rnd.pick(verbs)
  const o = rnd.pick(objects)
  const q = rnd.pick(qualifiers)
  return [`${cap(s[0])} ${v[0]} ${o[0]} ${q[0]}.`, `${cap(s[1])} ${v[1]} ${o[1]} ${q[1]}.`]
}

/** German (lang 0) or English (lang 1) prose of a length between min and max characters. */
function paragraph (rnd: ReturnType<typeof random>, min: number, max: number, lang: 0 | 1): string {
  const target = rnd.int(min, max)
  let text = ''
  while (text.length < target) text += (text ? ' ' : '') + sentence(rnd)[lang]
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

function prose (rnd: ReturnType<typeof random>, min: number, max: number): Pair {
  const target = rnd.int(min, max)
  let de = ''
  let en = ''
  while (de.length < target) {
    const [d, e] = sentence(rnd)
    de += (de ? ' ' : '') + d
    en += (en ? ' ' : '') + e
  }
  return [de, en]
}

const statusWeights: (readonly [MeasureStatus, number])[] = [
  ['planned', 14], ['examining', 8], ['exam_done_go', 5], ['exam_done_no', 4], ['in_progress', 24],
  ['done', 15], ['ongoing', 12], ['delayed', 9], ['dropped', 4], ['carried_over', 5],
]
// Every status of the vocabulary appears in a generated plan.
if (measureStatuses.some((status) => !statusWeights.some(([s]) => s === status))) throw new Error('statusWeights misses a status')
const typeWeights: (readonly [MeasureType, number])[] = [
  ['implementation', 45], ['examination', 12], ['aspiration', 13], ['ongoing', 20], ['advocacy', 10],
]
const recurrenceWeights: (readonly [Recurrence, number])[] = [
  ['once', 45], ['yearly', 20], ['continuous', 15], ['regular', 8], ['half_yearly', 5], ['biennial', 4], ['on_request', 3],
]

function progressFor (rnd: ReturnType<typeof random>, status: MeasureStatus): number {
  switch (status) {
    case 'planned': return 0
    case 'examining': return rnd.int(0, 4) * 5
    case 'exam_done_go': return rnd.int(2, 6) * 5
    case 'exam_done_no': return 0
    case 'in_progress': return rnd.int(4, 18) * 5
    case 'done': return 100
    case 'ongoing': return rnd.int(10, 20) * 5
    case 'delayed': return rnd.int(2, 12) * 5
    case 'dropped': return rnd.int(0, 8) * 5
    case 'carried_over': return rnd.int(4, 16) * 5
  }
}

const reasons: Pair[] = [
  ['Die Stelle der Koordination war über mehrere Monate unbesetzt.', 'The coordinator post was vacant for several months.'],
  ['Die Haushaltsmittel wurden im Doppelhaushalt nicht bereitgestellt.', 'The funds were not provided in the two-year budget.'],
  ['Die rechtliche Prüfung ergab, dass die Stadt nicht zuständig ist.', 'The legal review found that the city is not responsible.'],
  ['Der Kooperationspartner hat sich aus dem Vorhaben zurückgezogen.', 'The partner organisation withdrew from the project.'],
  ['Die Pandemie-Auflagen haben Präsenzveranstaltungen verhindert.', 'Pandemic restrictions prevented in-person events.'],
]

const isoDate = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
const needsReason = (status: MeasureStatus) => statusesRequiringReason.includes(status)

function historyFor (rnd: ReturnType<typeof random>, status: MeasureStatus, progress: number, organisationNames: string[]) {
  const entries = rnd.int(1, 4)
  const days = Array.from({ length: entries }, () => rnd.int(0, 640)).sort((a, b) => a - b)
  const path: MeasureStatus[] = []
  if (entries > 1) path.push('planned')
  while (path.length < entries - 1) path.push(rnd.pick(['examining', 'in_progress', 'delayed', 'exam_done_go'] as const))
  path.push(status)
  let lastProgress = 0
  return path.map((entryStatus, i) => {
    const last = i === path.length - 1
    const entryProgress = last ? progress : Math.min(progress, lastProgress + rnd.int(0, 4) * 5)
    lastProgress = entryProgress
    const reason = needsReason(entryStatus) ? rnd.pick(reasons) : null
    const note = rnd.chance(0.5) ? prose(rnd, 60, 260) : null
    const date = isoDate(days[i]!)
    return {
      date,
      status: entryStatus,
      progress: entryProgress,
      noteDe: note?.[0] ?? null,
      noteEn: note?.[1] ?? null,
      reason: reason?.[0] ?? null,
      evidenceLinks: rnd.chance(0.25)
        ? [{ url: `https://www.generistadt.example/aktionsplan/bericht-${days[i]}`, label: 'Sachstandsbericht' }]
        : [],
      organisation: rnd.chance(0.4) ? rnd.pick(organisationNames) : null,
      recordedAt: `${date}T09:30:00.000Z`,
    }
  })
}

export function generatePlanFile (options: GenerateOptions): PlanFile {
  const rnd = random(options.seed ?? 20240501)
  const measureCount = options.measures ?? 500
  const organisations = organisationsFor(options.organisations ?? 60, rnd)
  const organisationNames = organisations.map((o) => o.name)

  const codes: string[] = []
  for (let i = 0; i < measureCount; i++) codes.push(`${(i % 10) + 1}.${Math.floor(i / 10) + 1}`)

  const measures: PlanFileMeasure[] = codes.map((code) => {
    const primaryCommitment = Number(code.split('.')[0])
    const status = rnd.weighted(statusWeights)
    const progress = progressFor(rnd, status)
    const type: MeasureType = status === 'examining' || status.startsWith('exam_') ? 'examination' : rnd.weighted(typeWeights)
    const object = rnd.pick(objects)
    const verb = rnd.pick(infinitives)
    const qualifier = rnd.chance(0.5) ? rnd.pick(qualifiers) : null
    const description = prose(rnd, 250, 1400)
    const start = rnd.int(0, 900)
    const recurrence = rnd.weighted(recurrenceWeights)
    const lead = rnd.pick(organisationNames)
    const involved = rnd.sample(organisationNames.filter((name) => name !== lead), rnd.int(2, 4))
    const secondary = rnd.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((n) => n !== primaryCommitment), rnd.weighted([[0, 45], [1, 35], [2, 20]] as const))
    const related = rnd.chance(0.35)
      ? rnd.sample(codes.filter((other) => other !== code), rnd.int(1, 2)).map((other) => ({
          code: other,
          noteDe: rnd.chance(0.5) ? `vgl. Verpflichtung ${other.split('.')[0]}` : null,
          noteEn: null,
        }))
      : []
    const ownActions = options.exampleActionKeys.filter((key) => key.startsWith(`${primaryCommitment}.`))
    const statusReason = needsReason(status) ? rnd.pick(reasons) : null
    const funding = rnd.chance(0.4) ? prose(rnd, 40, 200) : null
    return {
      code,
      primaryCommitment,
      secondaryCommitments: secondary.sort((a, b) => a - b),
      titleDe: `${cap(object[0])} ${verb[0]}${qualifier ? ` – ${qualifier[0]}` : ''}`,
      titleEn: `${cap(verb[1])} ${object[1]}${qualifier ? ` – ${qualifier[1]}` : ''}`,
      descriptionDe: description[0],
      descriptionEn: rnd.chance(0.85) ? description[1] : null,
      type,
      leadOrganisation: lead,
      involvedOrganisations: involved,
      startDate: rnd.chance(0.8) ? isoDate(start) : null,
      endDate: rnd.chance(0.5) ? isoDate(start + rnd.int(30, 500)) : null,
      recurrence,
      recurrenceOn: recurrence === 'yearly' && rnd.chance(0.5) ? `${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}` : null,
      timeframeNoteDe: rnd.chance(0.3) ? 'Umsetzung schrittweise ab dem zweiten Planjahr' : null,
      timeframeNoteEn: null,
      fundingNoteDe: funding?.[0] ?? null,
      fundingNoteEn: funding?.[1] ?? null,
      relatedMeasures: related,
      exampleActions: ownActions.length > 0 && rnd.chance(0.4) ? rnd.sample(ownActions, rnd.int(1, 2)) : [],
      isPublic: rnd.chance(0.96),
      internalNote: rnd.chance(0.1) ? 'Abstimmung mit dem Personalrat steht noch aus.' : null,
      status,
      statusReason: statusReason?.[0] ?? null,
      progress,
      statusHistory: historyFor(rnd, status, progress, organisationNames),
    }
  })

  const intro = prose(rnd, 1500, 2500)
  return {
    format: 'eccar-action-plan',
    formatVersion: 1,
    plan: {
      titleDe: '10-Punkte-Aktionsplan der Stadt Generistadt gegen Rassismus und Diskriminierung',
      titleEn: '10-Point Action Plan of the City of Generistadt against Racism and Discrimination',
      periodStart: '2024-01-01',
      periodEnd: '2027-12-31',
      resolutionNumber: '24/0815-BV',
      resolutionDate: '2023-11-22',
      state: 'adopted',
      introDe: intro[0],
      introEn: intro[1],
    },
    commitments: Array.from({ length: 10 }, (_, i) => {
      const context = prose(rnd, 300, 900)
      return { number: i + 1, localTitleDe: null, localTitleEn: null, contextDe: context[0], contextEn: context[1] }
    }),
    organisations,
    measures,
  }
}
