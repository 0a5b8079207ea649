import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import * as api from '@/api/open-data'
import { mountAdminView } from '@/testing/admin-mount'
import AdminOpenDataView from './AdminOpenDataView.vue'

vi.mock('@/api/open-data')
// A save reads the public dataset list again (its links name the licence).
beforeEach(() => { vi.mocked(api.listDatasets).mockResolvedValue({ items: [] }) })
const unset = { licence: 'dl-de-by-2.0', publisherName: 'Jena', contactEmail: null, municipalityKey: null, contributorId: null } as const
const path = '/jena/verwaltung/offene-daten'
const labelOf = (wrapper: { find: (s: string) => { text: () => string } }, id: string) => wrapper.find(`label[for="${id}"]`).text()

describe('AdminOpenDataView', () => {
  it('offers the four licences by name and saves the settings with the version read', async () => {
    vi.mocked(api.getOpenDataSettings).mockResolvedValue({ ...unset, version: 2 })
    vi.mocked(api.saveOpenDataSettings).mockResolvedValue({ ...unset, licence: 'cc-by-4.0', publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.example', version: 3 })
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
    expect(api.saveOpenDataSettings).toHaveBeenCalledWith('jena', { licence: 'cc-by-4.0', publisherName: 'Stadt Jena', contactEmail: 'opendata@jena.example', municipalityKey: null, contributorId: null }, 2)
    expect(wrapper.text()).toContain('The open-data settings are saved.')
  })

  it('names a wrong e-mail address in the error summary before sending', async () => {
    vi.mocked(api.getOpenDataSettings).mockResolvedValue({ ...unset, version: 2 })
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

  it('asks for the municipality key and GovData contributor ID with labels and hints, in German and English, and saves them', async () => {
    vi.mocked(api.getOpenDataSettings).mockResolvedValue({ ...unset, version: 2 })
    vi.mocked(api.saveOpenDataSettings).mockResolvedValue({ ...unset, municipalityKey: '16053000', contributorId: 'http://dcat-ap.de/def/contributors/stadtJena', version: 3 })
    const german = (await mountAdminView(AdminOpenDataView, { path, realStores: ['open-data'] })).wrapper
    await flushPromises()
    expect(labelOf(german, 'open-data-municipalityKey')).toBe('Amtlicher Gemeindeschlüssel')
    expect(german.find('#open-data-municipalityKey-hint').text()).toContain('16053000 für Jena')
    expect(labelOf(german, 'open-data-contributorId')).toBe('GovData-Bereitsteller-ID')
    german.unmount()

    const { wrapper } = await mountAdminView(AdminOpenDataView, { path, locale: 'en', realStores: ['open-data'] })
    await flushPromises()
    expect(labelOf(wrapper, 'open-data-municipalityKey')).toBe('Official municipality key (Amtlicher Gemeindeschlüssel)')
    expect(labelOf(wrapper, 'open-data-contributorId')).toBe('GovData contributor ID')
    const key = wrapper.find('#open-data-municipalityKey')
    expect(key.attributes('aria-describedby')).toBe('open-data-municipalityKey-hint')
    expect(wrapper.find('#open-data-contributorId-hint').text()).toContain('http://dcat-ap.de/def/contributors/')
    await key.setValue(' 16053000 ')
    await wrapper.find('#open-data-contributorId').setValue('http://dcat-ap.de/def/contributors/stadtJena')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveOpenDataSettings).toHaveBeenCalledWith('jena', {
      licence: 'dl-de-by-2.0', publisherName: 'Jena', contactEmail: null,
      municipalityKey: '16053000', contributorId: 'http://dcat-ap.de/def/contributors/stadtJena',
    }, 2)
    expect(wrapper.text()).toContain('The open-data settings are saved.')
  })

  it('names a malformed municipality key and a contributor ID without http(s) before sending', async () => {
    vi.mocked(api.getOpenDataSettings).mockResolvedValue({ ...unset, version: 2 })
    vi.mocked(api.saveOpenDataSettings).mockClear()
    const { wrapper } = await mountAdminView(AdminOpenDataView, { path, realStores: ['open-data'] })
    await flushPromises()
    await wrapper.find('#open-data-municipalityKey').setValue('1605300')
    await wrapper.find('#open-data-contributorId').setValue('dcat-ap.de/def/contributors/stadtJena')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const summary = wrapper.find('.form-errors').text()
    expect(summary).toContain('Amtlicher Gemeindeschlüssel: Der Gemeindeschlüssel hat 8 Ziffern')
    expect(summary).toContain('GovData-Bereitsteller-ID: Bitte eine Adresse angeben, die mit http:// oder https:// beginnt.')
    expect(wrapper.find('#open-data-municipalityKey').attributes('aria-invalid')).toBe('true')
    expect(wrapper.find('#open-data-contributorId').attributes('aria-invalid')).toBe('true')
    expect(api.saveOpenDataSettings).not.toHaveBeenCalled()
  })

  it('marks the field when the server refuses the key', async () => {
    vi.mocked(api.getOpenDataSettings).mockResolvedValue({ ...unset, version: 2 })
    vi.mocked(api.saveOpenDataSettings).mockRejectedValue(new ApiError(400, 'MUNICIPALITY_KEY_INVALID', 'The municipality key is not an Amtlicher Gemeindeschlüssel', undefined, {
      code: 'MUNICIPALITY_KEY_INVALID', details: [{ path: '/municipalityKey', reason: 'is not an Amtlicher Gemeindeschlüssel' }],
    }))
    const { wrapper } = await mountAdminView(AdminOpenDataView, { path, locale: 'en', realStores: ['open-data'] })
    await flushPromises()
    await wrapper.find('#open-data-municipalityKey').setValue('16053000')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('#open-data-municipalityKey-error').text()).toBe('The municipality key has 8 digits and starts with the number of a Land (01 to 16), for example 16053000 for Jena.')
    expect(wrapper.find('#open-data-municipalityKey').attributes('aria-invalid')).toBe('true')
  })
})
