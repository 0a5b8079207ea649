import type { CompleteSetup, Me, Role, Session } from '@eccar/shared'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { setCsrfToken, type ApiError } from '@/api/http'
import * as api from '@/api/session'
import { organisationIdsOf, roleOf } from '@/lib/roles'
import { toApiError, type LoadStatus } from './load-state'

/**
 * Who is signed in. The session itself is an HttpOnly cookie the app never sees; the anti-forgery
 * token travels from GET /api/session into the http module's memory (setCsrfToken), nowhere else.
 */
export const useSessionStore = defineStore('session', () => {
  const user = ref<Me | null>(null)
  const status = ref<LoadStatus>('idle')
  const error = ref<ApiError | null>(null)
  /** True once the first GET /api/session has answered (successfully or not). */
  const loaded = ref(false)
  /** The password was right; the server waits for the code of the second factor. */
  const secondFactorPending = ref(false)
  /** Signed in, but this server requires a second factor the person has not set up (or not used) yet. */
  const secondFactorEnrolmentRequired = ref(false)

  const isSignedIn = computed(() => user.value !== null)

  function apply (session: Session) {
    user.value = session.user
    setCsrfToken(session.csrfToken)
    secondFactorPending.value = session.secondFactorRequired === true
    secondFactorEnrolmentRequired.value = session.secondFactorEnrolmentRequired === true
    loaded.value = true
  }

  let pending: Promise<void> | null = null

  /** Loads the session once (at app start); later calls share the first answer unless forced. */
  function load ({ force = false } = {}): Promise<void> {
    if (pending && !force) return pending
    if (loaded.value && !force) return Promise.resolve()
    status.value = 'loading'
    error.value = null
    pending = api.getSession().then((session) => {
      apply(session)
      status.value = 'idle'
    }, (e: unknown) => {
      error.value = toApiError(e)
      status.value = 'error'
      loaded.value = true
    })
    return pending
  }

  /**
   * Signs in; throws the ApiError (401 wrong credentials, 429 too many attempts with retryAfterSeconds).
   * Answers 'second-factor' when the account needs a code next (see completeSignIn).
   */
  async function signIn (email: string, password: string): Promise<'signed-in' | 'second-factor'> {
    apply(await api.signIn({ email, password }))
    status.value = 'idle'
    error.value = null
    return secondFactorPending.value ? 'second-factor' : 'signed-in'
  }

  /** The second step: a code from the authenticator app or a recovery code; throws the ApiError (401, 429). */
  async function completeSignIn (code: string) {
    apply(await api.completeSignIn(code))
    status.value = 'idle'
    error.value = null
  }

  /** After enrolment this session counts as signed in with two factors. */
  function markSecondFactorUsed () {
    secondFactorEnrolmentRequired.value = false
  }

  /** Accepts an invitation: sets the password and signs in. */
  async function acceptInvitation (token: string, password: string) {
    apply(await api.acceptInvitation({ token, password }))
    status.value = 'idle'
    error.value = null
  }

  /** Accepts a city's invitation while signed in; the new membership is in the answer. */
  async function joinCity (token: string) {
    apply(await api.joinCity(token))
  }

  /** What an invitation link is for (a password to choose, or a city to join after signing in). */
  const invitationInfo = (token: string) => api.getInvitation(token)
  /** Asks for a reset link; the answer is the same whether or not the address has an account. */
  const requestPasswordReset = async (email: string) => { await api.requestPasswordReset({ email }) }
  /** Sets a new password with a reset link; the server ends all sessions, so the person signs in afresh. */
  const confirmPasswordReset = async (token: string, password: string) => { await api.confirmPasswordReset({ token, password }) }
  /** Whether a setup link still works, and whether it must create the first city too. */
  const setupState = (token: string) => api.getSetup(token)

  /** Creates the first platform administrator with the setup link, and signs in. */
  async function completeSetup (body: CompleteSetup) {
    apply(await api.completeSetup(body))
    status.value = 'idle'
    error.value = null
  }

  async function changePassword (currentPassword: string, newPassword: string) {
    await api.changePassword({ currentPassword, newPassword })
  }

  /**
   * Signs out. A 401 means the session had already ended, which is as good; any other failure is passed
   * on and the person stays signed in here, because the server still holds the session.
   */
  async function signOut () {
    try {
      await api.signOut()
    } catch (e) {
      const err = toApiError(e)
      if (err.status !== 401) throw err
    }
    forget()
  }

  /** Forgets the person locally (after sign-out or when the server says the session has ended). */
  function forget () {
    user.value = null
    secondFactorPending.value = false
    secondFactorEnrolmentRequired.value = false
    setCsrfToken(null)
  }

  // Getters that take an argument: computed functions, so Pinia treats them as getters, not actions.
  /** The person's role in a city (platform administrators: admin everywhere); null without one. */
  const roleIn = computed(() => (citySlug: string): Role | null => roleOf(user.value, citySlug))
  /** The bodies an editor is limited to in a city; empty means all measures of the city. */
  const organisationIdsIn = computed(() => (citySlug: string): number[] => organisationIdsOf(user.value, citySlug))

  return {
    user,
    status,
    error,
    loaded,
    secondFactorPending,
    secondFactorEnrolmentRequired,
    isSignedIn,
    load,
    signIn,
    completeSignIn,
    markSecondFactorUsed,
    signOut,
    acceptInvitation,
    joinCity,
    completeSetup,
    invitationInfo,
    requestPasswordReset,
    confirmPasswordReset,
    setupState,
    changePassword,
    forget,
    roleIn,
    organisationIdsIn,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
