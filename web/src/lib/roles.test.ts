import { roleAtLeast, type Me } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { canPublishIncidents, canReadRawIncidents, canReport, organisationIdsOf, reportingOrganisationIds, roleOf } from './roles'

const org = (id: number) => ({ id, name: `Org ${id}`, nameEn: null })
const user = (overrides: Partial<Me> = {}): Me => ({
  id: 1, email: 'a@b.example', displayName: 'A', isPlatformAdmin: false, memberships: [], ...overrides,
})
const limitedEditor = user({ memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'editor', organisations: [org(5), org(7)] }] })
const editor = user({ memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'editor', organisations: [] }] })
const viewer = user({ memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'viewer', organisations: [] }] })
const measure = (lead: number | null, involved: number[] = [], citySlug = 'jena') =>
  ({ citySlug, leadOrganisation: lead === null ? null : org(lead), involvedOrganisations: involved.map(org) })

describe('roles', () => {
  it('reads the role per city; a platform administrator is admin everywhere', () => {
    expect(roleOf(limitedEditor, 'jena')).toBe('editor')
    expect(roleOf(limitedEditor, 'erfurt')).toBeNull()
    expect(roleOf(user({ isPlatformAdmin: true }), 'erfurt')).toBe('admin')
    expect(roleOf(null, 'jena')).toBeNull()
  })

  it('limits only editors to their organisations', () => {
    expect(organisationIdsOf(limitedEditor, 'jena')).toEqual([5, 7])
    expect(organisationIdsOf(editor, 'jena')).toEqual([])
    expect(organisationIdsOf(user({ memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'viewer', organisations: [org(5)] }] }), 'jena')).toEqual([])
  })
})

describe('canReport', () => {
  it('lets a limited editor report only on measures their bodies lead or join', () => {
    expect(canReport(limitedEditor, measure(5))).toBe(true)
    expect(canReport(limitedEditor, measure(1, [7]))).toBe(true)
    expect(canReport(limitedEditor, measure(1, [2]))).toBe(false)
    expect(canReport(limitedEditor, measure(null))).toBe(false)
  })

  it('lets unlimited editors and admins report on every measure of their city, and nobody else', () => {
    expect(canReport(editor, measure(1))).toBe(true)
    expect(canReport(editor, measure(1, [], 'erfurt'))).toBe(false)
    expect(canReport(viewer, measure(1))).toBe(false)
    expect(canReport(null, measure(1))).toBe(false)
    expect(canReport(user({ isPlatformAdmin: true }), measure(null, [], 'erfurt'))).toBe(true)
  })
})

describe('reportingOrganisationIds', () => {
  it('offers a limited editor their bodies on the measure, lead first', () => {
    expect(reportingOrganisationIds(limitedEditor, measure(7, [3, 5]))).toEqual([7, 5])
    expect(reportingOrganisationIds(limitedEditor, measure(3, [5]))).toEqual([5])
  })

  it('offers others all of the measure\'s bodies', () => {
    expect(reportingOrganisationIds(editor, measure(7, [3, 5]))).toEqual([7, 3, 5])
    expect(reportingOrganisationIds(editor, measure(null, []))).toEqual([])
  })

  it('ranks the anti-discrimination office as a viewer, with raw incident counts but no publishing', () => {
    const office = user({ memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'incidents', organisations: [] }] })
    expect(roleAtLeast('incidents', 'viewer')).toBe(true)
    expect(roleAtLeast('incidents', 'editor')).toBe(false)
    expect(canReadRawIncidents(office, 'jena')).toBe(true)
    expect(canReadRawIncidents(office, 'erfurt')).toBe(false)
    expect(canPublishIncidents(office, 'jena')).toBe(false)
    expect(canReadRawIncidents(editor, 'jena')).toBe(false)
    expect(canReadRawIncidents(viewer, 'jena')).toBe(false)
    expect(canPublishIncidents(user({ isPlatformAdmin: true }), 'jena')).toBe(true)
  })
})
