import type { ReportFormat, ReportKind, ReportLang } from '@eccar/shared'

/**
 * How far a download is: a whole percentage 0–100 when the total size is known,
 * null (indeterminate) before the first byte or without a usable Content-Length.
 */
export function downloadPercent (received: number, total: number | null): number | null {
  if (received <= 0 || total === null || !Number.isFinite(total) || total <= 0) return null
  return Math.min(100, Math.floor((received / total) * 100))
}

/** Content-Length as a number, or null when absent or not a plain non-negative integer. */
export function parseContentLength (header: string | null): number | null {
  if (header === null || !/^\d+$/.test(header.trim())) return null
  return Number(header.trim())
}

/**
 * The file name from a Content-Disposition header (`filename*=UTF-8''…` preferred over `filename="…"`),
 * reduced to a safe base name; `fallback` when there is none.
 */
export function fileNameFromDisposition (header: string | null, fallback: string): string {
  if (!header) return fallback
  let name: string | null = null
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (extended?.[2]) {
    try { name = decodeURIComponent(extended[2].trim().replace(/^"|"$/g, '')) } catch { name = null }
  }
  if (!name) {
    const quoted = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header)
    const bare = /filename\s*=\s*([^;"\s]+)/i.exec(header)
    name = quoted?.[1]?.replace(/\\(.)/g, '$1') ?? bare?.[1] ?? null
  }
  // Never a path: keep the last segment, drop control characters.
  const base = name?.split(/[/\\]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return base && base !== '.' && base !== '..' ? base : fallback
}

/** The file name to use when the server names none. */
export const fallbackFileName = (cycleId: number, kind: ReportKind, format: ReportFormat, lang: ReportLang) =>
  `report-${cycleId}-${kind}-${lang}.${format}`
