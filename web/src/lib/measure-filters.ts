import {
  Limits, measureStatuses, measureTypes, type MeasureListQuery, type MeasureStatus, type MeasureType,
} from '@eccar/shared'
import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/** The filters of a commitment's measure list, as the form edits them and the URL keeps them. */
export interface MeasureFilters {
  status: MeasureStatus | null
  type: MeasureType | null
  organisation: number | null
  q: string
}

export const emptyFilters = (): MeasureFilters => ({ status: null, type: null, organisation: null, q: '' })

function first (value: LocationQuery[string] | undefined): string | null {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : null
}

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? value as T : null

/** Reads filters from the URL; anything unknown or malformed is ignored rather than sent to the API. */
export function filtersFromQuery (query: LocationQuery): MeasureFilters {
  const organisation = Number(first(query.organisation))
  const q = (first(query.q) ?? '').trim()
  return {
    status: oneOf(measureStatuses, first(query.status)),
    type: oneOf(measureTypes, first(query.type)),
    organisation: Number.isInteger(organisation) && organisation > 0 ? organisation : null,
    q: q.length <= Limits.searchText ? q : '',
  }
}

/** The URL query for filters: only the ones set, so an unfiltered list has a clean URL. */
export function filtersToQuery (filters: MeasureFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filters.status) query.status = filters.status
  if (filters.type) query.type = filters.type
  if (filters.organisation) query.organisation = String(filters.organisation)
  const q = filters.q.trim()
  if (q) query.q = q
  return query
}

export function hasActiveFilters (filters: MeasureFilters): boolean {
  return Object.keys(filtersToQuery(filters)).length > 0
}

/** The API query for one commitment's measures (primary or secondary) with the filters applied. */
export function filtersToApiQuery (commitment: number, filters: MeasureFilters, limit: number, offset = 0): MeasureListQuery {
  const query: MeasureListQuery = { commitment: [commitment], limit, offset }
  if (filters.status) query.status = [filters.status]
  if (filters.type) query.type = [filters.type]
  if (filters.organisation) query.organisation = [filters.organisation]
  const q = filters.q.trim()
  if (q) query.q = q
  return query
}

export type SearchError = 'tooLong'

/** The one rule the search field can break; the API would answer 400. */
export function validateSearch (q: string): SearchError | null {
  return q.trim().length > Limits.searchText ? 'tooLong' : null
}
