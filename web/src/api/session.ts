import type { AcceptInvitation, ChangePassword, Session, SignIn } from '@eccar/shared'
import { getJson, sendJson } from './http'

export const getSession = () => getJson<Session>('/session')
export const signIn = (body: SignIn) => sendJson<Session>('POST', '/session', body)
export const completeSignIn = (code: string) => sendJson<Session>('POST', '/session/second-factor', { code })
export const signOut = () => sendJson<undefined>('DELETE', '/session')
export const changePassword = (body: ChangePassword) => sendJson<undefined>('PUT', '/session/password', body)
export const acceptInvitation = (body: AcceptInvitation) => sendJson<Session>('POST', '/invitations/accept', body)
