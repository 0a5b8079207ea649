import type { SecondFactorEnrolment, SecondFactorStatus } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'
import type { ApiError } from '@/api/http'
import * as api from '@/api/second-factor'
import { toApiError, type LoadStatus } from './load-state'
import { useSessionStore } from './session'

/**
 * The person's own second factor. The secret and the recovery codes are kept only while the page
 * shows them (in memory, never in web storage) and dropped as soon as the person moves on.
 */
export const useSecondFactorStore = defineStore('second-factor', () => {
  const status = ref<SecondFactorStatus | null>(null)
  const loadStatus = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  const enrolment = ref<SecondFactorEnrolment | null>(null)
  const recoveryCodes = ref<string[] | null>(null)

  async function load () {
    loadStatus.value = 'loading'
    error.value = null
    try {
      status.value = await api.getSecondFactorStatus()
      loadStatus.value = 'idle'
    } catch (e) {
      error.value = toApiError(e)
      loadStatus.value = 'error'
    }
  }

  /** A new secret and QR code; throws the ApiError. */
  async function start () {
    recoveryCodes.value = null
    enrolment.value = await api.startEnrolment()
  }

  /** Confirms the app with its first code; the recovery codes are then shown once. Throws the ApiError. */
  async function confirm (code: string) {
    recoveryCodes.value = (await api.confirmEnrolment(code)).recoveryCodes
    enrolment.value = null
    useSessionStore().markSecondFactorUsed()
    if (status.value) status.value = { ...status.value, enabled: true, recoveryCodesLeft: recoveryCodes.value.length }
  }

  async function regenerate (password: string) {
    recoveryCodes.value = (await api.regenerateRecoveryCodes(password)).recoveryCodes
    if (status.value) status.value = { ...status.value, recoveryCodesLeft: recoveryCodes.value.length }
  }

  async function turnOff (password: string) {
    await api.turnOffSecondFactor(password)
    recoveryCodes.value = null
    if (status.value) status.value = { ...status.value, enabled: false, recoveryCodesLeft: 0 }
  }

  /** Forgets secret and codes once the person has stored them. */
  function dismiss () {
    enrolment.value = null
    recoveryCodes.value = null
  }

  return { status, loadStatus, error, enrolment, recoveryCodes, load, start, confirm, regenerate, turnOff, dismiss }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSecondFactorStore, import.meta.hot))
