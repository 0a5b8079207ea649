import type {
  AcceptInvitation, ChangePassword, CompleteSetup, InvitationInfo, PasswordResetConfirm, PasswordResetRequest, Session, SetupState, SignIn,
} from '@eccar/shared'
import { getJson, sendJson } from './http'

export const getSession = () => getJson<Session>('/session')
export const signIn = (body: SignIn) => sendJson<Session>('POST', '/session', body)
export const completeSignIn = (code: string) => sendJson<Session>('POST', '/session/second-factor', { code })
export const signOut = () => sendJson<undefined>('DELETE', '/session')
export const changePassword = (body: ChangePassword) => sendJson<undefined>('PUT', '/session/password', body)
export const getInvitation = (token: string) => getJson<InvitationInfo>(`/invitations/${encodeURIComponent(token)}`)
export const acceptInvitation = (body: AcceptInvitation) => sendJson<Session>('POST', '/invitations/accept', body)
/** The signed-in person accepts a city's invitation of their own address. */
export const joinCity = (token: string) => sendJson<Session>('POST', '/invitations/join', { token })
/** Always 202 (also for unknown addresses); 429 after five requests in an hour. */
export const requestPasswordReset = (body: PasswordResetRequest) => sendJson<{ message: string }>('POST', '/password-reset', body)
export const confirmPasswordReset = (body: PasswordResetConfirm) => sendJson<undefined>('POST', '/password-reset/confirm', body)
export const getSetup = (token: string) => getJson<SetupState>(`/setup/${encodeURIComponent(token)}`)
export const completeSetup = (body: CompleteSetup) => sendJson<Session>('POST', '/setup', body)
