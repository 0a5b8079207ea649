import type {
  ApiError as ApiErrorBody, CreateReportingCycle, CycleComparison, CycleState, ReportingCycle, ReportingCycleList,
  UpdateCycleNarrative, UpdateReportingCycle,
} from '@eccar/shared'
import { fallbackFileName, fileNameFromDisposition, parseContentLength } from '@/lib/report-export'
import { ApiError, getJson, sendJson } from './http'
import { reportUrl, type ReportRequest } from './links'

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
