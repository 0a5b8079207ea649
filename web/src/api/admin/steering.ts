import type {
  CreateSteeringMeeting, CreateSteeringMember, SteeringGroup, SteeringMeeting, SteeringMember, UpdateCitySettings,
  UpdateSteeringMeeting, UpdateSteeringMember,
} from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

const city = (slug: string) => `/cities/${encodeURIComponent(slug)}`

export const getSteeringGroup = (citySlug: string) => getJson<SteeringGroup>(`${city(citySlug)}/steering-group`)
/** Carries the city's version (SteeringGroup.version). */
export const updateSettings = (citySlug: string, body: UpdateCitySettings, version: number) =>
  sendJson<SteeringGroup>('PATCH', `${city(citySlug)}/settings`, body, { ifMatch: version })

export const createMember = (citySlug: string, body: CreateSteeringMember) =>
  sendJson<SteeringMember>('POST', `${city(citySlug)}/steering-group/members`, body)
export const updateMember = (id: number, body: UpdateSteeringMember, version: number) =>
  sendJson<SteeringMember>('PATCH', `/steering-group/members/${id}`, body, { ifMatch: version })
export const deleteMember = (id: number, version: number) =>
  sendJson<undefined>('DELETE', `/steering-group/members/${id}`, undefined, { ifMatch: version })

export const getMeeting = (id: number) => getJson<SteeringMeeting>(`/steering-group/meetings/${id}`)
export const createMeeting = (citySlug: string, body: CreateSteeringMeeting) =>
  sendJson<SteeringMeeting>('POST', `${city(citySlug)}/steering-group/meetings`, body)
export const updateMeeting = (id: number, body: UpdateSteeringMeeting, version: number) =>
  sendJson<SteeringMeeting>('PATCH', `/steering-group/meetings/${id}`, body, { ifMatch: version })
export const deleteMeeting = (id: number, version: number) =>
  sendJson<undefined>('DELETE', `/steering-group/meetings/${id}`, undefined, { ifMatch: version })
