import type { IndicatorImportPreview, IndicatorImportResult, StatusImportPreview, StatusImportResult } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import * as api from '@/api/spreadsheets'
import type { UploadProgress } from '@/api/upload'
import { useMeasuresStore } from './measures'

type OnProgress = (progress: UploadProgress) => void

/**
 * The members' spreadsheet imports (status reports of a plan, an indicator's values): the preview writes
 * nothing, the apply checks the same file again. Nothing is kept here; the import pages hold their own steps
 * (`useUploadImport`). Applied status reports make the measure pages read those measures anew.
 */
export const useSpreadsheetImportsStore = defineStore('spreadsheet-imports', () => {
  const previewStatusImport = (planId: number, file: File, onProgress: OnProgress): Promise<StatusImportPreview> =>
    api.previewStatusImport(planId, file, onProgress)

  async function applyStatusImport (planId: number, file: File, onProgress: OnProgress): Promise<StatusImportResult> {
    const result = await api.applyStatusImport(planId, file, onProgress)
    const measures = useMeasuresStore()
    for (const id of result.measureIds) measures.forgetMeasure(id)
    return result
  }

  const previewIndicatorImport = (indicatorId: number, file: File, onProgress: OnProgress): Promise<IndicatorImportPreview> =>
    api.previewIndicatorImport(indicatorId, file, onProgress)
  const applyIndicatorImport = (indicatorId: number, file: File, onProgress: OnProgress): Promise<IndicatorImportResult> =>
    api.applyIndicatorImport(indicatorId, file, onProgress)

  return { previewStatusImport, applyStatusImport, previewIndicatorImport, applyIndicatorImport }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSpreadsheetImportsStore, import.meta.hot))
