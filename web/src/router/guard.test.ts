import type { Me } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import * as api from '@/api/session'
import { decideAccess, installSessionGuard, safeRedirect } from './guard'

vi.mock('@/api/session')

const Page = { template: '<div />' }
const editor: Me = {
  id: 2, email: 'e@jena.example', displayName: 'Eda', isPlatformAdmin: false,
  memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'editor', organisations: [] }],
}

function makeRouter () {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'start', component: Page },
      { path: '/anmelden', name: 'sign-in', component: Page },
      { path: '/konto/passwort', name: 'password', component: Page, meta: { requiresSignIn: true } },
      { path: '/konto/zweiter-faktor', name: 'second-factor', component: Page, meta: { requiresSignIn: true } },
      { path: '/:city/arbeitsbereich', name: 'workspace', component: Page, meta: { requiresRole: 'viewer' } },
      { path: '/:city/verwaltung', name: 'admin', component: Page, meta: { requiresRole: 'admin' } },
      { path: '/:city/verwaltung/fallzahlen', name: 'incidents', component: Page, meta: { requiresAnyRole: ['admin', 'incidents'] } },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: Page },
      { path: '/:pathMatch(.*)*', name: 'no-access', component: Page },
    ],
  })
  installSessionGuard(router)
  return router
}

describe('session guard', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('sends someone who must set up a second factor to its page first, but lets public pages be', async () => {
    vi.mocked(api.getSession).mockResolvedValue({ user: editor, csrfToken: 'c', secondFactorEnrolmentRequired: true })
    const router = makeRouter()
    await router.push('/jena/arbeitsbereich')
    expect(router.currentRoute.value.name).toBe('second-factor')
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('start')
  })

  it('sends anonymous visitors to the sign-in page with the address to come back to', async () => {
    vi.mocked(api.getSession).mockResolvedValue({ user: null, csrfToken: null })
    const router = makeRouter()
    await router.push('/jena/arbeitsbereich?x=1')
    expect(router.currentRoute.value.name).toBe('sign-in')
    expect(router.currentRoute.value.query.redirect).toBe('/jena/arbeitsbereich?x=1')
    await router.push('/konto/passwort')
    expect(router.currentRoute.value.name).toBe('sign-in')
  })

  it('lets members in, waiting for the session once', async () => {
    vi.mocked(api.getSession).mockResolvedValue({ user: editor, csrfToken: 't' })
    const router = makeRouter()
    await router.push('/jena/arbeitsbereich')
    expect(router.currentRoute.value.name).toBe('workspace')
    await router.push('/konto/passwort')
    expect(router.currentRoute.value.name).toBe('password')
    expect(api.getSession).toHaveBeenCalledTimes(1)
  })

  it('shows "no access" at the same address when the role is too low or the city is another', async () => {
    vi.mocked(api.getSession).mockResolvedValue({ user: editor, csrfToken: 't' })
    const router = makeRouter()
    await router.push('/jena/verwaltung')
    expect(router.currentRoute.value.name).toBe('no-access')
    expect(router.currentRoute.value.fullPath).toBe('/jena/verwaltung')
    await router.push('/erfurt/arbeitsbereich')
    expect(router.currentRoute.value.name).toBe('no-access')
  })

  it('does not ask for the session on public pages', async () => {
    const router = makeRouter()
    await router.push('/')
    expect(api.getSession).not.toHaveBeenCalled()
  })
})

describe('decideAccess', () => {
  it('lets a platform administrator into every city', () => {
    const router = makeRouter()
    const to = router.resolve('/leipzig/verwaltung')
    expect(decideAccess(to as never, { ...editor, isPlatformAdmin: true, memberships: [] })).toBe(true)
  })
})

describe('decideAccess with a list of roles', () => {
  const as = (role: 'admin' | 'editor' | 'viewer' | 'incidents'): Me => ({ ...editor, memberships: [{ ...editor.memberships[0]!, role }] })
  it('lets only the listed roles in, however high another role ranks', () => {
    const to = makeRouter().resolve('/jena/verwaltung/fallzahlen')
    expect(decideAccess(to as never, as('incidents'))).toBe(true)
    expect(decideAccess(to as never, as('admin'))).toBe(true)
    expect(decideAccess(to as never, as('editor'))).toMatchObject({ name: 'no-access' })
    expect(decideAccess(to as never, as('viewer'))).toMatchObject({ name: 'no-access' })
    expect(decideAccess(to as never, { ...editor, isPlatformAdmin: true, memberships: [] })).toBe(true)
    expect(decideAccess(to as never, null)).toMatchObject({ name: 'sign-in' })
  })

  it('keeps the anti-discrimination office out of the administration proper', () => {
    expect(decideAccess(makeRouter().resolve('/jena/verwaltung') as never, as('incidents'))).toMatchObject({ name: 'no-access' })
  })
})

describe('safeRedirect', () => {
  it('accepts only paths of this site', () => {
    expect(safeRedirect('/jena/arbeitsbereich?x=1')).toBe('/jena/arbeitsbereich?x=1')
    expect(safeRedirect(['/a', '/b'])).toBe('/a')
    expect(safeRedirect('https://evil.example/')).toBeNull()
    expect(safeRedirect('//evil.example/')).toBeNull()
    expect(safeRedirect('/\\evil.example')).toBeNull()
    expect(safeRedirect(undefined)).toBeNull()
  })
})
