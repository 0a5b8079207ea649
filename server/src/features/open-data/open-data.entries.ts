import { type DatasetInfo, type OpenDataSettings, type PlanDataset } from '@eccar/shared'
import type { Db } from '../../db/client.ts'
import { getCityBySlug } from '../cities/cities.service.ts'
import { createIncidentReleasesService } from '../incidents/incident-releases.service.ts'
import { listPlansOfCity } from '../plans/plans.service.ts'
import { publicPlanStates } from '../common/visibility.ts'
import { csvMediaType, xlsxMediaType, type SheetColumn } from '../common/spreadsheet-files.ts'
import { historyRows, incidentColumns, planDatasetColumns, publicIndicators, publicMeasures, type PublishedPlan } from './open-data.datasets.ts'
import { openDataSettingsOf } from './open-data.settings.ts'

const fieldsOf = (columns: SheetColumn<never>[]): DatasetInfo['fields'] =>
  columns.map((column) => ({ name: column.name, type: column.type, description: column.description }))

const latest = (dates: (string | Date | null | undefined)[]) => {
  const iso = dates.filter((d): d is string | Date => d !== null && d !== undefined).map((d) => new Date(d).toISOString())
  return iso.length > 0 ? iso.sort().at(-1)! : null
}

const csv = (url: string) => ({ format: 'CSV', mediaType: csvMediaType, url })

/** Everything a city publishes as open data, with the fields of every table, for the catalogue and the human pages. */
export async function cityDatasets (db: Db, citySlug: string, origin: string): Promise<{ city: { id: number, slug: string, name: string }, settings: OpenDataSettings, items: DatasetInfo[] }> {
  const city = await getCityBySlug(db, citySlug)
  const settings = await openDataSettingsOf(db, city)
  const licence = settings.licence
  const items: DatasetInfo[] = []
  const api = `${origin}/api`

  for (const row of await listPlansOfCity(db, city.id, publicPlanStates)) {
    const plan = row as PublishedPlan
    const temporal = { start: plan.periodStart, end: plan.periodEnd }
    const planDataset = (dataset: PlanDataset) => `${api}/plans/${plan.id}/datasets/${dataset}.csv`
    const measures = await publicMeasures(db, plan)
    const history = await historyRows(db, plan)
    const measuresModified = latest(measures.map((m) => m.updatedAt))
    items.push({
      id: `plan-${plan.id}-measures`,
      title: { de: `Maßnahmen: ${plan.titleDe}`, en: `Measures: ${plan.titleEn ?? plan.titleDe}` },
      description: {
        de: `Die veröffentlichten Maßnahmen des Aktionsplans „${plan.titleDe}“ (${plan.cityName}) mit Zuständigkeit, Zeitrahmen, Umsetzungsstand und Fortschritt.`,
        en: `The published measures of the action plan "${plan.titleEn ?? plan.titleDe}" (${plan.cityName}) with bodies, timeframe, status and progress.`,
      },
      fields: fieldsOf(planDatasetColumns.measures),
      distributions: [csv(planDataset('measures')), { format: 'XLSX', mediaType: xlsxMediaType, url: `${api}/plans/${plan.id}/measures.xlsx` }],
      licence, modified: measuresModified, temporal,
    })
    items.push({
      id: `plan-${plan.id}-status-by-commitment`,
      title: { de: `Umsetzungsstand je Verpflichtung: ${plan.titleDe}`, en: `Status by commitment: ${plan.titleEn ?? plan.titleDe}` },
      description: {
        de: 'Zahl der Maßnahmen je ECCAR-Verpflichtung und Umsetzungsstand, wie sie das Dashboard zeigt.',
        en: 'Number of measures per ECCAR commitment and status, as the dashboard shows them.',
      },
      fields: fieldsOf(planDatasetColumns['status-by-commitment']),
      distributions: [csv(planDataset('status-by-commitment'))],
      licence, modified: measuresModified, temporal,
    })
    items.push({
      id: `plan-${plan.id}-status-history`,
      title: { de: `Statusverlauf: ${plan.titleDe}`, en: `Status history: ${plan.titleEn ?? plan.titleDe}` },
      description: {
        de: 'Jede Statusmeldung der veröffentlichten Maßnahmen, älteste zuerst; daraus zeichnet das Dashboard den Verlauf.',
        en: 'Every status report of the published measures, oldest first; the dashboard draws the trend from it.',
      },
      fields: fieldsOf(planDatasetColumns['status-history']),
      distributions: [csv(planDataset('status-history'))],
      licence, modified: latest([...history.map((h) => h.date), measuresModified]), temporal,
    })
    for (const indicator of await publicIndicators(db, plan)) {
      const starts = indicator.values.map((v) => v.periodStart).sort()
      const ends = indicator.values.map((v) => v.periodEnd).sort()
      items.push({
        id: `indicator-${indicator.id}`,
        title: { de: `Indikator: ${indicator.nameDe}`, en: `Indicator: ${indicator.nameEn ?? indicator.nameDe}` },
        description: {
          de: indicator.definitionDe ?? `Werte des Indikators „${indicator.nameDe}“ (${indicator.unit}) zum Aktionsplan „${plan.titleDe}“.`,
          en: indicator.definitionEn ?? `Values of the indicator "${indicator.nameEn ?? indicator.nameDe}" (${indicator.unitEn ?? indicator.unit}) of the action plan "${plan.titleEn ?? plan.titleDe}".`,
        },
        fields: fieldsOf(planDatasetColumns.indicators),
        distributions: [csv(`${planDataset('indicators')}?indicator=${indicator.id}`)],
        licence,
        modified: latest([indicator.updatedAt, ...indicator.values.map((v) => v.createdAt)]),
        temporal: starts.length > 0 ? { start: starts[0]!, end: ends.at(-1)! } : null,
      })
    }
  }

  const incidents = await createIncidentReleasesService(db).publicReleases(city.slug, {})
  for (const release of incidents.releases) {
    items.push({
      id: `incidents-${release.id}`,
      title: { de: `Rassistische Vorfälle ${release.periodStart} bis ${release.periodEnd}`, en: `Racist incidents ${release.periodStart} to ${release.periodEnd}` },
      description: {
        de: `Gemeldete Vorfälle in ${city.name} nach Merkmal, Lebensbereich und Meldeweg (Fassung ${release.version}). Kleine Zahlen sind zum Schutz der Betroffenen zurückgehalten.`,
        en: `Reported incidents in ${city.name} by ground, area of life and channel (version ${release.version}). Small figures are withheld to protect those affected.`,
      },
      fields: fieldsOf(incidentColumns as SheetColumn<never>[]),
      distributions: [csv(`${api}/cities/${city.slug}/incidents/public.csv?release=${release.id}`)],
      licence, modified: release.publishedAt, temporal: { start: release.periodStart, end: release.periodEnd },
    })
  }
  return { city: { id: city.id, slug: city.slug, name: city.name }, settings, items }
}

