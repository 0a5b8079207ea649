import type { DatasetList, OpenDataSettings, PlanDataset, UpdateOpenDataSettings } from '@eccar/shared'
import { apiUrl, getJson, sendJson } from './http'

/** The stable download addresses of the public pages' data (the same ones the catalogue lists). */
export const planDatasetUrl = (planId: number, dataset: PlanDataset) => apiUrl(`/plans/${planId}/datasets/${dataset}.csv`)
export const measuresXlsxUrl = (planId: number) => apiUrl(`/plans/${planId}/measures.xlsx`)
export const measuresCsvUrl = (planId: number, separator: 'comma' | 'semicolon' = 'comma') =>
  apiUrl(`/plans/${planId}/measures.csv${separator === 'semicolon' ? '?separator=semicolon' : ''}`)
export const incidentsCsvUrl = (city: string, release?: number) =>
  apiUrl(`/cities/${city}/incidents/public.csv${release === undefined ? '' : `?release=${release}`}`)
export const catalogueUrl = (city: string, format: 'jsonld' | 'ttl') => apiUrl(`/cities/${city}/catalog.${format}`)

export const listDatasets = (city: string, signal?: AbortSignal) => getJson<DatasetList>(`/cities/${city}/datasets`, {}, signal)

export const getOpenDataSettings = (city: string) => getJson<OpenDataSettings>(`/cities/${city}/open-data`)

export const saveOpenDataSettings = (city: string, body: UpdateOpenDataSettings, version: number) =>
  sendJson<OpenDataSettings>('PUT', `/cities/${city}/open-data`, body, { ifMatch: version })
