import type {
  ApiError as ApiErrorBody, CreateReportingCycle, CycleComparison, CycleState, ReportingCycle, ReportingCycleList,
  ReportFormat, ReportKind, ReportLang, UpdateCycleNarrative, UpdateReportingCycle,
} from '@eccar/shared'
import { fallbackFileName, fileNameFromDisposition, parseContentLength } from '@/lib/report-export'
import { ApiError, getJson, sendJson, toSearchParams } from './http'

const baseUrl: string = import.meta.env.VITE_API_BASE_URL ?? '/api'

export const listCycles = (planId: number) => getJson<ReportingCycleList>(`/plans/${planId}/reporting-cycles`)
export const createCycle = (planId: number, body: CreateReportingCycle = {}) =>
  sendJson<ReportingCycle>('POST', `/plans/${planId}/reporting-cycles`, body)
export const getCycle = (id: number) => getJson<ReportingCycle>(`/reporting-cycles/${id}`)
export const updateCycle = (id: number, body: Omit<UpdateReportingCycle, 'version'>, version: number) =>
  sendJson<ReportingCycle>('PATCH', `/reporting-cycles/${id}`, body, { ifMatch: version })
/** One commitment's texts; `version` is that narrative's own, not the cycle's. */
export const putNarrative = (id: number, number: number, body: Omit<UpdateCycleNarrative, 'version'>, version: number) =>
  sendJson<ReportingCycle>('PUT', `/reporting-cycles/${id}/narratives/${number}`, body, { ifMatch: version })
export const transitionCycle = (id: number, to: CycleState, version: number, approvalMeetingId: number | null = null) =>
  sendJson<ReportingCycle>('POST', `/reporting-cycles/${id}/transitions`, approvalMeetingId === null ? { to } : { to, approvalMeetingId }, { ifMatch: version })
export const compareCycles = (from: number, to: number) => getJson<CycleComparison>('/reporting-cycles/compare', { from, to })

export interface ReportRequest { kind: ReportKind, format: ReportFormat, lang: ReportLang }

/** The address of a cycle's report (the HTML preview opens it in a new tab; the session cookie goes along). */
export const reportUrl = (id: number, { kind, format, lang }: ReportRequest) =>
  `${baseUrl}/reporting-cycles/${id}/report${toSearchParams({ kind, format, lang })}`

export interface DownloadedReport { blob: Blob, fileName: string }

/**
 * Downloads a report, reporting the bytes received against Content-Length (null when unknown) as they arrive.
 * Errors become ApiError with the API's code (429 EXPORT_BUSY while the previous export is still being made).
 */
export async function downloadReport (
  id: number, query: ReportRequest, onProgress: (received: number, total: number | null) => void, signal?: AbortSignal,
): Promise<DownloadedReport> {
  let response: Response
  try {
    response = await fetch(reportUrl(id, query), { headers: { accept: '*/*' }, signal })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'Network error')
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null)
    const err = (body ?? {}) as Partial<ApiErrorBody>
    throw new ApiError(response.status, err.code ?? 'HTTP_ERROR', err.message ?? response.statusText, err.requestId, body)
  }
  const total = parseContentLength(response.headers.get('content-length'))
  const type = response.headers.get('content-type') ?? 'application/octet-stream'
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'), fallbackFileName(id, query.kind, query.format, query.lang))
  onProgress(0, total)
  if (!response.body) {
    const blob = await response.blob()
    onProgress(blob.size, total)
    return { blob, fileName }
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.byteLength
    onProgress(received, total)
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName }
}

/** Hands a downloaded file to the browser as a download named `fileName`. */
export function saveBlob (blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
