import { describe, expect, it } from 'vitest'
import type { ReportSnapshot } from '@eccar/shared'
import { jenaSnapshot } from './fixtures/jena-snapshot.ts'
import { renderReport, reportFileName, warmUpReportRenderers } from './index.ts'

describe('renderReport', () => {
  it('names files in ASCII after city, kind, period and language', async () => {
    const cases = [
      [{ kind: 'eccar', format: 'pdf', lang: 'en' }, 'jena-eccar-report-2022-2023-en.pdf', 'application/pdf'],
      [{ kind: 'eccar', format: 'docx', lang: 'de' }, 'jena-eccar-report-2022-2023-de.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [{ kind: 'council', format: 'html', lang: 'de' }, 'jena-council-report-2022-2023-de.html', 'text/html; charset=utf-8'],
      [{ kind: 'council', format: 'json', lang: 'de' }, 'jena-council-report-2022-2023-de.json', 'application/json; charset=utf-8'],
    ] as const
    for (const [options, fileName, contentType] of cases) {
      const report = await renderReport(jenaSnapshot, options)
      expect(report.fileName).toBe(fileName)
      expect(report.fileName).toMatch(/^[\x20-\x7e]+$/)
      expect(report.contentType).toBe(contentType)
    }
  })

  it('uses full dates in the file name when the period is not whole calendar years', () => {
    const snapshot: ReportSnapshot = { ...jenaSnapshot, cycle: { ...jenaSnapshot.cycle, periodStart: '2024-01-01', periodEnd: '2024-06-30' } }
    expect(reportFileName(snapshot, 'eccar', 'pdf', 'en')).toBe('jena-eccar-report-2024-01-01-2024-06-30-en.pdf')
    const oneYear: ReportSnapshot = { ...jenaSnapshot, cycle: { ...jenaSnapshot.cycle, periodStart: '2024-01-01', periodEnd: '2024-12-31' } }
    expect(reportFileName(oneYear, 'council', 'docx', 'de')).toBe('jena-council-report-2024-de.docx')
  })

  it('defaults to English for ECCAR and German for the council', async () => {
    expect((await renderReport(jenaSnapshot, { kind: 'eccar', format: 'html' })).fileName).toMatch(/-en\.html$/)
    expect((await renderReport(jenaSnapshot, { kind: 'council', format: 'html' })).fileName).toMatch(/-de\.html$/)
  })

  it('returns the snapshot itself, pretty-printed, as JSON', async () => {
    const report = await renderReport(jenaSnapshot, { kind: 'eccar', format: 'json', lang: 'en' })
    expect(typeof report.body).toBe('string')
    expect(JSON.parse(report.body as string)).toEqual(jenaSnapshot)
    expect(report.body).toContain('\n  "formatVersion": 2,')
  })

  it('returns a Buffer for DOCX and PDF and a string for HTML', async () => {
    expect(Buffer.isBuffer((await renderReport(jenaSnapshot, { kind: 'eccar', format: 'docx' })).body)).toBe(true)
    expect(Buffer.isBuffer((await renderReport(jenaSnapshot, { kind: 'council', format: 'pdf' })).body)).toBe(true)
    expect(typeof (await renderReport(jenaSnapshot, { kind: 'council', format: 'html' })).body).toBe('string')
  })

  it('refuses an English council report with a 400 error the route can pass on', async () => {
    for (const format of ['html', 'docx', 'pdf', 'json'] as const) {
      await expect(renderReport(jenaSnapshot, { kind: 'council', format, lang: 'en' }))
        .rejects.toMatchObject({ code: 'REPORT_LANGUAGE_UNAVAILABLE', statusCode: 400 })
    }
  })

  it('refuses unknown kinds, formats and languages with 400', async () => {
    const bad = [
      { kind: 'unesco', format: 'pdf' },
      { kind: 'eccar', format: 'odt' },
      { kind: 'eccar', format: 'pdf', lang: 'fr' },
    ] as unknown as Parameters<typeof renderReport>[1][]
    for (const options of bad) {
      await expect(renderReport(jenaSnapshot, options)).rejects.toMatchObject({ code: 'REPORT_OPTIONS_INVALID', statusCode: 400 })
    }
  })

  it('refuses a snapshot of an unknown format version', async () => {
    const future = { ...jenaSnapshot, formatVersion: 3 } as unknown as ReportSnapshot
    await expect(renderReport(future, { kind: 'eccar', format: 'html' })).rejects.toMatchObject({ code: 'REPORT_SNAPSHOT_UNSUPPORTED' })
  })

  it('warms up without a database or any input', async () => {
    await expect(warmUpReportRenderers()).resolves.toBeUndefined()
  })
})
