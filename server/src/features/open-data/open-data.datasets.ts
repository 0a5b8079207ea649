import {
  measureStatuses, statusLabels, type Indicator, type MeasureStatus, type PlanDataset, type PublicIncidentRelease,
} from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import type { Db } from '../../db/client.ts'
import { createIndicatorsService } from '../indicators/indicators.service.ts'
import { listMeasures, type MeasureListRow } from '../measures/measures.service.ts'
import { createPlansService, getPlan, PlanNotFoundError } from '../plans/plans.service.ts'
import { measureVisibleTo, publicPlanStates } from '../common/visibility.ts'
import type { SheetColumn } from '../common/spreadsheet-files.ts'

/** Every public download is the anonymous reader's view, whoever asks: one URL, one content. */
export const publicReader: Actor = { kind: 'anonymous', requestId: null }

const isoDate = (value: Date | string | null) => (value === null ? null : (typeof value === 'string' ? value : value.toISOString()).slice(0, 10))

export const measureColumns: SheetColumn<MeasureListRow>[] = [
  { name: 'code', type: 'string', width: 10, description: { de: 'Kennung der Maßnahme im Plan', en: 'Code of the measure within the plan' }, value: (m) => m.code },
  { name: 'title_de', type: 'string', width: 50, description: { de: 'Titel (deutsch)', en: 'Title (German)' }, value: (m) => m.titleDe },
  { name: 'title_en', type: 'string', width: 50, description: { de: 'Titel (englisch), leer wenn nicht übersetzt', en: 'Title (English), empty when not translated' }, value: (m) => m.titleEn },
  {
    name: 'commitments', type: 'string', width: 14,
    description: { de: 'ECCAR-Verpflichtungen 1–10, die erste ist die Hauptverpflichtung, getrennt durch „; “', en: 'ECCAR commitments 1–10, the primary one first, separated by "; "' },
    value: (m) => [m.primaryCommitment, ...m.secondaryCommitments.map((c) => c.commitmentNumber)].join('; '),
  },
  { name: 'type', type: 'string', width: 16, description: { de: 'Art: implementation, examination, aspiration, ongoing, advocacy', en: 'Kind: implementation, examination, aspiration, ongoing, advocacy' }, value: (m) => m.type },
  { name: 'lead_body', type: 'string', width: 30, description: { de: 'Federführende Stelle', en: 'Lead body' }, value: (m) => m.lead?.name ?? null },
  {
    name: 'involved_bodies', type: 'string', width: 40, description: { de: 'Beteiligte Stellen, getrennt durch „; “', en: 'Involved bodies, separated by "; "' },
    value: (m) => m.involved.map((i) => i.organisation.name).join('; ') || null,
  },
  { name: 'start', type: 'date', width: 12, description: { de: 'Beginn (JJJJ-MM-TT)', en: 'Start (YYYY-MM-DD)' }, value: (m) => m.startDate },
  { name: 'end', type: 'date', width: 12, description: { de: 'Ende (JJJJ-MM-TT)', en: 'End (YYYY-MM-DD)' }, value: (m) => m.endDate },
  {
    name: 'status', type: 'string', width: 16,
    description: {
      de: `Umsetzungsstand: ${measureStatuses.map((s) => `${s} = ${statusLabels[s].de}`).join(', ')}`,
      en: `Status: ${measureStatuses.map((s) => `${s} = ${statusLabels[s].en}`).join(', ')}`,
    },
    value: (m) => m.status,
  },
  { name: 'progress', type: 'integer', width: 10, description: { de: 'Fortschritt in Prozent (0–100)', en: 'Progress in percent (0–100)' }, value: (m) => m.progress },
  { name: 'last_update', type: 'date', width: 12, description: { de: 'Datum der letzten Änderung', en: 'Date of the last change' }, value: (m) => isoDate(m.updatedAt) },
]

