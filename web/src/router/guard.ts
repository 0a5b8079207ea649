import { roleAtLeast, type Me, type Role } from '@eccar/shared'
import type { RouteLocationNormalized, RouteLocationRaw, Router } from 'vue-router'
import { roleOf } from '@/lib/roles'
import { useSessionStore } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** The minimum role in the route's city (`:city` param); without a city param, in any city. */
    requiresRole?: Role
    /** One of these roles in the route's city (a platform administrator counts as admin). */
    requiresAnyRole?: readonly Role[]
    /** Only for signed-in people, whatever their role (own account pages). */
    requiresSignIn?: boolean
    /** Only for platform administrators (the operators of the installation). */
    requiresPlatformAdmin?: boolean
  }
}

/** The highest role the person holds in any city (for pages that belong to no city). */
function highestRole (user: Me): Role | null {
  if (user.isPlatformAdmin) return 'admin'
  const order: Role[] = ['admin', 'editor', 'viewer', 'incidents']
  return order.find((role) => user.memberships.some((m) => m.role === role)) ?? null
}

/**
 * Where a navigation may go: `true`, the sign-in page (anonymous, with the wanted address to come back to),
 * or the "no access" page at the same address (role too low).
 */
export function decideAccess (to: RouteLocationNormalized, user: Me | null, secondFactorEnrolmentRequired = false): true | RouteLocationRaw {
  const { requiresRole, requiresAnyRole, requiresSignIn, requiresPlatformAdmin } = to.meta
  if (!requiresRole && !requiresAnyRole && !requiresSignIn && !requiresPlatformAdmin) return true
  if (!user) return { name: 'sign-in', query: { redirect: to.fullPath } }
  // The server answers members' pages only after the second factor is set up (and used): set it up first.
  if (secondFactorEnrolmentRequired && to.name !== 'second-factor') return { name: 'second-factor' }
  if (requiresPlatformAdmin && !user.isPlatformAdmin) return noAccess(to)
  if (!requiresRole && !requiresAnyRole) return true
  const city = typeof to.params.city === 'string' ? to.params.city : null
  const role = city ? roleOf(user, city) : highestRole(user)
  const allowed = requiresAnyRole ? role !== null && requiresAnyRole.includes(role) : roleAtLeast(role, requiresRole!)
  return allowed ? true : noAccess(to)
}

/** Keep the address: reloading after gaining the role shows the page. */
const noAccess = (to: RouteLocationNormalized): RouteLocationRaw =>
  ({ name: 'no-access', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash, replace: true })

/** Routes with `meta.requiresRole` / `meta.requiresSignIn` wait for the session and then check it. */
export function installSessionGuard (router: Router) {
  router.beforeEach(async (to) => {
    if (!to.meta.requiresRole && !to.meta.requiresAnyRole && !to.meta.requiresSignIn && !to.meta.requiresPlatformAdmin) return true
    const session = useSessionStore()
    await session.load()
    return decideAccess(to, session.user, session.secondFactorEnrolmentRequired)
  })
}

/** A safe place to return to after signing in: only paths inside this app, never another site. */
export function safeRedirect (value: unknown): string | null {
  const path = Array.isArray(value) ? value[0] : value
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null
  return path
}
