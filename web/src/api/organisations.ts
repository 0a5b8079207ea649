import type { OrganisationDetail, OrganisationList } from '@eccar/shared'
import { getJson } from './http'

export const listOrganisationsOfCity = (city: string) => getJson<OrganisationList>(`/cities/${encodeURIComponent(city)}/organisations`)
export const getOrganisation = (id: number) => getJson<OrganisationDetail>(`/organisations/${id}`)
