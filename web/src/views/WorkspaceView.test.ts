import type { Me, PlanAttention } from '@eccar/shared'
import { describe, expect, it, vi } from 'vitest'
import { useWorkspaceStore } from '@/stores/workspace'
import { buildMeasureSummary } from '@/testing/fixtures'
import { mountView } from '@/testing/mount'
import WorkspaceView from './WorkspaceView.vue'

vi.mock('@/router/admin', () => ({ adminRoutes: [] }))

const ads = { id: 5, name: 'Antidiskriminierungsstelle der Stadt Jena', nameEn: 'Anti-Discrimination Office' }
const member = (role: 'editor' | 'viewer', organisations = [ads]): Me => ({
  id: 2, email: 'e@jena.example', displayName: 'Eda', isPlatformAdmin: false,
  memberships: [{ citySlug: 'jena', cityName: 'Jena', role, organisations }],
})
const attention: PlanAttention = {
  planId: 1, today: '2024-06-15', staleMonths: 6, total: 2,
  groups: [
    { organisation: ads, measures: [{ id: 10, code: '2.5', titleDe: 'Jährlicher Bericht', titleEn: null, status: 'delayed', progress: 10, endDate: '2023-12-31', lastUpdate: '2023-01-10', reasons: ['delayed', 'overdue', 'stale'] }] },
    { organisation: null, measures: [{ id: 47, code: '10.5', titleDe: 'Ortsteile', titleEn: null, status: 'planned', progress: 0, endDate: '2023-12-31', lastUpdate: null, reasons: ['stale'] }] },
  ],
}
const workspaceState = {
  city: 'jena', status: 'idle', plan: { id: 1, citySlug: 'jena', cityName: 'Jena', titleDe: 'Aktionsplan Jena', titleEn: null, state: 'adopted' },
  measures: [buildMeasureSummary({ status: 'ongoing', progress: 100 })], limitedTo: [5], attention,
}

async function mountWorkspace (user: Me, locale: 'de' | 'en' = 'de') {
  return mountView(WorkspaceView, { path: '/jena/arbeitsbereich', locale, initialState: { session: { user, loaded: true }, workspace: workspaceState } })
}

describe('WorkspaceView', () => {
  it('lists a limited editor\'s measures and says which bodies they are limited to', async () => {
    const { wrapper } = await mountWorkspace(member('editor'))
    expect(useWorkspaceStore().load).toHaveBeenCalledWith('jena', [5])
    expect(wrapper.get('h1').text()).toBe('Arbeitsbereich Jena')
    expect(wrapper.text()).toContain('Maßnahmen, bei denen Antidiskriminierungsstelle der Stadt Jena federführend oder beteiligt ist.')
    expect(wrapper.get('#my-measures-heading').text()).toBe('Meine Maßnahmen')
    expect(wrapper.find('a[href="/jena/plans/1/measures/1"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('Eine Statusmeldung geben Sie auf der Seite der Maßnahme ab.')
  })

  it('tells everyone else that they see all measures', async () => {
    const { wrapper } = await mountWorkspace(member('viewer', []))
    expect(useWorkspaceStore().load).toHaveBeenCalledWith('jena', [])
    expect(wrapper.text()).toContain('Darum sehen Sie hier alle Maßnahmen des Plans.')
    expect(wrapper.text()).toContain('keine Statusmeldungen abgeben')
  })

  it('groups "needs attention" by lead body, with every reason in words and a link to the measure', async () => {
    const { wrapper } = await mountWorkspace(member('editor'))
    const groups = wrapper.findAll('.attention-group')
    expect(groups.map((g) => g.get('h3').text().replace(/\s+/g, ' '))).toEqual([
      'Antidiskriminierungsstelle der Stadt Jena (1 Maßnahme)', 'Ohne federführende Stelle (1 Maßnahme)',
    ])
    const reasons = groups[0]!.findAll('.attention-reasons__list li').map((li) => li.text())
    expect(reasons).toEqual(['als verzögert gemeldet', 'Enddatum 31. Dezember 2023 überschritten', 'seit 17 Monaten keine Meldung (zuletzt am 10. Januar 2023)'])
    expect(groups[1]!.text()).toContain('noch keine Meldung erfasst')
    expect(groups[0]!.find('a[href="/jena/plans/1/measures/10"]').exists()).toBe(true)
  })

  it('speaks English', async () => {
    const { wrapper } = await mountWorkspace(member('editor'), 'en')
    expect(wrapper.get('h1').text()).toBe('Workspace Jena')
    expect(wrapper.text()).toContain('past its end date, 31 December 2023')
    expect(wrapper.text()).toContain('no report for 17 months (last on 10 January 2023)')
  })

  it('filters by a body and by months without a report, kept in the address', async () => {
    const { wrapper, router } = await mountView(WorkspaceView, {
      path: '/jena/arbeitsbereich?stelle=5&monate=12', initialState: { session: { user: member('viewer', []), loaded: true }, workspace: workspaceState },
    })
    const store = useWorkspaceStore()
    expect(store.load).toHaveBeenCalledWith('jena', [5], 12)
    expect(wrapper.get<HTMLInputElement>('#ws-filter-staleMonths').element.value).toBe('12')
    await wrapper.get('#ws-filter-staleMonths').setValue('3')
    await wrapper.get('form[role="search"]').trigger('submit')
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ stelle: '5', monate: '3' }))
    await vi.waitFor(() => expect(store.load).toHaveBeenLastCalledWith('jena', [5], 3))
    await wrapper.findAll('form[role="search"] button').find((b) => b.text() === 'Filter zurücksetzen')!.trigger('click')
    await vi.waitFor(() => expect(store.load).toHaveBeenLastCalledWith('jena', []))
  })
})
