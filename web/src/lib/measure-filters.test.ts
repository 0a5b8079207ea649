import { Limits } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import {
  emptyFilters, filtersFromQuery, filtersToApiQuery, filtersToQuery, hasActiveFilters, validateSearch,
} from './measure-filters'

describe('filtersFromQuery', () => {
  it('reads every filter from the URL query', () => {
    expect(filtersFromQuery({ status: 'delayed', type: 'examination', organisation: '5', q: ' Beirat ' }))
      .toEqual({ status: 'delayed', type: 'examination', organisation: 5, q: 'Beirat' })
  })

  it('ignores unknown statuses, types and malformed organisation ids', () => {
    expect(filtersFromQuery({ status: 'finished', type: 'x', organisation: '-3' })).toEqual(emptyFilters())
    expect(filtersFromQuery({ organisation: '2.5' }).organisation).toBeNull()
  })

  it('takes the first value when a filter is repeated', () => {
    expect(filtersFromQuery({ status: ['done', 'planned'] }).status).toBe('done')
  })

  it('drops a search longer than the API accepts', () => {
    expect(filtersFromQuery({ q: 'x'.repeat(Limits.searchText + 1) }).q).toBe('')
  })
})

describe('filtersToQuery', () => {
  it('writes only the filters that are set', () => {
    expect(filtersToQuery({ status: 'done', type: null, organisation: null, q: '  ' })).toEqual({ status: 'done' })
    expect(filtersToQuery(emptyFilters())).toEqual({})
  })

  it('round-trips through the URL', () => {
    const filters = { status: 'in_progress' as const, type: 'implementation' as const, organisation: 12, q: 'Schule' }
    expect(filtersFromQuery(filtersToQuery(filters) as Record<string, string>)).toEqual(filters)
  })

  it('says whether any filter is active', () => {
    expect(hasActiveFilters(emptyFilters())).toBe(false)
    expect(hasActiveFilters({ ...emptyFilters(), q: 'a' })).toBe(true)
  })
})

describe('filtersToApiQuery', () => {
  it('asks for the commitment (primary or secondary) and repeats filters as arrays', () => {
    expect(filtersToApiQuery(3, { status: 'done', type: null, organisation: 7, q: 'Rat' }, 50, 50))
      .toEqual({ commitment: [3], status: ['done'], organisation: [7], q: 'Rat', limit: 50, offset: 50 })
  })
})

describe('validateSearch', () => {
  it('accepts up to the limit and refuses more', () => {
    expect(validateSearch('x'.repeat(Limits.searchText))).toBeNull()
    expect(validateSearch('x'.repeat(Limits.searchText + 1))).toBe('tooLong')
  })
})
