import type { DatasetList, OpenDataSettings, UpdateOpenDataSettings } from '@eccar/shared'
import { getJson, sendJson } from './http'

export const listDatasets = (city: string, signal?: AbortSignal) => getJson<DatasetList>(`/cities/${city}/datasets`, {}, signal)

export const getOpenDataSettings = (city: string) => getJson<OpenDataSettings>(`/cities/${city}/open-data`)

export const saveOpenDataSettings = (city: string, body: UpdateOpenDataSettings, version: number) =>
  sendJson<OpenDataSettings>('PUT', `/cities/${city}/open-data`, body, { ifMatch: version })
