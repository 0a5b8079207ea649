import type { ReportingCycle } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useReportingStore } from '@/stores/reporting'
import { mountWithApp } from '@/testing/mount'
import CycleCompleteness from './CycleCompleteness.vue'
import CycleTransitions from './CycleTransitions.vue'

const cycle = (missing: number[]): ReportingCycle => ({
  id: 7, planId: 1, title: 'Umsetzungsbericht 2022–2023', titleEn: null, periodStart: '2022-01-01', periodEnd: '2023-12-31', dueDate: null, kind: 'eccar', approvalMeeting: null,
  state: 'in_review', approvedAt: null, approvedBy: null, submittedAt: null, submittedBy: null, version: 4, createdAt: '2024-01-01T00:00:00Z',
  narratives: [], completeness: { complete: missing.length === 0, missing }, nextStates: ['open', 'approved'],
})

describe('CycleCompleteness', () => {
  it('lists the commitments without report or reason, each a link to its texts', () => {
    const { wrapper } = mountWithApp(CycleCompleteness, { props: { cycle: cycle([2, 9]) } })
    expect(wrapper.text()).toContain('Noch ohne Bericht und ohne Begründung: 2 Verpflichtungen')
    expect(wrapper.findAll('a').map((a) => [a.text(), a.attributes('href')])).toEqual([['Verpflichtung 2', '#narrative-2'], ['Verpflichtung 9', '#narrative-9']])
  })

  it('says when nothing is missing', () => {
    const { wrapper } = mountWithApp(CycleCompleteness, { props: { cycle: cycle([]) }, locale: 'en' })
    expect(wrapper.text()).toContain('Complete: all ten commitments have a report or a reason.')
    expect(wrapper.find('a').exists()).toBe(false)
  })
})

describe('CycleTransitions', () => {
  it('says beforehand that approval is not possible yet', () => {
    const { wrapper } = mountWithApp(CycleTransitions, { props: { cycle: cycle([5]), role: 'admin' }, locale: 'en' })
    expect(wrapper.text()).toContain('Not possible yet: 1 commitment has neither a report nor a reason.')
  })

  it('explains a refused approval and names each commitment, in German and English', async () => {
    for (const [locale, message, link] of [
      ['de', 'Der Bericht kann noch nicht freigegeben werden', 'Verpflichtung 4'],
      ['en', 'The report cannot be approved yet', 'Commitment 4'],
    ] as const) {
      const { wrapper, pinia } = mountWithApp(CycleTransitions, { props: { cycle: cycle([4, 8]), role: 'admin' }, locale })
      const store = useReportingStore(pinia)
      const refusal = new ApiError(409, 'CYCLE_INCOMPLETE', 'incomplete', undefined, {
        code: 'CYCLE_INCOMPLETE', details: [{ path: '/narratives/4', reason: 'no narrative' }, { path: '/narratives/8', reason: 'no narrative' }],
      })
      vi.mocked(store.transition).mockRejectedValue(refusal)
      const approve = wrapper.findAll('button').find((b) => b.text() === (locale === 'de' ? 'Als Lenkungsgruppe freigeben' : 'Approve as steering group'))
      await approve?.trigger('click')
      await flushPromises()
      const alert = wrapper.find('[role="alert"]')
      expect(alert.text()).toContain(message)
      expect(alert.findAll('a').map((a) => a.text())).toEqual([link, link.replace('4', '8')])
      expect(store.refreshCycle).toHaveBeenCalled()
    }
  })

  it('approves naming the steering-group meeting chosen, and shows it once recorded', async () => {
    const meetings = [{ id: 12, date: '2025-03-12' }, { id: 9, date: '2024-11-20' }]
    const { wrapper, pinia } = mountWithApp(CycleTransitions, { props: { cycle: cycle([]), role: 'admin', meetings }, locale: 'en' })
    const store = useReportingStore(pinia)
    vi.mocked(store.transition).mockResolvedValue({ ...cycle([]), state: 'approved' })
    const select = wrapper.find('select')
    expect(wrapper.find(`label[for="${select.attributes('id')}"]`).text()).toBe('Steering-group meeting that decided the approval')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['– no meeting –', 'Meeting of 12 March 2025', 'Meeting of 20 November 2024'])
    ;(select.findAll('option')[1]!.element as HTMLOptionElement).selected = true
    await select.trigger('change')
    await wrapper.findAll('button').find((b) => b.text() === 'Approve as steering group')?.trigger('click')
    await flushPromises()
    expect(store.transition).toHaveBeenCalledWith('approved', 12)

    await wrapper.setProps({ cycle: { ...cycle([]), state: 'approved', approvalMeeting: { id: 12, date: '2025-03-12' } } })
    expect(wrapper.text()).toContain('Decided at the steering-group meeting of 12 March 2025')
  })
})
