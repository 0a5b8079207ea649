import type { Me } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { reloadAt } from '@/lib/navigation'
import { useSessionStore } from '@/stores/session'
import { mountView } from '@/testing/mount'
import { useIdentityProvidersStore } from '@/stores/identity-providers'
import SignInView from './SignInView.vue'

vi.mock('@/lib/navigation')
vi.mock('@/router/admin', () => ({ adminRoutes: [] }))

const editor: Me = {
  id: 2, email: 'editor@jena.example', displayName: 'Eda', isPlatformAdmin: false,
  memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'editor', organisations: [] }],
}

async function mountSignIn (path = '/anmelden', locale: 'de' | 'en' = 'de') {
  const { wrapper } = await mountView(SignInView, { path, locale, initialState: { session: { user: null, loaded: true } } })
  return { wrapper, session: useSessionStore() }
}

async function fillAndSubmit (wrapper: Awaited<ReturnType<typeof mountSignIn>>['wrapper']) {
  await wrapper.get('#sign-in-email').setValue('editor@jena.example')
  await wrapper.get('#sign-in-password').setValue('secret password')
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

beforeEach(() => vi.resetAllMocks())
afterEach(() => vi.useRealTimers())

describe('SignInView', () => {
  it('has labelled fields that password managers recognise', async () => {
    const { wrapper } = await mountSignIn()
    expect(wrapper.get('label[for="sign-in-email"]').text()).toBe('E-Mail-Adresse')
    expect(wrapper.get('#sign-in-email').attributes('autocomplete')).toBe('username')
    expect(wrapper.get('#sign-in-password').attributes('autocomplete')).toBe('current-password')
  })

  it('names empty fields without asking the server', async () => {
    const { wrapper, session } = await mountSignIn()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(session.signIn).not.toHaveBeenCalled()
    expect(wrapper.get('[role="alert"]').text()).toContain('Bitte geben Sie Ihre E-Mail-Adresse an.')
    expect(wrapper.get('#sign-in-password').attributes('aria-invalid')).toBe('true')
  })

  it('signs in and goes back to the page that asked for it', async () => {
    const { wrapper, session } = await mountSignIn('/anmelden?redirect=/jena/plans/1/measures/1')
    vi.mocked(session.signIn).mockImplementation(async () => { session.user = editor; return 'signed-in' as const })
    await fillAndSubmit(wrapper)
    expect(session.signIn).toHaveBeenCalledWith('editor@jena.example', 'secret password')
    expect(reloadAt).toHaveBeenCalledWith('/jena/plans/1/measures/1')
  })

  it('falls back to the workspace when there is no redirect, or one to another site', async () => {
    const { wrapper, session } = await mountSignIn('/anmelden?redirect=//evil.example/')
    vi.mocked(session.signIn).mockImplementation(async () => { session.user = editor; return 'signed-in' as const })
    await fillAndSubmit(wrapper)
    expect(reloadAt).toHaveBeenCalledWith('/jena/arbeitsbereich')
  })

  it('says when e-mail or password is wrong, as an alert', async () => {
    const { wrapper, session } = await mountSignIn()
    vi.mocked(session.signIn).mockRejectedValue(new ApiError(401, 'INVALID_CREDENTIALS', 'wrong'))
    await fillAndSubmit(wrapper)
    expect(wrapper.get('[role="alert"]').text()).toBe('E-Mail-Adresse oder Passwort ist falsch.')
    expect((wrapper.get('#sign-in-password').element as HTMLInputElement).value).toBe('')
    expect(reloadAt).not.toHaveBeenCalled()
  })

  it('explains the 429 answer with the wait time from Retry-After', async () => {
    vi.useFakeTimers({ now: new Date('2024-06-15T10:00:00Z'), toFake: ['Date'] })
    const { wrapper, session } = await mountSignIn()
    vi.mocked(session.signIn).mockRejectedValue(new ApiError(429, 'TOO_MANY_ATTEMPTS', 'wait', undefined, null, 540))
    await fillAndSubmit(wrapper)
    const text = wrapper.get('[role="alert"]').text()
    expect(text).toContain('Zu viele fehlgeschlagene Anmeldeversuche')
    expect(text).toContain('in 9 Minuten wieder')
  })

  it('still explains the 429 answer without a wait time', async () => {
    const { wrapper, session } = await mountSignIn('/anmelden', 'en')
    vi.mocked(session.signIn).mockRejectedValue(new ApiError(429, 'TOO_MANY_ATTEMPTS', 'wait'))
    await fillAndSubmit(wrapper)
    expect(wrapper.get('[role="alert"]').text()).toContain('Please try again in a few minutes.')
  })

  it('offers one button per city sign-in service, back to the page that asked for it', async () => {
    const { wrapper } = await mountView(SignInView, {
      path: '/anmelden?redirect=/jena/arbeitsbereich',
      locale: 'de',
      initialState: {
        session: { user: null, loaded: true },
        'identity-providers': { loaded: true, providers: [{ citySlug: 'jena', cityName: 'Jena', displayName: 'Stadtverwaltung Jena', startPath: '/api/auth/oidc/jena/start' }] },
      },
    })
    const link = wrapper.get('a.button[href^="/api/auth/oidc/"]')
    expect(link.text()).toBe('Mit Stadtverwaltung Jena anmelden')
    expect(link.attributes('href')).toBe('/api/auth/oidc/jena/start?returnTo=%2Fjena%2Farbeitsbereich')
  })

  it('offers the next cities\' sign-in services on request while there are more than shown', async () => {
    const provider = (n: number) => ({ citySlug: `stadt-${n}`, cityName: `Stadt ${n}`, displayName: `Konto ${n}`, startPath: `/api/auth/oidc/stadt-${n}/start` })
    const { wrapper, pinia } = await mountView(SignInView, {
      path: '/anmelden',
      locale: 'en',
      initialState: { session: { user: null, loaded: true }, 'identity-providers': { loaded: true, providers: [provider(1), provider(2)], total: 3 } },
    })
    const more = wrapper.get('.sso-list + button')
    expect(more.text()).toBe('Show more cities (2 of 3 shown)')
    await more.trigger('click')
    expect(useIdentityProvidersStore(pinia).loadMore).toHaveBeenCalledTimes(1)
  })

  it('explains why a sign-in through the city\'s service was refused, in the chosen language', async () => {
    const { wrapper } = await mountSignIn('/anmelden?sso_error=SSO_NOT_INVITED&city=jena', 'en')
    expect(wrapper.get('[role="alert"]').text()).toContain('This account may not sign in for this city.')
    const other = (await mountSignIn('/anmelden?sso_error=SOMETHING_ELSE')).wrapper
    expect(other.get('[role="alert"]').text()).toContain('Die Anmeldung mit dem Stadt-Konto hat nicht geklappt.')
  })

  describe('with a second factor', () => {
    async function passwordAccepted (path = '/anmelden?redirect=/jena/arbeitsbereich') {
      const mounted = await mountSignIn(path)
      vi.mocked(mounted.session.signIn).mockResolvedValue('second-factor')
      await fillAndSubmit(mounted.wrapper)
      return mounted
    }

    it('asks for the code from the app in a field phones fill in from the message, and focuses it', async () => {
      const { wrapper } = await passwordAccepted()
      expect(wrapper.find('#sign-in-password').exists()).toBe(false)
      const field = wrapper.get('#second-factor-code')
      expect(wrapper.get('label[for="second-factor-code"]').text()).toBe('Code aus der App')
      expect(field.attributes()).toMatchObject({ autocomplete: 'one-time-code', inputmode: 'numeric' })
      expect(reloadAt).not.toHaveBeenCalled()
    })

    it('finishes signing in with the code and goes where the person wanted', async () => {
      const { wrapper, session } = await passwordAccepted()
      vi.mocked(session.completeSignIn).mockImplementation(async () => { session.user = editor })
      await wrapper.get('#second-factor-code').setValue('123456')
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      expect(session.completeSignIn).toHaveBeenCalledWith('123456')
      expect(reloadAt).toHaveBeenCalledWith('/jena/arbeitsbereich')
    })

    it('says when the code is wrong, as an alert, and stays on the code', async () => {
      const { wrapper, session } = await passwordAccepted()
      vi.mocked(session.completeSignIn).mockRejectedValue(new ApiError(401, 'SECOND_FACTOR_INVALID', 'wrong'))
      await wrapper.get('#second-factor-code').setValue('000000')
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      expect(wrapper.get('[role="alert"]').text()).toContain('Der Code ist falsch, abgelaufen oder wurde schon verwendet.')
      expect(wrapper.get('#second-factor-code').attributes('aria-invalid')).toBe('true')
      expect(reloadAt).not.toHaveBeenCalled()
    })

    it('offers a recovery code instead', async () => {
      const { wrapper } = await passwordAccepted()
      await wrapper.get('button.text-button').trigger('click')
      expect(wrapper.get('label[for="second-factor-code"]').text()).toBe('Wiederherstellungscode')
      expect(wrapper.get('#second-factor-code').attributes()).toMatchObject({ autocomplete: 'off', inputmode: 'text' })
    })

    it('goes back to the password, saying why, when the wait for the code ran out', async () => {
      const { wrapper, session } = await passwordAccepted()
      vi.mocked(session.completeSignIn).mockRejectedValue(new ApiError(401, 'SECOND_FACTOR_CHALLENGE_INVALID', 'late'))
      await wrapper.get('#second-factor-code').setValue('123456')
      await wrapper.get('form').trigger('submit')
      await flushPromises()
      expect(wrapper.find('#sign-in-password').exists()).toBe(true)
      expect(wrapper.get('[role="alert"]').text()).toContain('Die Anmeldung hat zu lange gedauert.')
    })
  })

  it('sends someone who must set up a second factor to its page after signing in', async () => {
    const { wrapper, session } = await mountSignIn('/anmelden?redirect=/jena/arbeitsbereich')
    vi.mocked(session.signIn).mockImplementation(async () => {
      session.user = editor
      session.secondFactorEnrolmentRequired = true
      return 'signed-in' as const
    })
    await fillAndSubmit(wrapper)
    expect(reloadAt).toHaveBeenCalledWith('/konto/zweiter-faktor')
  })
})
