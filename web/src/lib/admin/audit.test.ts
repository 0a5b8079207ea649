import { describe, expect, it } from 'vitest'
import {
  actionLabelKey, auditChanges, auditFiltersFromQuery, auditFiltersToApi, auditFiltersToQuery, emptyAuditFilters, entityLabelKey,
} from './audit'

describe('auditChanges', () => {
  it('lists only the fields that changed, without version and timestamps', () => {
    const before = { id: 2, titleDe: 'Alt', fundingNoteDe: null, version: 1, updatedAt: 'a', ids: [1, 2] }
    const after = { id: 2, titleDe: 'Neu', fundingNoteDe: 'Haushalt', version: 2, updatedAt: 'b', ids: [1, 2] }
    expect(auditChanges(before, after)).toEqual([
      { field: 'titleDe', before: 'Alt', after: 'Neu' },
      { field: 'fundingNoteDe', before: null, after: 'Haushalt' },
    ])
  })

  it('shows what a creation set and what a deletion removed', () => {
    expect(auditChanges(null, { seat: 'Beirat', personName: null })).toEqual([{ field: 'seat', before: null, after: 'Beirat' }])
    expect(auditChanges({ seat: 'Beirat' }, null)).toEqual([{ field: 'seat', before: 'Beirat', after: null }])
  })

  it('compares values that are not records as a whole', () => {
    expect(auditChanges(null, null)).toEqual([])
    expect(auditChanges(null, 'x')).toEqual([{ field: '', before: null, after: 'x' }])
  })
})

describe('labels', () => {
  it('know recorded actions and entity types, and leave others as recorded', () => {
    expect(actionLabelKey('plan.commitment.update')).toBe('admin.audit.actions.plan_commitment_update')
    expect(actionLabelKey('something.new')).toBeNull()
    expect(entityLabelKey('plan-commitment')).toBe('admin.audit.entities.plan_commitment')
    expect(entityLabelKey('widget')).toBeNull()
  })
})

describe('audit filters', () => {
  it('read the address and drop what is malformed', () => {
    expect(auditFiltersFromQuery({ entity: 'measure', action: 'measure.', person: '3', from: '2026-01-01', to: 'gestern', page: '2' }))
      .toEqual({ entityType: 'measure', action: 'measure.', actorId: '3', from: '2026-01-01', to: '', page: 2 })
    expect(auditFiltersFromQuery({ person: 'x', page: '-1' })).toEqual(emptyAuditFilters())
  })

  it('write only what is set to the address', () => {
    expect(auditFiltersToQuery({ ...emptyAuditFilters(), action: 'plan.' })).toEqual({ action: 'plan.' })
    expect(auditFiltersToQuery({ ...emptyAuditFilters(), page: 3 })).toEqual({ page: '3' })
  })

  it('ask the API for the page, with "to" covering the whole chosen day', () => {
    const query = auditFiltersToApi({ entityType: 'measure', action: '', actorId: '1', from: '2026-03-01', to: '2026-03-01', page: 2 })
    expect(query).toMatchObject({ entityType: 'measure', actorId: 1, limit: 50, offset: 50 })
    expect(Date.parse(query.to!) - Date.parse(query.from!)).toBe(86_400_000)
    expect(new Date(query.from!).getDate()).toBe(1)
  })
})
