import type { Me, Session } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as http from '@/api/http'
import * as api from '@/api/session'
import { useSessionStore } from './session'

vi.mock('@/api/session')
vi.mock('@/api/http', async (importOriginal) => ({ ...await importOriginal<typeof http>(), setCsrfToken: vi.fn() }))

const editor: Me = {
  id: 2,
  email: 'editor@jena.example',
  displayName: 'Eda Editor',
  isPlatformAdmin: false,
  memberships: [
    { citySlug: 'jena', cityName: 'Jena', role: 'editor', organisations: [{ id: 5, name: 'Antidiskriminierungsstelle', nameEn: null }] },
    { citySlug: 'erfurt', cityName: 'Erfurt', role: 'viewer', organisations: [] },
  ],
}
const signedIn: Session = { user: editor, csrfToken: 'csrf-1' }

describe('useSessionStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads the session once and hands the token to the http module', async () => {
    vi.mocked(api.getSession).mockResolvedValue(signedIn)
    const store = useSessionStore()
    await Promise.all([store.load(), store.load()])
    await store.load()
    expect(api.getSession).toHaveBeenCalledTimes(1)
    expect(store.isSignedIn).toBe(true)
    expect(store.user?.displayName).toBe('Eda Editor')
    expect(http.setCsrfToken).toHaveBeenCalledWith('csrf-1')
  })

  it('knows the role and the organisation limit per city', async () => {
    vi.mocked(api.getSession).mockResolvedValue(signedIn)
    const store = useSessionStore()
    await store.load()
    expect(store.roleIn('jena')).toBe('editor')
    expect(store.roleIn('erfurt')).toBe('viewer')
    expect(store.roleIn('leipzig')).toBeNull()
    expect(store.organisationIdsIn('jena')).toEqual([5])
    // A viewer is never "limited": the limit only narrows what an editor may change.
    expect(store.organisationIdsIn('erfurt')).toEqual([])
  })

  it('treats a platform administrator as admin in every city', async () => {
    vi.mocked(api.getSession).mockResolvedValue({ user: { ...editor, isPlatformAdmin: true }, csrfToken: 't' })
    const store = useSessionStore()
    await store.load()
    expect(store.roleIn('leipzig')).toBe('admin')
    expect(store.organisationIdsIn('jena')).toEqual([])
  })

  it('is anonymous when nobody is signed in, and after a failed load', async () => {
    vi.mocked(api.getSession).mockResolvedValueOnce({ user: null, csrfToken: null }).mockRejectedValueOnce(new TypeError('offline'))
    const store = useSessionStore()
    await store.load()
    expect(store.isSignedIn).toBe(false)
    expect(store.roleIn('jena')).toBeNull()
    await store.load({ force: true })
    expect(store.status).toBe('error')
    expect(store.loaded).toBe(true)
    expect(store.isSignedIn).toBe(false)
  })

  it('signs in and out, setting and clearing the token', async () => {
    vi.mocked(api.signIn).mockResolvedValue(signedIn)
    vi.mocked(api.signOut).mockResolvedValue(undefined)
    const store = useSessionStore()
    await store.signIn('editor@jena.example', 'secret')
    expect(api.signIn).toHaveBeenCalledWith({ email: 'editor@jena.example', password: 'secret' })
    expect(store.user?.id).toBe(2)
    expect(http.setCsrfToken).toHaveBeenLastCalledWith('csrf-1')
    await store.signOut()
    expect(store.user).toBeNull()
    expect(http.setCsrfToken).toHaveBeenLastCalledWith(null)
  })

  it('passes a refused sign-in on and stays anonymous', async () => {
    vi.mocked(api.signIn).mockRejectedValue(new http.ApiError(429, 'TOO_MANY_ATTEMPTS', 'wait', undefined, null, 600))
    const store = useSessionStore()
    await expect(store.signIn('a@b.example', 'x')).rejects.toMatchObject({ status: 429, retryAfterSeconds: 600 })
    expect(store.isSignedIn).toBe(false)
  })

  it('forgets the person even when the session had already ended on the server', async () => {
    vi.mocked(api.signIn).mockResolvedValue(signedIn)
    vi.mocked(api.signOut).mockRejectedValue(new http.ApiError(401, 'AUTHENTICATION_REQUIRED', 'Sign in'))
    const store = useSessionStore()
    await store.signIn('editor@jena.example', 'secret')
    await store.signOut()
    expect(store.isSignedIn).toBe(false)
  })

  it('stays signed in when signing out fails, so the person can try again', async () => {
    vi.mocked(api.signIn).mockResolvedValue(signedIn)
    vi.mocked(api.signOut).mockRejectedValue(new http.ApiError(0, 'NETWORK_ERROR', 'offline'))
    const store = useSessionStore()
    await store.signIn('editor@jena.example', 'secret')
    await expect(store.signOut()).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    expect(store.isSignedIn).toBe(true)
  })

  it('accepts an invitation and is signed in', async () => {
    vi.mocked(api.acceptInvitation).mockResolvedValue(signedIn)
    const store = useSessionStore()
    await store.acceptInvitation('t'.repeat(30), 'a long passphrase')
    expect(api.acceptInvitation).toHaveBeenCalledWith({ token: 't'.repeat(30), password: 'a long passphrase' })
    expect(store.isSignedIn).toBe(true)
  })
})
