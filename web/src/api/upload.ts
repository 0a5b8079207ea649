import type { ApiError as ApiErrorBody } from '@eccar/shared'
import { ApiError, apiUrl, currentCsrfToken } from './http'

/** Bytes sent so far of an upload; `total` is 0 while the browser does not know it yet. */
export interface UploadProgress {
  loaded: number
  total: number
}

// Excel names its files .xlsx; browsers sometimes give CSV files an empty or vendor type, so the name decides.
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The raw `Content-Type` the import routes expect for a chosen file. */
export function spreadsheetContentType (file: File): string {
  const name = file.name.toLowerCase()
  if (name.endsWith('.xlsx')) return xlsxType
  if (name.endsWith('.csv')) return 'text/csv'
  return file.type || 'application/octet-stream'
}

/**
 * Posts a file as the raw request body and answers with the parsed JSON. XMLHttpRequest rather than
 * fetch because only it reports upload progress; errors become the same ApiError as every other call.
 */
export function uploadFile<T> (path: string, file: File, onProgress?: (progress: UploadProgress) => void, contentType = spreadsheetContentType(file)): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', apiUrl(path))
    xhr.setRequestHeader('accept', 'application/json')
    xhr.setRequestHeader('content-type', contentType)
    const token = currentCsrfToken()
    if (token) xhr.setRequestHeader('x-csrf-token', token)
    xhr.upload.addEventListener('progress', (event) => {
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 })
    })
    xhr.addEventListener('load', () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // A proxy's HTML error page: the status alone must do.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T)
        return
      }
      const err = (body ?? {}) as Partial<ApiErrorBody>
      reject(new ApiError(xhr.status, err.code ?? 'HTTP_ERROR', err.message ?? xhr.statusText, err.requestId, body))
    })
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK_ERROR', 'Network error')))
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'NETWORK_ERROR', 'Upload aborted')))
    xhr.send(file)
  })
}
