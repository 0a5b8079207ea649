import type { BrandingSettings } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import * as api from '@/api/brand'
import * as cities from '@/api/cities'
import { mountAdminView } from '@/testing/admin-mount'
import AdminBrandingView from './AdminBrandingView.vue'

vi.mock('@/api/brand')
vi.mock('@/api/cities')

const settings: BrandingSettings = {
  citySlug: 'jena', cityName: 'Jena', accentColour: null, website: null, feedbackEmail: null, feedbackPhone: null, feedbackUrl: null,
  enforcementName: null, enforcementUrl: null, logoUrl: null, embedOrigins: [], version: 4,
}

async function mountView (locale: 'de' | 'en' = 'de', current: BrandingSettings = settings) {
  vi.mocked(api.getBrandingSettings).mockResolvedValue(current)
  vi.mocked(cities.listPlansOfCity).mockResolvedValue({ items: [] })
  vi.mocked(api.saveBrandingSettings).mockReset()
  // A save reads the public look again, for the header.
  vi.mocked(api.getBranding).mockResolvedValue(settings)
  const { wrapper } = await mountAdminView(AdminBrandingView, { path: '/jena/verwaltung/erscheinungsbild', locale, realStores: ['branding'] })
  await flushPromises()
  return wrapper
}

describe('AdminBrandingView', () => {
  it('shows the contrast of a too light accent colour, names it in the error summary and sends nothing', async () => {
    const wrapper = await mountView('en')
    await wrapper.find('#branding-accentColour').setValue('#e2001a')
    const rows = wrapper.findAll('.contrast-table tbody tr').map((row) => row.text())
    expect(rows[0]).toContain('Page (white)')
    expect(rows[0]).toContain('4.94:1')
    expect(rows[0]).toContain('sufficient')
    expect(rows[2]).toContain('Table stripes (grey)')
    expect(rows[2]).toContain('too low (at least 4.5:1)')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(wrapper.find('.form-errors').text()).toContain('Accent colour: The colour is too light')
    expect(wrapper.find('#branding-accentColour').attributes('aria-invalid')).toBe('true')
    expect(api.saveBrandingSettings).not.toHaveBeenCalled()
  })

  it('saves a dark enough colour, the contacts and the origins (one per line) with the version read', async () => {
    const wrapper = await mountView()
    vi.mocked(api.saveBrandingSettings).mockResolvedValue({ ...settings, accentColour: '#0b5a3c', version: 5 })
    await wrapper.find('#branding-accentColour').setValue('#0B5A3C')
    await wrapper.find('#branding-feedbackEmail').setValue('barrierefrei@jena.de')
    await wrapper.find('#branding-enforcementName').setValue('Schlichtungsstelle BGG')
    await wrapper.find('#branding-embedOrigins').setValue('https://www.jena.de\n\nhttp://localhost:8080\n')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveBrandingSettings).toHaveBeenCalledWith('jena', {
      accentColour: '#0b5a3c', website: null, feedbackEmail: 'barrierefrei@jena.de', feedbackPhone: null, feedbackUrl: null,
      enforcementName: 'Schlichtungsstelle BGG', enforcementUrl: null, embedOrigins: ['https://www.jena.de', 'http://localhost:8080'],
    }, 4)
    expect(wrapper.text()).toContain('Das Erscheinungsbild ist gespeichert.')
  })

  it('saves against the version the logo removal left, keeping what was typed before it', async () => {
    const wrapper = await mountView('de', { ...settings, logoUrl: '/api/cities/jena/logo/1' })
    vi.mocked(api.removeLogo).mockResolvedValue({ ...settings, version: 5 })
    vi.mocked(api.saveBrandingSettings).mockResolvedValue({ ...settings, feedbackEmail: 'barrierefrei@jena.de', version: 6 })
    await wrapper.find('#branding-feedbackEmail').setValue('barrierefrei@jena.de')
    const remove = wrapper.findAll('button').find((b) => b.text() === 'Logo entfernen')!
    await remove.trigger('click')
    await flushPromises()
    expect(api.removeLogo).toHaveBeenCalledWith('jena', 4)
    expect((wrapper.find('#branding-feedbackEmail').element as HTMLInputElement).value).toBe('barrierefrei@jena.de')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.saveBrandingSettings).toHaveBeenCalledWith('jena', expect.objectContaining({ feedbackEmail: 'barrierefrei@jena.de' }), 5)
    expect(wrapper.text()).toContain('Das Erscheinungsbild ist gespeichert.')
  })
})