export interface CommitmentStatusRow { commitment: number, titleDe: string, titleEn: string, status: MeasureStatus, measures: number }
const commitmentStatusColumns: SheetColumn<CommitmentStatusRow>[] = [
  { name: 'commitment', type: 'integer', description: { de: 'ECCAR-Verpflichtung 1–10', en: 'ECCAR commitment 1–10' }, value: (r) => r.commitment },
  { name: 'commitment_title_de', type: 'string', description: { de: 'Titel der Verpflichtung (deutsch)', en: 'Title of the commitment (German)' }, value: (r) => r.titleDe },
  { name: 'commitment_title_en', type: 'string', description: { de: 'Titel der Verpflichtung (englisch)', en: 'Title of the commitment (English)' }, value: (r) => r.titleEn },
  { name: 'status', type: 'string', description: { de: 'Umsetzungsstand (Schlüssel, siehe Maßnahmen)', en: 'Status (key, see measures)' }, value: (r) => r.status },
  { name: 'measures', type: 'integer', description: { de: 'Zahl der Maßnahmen mit dieser Hauptverpflichtung und diesem Stand', en: 'Number of measures with this primary commitment and status' }, value: (r) => r.measures },
]

export interface HistoryRow { code: string, primaryCommitment: number, date: string, fromStatus: MeasureStatus | null, status: MeasureStatus, progress: number }
const historyColumns: SheetColumn<HistoryRow>[] = [
  { name: 'date', type: 'date', description: { de: 'Datum der Statusmeldung', en: 'Date of the status report' }, value: (r) => r.date },
  { name: 'measure_code', type: 'string', description: { de: 'Kennung der Maßnahme', en: 'Code of the measure' }, value: (r) => r.code },
  { name: 'commitment', type: 'integer', description: { de: 'Hauptverpflichtung der Maßnahme', en: 'Primary commitment of the measure' }, value: (r) => r.primaryCommitment },
  { name: 'from_status', type: 'string', description: { de: 'Stand davor, leer bei der ersten Meldung', en: 'Status before, empty for the first report' }, value: (r) => r.fromStatus },
  { name: 'status', type: 'string', description: { de: 'Neuer Stand', en: 'New status' }, value: (r) => r.status },
  { name: 'progress', type: 'integer', description: { de: 'Fortschritt in Prozent danach', en: 'Progress in percent afterwards' }, value: (r) => r.progress },
]

export interface IndicatorValueRow { indicator: Indicator, periodStart: string, periodEnd: string, category: string | null, value: number }
const indicatorColumns: SheetColumn<IndicatorValueRow>[] = [
  { name: 'indicator_id', type: 'integer', description: { de: 'Kennung des Indikators', en: 'Identifier of the indicator' }, value: (r) => r.indicator.id },
  { name: 'indicator_de', type: 'string', description: { de: 'Name des Indikators (deutsch)', en: 'Name of the indicator (German)' }, value: (r) => r.indicator.nameDe },
  { name: 'indicator_en', type: 'string', description: { de: 'Name des Indikators (englisch)', en: 'Name of the indicator (English)' }, value: (r) => r.indicator.nameEn },
  { name: 'unit', type: 'string', description: { de: 'Einheit', en: 'Unit' }, value: (r) => r.indicator.unit },
  { name: 'period_start', type: 'date', description: { de: 'Beginn des Zeitraums', en: 'Start of the period' }, value: (r) => r.periodStart },
  { name: 'period_end', type: 'date', description: { de: 'Ende des Zeitraums', en: 'End of the period' }, value: (r) => r.periodEnd },
  { name: 'category', type: 'string', description: { de: 'Kategorie einer Aufschlüsselung; leer für die Gesamtzahl', en: 'Category of a breakdown; empty for the total' }, value: (r) => r.category },
  { name: 'value', type: 'number', description: { de: 'Wert', en: 'Value' }, value: (r) => r.value },
]

