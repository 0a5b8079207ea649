import type { RecoveryCodes, SecondFactorEnrolment, SecondFactorStatus } from '@eccar/shared'
import { getJson, sendJson } from './http'

export const getSecondFactorStatus = () => getJson<SecondFactorStatus>('/session/second-factor')
export const startEnrolment = () => sendJson<SecondFactorEnrolment>('POST', '/session/second-factor/enrolment')
export const confirmEnrolment = (code: string) => sendJson<RecoveryCodes>('POST', '/session/second-factor/enrolment/confirm', { code })
export const regenerateRecoveryCodes = (password: string) => sendJson<RecoveryCodes>('POST', '/session/second-factor/recovery-codes', { password })
export const turnOffSecondFactor = (password: string) => sendJson<undefined>('DELETE', '/session/second-factor', { password })
export const resetSecondFactor = (userId: number) => sendJson<undefined>('DELETE', `/users/${userId}/second-factor`)
