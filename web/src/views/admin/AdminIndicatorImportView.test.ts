import type { Indicator } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import * as indicatorsApi from '@/api/indicators'
import * as api from '@/api/spreadsheets'
import { mountAdminView } from '@/testing/admin-mount'
import AdminIndicatorImportView from './AdminIndicatorImportView.vue'

vi.mock('@/api/indicators')
vi.mock('@/api/spreadsheets', () => ({ previewIndicatorImport: vi.fn(), applyIndicatorImport: vi.fn() }))

const indicator = (id: number, overrides: Partial<Indicator> = {}): Indicator => ({
  id, planId: 1, nameDe: 'Beratungsfälle', nameEn: 'Counselling cases', definitionDe: null, definitionEn: null, unit: 'Anzahl', unitEn: null,
  source: null, direction: 'increase', baselineValue: 40, baselineDate: '2021-12-31', targetValue: 100, targetDate: '2025-12-31', isPublic: false,
  commitments: [], measures: [], values: [], latestValue: 70, progressToTarget: 0.5, version: 1, updatedAt: '2024-01-01T00:00:00Z', ...overrides,
})

describe('AdminIndicatorImportView', () => {
  it('lists the plan\'s indicators, each with its own labelled CSV upload, preview and "apply all"', async () => {
    vi.mocked(indicatorsApi.listIndicators).mockResolvedValue({ items: [indicator(4), indicator(5, { nameDe: 'Schulungen', nameEn: null })] })
    vi.mocked(api.previewIndicatorImport).mockResolvedValue({
      rows: [
        { row: 2, periodStart: '2024-01-01', periodEnd: '2024-12-31', category: null, value: 12, errors: [] },
        { row: 3, periodStart: '2024-01-01', periodEnd: '2024-12-31', category: 'Arbeit', value: 5, errors: [] },
      ],
      applicable: 2, errorCount: 0,
    })
    vi.mocked(api.applyIndicatorImport).mockResolvedValue({ applied: 2, valueIds: [7, 8] })
    const { wrapper } = await mountAdminView(AdminIndicatorImportView, { path: '/jena/verwaltung/plaene/1/indikatoren/einlesen', role: 'editor', realStores: ['indicators-admin', 'spreadsheet-imports'] })
    document.body.appendChild(wrapper.element)
    await flushPromises()
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Beratungsfälle', 'Schulungen'])
    expect(wrapper.find('label[for="indicator-4-file"]').text()).toBe('Werte für „Beratungsfälle“')
    expect(wrapper.text()).toContain('nicht veröffentlicht')

    const input = wrapper.find('#indicator-4-file')
    const file = new File(['period,value\n2024,12\n'], 'werte.csv', { type: 'text/csv' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await wrapper.findAll('form.import-form')[0]!.trigger('submit')
    await flushPromises()
    expect(api.previewIndicatorImport).toHaveBeenCalledWith(4, file, expect.any(Function))
    const rows = wrapper.findAll('table tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      ['2', '01.01.2024 bis 31.12.2024', 'Gesamt', '12', 'keine'],
      ['3', '01.01.2024 bis 31.12.2024', 'Arbeit', '5', 'keine'],
    ])
    await wrapper.findAll('button').find((b) => b.text() === 'Alle übernehmen')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('.import-panel__outcome').text()).toBe('2 Werte übernommen.')
    wrapper.unmount()
  })
})
