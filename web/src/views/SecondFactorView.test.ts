import type { Me } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useSecondFactorStore } from '@/stores/second-factor'
import { mountView } from '@/testing/mount'
import SecondFactorView from './SecondFactorView.vue'

vi.mock('@/router/admin', () => ({ adminRoutes: [] }))

const admin: Me = {
  id: 1, email: 'admin@jena.example', displayName: 'Ada', isPlatformAdmin: false,
  memberships: [{ citySlug: 'jena', cityName: 'Jena', role: 'admin', organisations: [] }],
}
const codes = Array.from({ length: 10 }, (_, i) => `abcde-fghj${'kmnpqrstuv'[i]}`)
const enrolment = { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' }

async function mountPage (secondFactor: Record<string, unknown>, session: Record<string, unknown> = {}, locale: 'de' | 'en' = 'de') {
  const { wrapper } = await mountView(SecondFactorView, {
    path: '/konto/zweiter-faktor',
    locale,
    initialState: { session: { user: admin, loaded: true, ...session }, 'second-factor': secondFactor },
  })
  await flushPromises()
  return { wrapper, store: useSecondFactorStore() }
}

beforeEach(() => vi.resetAllMocks())

describe('SecondFactorView', () => {
  it('says the factor is required and offers to set it up', async () => {
    const { wrapper, store } = await mountPage({ status: { enabled: false, required: true, recoveryCodesLeft: 0 } }, { secondFactorEnrolmentRequired: true })
    expect(store.load).toHaveBeenCalled()
    expect(wrapper.text()).toContain('Für Ihr Konto ist ein zweiter Faktor vorgeschrieben.')
    await wrapper.get('button.button').trigger('click')
    expect(store.start).toHaveBeenCalled()
  })

  it('shows the QR code as an image with a text alternative, and the key to type by hand', async () => {
    const { wrapper } = await mountPage({ status: { enabled: false, required: false, recoveryCodesLeft: 0 }, enrolment }, {}, 'en')
    const image = wrapper.get('img.qr-code')
    expect(image.attributes('src')).toBe(enrolment.qrCode)
    expect(image.attributes('alt')).toBe('QR code for setting up the authenticator app')
    expect(wrapper.get('.secret-key').text()).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')
    expect(wrapper.get('#enrolment-code').attributes()).toMatchObject({ autocomplete: 'one-time-code', inputmode: 'numeric' })
  })

  it('confirms with the code, and explains a wrong one next to the field', async () => {
    const { wrapper, store } = await mountPage({ status: { enabled: false, required: false, recoveryCodesLeft: 0 }, enrolment })
    vi.mocked(store.confirm).mockRejectedValue(new ApiError(400, 'SECOND_FACTOR_CODE_WRONG', 'wrong'))
    await wrapper.get('#enrolment-code').setValue('123 456')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(store.confirm).toHaveBeenCalledWith('123456')
    expect(wrapper.get('#enrolment-code-error').text()).toContain('Der Code stimmt nicht.')
    expect(wrapper.get('#enrolment-code').attributes('aria-invalid')).toBe('true')
  })

  it('shows the recovery codes once, with copy, print and download', async () => {
    const { wrapper, store } = await mountPage({ status: { enabled: true, required: false, recoveryCodesLeft: 10 }, recoveryCodes: codes })
    expect(wrapper.findAll('.recovery-codes li').map((li) => li.text())).toEqual(codes)
    const buttons = wrapper.findAll('.recovery-codes-panel button').map((b) => b.text())
    expect(buttons).toEqual(['Kopieren', 'Drucken', 'Als Textdatei herunterladen', 'Ich habe die Codes sicher aufbewahrt'])
    await wrapper.findAll('.recovery-codes-panel button').at(-1)!.trigger('click')
    expect(store.dismiss).toHaveBeenCalled()
  })

  it('offers new codes and turning off with the password; where required, no turning off', async () => {
    const optional = await mountPage({ status: { enabled: true, required: false, recoveryCodesLeft: 3 } })
    expect(optional.wrapper.text()).toContain('Noch 3 Wiederherstellungscodes übrig.')
    expect(optional.wrapper.find('#turn-off-password').exists()).toBe(true)
    vi.mocked(optional.store.turnOff).mockRejectedValue(new ApiError(400, 'CURRENT_PASSWORD_WRONG', 'wrong'))
    await optional.wrapper.get('#turn-off-password').setValue('falsch')
    await optional.wrapper.findAll('form').at(-1)!.trigger('submit')
    await flushPromises()
    expect(optional.store.turnOff).toHaveBeenCalledWith('falsch')
    expect(optional.wrapper.get('#turn-off-error').text()).toBe('Das aktuelle Passwort ist falsch.')

    const required = await mountPage({ status: { enabled: true, required: true, recoveryCodesLeft: 10 } })
    expect(required.wrapper.find('#turn-off-password').exists()).toBe(false)
    expect(required.wrapper.text()).toContain('Sie können ihn nicht ausschalten.')
    expect(required.wrapper.find('#regenerate-password').exists()).toBe(true)
  })
})
