import type { PlanDataset, ReportFormat, ReportKind, ReportLang } from '@eccar/shared'
import { apiUrl, toSearchParams } from './http'

// The API addresses pages link to: the browser follows them itself (downloads with `download`, a preview in a
// new tab, the session cookie goes along), so no request is made here. The one `api/` module components and
// views may import values from (eslint.config.js); every call of the API goes through a store.

/** The stable download addresses of the public pages' data (the same ones the catalogue lists). */
export const planDatasetUrl = (planId: number, dataset: PlanDataset) => apiUrl(`/plans/${planId}/datasets/${dataset}.csv`)
export const measuresXlsxUrl = (planId: number) => apiUrl(`/plans/${planId}/measures.xlsx`)
export const measuresCsvUrl = (planId: number, separator: 'comma' | 'semicolon' = 'comma') =>
  apiUrl(`/plans/${planId}/measures.csv${separator === 'semicolon' ? '?separator=semicolon' : ''}`)
export const incidentsCsvUrl = (city: string, release?: number) =>
  apiUrl(`/cities/${city}/incidents/public.csv${release === undefined ? '' : `?release=${release}`}`)
export const catalogueUrl = (city: string, format: 'jsonld' | 'ttl') => apiUrl(`/cities/${city}/catalog.${format}`)

/** The measures this person may report on, as an Excel template. */
export const statusTemplateUrl = (planId: number) => apiUrl(`/plans/${planId}/status-template.xlsx`)

/** The plan file (the server names the file). */
export const planFileUrl = (id: number) => apiUrl(`/plans/${id}/export`)

export interface ReportRequest { kind: ReportKind, format: ReportFormat, lang: ReportLang }

/** The address of a cycle's report (the HTML preview opens it in a new tab). */
export const reportUrl = (id: number, { kind, format, lang }: ReportRequest) =>
  apiUrl(`/reporting-cycles/${id}/report${toSearchParams({ kind, format, lang })}`)
