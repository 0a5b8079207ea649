import type { IncidentRelease } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useAdminIncidentsStore } from '@/stores/admin-incidents'
import { mountAdminView } from '@/testing/admin-mount'
import { buildRelease } from '@/testing/incident-fixtures'
import AdminIncidentReleasesView from './AdminIncidentReleasesView.vue'

const path = '/jena/verwaltung/fallzahlen/veroeffentlichungen'
const periods = [
  { periodStart: '2023-07-01', periodEnd: '2023-12-31', counts: [], total: 9 },
  { periodStart: '2024-01-01', periodEnd: '2024-06-30', counts: [], total: 25 },
]
const summary = ({ counts: _c, audit: _a, ...rest }: IncidentRelease) => rest

function state (release: IncidentRelease) {
  return { 'admin-incidents': { tables: { jena: { threshold: 5, periods } }, releases: { jena: [summary(release)] }, details: { [release.id]: release } } }
}

async function openRelease (release: IncidentRelease, role: 'admin' | 'incidents' = 'admin', locale: 'de' | 'en' = 'de') {
  const mounted = await mountAdminView(AdminIncidentReleasesView, { path, initialState: state(release), role, locale })
  await mounted.wrapper.find('td.actions button').trigger('click')
  await flushPromises()
  return mounted
}

describe('AdminIncidentReleasesView', () => {
  it('offers to prepare a release only for closed periods without one in progress', async () => {
    const { wrapper, pinia } = await mountAdminView(AdminIncidentReleasesView, { path, initialState: state(buildRelease({ state: 'draft', audit: null })), role: 'incidents' })
    expect(wrapper.findAll('#prepare-period option').map((o) => o.text())).toEqual(['01.07.2023 – 31.12.2023'])
    const store = useAdminIncidentsStore(pinia)
    vi.mocked(store.prepareRelease).mockResolvedValue(buildRelease({ id: 9, periodStart: '2023-07-01', periodEnd: '2023-12-31', state: 'draft', audit: null }))
    await wrapper.find('form.filters').trigger('submit')
    expect(store.prepareRelease).toHaveBeenCalledWith('jena', { periodStart: '2023-07-01', periodEnd: '2023-12-31' })
  })

  it('shows every view with the withheld figures, why, and what an attacker could prove', async () => {
    const { wrapper } = await openRelease(buildRelease())
    const result = wrapper.find('section[aria-labelledby="release-4-result"]')
    expect(result.text()).toContain('4 Zahlen werden zurückgehalten.')
    expect(result.find('.notice').text()).toContain('Nicht veröffentlicht werden: Nach Lebensbereich und Meldeweg.')
    const kindRows = result.findAll('section')[1]!.findAll('tbody tr')
    expect(kindRows[0]!.text()).toContain('Rassismus')
    expect(kindRows[0]!.text()).toContain('21 (zurückgehalten)')
    expect(kindRows[0]!.text()).toContain('zurückgehalten, damit sich eine andere Zahl nicht errechnen lässt; für Außenstehende zwischen 17 und 25')
    expect(kindRows[5]!.text()).toContain('unter der Mindestzahl; für Außenstehende zwischen 0 und 7')
    expect(kindRows[3]!.text()).toContain('für Außenstehende 0 oder mehr')
    expect(result.findAll('h4').map((h) => h.text())).toEqual(['Gesamtzahl', 'Nach Art der Diskriminierung', 'Nach Lebensbereich und Meldeweg – wird nicht veröffentlicht'])
    expect(result.text()).toContain('Tabelle wird nicht veröffentlicht')
  })

  it('shows the audit in progress as a progress bar with its text, and the outcome', async () => {
    const { wrapper, pinia } = await openRelease(buildRelease({ state: 'draft', audit: null }))
    const store = useAdminIncidentsStore(pinia)
    let finish: (release: IncidentRelease) => void = () => {}
    vi.mocked(store.auditRelease).mockImplementation(() => {
      store.auditing = 4
      return new Promise((resolve) => { finish = resolve })
    })
    await wrapper.find('.release-panel .form-actions .button').trigger('click')
    await flushPromises()
    const progress = wrapper.find('progress')
    expect(progress.exists()).toBe(true)
    expect(wrapper.find(`#${progress.attributes('aria-labelledby')!}`).text()).toBe('Prüfung läuft … 0 s')
    expect(wrapper.find('.release-progress').text()).toContain('Prüfung läuft')
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(true)
    store.auditing = null
    finish(buildRelease())
    await flushPromises()
    expect(wrapper.find('progress').exists()).toBe(false)
    expect(wrapper.find('[role="status"]').text()).toBe('Prüfung abgeschlossen: 4 Zahlen werden zurückgehalten.')
  })

  it('lets an admin publish a checked release after confirming, and explains a stale audit', async () => {
    const { wrapper, pinia } = await openRelease(buildRelease(), 'admin', 'en')
    const store = useAdminIncidentsStore(pinia)
    vi.mocked(store.publishRelease).mockRejectedValueOnce(new ApiError(409, 'INCIDENT_RELEASE_AUDIT_STALE', 'x'))
    const publish = wrapper.findAll('.release-panel .form-actions button').find((b) => b.text() === 'Publish')!
    await publish.trigger('click')
    expect(wrapper.find('.confirm').text()).toContain('Publish version 1 for 1 Jan 2024 – 30 Jun 2024? It is public from then on')
    await wrapper.find('.confirm .button--danger').trigger('click')
    await flushPromises()
    expect(store.publishRelease).toHaveBeenCalledWith('jena', 4)
    expect(wrapper.find('[role="alert"]').text()).toContain('Another version was published since the audit. Please audit again, then publish.')
  })

  it('does not offer publishing to the office', async () => {
    const { wrapper } = await openRelease(buildRelease(), 'incidents')
    expect(wrapper.findAll('.release-panel .form-actions button').map((b) => b.text())).toEqual(['Erneut prüfen', 'Fassung löschen'])
    expect(wrapper.text()).toContain('Veröffentlichen dürfen nur Personen mit der Rolle „Verwaltung des Plans“.')
  })

  it('shows a published release read-only, with the correction noted in the list', async () => {
    const { wrapper } = await openRelease(buildRelease({ version: 2, state: 'published', publishedAt: '2025-01-11T09:00:00.000Z' }))
    expect(wrapper.find('tbody tr').text()).toContain('2 (Korrektur)')
    expect(wrapper.find('.release-panel .form-actions').exists()).toBe(false)
    expect(wrapper.find('.release-panel').text()).toContain('Diese Fassung ist eingefroren')
  })
})
