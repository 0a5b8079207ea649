import type { CityUser, CityUserList, CreateCityUser, CreatedCityUser, Invitation, UpdateCityUser } from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

const users = (citySlug: string) => `/cities/${encodeURIComponent(citySlug)}/users`

export const listUsers = (citySlug: string) => getJson<CityUserList>(users(citySlug))
/** Without a password the answer carries the one-time invitation link. */
export const createUser = (citySlug: string, body: CreateCityUser) => sendJson<CreatedCityUser>('POST', users(citySlug), body)
export const updateUser = (citySlug: string, id: number, body: UpdateCityUser, version: number) =>
  sendJson<CityUser>('PATCH', `${users(citySlug)}/${id}`, body, { ifMatch: version })
/** Takes the person's role in the city away. */
export const removeUser = (citySlug: string, id: number, version: number) =>
  sendJson<undefined>('DELETE', `${users(citySlug)}/${id}`, undefined, { ifMatch: version })
export const createInvitation = (citySlug: string, id: number) => sendJson<Invitation>('POST', `${users(citySlug)}/${id}/invitation`)
