import type { Indicator } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as api from '@/api/indicators'
import { mountWithApp } from '@/testing/mount'
import IndicatorsSection from './IndicatorsSection.vue'

vi.mock('@/api/indicators')

const indicator = (id: number, overrides: Partial<Indicator> = {}): Indicator => ({
  id, planId: 1, nameDe: 'Beratungsfälle', nameEn: 'Counselling cases', definitionDe: null, definitionEn: null, unit: 'Anzahl', unitEn: null,
  source: null, direction: 'increase', baselineValue: 40, baselineDate: '2021-12-31', targetValue: 100, targetDate: '2025-12-31', isPublic: true,
  commitments: [], measures: [], values: [], latestValue: 70, progressToTarget: 0.5, version: 1, updatedAt: '2024-01-01T00:00:00Z', ...overrides,
})

describe('IndicatorsSection', () => {
  beforeEach(() => { vi.resetAllMocks() })

  it('shows the English unit in English, and the German one marked as German where there is none', async () => {
    vi.mocked(api.listIndicators).mockResolvedValue({ items: [indicator(1), indicator(2, { nameEn: null, unit: 'Standorte', unitEn: 'Sites' })] })
    const { wrapper } = mountWithApp(IndicatorsSection, { realActions: true, props: { planId: 1 }, locale: 'en' })
    await flushPromises()
    const [first, second] = wrapper.findAll('.indicator-card')
    expect(first?.find('dd [lang="de"]').text()).toBe('Anzahl')
    expect(first?.find('dd .language-tag').text()).toBe('German')
    expect(second?.find('dd').text()).toBe('Sites')
    expect(second?.find('h3 [lang="de"]').text()).toBe('Beratungsfälle')
  })

  it('shows the German unit in German without a mark', async () => {
    vi.mocked(api.listIndicators).mockResolvedValue({ items: [indicator(1, { unitEn: 'Number' })] })
    const { wrapper } = mountWithApp(IndicatorsSection, { realActions: true, props: { planId: 1 } })
    await flushPromises()
    expect(wrapper.find('.indicator-card dd').text()).toBe('Anzahl')
    expect(wrapper.find('.indicator-card .language-tag').exists()).toBe(false)
  })
})
