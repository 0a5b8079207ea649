import type { CreateOrganisation, OrganisationDetail, OrganisationList, UpdateOrganisation } from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

export const listOrganisations = (citySlug: string) => getJson<OrganisationList>(`/cities/${encodeURIComponent(citySlug)}/organisations`)
export const getOrganisation = (id: number) => getJson<OrganisationDetail>(`/organisations/${id}`)
export const createOrganisation = (citySlug: string, body: CreateOrganisation) =>
  sendJson<OrganisationDetail>('POST', `/cities/${encodeURIComponent(citySlug)}/organisations`, body)
export const updateOrganisation = (id: number, body: UpdateOrganisation, version: number) =>
  sendJson<OrganisationDetail>('PATCH', `/organisations/${id}`, body, { ifMatch: version })
export const deleteOrganisation = (id: number, version: number) => sendJson<undefined>('DELETE', `/organisations/${id}`, undefined, { ifMatch: version })
