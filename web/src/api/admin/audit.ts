import type { AuditList, AuditQuery } from '@eccar/shared'
import { getJson } from '@/api/http'

export const listAudit = (citySlug: string, query: AuditQuery) =>
  getJson<AuditList>(`/cities/${encodeURIComponent(citySlug)}/audit`, { ...query })
