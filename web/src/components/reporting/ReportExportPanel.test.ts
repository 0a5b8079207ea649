import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import * as api from '@/api/reporting'
import { useAnnouncer } from '@/composables/useAnnouncer'
import { saveBlob } from '@/lib/save-file'
import { mountWithApp } from '@/testing/mount'
import ReportExportPanel from './ReportExportPanel.vue'

vi.mock('@/api/reporting', async (original) => ({
  ...await original<typeof import('@/api/reporting')>(),
  downloadReport: vi.fn(),
}))
vi.mock('@/lib/save-file', () => ({ saveBlob: vi.fn() }))

describe('ReportExportPanel', () => {
  beforeEach(() => { vi.resetAllMocks(); vi.useRealTimers() })

  it('offers ECCAR in English by default, the council report in German only', async () => {
    const { wrapper } = mountWithApp(ReportExportPanel, { props: { cycleId: 7, mayExport: true }, locale: 'en' })
    const lang = () => wrapper.findAll('input[type="radio"][name$="-lang"]')
    expect(lang().map((r) => (r.element as HTMLInputElement).value)).toEqual(['en', 'de'])
    expect((lang()[0]?.element as HTMLInputElement).checked).toBe(true)
    await wrapper.find('input[value="council"]').setValue(true)
    expect(lang().map((r) => (r.element as HTMLInputElement).value)).toEqual(['de'])
    expect(wrapper.text()).toContain('German only')
  })

  it('shows an indeterminate progress bar, then the byte count, then saves the named file and announces it', async () => {
    let progress: (received: number, total: number | null) => void = () => {}
    let finish: (value: { blob: Blob, fileName: string }) => void = () => {}
    vi.mocked(api.downloadReport).mockImplementation((_id, _query, onProgress) => {
      progress = onProgress
      return new Promise((resolve) => { finish = resolve })
    })
    const { wrapper } = mountWithApp(ReportExportPanel, { props: { cycleId: 7, mayExport: true }, locale: 'en', attachTo: document.body, realStores: ['reporting'] })
    await wrapper.find('form').trigger('submit')
    expect(api.downloadReport).toHaveBeenCalledWith(7, { kind: 'eccar', format: 'pdf', lang: 'en' }, expect.any(Function))
    const bar = () => wrapper.find('[data-testid="export-progress"]')
    expect(bar().exists()).toBe(true)
    expect(bar().attributes('value')).toBeUndefined()
    expect(wrapper.find('[aria-busy="true"]').exists()).toBe(true)
    progress(512, 2048)
    await flushPromises()
    expect((bar().element as HTMLProgressElement).value).toBe(25)
    expect(wrapper.text()).toContain('of 2 KB received')
    finish({ blob: new Blob(['%PDF']), fileName: 'eccar-report-en.pdf' })
    await flushPromises()
    expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), 'eccar-report-en.pdf')
    expect(bar().exists()).toBe(false)
    expect(wrapper.text()).toContain('“eccar-report-en.pdf” has been downloaded')
    await new Promise((r) => setTimeout(r, 80))
    expect(useAnnouncer().message.value).toContain('eccar-report-en.pdf')
    wrapper.unmount()
  })

  it('explains a busy export', async () => {
    vi.mocked(api.downloadReport).mockRejectedValue(new ApiError(429, 'EXPORT_BUSY', 'busy'))
    const { wrapper } = mountWithApp(ReportExportPanel, { props: { cycleId: 7, mayExport: true }, realStores: ['reporting'] })
    await wrapper.find('input[value="docx"]').setValue(true)
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(api.downloadReport).toHaveBeenCalledWith(7, { kind: 'eccar', format: 'docx', lang: 'en' }, expect.any(Function))
    expect(wrapper.text()).toContain('Ihr vorheriger Bericht wird noch erstellt')
  })

  it('opens the HTML preview as a link to a new tab, and tells non-admins they cannot export', () => {
    const { wrapper } = mountWithApp(ReportExportPanel, { props: { cycleId: 7, mayExport: true } })
    return wrapper.find('input[value="html"]').setValue(true).then(() => {
      const link = wrapper.find('a[target="_blank"]')
      expect(link.attributes('href')).toBe('/api/reporting-cycles/7/report?kind=eccar&format=html&lang=en')
      expect(link.attributes('rel')).toContain('noopener')
      const other = mountWithApp(ReportExportPanel, { props: { cycleId: 7, mayExport: false } }).wrapper
      expect(other.find('form').exists()).toBe(false)
      expect(other.text()).toContain('nur die Verantwortlichen')
    })
  })
})
