import type { AuditEntry } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/admin/audit'
import type { ApiError } from '@/api/http'
import { auditFiltersToApi, type AuditFilters } from '@/lib/admin/audit'
import { toApiError, type LoadStatus } from './load-state'

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** One page of the city's audit trail, newest first. */
export const useAdminAuditStore = defineStore('admin-audit', () => {
  const items = ref<AuditEntry[]>([])
  const total = ref(0)
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  let latest = 0

  async function loadPage (city: string, filters: AuditFilters) {
    const request = ++latest
    status.value = 'loading'
    error.value = null
    try {
      const page = await api.listAudit(city, auditFiltersToApi(filters))
      if (request !== latest) return
      items.value = page.items
      total.value = page.total
      status.value = 'idle'
    } catch (e) {
      if (request !== latest) return
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  return { items, total, status, error, loadPage }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminAuditStore, import.meta.hot))
