import type { CityUser, CityUserList, CreateCityUser, CreatedCityInvitation, Invitation, UpdateCityUser } from '@eccar/shared'
import { getJson, sendJson } from '@/api/http'

const users = (citySlug: string) => `/cities/${encodeURIComponent(citySlug)}/users`

export const listUsers = (citySlug: string) => getJson<CityUserList>(users(citySlug))
/** Invites the address; the answer (the same whether or not it has an account) carries the one-time link. */
export const createUser = (citySlug: string, body: CreateCityUser) => sendJson<CreatedCityInvitation>('POST', users(citySlug), body)
export const updateUser = (citySlug: string, id: number, body: UpdateCityUser, version: number) =>
  sendJson<CityUser>('PATCH', `${users(citySlug)}/${id}`, body, { ifMatch: version })
/** Takes the person's role in the city away. */
export const removeUser = (citySlug: string, id: number, version: number) =>
  sendJson<undefined>('DELETE', `${users(citySlug)}/${id}`, undefined, { ifMatch: version })
export const createInvitation = (citySlug: string, id: number) => sendJson<Invitation>('POST', `${users(citySlug)}/${id}/invitation`)
export const withdrawInvitation = (citySlug: string, id: number) =>
  sendJson<undefined>('DELETE', `/cities/${encodeURIComponent(citySlug)}/invitations/${id}`)