export interface IncidentFigureRow { release: PublicIncidentRelease, view: string, kind: string | null, area: string | null, channel: string | null, count: number | null }
export const incidentColumns: SheetColumn<IncidentFigureRow>[] = [
  { name: 'period_start', type: 'date', description: { de: 'Beginn des Berichtszeitraums', en: 'Start of the reporting period' }, value: (r) => r.release.periodStart },
  { name: 'period_end', type: 'date', description: { de: 'Ende des Berichtszeitraums', en: 'End of the reporting period' }, value: (r) => r.release.periodEnd },
  { name: 'release_version', type: 'integer', description: { de: 'Fassung der Veröffentlichung für diesen Zeitraum', en: 'Version of the release for this period' }, value: (r) => r.release.version },
  { name: 'table', type: 'string', description: { de: 'Tabelle: total, kind, area, channel oder zwei davon', en: 'Table: total, kind, area, channel or two of them' }, value: (r) => r.view },
  { name: 'kind', type: 'string', description: { de: 'Diskriminierungsmerkmal (leer: alle)', en: 'Ground of discrimination (empty: all)' }, value: (r) => r.kind },
  { name: 'area', type: 'string', description: { de: 'Lebensbereich (leer: alle)', en: 'Area of life (empty: all)' }, value: (r) => r.area },
  { name: 'channel', type: 'string', description: { de: 'Meldeweg (leer: alle)', en: 'Reporting channel (empty: all)' }, value: (r) => r.channel },
  {
    name: 'count', type: 'integer',
    description: { de: 'Zahl der Vorfälle; leer, wenn zum Schutz der Betroffenen zurückgehalten', en: 'Number of incidents; empty when withheld to protect those affected' },
    value: (r) => r.count,
  },
]

export const planDatasetColumns = {
  measures: measureColumns,
  'status-by-commitment': commitmentStatusColumns,
  'status-history': historyColumns,
  indicators: indicatorColumns,
} satisfies Record<PlanDataset, SheetColumn<never>[]>

/** A published plan, or "not found": drafts have no public downloads. */
export async function publishedPlan (db: Db, planId: number) {
  const plan = await getPlan(db, planId)
  if (!publicPlanStates.includes(plan.state)) throw new PlanNotFoundError(planId)
  return plan
}

export type PublishedPlan = Awaited<ReturnType<typeof publishedPlan>>

export const publicMeasures = async (db: Db, plan: PublishedPlan) =>
  listMeasures(db, plan.id, measureVisibleTo(publicReader, plan.cityId))

export async function commitmentStatusRows (db: Db, plan: PublishedPlan): Promise<CommitmentStatusRow[]> {
  const progress = await createPlansService(db).progress(plan.id, publicReader)
  return progress.commitments.flatMap((c) => measureStatuses.map((status) => ({
    commitment: c.number, titleDe: c.localTitleDe ?? c.titleDe, titleEn: c.localTitleEn ?? c.titleEn, status, measures: c.byStatus[status] ?? 0,
  })))
}

export const historyRows = async (db: Db, plan: PublishedPlan): Promise<HistoryRow[]> =>
  (await createPlansService(db).statusHistory(plan.id, publicReader)).items

export async function publicIndicators (db: Db, plan: PublishedPlan) {
  return (await createIndicatorsService(db, createPlansService(db)).list(plan.id, publicReader)).items
}

export const indicatorRows = (indicators: Indicator[]): IndicatorValueRow[] => indicators.flatMap((indicator) =>
  indicator.values.map((v) => ({ indicator, periodStart: v.periodStart, periodEnd: v.periodEnd, category: v.category, value: v.value })))

/** Every figure of every published table of a release; withheld figures stay empty. */
export const incidentRows = (release: PublicIncidentRelease): IncidentFigureRow[] => release.views.filter((view) => view.published)
  .flatMap((view) => view.figures.map((figure) => ({
    release, view: view.view, kind: figure.kind ?? null, area: figure.area ?? null, channel: figure.channel ?? null, count: figure.suppressed ? null : figure.count,
  })))
