import { describe, expect, it } from 'vitest'
import { useMeasuresStore } from '@/stores/measures'
import { buildMeasureSummary, buildPlan } from '@/testing/fixtures'
import { mountView } from '@/testing/mount'
import CommitmentView from './CommitmentView.vue'

const initialState = {
  plans: { plans: { 1: buildPlan() }, status: 'idle' },
  measures: {
    items: [buildMeasureSummary({ id: 1, code: '1.1' }), buildMeasureSummary({ id: 11, code: '3.1', primaryCommitment: 3, secondaryCommitments: [1] })],
    total: 2,
    listStatus: 'idle',
  },
  organisations: { byCity: { jena: [] } },
}

describe('CommitmentView', () => {
  it('loads the measures with the filters from the URL', async () => {
    const { pinia } = await mountView(CommitmentView, { path: '/jena/plans/1/commitments/1?status=delayed&q=Rat', initialState })
    expect(useMeasuresStore(pinia).loadList).toHaveBeenCalledWith(1, 1, { status: 'delayed', type: null, organisation: null, q: 'Rat' })
  })

  it('shows the titles, the context as paragraphs and the measures, marking secondary ones', async () => {
    const { wrapper } = await mountView(CommitmentView, { path: '/jena/plans/1/commitments/1', initialState })
    expect(wrapper.find('h1').text()).toBe('Verpflichtung 1')
    expect(wrapper.text()).toContain('Commitment 1')
    expect(wrapper.findAll('.prose p').map((p) => p.text())).toEqual(['Erster Absatz.', 'Zweiter Absatz.'])
    expect(wrapper.find('.result-count').text()).toBe('2 Maßnahmen')
    expect(wrapper.findAll('.secondary-note')).toHaveLength(1)
  })

  it('puts applied filters into the URL query', async () => {
    const { wrapper, router } = await mountView(CommitmentView, { path: '/jena/plans/1/commitments/1', initialState })
    await wrapper.find('select[name="type"]').setValue('examination')
    await wrapper.find('form').trigger('submit')
    await new Promise((r) => setTimeout(r, 0))
    expect(router.currentRoute.value.query).toEqual({ type: 'examination' })
  })
})
