import type {
  IndicatorImportPreview, IndicatorImportResult, StatusImportPreview, StatusImportResult,
} from '@eccar/shared'
import { uploadFile, type UploadProgress } from './upload'

type OnProgress = (progress: UploadProgress) => void

export const previewStatusImport = (planId: number, file: File, onProgress?: OnProgress) =>
  uploadFile<StatusImportPreview>(`/plans/${planId}/status-imports/preview`, file, onProgress)

/** All rows or none: a 422 `STATUS_IMPORT_INVALID` carries the preview in `details`. */
export const applyStatusImport = (planId: number, file: File, onProgress?: OnProgress) =>
  uploadFile<StatusImportResult>(`/plans/${planId}/status-imports`, file, onProgress)

export const previewIndicatorImport = (indicatorId: number, file: File, onProgress?: OnProgress) =>
  uploadFile<IndicatorImportPreview>(`/indicators/${indicatorId}/values/import/preview`, file, onProgress)

export const applyIndicatorImport = (indicatorId: number, file: File, onProgress?: OnProgress) =>
  uploadFile<IndicatorImportResult>(`/indicators/${indicatorId}/values/import`, file, onProgress)
