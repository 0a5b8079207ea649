import type { EasyReadText } from '@eccar/shared'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/brand'
import { ApiError } from '@/api/http'
import { useEasyReadStore } from './easy-read'
import { usePlansStore } from './plans'

vi.mock('@/api/brand')
vi.mock('@/api/plans')

const text = (commitment: number | null, body: string, version = 1): EasyReadText => ({
  commitment, body, checkedBy: null, checkedAt: null, updatedAt: body ? '2026-11-02T10:00:00.000Z' : null, version,
})

describe('useEasyReadStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.resetAllMocks()
    vi.spyOn(usePlansStore(), 'loadPlan').mockResolvedValue()
  })

  it('reads the public texts with the plan, and shows no older answer when a second read fails', async () => {
    vi.mocked(api.getEasyRead).mockResolvedValueOnce({ planId: 1, items: [text(null, 'Jena hat einen Plan.')] })
      .mockRejectedValueOnce(new ApiError(404, 'PLAN_NOT_FOUND', 'no'))
    const store = useEasyReadStore()
    await store.loadPublished(1)
    expect(store.published[1]?.map((item) => item.body)).toEqual(['Jena hat einen Plan.'])
    expect(usePlansStore().loadPlan).toHaveBeenCalledWith(1)
    await store.loadPublished(1)
    expect(store.published[1]).toBeUndefined()
    expect(store.status).toBe('error')
    expect(store.error?.code).toBe('PLAN_NOT_FOUND')
  })

  it('replaces the text a write answers and leaves the others; a refused write throws and changes nothing', async () => {
    vi.mocked(api.getEasyReadDrafts).mockResolvedValue({ planId: 1, items: [text(null, 'Alt.'), text(1, '')] })
    const store = useEasyReadStore()
    await store.loadDrafts(1)
    vi.mocked(api.saveEasyRead).mockResolvedValue(text(null, 'Neu.', 2))
    await store.save(1, 'plan', { body: 'Neu.' }, 1)
    expect(api.saveEasyRead).toHaveBeenCalledWith(1, 'plan', { body: 'Neu.' }, 1)
    expect(store.drafts[1]?.map((item) => [item.commitment, item.body, item.version])).toEqual([[null, 'Neu.', 2], [1, '', 1]])
    vi.mocked(api.deleteEasyRead).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'stale'))
    await expect(store.remove(1, 'plan', 1)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' })
    expect(store.drafts[1]?.[0]?.body).toBe('Neu.')
  })
})
