import type {
  BrandingSettings, CheckEasyRead, EasyReadList, EasyReadText, PublicBranding, SaveEasyRead, UpdateBranding,
} from '@eccar/shared'
import { getJson, sendFile, sendJson } from './http'

export const getBranding = (city: string, signal?: AbortSignal) => getJson<PublicBranding>(`/cities/${city}/branding`, {}, signal)
export const getBrandingSettings = (city: string) => getJson<BrandingSettings>(`/cities/${city}/branding/settings`)
export const saveBrandingSettings = (city: string, body: UpdateBranding, version: number) =>
  sendJson<BrandingSettings>('PUT', `/cities/${city}/branding/settings`, body, { ifMatch: version })
export const uploadLogo = (city: string, file: File, version: number) =>
  sendFile<BrandingSettings>('PUT', `/cities/${city}/branding/logo`, file, { ifMatch: version })
export const removeLogo = (city: string, version: number) =>
  sendJson<BrandingSettings>('DELETE', `/cities/${city}/branding/logo`, undefined, { ifMatch: version })

/** `plan` or a commitment number. */
export type EasyReadTarget = 'plan' | number
export const getEasyRead = (planId: number, signal?: AbortSignal) => getJson<EasyReadList>(`/plans/${planId}/easy-read`, {}, signal)
export const getEasyReadDrafts = (planId: number) => getJson<EasyReadList>(`/plans/${planId}/easy-read/drafts`)
export const saveEasyRead = (planId: number, target: EasyReadTarget, body: SaveEasyRead, version: number) =>
  sendJson<EasyReadText>('PUT', `/plans/${planId}/easy-read/${target}`, body, { ifMatch: version })
export const checkEasyRead = (planId: number, target: EasyReadTarget, body: CheckEasyRead, version: number) =>
  sendJson<EasyReadText>('POST', `/plans/${planId}/easy-read/${target}/check`, body, { ifMatch: version })
export const deleteEasyRead = (planId: number, target: EasyReadTarget, version: number) =>
  sendJson<EasyReadText>('DELETE', `/plans/${planId}/easy-read/${target}`, undefined, { ifMatch: version })
