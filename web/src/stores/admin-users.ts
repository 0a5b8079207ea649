import type { CityUser, CreateCityUser, CreatedCityInvitation, PendingInvitation, UpdateCityUser } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '@/api/admin/users'
import { resetSecondFactor as resetFactor } from '@/api/second-factor'
import type { ApiError } from '@/api/http'
import { toApiError, type LoadStatus } from './load-state'

const byName = (a: CityUser, b: CityUser) => a.displayName.localeCompare(b.displayName, 'de')
const byEmail = (a: PendingInvitation, b: PendingInvitation) => a.email.localeCompare(b.email, 'de')

// State is returned as plain refs (see stores/cities.ts); only the actions below write to it.
/** People with a role in the city, and pending invitations. Links are never kept here: the page shows one once. */
export const useAdminUsersStore = defineStore('admin-users', () => {
  const byCity = ref<Record<string, CityUser[]>>({})
  const pendingByCity = ref<Record<string, PendingInvitation[]>>({})
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)

  async function loadUsers (city: string) {
    status.value = 'loading'
    error.value = null
    try {
      const list = await api.listUsers(city)
      byCity.value[city] = list.items.sort(byName)
      pendingByCity.value[city] = list.pending.sort(byEmail)
      status.value = 'idle'
    } catch (e) {
      error.value = toApiError(e)
      status.value = 'error'
    }
  }

  function stored (city: string, user: CityUser) {
    byCity.value[city] = [...(byCity.value[city] ?? []).filter((u) => u.id !== user.id), user].sort(byName)
    return user
  }

  /** Invites the address; a pending invitation of the same address is replaced. */
  async function addUser (city: string, body: CreateCityUser): Promise<CreatedCityInvitation> {
    const created = await api.createUser(city, body)
    const email = created.pending.email.toLowerCase()
    pendingByCity.value[city] = [...(pendingByCity.value[city] ?? []).filter((p) => p.email.toLowerCase() !== email), created.pending].sort(byEmail)
    return created
  }

  const saveUser = async (city: string, id: number, body: UpdateCityUser, version: number) => stored(city, await api.updateUser(city, id, body, version))

  async function removeUser (city: string, user: CityUser) {
    await api.removeUser(city, user.id, user.version)
    byCity.value[city] = (byCity.value[city] ?? []).filter((u) => u.id !== user.id)
  }

  async function withdrawInvitation (city: string, invitation: PendingInvitation) {
    await api.withdrawInvitation(city, invitation.id)
    pendingByCity.value[city] = (pendingByCity.value[city] ?? []).filter((p) => p.id !== invitation.id)
  }

  const newInvitation = (city: string, id: number) => api.createInvitation(city, id)

  /** Platform administrators: removes the person's second factor (lost phone and codes). */
  const resetSecondFactor = (id: number) => resetFactor(id)

  return { byCity, pendingByCity, status, error, loadUsers, addUser, saveUser, removeUser, withdrawInvitation, newInvitation, resetSecondFactor }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminUsersStore, import.meta.hot))
