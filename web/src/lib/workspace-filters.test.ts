import { describe, expect, it } from 'vitest'
import { organisationsToAsk, workspaceFiltersFromQuery, workspaceFiltersToQuery } from './workspace-filters'

describe('workspace filters in the address', () => {
  it('reads a body and months, ignoring values out of range', () => {
    expect(workspaceFiltersFromQuery({ stelle: '5', monate: '12' })).toEqual({ organisation: 5, staleMonths: 12 })
    expect(workspaceFiltersFromQuery({ stelle: 'x', monate: '61' })).toEqual({ organisation: null, staleMonths: null })
    expect(workspaceFiltersFromQuery({})).toEqual({ organisation: null, staleMonths: null })
  })

  it('writes only what is set, and reads back the same', () => {
    expect(workspaceFiltersToQuery({ organisation: null, staleMonths: 3 })).toEqual({ monate: '3' })
    const query = workspaceFiltersToQuery({ organisation: 7, staleMonths: null })
    expect(workspaceFiltersFromQuery(query as Record<string, string>)).toEqual({ organisation: 7, staleMonths: null })
  })

  it('asks for the chosen body, but a limited editor only among their own', () => {
    expect(organisationsToAsk({ organisation: 7, staleMonths: null }, [])).toEqual([7])
    expect(organisationsToAsk({ organisation: null, staleMonths: null }, [5, 6])).toEqual([5, 6])
    expect(organisationsToAsk({ organisation: 6, staleMonths: null }, [5, 6])).toEqual([6])
    expect(organisationsToAsk({ organisation: 9, staleMonths: null }, [5, 6])).toEqual([5, 6])
  })
})
