import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import * as api from '@/api/second-factor'
import { useSecondFactorStore } from './second-factor'
import { useSessionStore } from './session'

vi.mock('@/api/second-factor')
vi.mock('@/api/session')

const codes = Array.from({ length: 10 }, (_, i) => `abcde-${String(i).padStart(5, 'k')}`)

describe('useSecondFactorStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
  })

  it('loads the status, and records a failure', async () => {
    vi.mocked(api.getSecondFactorStatus).mockResolvedValueOnce({ enabled: false, required: true, recoveryCodesLeft: 0 })
    const store = useSecondFactorStore()
    await store.load()
    expect(store.status).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 })
    expect(store.loadStatus).toBe('idle')
    vi.mocked(api.getSecondFactorStatus).mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', 'offline'))
    await store.load()
    expect(store.loadStatus).toBe('error')
    expect(store.error?.code).toBe('NETWORK_ERROR')
  })

  it('enrols: the secret while confirming, then the codes, and the session no longer needs enrolment', async () => {
    vi.mocked(api.getSecondFactorStatus).mockResolvedValue({ enabled: false, required: true, recoveryCodesLeft: 0 })
    vi.mocked(api.startEnrolment).mockResolvedValue({ secret: 'S', otpauthUri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,' })
    vi.mocked(api.confirmEnrolment).mockResolvedValue({ recoveryCodes: codes })
    const store = useSecondFactorStore()
    const session = useSessionStore()
    session.secondFactorEnrolmentRequired = true
    await store.load()
    await store.start()
    expect(store.enrolment?.secret).toBe('S')
    await store.confirm('123456')
    expect(api.confirmEnrolment).toHaveBeenCalledWith('123456')
    expect(store.enrolment).toBeNull()
    expect(store.recoveryCodes).toEqual(codes)
    expect(store.status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 })
    expect(session.secondFactorEnrolmentRequired).toBe(false)
    store.dismiss()
    expect(store.recoveryCodes).toBeNull()
  })

  it('keeps the enrolment when the code is wrong', async () => {
    vi.mocked(api.startEnrolment).mockResolvedValue({ secret: 'S', otpauthUri: 'otpauth://totp/x', qrCode: 'data:' })
    vi.mocked(api.confirmEnrolment).mockRejectedValue(new ApiError(400, 'SECOND_FACTOR_CODE_WRONG', 'wrong'))
    const store = useSecondFactorStore()
    await store.start()
    await expect(store.confirm('000000')).rejects.toMatchObject({ code: 'SECOND_FACTOR_CODE_WRONG' })
    expect(store.enrolment?.secret).toBe('S')
    expect(store.recoveryCodes).toBeNull()
  })

  it('turns the factor off', async () => {
    vi.mocked(api.getSecondFactorStatus).mockResolvedValue({ enabled: true, required: false, recoveryCodesLeft: 4 })
    const store = useSecondFactorStore()
    await store.load()
    await store.turnOff('my password')
    expect(api.turnOffSecondFactor).toHaveBeenCalledWith('my password')
    expect(store.status).toMatchObject({ enabled: false, recoveryCodesLeft: 0 })
  })
})
