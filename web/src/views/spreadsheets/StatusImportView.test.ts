import type { StatusImportPreview } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import * as api from '@/api/spreadsheets'
import { mountAdminView } from '@/testing/admin-mount'
import StatusImportView from './StatusImportView.vue'

vi.mock('@/api/spreadsheets', () => ({
  previewStatusImport: vi.fn(),
  applyStatusImport: vi.fn(),
}))

const path = '/jena/arbeitsbereich/plaene/1/tabelle'
const change = { status: 'done' as const, progress: 100, date: '2026-11-30', note: null, evidenceLink: null }
const good: StatusImportPreview = {
  rows: [
    { row: 2, measureCode: '1.1', measureId: 11, change, errors: [], stale: false },
    { row: 3, measureCode: '1.2', measureId: 12, change, errors: [], stale: false },
  ],
  applicable: 2, errorCount: 0, staleCount: 0,
}
const bad: StatusImportPreview = {
  rows: [
    { row: 2, measureCode: '1.1', measureId: 11, change, errors: [], stale: false },
    { row: 4, measureCode: '9.9', measureId: null, change: null, errors: [{ column: 'date', code: 'INVALID_DATE', message: 'Invalid date' }], stale: false },
    { row: 5, measureCode: '1.3', measureId: 13, change, errors: [], stale: true },
  ],
  applicable: 1, errorCount: 1, staleCount: 1,
}

async function upload (preview: StatusImportPreview, locale: 'de' | 'en' = 'de') {
  vi.mocked(api.previewStatusImport).mockResolvedValue(preview)
  const mounted = await mountAdminView(StatusImportView, { path, role: 'editor', locale, realStores: ['spreadsheet-imports'] })
  document.body.appendChild(mounted.wrapper.element)
  const input = mounted.wrapper.find('input[type="file"]')
  const file = new File(['code;status'], 'status.xlsx')
  Object.defineProperty(input.element, 'files', { value: [file] })
  await input.trigger('change')
  await mounted.wrapper.find('form.import-form').trigger('submit')
  await flushPromises()
  return { ...mounted, file }
}

describe('StatusImportView', () => {
  beforeEach(() => { vi.mocked(api.applyStatusImport).mockReset() })

  it('offers the template as a real download and a labelled file field', async () => {
    const { wrapper } = await mountAdminView(StatusImportView, { path, role: 'editor', realStores: ['spreadsheet-imports'] })
    const template = wrapper.find('a[download]')
    expect(template.attributes('href')).toBe('/api/plans/1/status-template.xlsx')
    expect(template.text()).toBe('Vorlage herunterladen (Excel)')
    const input = wrapper.find('input[type="file"]')
    expect(wrapper.find(`label[for="${input.attributes('id')}"]`).text()).toBe('Datei (Excel oder CSV)')
  })

  it('asks for a file before sending anything', async () => {
    const { wrapper } = await mountAdminView(StatusImportView, { path, role: 'editor', realStores: ['spreadsheet-imports'] })
    await wrapper.find('form.import-form').trigger('submit')
    expect(wrapper.find('.field__error').text()).toBe('Bitte wählen Sie zuerst eine Datei.')
    expect(wrapper.find('input[type="file"]').attributes('aria-invalid')).toBe('true')
    expect(api.previewStatusImport).not.toHaveBeenCalled()
  })

  it('lists errors above the preview, each link focusing its row, marks stale rows and offers no "apply all"', async () => {
    const { wrapper } = await upload(bad)
    const summary = wrapper.find('.form-errors')
    expect(document.activeElement).toBe(summary.element)
    expect(summary.text()).toContain('Die Datei hat 1 Fehler. Es wird nichts übernommen.')
    expect(summary.text()).toContain('Zeile 4, Spalte „date“: Kein gültiges Datum (JJJJ-MM-TT).')
    expect(summary.text()).toContain('1 Zeile beruht auf einem älteren Stand.')
    await summary.find('a').trigger('click')
    expect(document.activeElement?.id).toBe('status-import-row-4')
    expect(wrapper.find('#status-import-row-5').text()).toContain('(veraltet)')
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Alle übernehmen')
    expect(wrapper.text()).toContain('Übernehmen geht erst, wenn die Vorschau keine Fehler')
    wrapper.unmount()
  })

  it('applies all rows and shows the result with links to the measures', async () => {
    const { wrapper, file } = await upload(good, 'en')
    expect(document.activeElement?.id).toBe('status-import-preview-heading')
    expect(wrapper.text()).toContain('2 changes can be applied.')
    vi.mocked(api.applyStatusImport).mockResolvedValue({ applied: 2, measureIds: [11, 12] })
    await wrapper.findAll('button').find((b) => b.text() === 'Apply all')!.trigger('click')
    await flushPromises()
    expect(api.applyStatusImport).toHaveBeenCalledWith(1, file, expect.any(Function))
    expect(wrapper.find('.import-panel__outcome').text()).toBe('2 reports applied.')
    expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('status-import-result-heading')
    expect(wrapper.findAll('.import-panel a').map((a) => [a.text(), a.attributes('href')]))
      .toEqual([['1.1', '/jena/plans/1/measures/11'], ['1.2', '/jena/plans/1/measures/12']])
    wrapper.unmount()
  })

  it('shows the new verdict when a row became stale between preview and apply', async () => {
    const { wrapper } = await upload(good)
    const stale = { ...good, rows: [{ ...good.rows[0]!, stale: true }, good.rows[1]!], applicable: 1, staleCount: 1 }
    vi.mocked(api.applyStatusImport).mockRejectedValue(new ApiError(422, 'STATUS_IMPORT_INVALID', 'x', undefined, { details: stale }))
    await wrapper.findAll('button').find((b) => b.text() === 'Alle übernehmen')!.trigger('click')
    await flushPromises()
    expect(wrapper.find('#status-import-row-2').text()).toContain('(veraltet)')
    expect(wrapper.text()).toContain('Die Änderungen wurden nicht übernommen.')
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Alle übernehmen')
    wrapper.unmount()
  })
})
