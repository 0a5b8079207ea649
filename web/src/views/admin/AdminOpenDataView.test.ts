import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/open-data'
import { mountAdminView } from '@/testing/admin-mount'
import AdminOpenDataView from './AdminOpenDataView.vue'

vi.mock('@/api/open-data')
// A save reads the public dataset list again (its links name the licence).
beforeEach(() => { vi.mocked(api.listDatasets).mockResolvedValue({ items: [] }) })

describe('AdminOpenDataView', () => {
  it('offers the four licences by name and saves the settings with the version read', async () => {
    vi.mocked(api.getOpenDataSettings).mockResolvedValue({ licence: 'dl-de-by-2.0', publisherName: 'Jena', contactEmail: null, version: 2 })
    vi.mocked(api.saveOpenDataSettings).mockResolvedValue({ licence: 'cc-by-4.0', publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.example', version: 3 })
    const { wrapper } = await mountAdminView(AdminOpenDataView, { path: '/jena/verwaltung/offene-daten', locale: 'en', realStores: ['open-data'] })
    await flushPromises()
    expect(wrapper.findAll('#open-data-licence option').map((o) => o.text())).toEqual([
      'Data licence Germany – attribution – version 2.0', 'Data licence Germany – Zero – version 2.0',
      'Creative Commons Attribution 4.0 International', 'Creative Commons Zero 1.0 (public domain)',
    ])
    await wrapper.find('#open-data-licence').setValue('cc-by-4.0')
    await wrapper.find('#open-data-publisherName').setValue('Stadt Jena')
    await wrapper.find('#open-data-contactEmail').setValue('opendata@jena.example')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveOpenDataSettings).toHaveBeenCalledWith('jena', { licence: 'cc-by-4.0', publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.example' }, 2)
    expect(wrapper.text()).toContain('The open-data settings are saved.')
  })

  it('names a wrong e-mail address in the error summary before sending', async () => {
    vi.mocked(api.getOpenDataSettings).mockResolvedValue({ licence: 'dl-de-by-2.0', publisherName: 'Jena', contactEmail: null, version: 2 })
    vi.mocked(api.saveOpenDataSettings).mockClear()
    const { wrapper } = await mountAdminView(AdminOpenDataView, { path: '/jena/verwaltung/offene-daten', realStores: ['open-data'] })
    await flushPromises()
    await wrapper.find('#open-data-contactEmail').setValue('kein-name')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.form-errors').text()).toContain('Kontakt-E-Mail: Bitte eine gültige E-Mail-Adresse angeben.')
    expect(wrapper.find('#open-data-contactEmail').attributes('aria-invalid')).toBe('true')
    expect(api.saveOpenDataSettings).not.toHaveBeenCalled()
  })
})
