import { describe, expect, it } from 'vitest'
import {
  downloadPercent, fallbackFileName, fileNameFromDisposition, parseContentLength,
} from './report-export'

describe('downloadPercent', () => {
  it('is indeterminate before the first byte and without a usable Content-Length', () => {
    expect(downloadPercent(0, 1000)).toBeNull()
    expect(downloadPercent(500, null)).toBeNull()
    expect(downloadPercent(500, 0)).toBeNull()
  })
  it('is the whole percentage of bytes received, never above 100', () => {
    expect(downloadPercent(1, 1000)).toBe(0)
    expect(downloadPercent(499, 1000)).toBe(49)
    expect(downloadPercent(1000, 1000)).toBe(100)
    expect(downloadPercent(1500, 1000)).toBe(100)
  })
})

describe('parseContentLength', () => {
  it('reads plain integers only', () => {
    expect(parseContentLength('1234')).toBe(1234)
    expect(parseContentLength(null)).toBeNull()
    expect(parseContentLength('abc')).toBeNull()
    expect(parseContentLength('-5')).toBeNull()
  })
})

describe('fileNameFromDisposition', () => {
  it('reads quoted, bare and RFC 5987 names, preferring the extended one', () => {
    expect(fileNameFromDisposition('attachment; filename="eccar-report-2022-2023-en.pdf"', 'x')).toBe('eccar-report-2022-2023-en.pdf')
    expect(fileNameFromDisposition('attachment; filename=report.docx', 'x')).toBe('report.docx')
    expect(fileNameFromDisposition('attachment; filename="a.pdf"; filename*=UTF-8\'\'Bericht%20J%C3%A4na.pdf', 'x')).toBe('Bericht Jäna.pdf')
  })
  it('never returns a path or an empty name', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('passwd')
    expect(fileNameFromDisposition('attachment; filename=".."', 'fallback.pdf')).toBe('fallback.pdf')
    expect(fileNameFromDisposition('attachment', 'fallback.pdf')).toBe('fallback.pdf')
    expect(fileNameFromDisposition(null, 'fallback.pdf')).toBe('fallback.pdf')
  })
  it('has a fallback name with the format as extension', () => {
    expect(fallbackFileName(3, 'council', 'docx', 'de')).toBe('report-3-council-de.docx')
  })
})
