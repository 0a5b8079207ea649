import { openDataLicenceInfo, type CsvSeparator, type OpenDataSettings, type PlanDataset } from '@eccar/shared'
import type { FastifyReply } from 'fastify'
import type { Db } from '../../db/client.ts'
import { cityToday, getCityBySlug } from '../cities/cities.service.ts'
import { createIncidentReleasesService } from '../incidents/incident-releases.service.ts'
import { csvMediaType, writeCsv, writeWorkbook, xlsxMediaType, type SheetColumn } from '../common/spreadsheet-files.ts'
import {
  commitmentStatusRows, historyRows, incidentColumns, incidentRows, indicatorRows, measureColumns, planDatasetColumns, publicIndicators,
  publicMeasures, publishedPlan, type PublishedPlan,
} from './open-data.datasets.ts'
import { openDataSettingsOf } from './open-data.settings.ts'
import { IndicatorNotPublishedError } from './open-data.errors.ts'

export interface Download { body: Buffer, mediaType: string, fileName: string, licence: OpenDataSettings }

/** Downloads name their licence in a Link header (RFC 8288), so a script that fetches the CSV learns it too. */
export function sendDownload (reply: FastifyReply, download: Download) {
  const licence = openDataLicenceInfo[download.licence.licence]
  return reply.type(download.mediaType === csvMediaType ? `${csvMediaType}; charset=utf-8` : download.mediaType)
    .header('content-disposition', `attachment; filename="${download.fileName}"`)
    .header('link', `<${licence.url}>; rel="license"`)
    .header('x-content-type-options', 'nosniff')
    .send(download.body)
}

const licenceOf = (db: Db, plan: { cityId: number, cityName: string }) => openDataSettingsOf(db, { id: plan.cityId, name: plan.cityName })

/** ASCII only: the names are ours, so no header injection and no surprises in any browser. */
const planFileName = (plan: PublishedPlan, what: string, extension: string) =>
  `${plan.citySlug}-plan-${plan.id}-${what}.${extension}`

async function planDatasetRows (db: Db, plan: PublishedPlan, dataset: PlanDataset, indicatorId?: number): Promise<unknown[]> {
  switch (dataset) {
    case 'measures': return publicMeasures(db, plan)
    case 'status-by-commitment': return commitmentStatusRows(db, plan)
    case 'status-history': return historyRows(db, plan)
    case 'indicators': {
      const indicators = await publicIndicators(db, plan)
      if (indicatorId === undefined) return indicatorRows(indicators)
      const one = indicators.find((indicator) => indicator.id === indicatorId)
      if (!one) throw new IndicatorNotPublishedError(indicatorId)
      return indicatorRows([one])
    }
  }
}

export function createDownloads (db: Db, publicOrigin: string) {
  return {
    async measuresWorkbook (planId: number): Promise<Download> {
      const plan = await publishedPlan(db, planId)
      const [rows, licence] = [await publicMeasures(db, plan), await licenceOf(db, plan)]
      const info = openDataLicenceInfo[licence.licence]
      const body = await writeWorkbook({ name: 'Maßnahmen – Measures', columns: measureColumns, rows }, {
        title: `${plan.titleDe} – ${plan.cityName}`,
        source: `${publicOrigin}/api/plans/${plan.id}/measures.xlsx`,
        licence: { label: `${info.label.de} (${licence.publisherName})`, url: info.url },
        created: new Date(),
        asOf: await cityToday(db, plan.cityId),
      })
      return { body, mediaType: xlsxMediaType, fileName: planFileName(plan, 'measures', 'xlsx'), licence }
    },

    async planCsv (planId: number, dataset: PlanDataset, separator: CsvSeparator | undefined, indicatorId?: number): Promise<Download> {
      const plan = await publishedPlan(db, planId)
      const rows = await planDatasetRows(db, plan, dataset, indicatorId)
      const columns = planDatasetColumns[dataset] as SheetColumn<unknown>[]
      const what = indicatorId === undefined ? dataset : `indicator-${indicatorId}`
      return { body: await writeCsv(columns, rows, separator), mediaType: csvMediaType, fileName: planFileName(plan, what, 'csv'), licence: await licenceOf(db, plan) }
    },

    async incidentsCsv (citySlug: string, release: number | undefined, separator: CsvSeparator | undefined): Promise<Download> {
      const published = await createIncidentReleasesService(db).publicReleases(citySlug, release === undefined ? {} : { release })
      const { cityId, cityName } = await cityOfSlug(db, citySlug)
      const r = published.release
      // The stable address answers before anything is published too: the header row, no figures.
      return {
        body: await writeCsv(incidentColumns, r ? incidentRows(r) : [], separator),
        mediaType: csvMediaType,
        fileName: r ? `${citySlug}-incidents-${r.periodStart}-${r.periodEnd}-v${r.version}.csv` : `${citySlug}-incidents.csv`,
        licence: await licenceOf(db, { cityId, cityName }),
      }
    },
  }
}

async function cityOfSlug (db: Db, slug: string) {
  const city = await getCityBySlug(db, slug)
  return { cityId: city.id, cityName: city.name }
}
