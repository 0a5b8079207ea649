import { describe, expect, it } from 'vitest'
import { buildMeasureSummary } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import MeasureTable from './MeasureTable.vue'

describe('MeasureTable', () => {
  const measures = [buildMeasureSummary({ id: 1, code: '1.1' }), buildMeasureSummary({ id: 2, code: '1.2', isPublic: false })]

  it('says in words whether a measure is public', () => {
    const { wrapper } = mountWithApp(MeasureTable, { props: { measures, city: 'jena', planId: 1 } })
    const rows = wrapper.findAll('tbody tr')
    expect(rows[0]!.text()).toContain('öffentlich')
    expect(rows[1]!.text()).toContain('intern')
    expect(rows[1]!.find('a').attributes('href')).toBe('/jena/verwaltung/plaene/1/massnahmen/2')
  })

  it('hides a measure only after the question is answered with yes', async () => {
    const { wrapper } = mountWithApp(MeasureTable, { props: { measures, city: 'jena', planId: 1 } })
    await wrapper.find('button[aria-label="Maßnahme 1.2 ausblenden"]').trigger('click')
    expect(wrapper.emitted('hide')).toBeUndefined()
    const confirm = wrapper.find('.confirm')
    expect(confirm.text()).toContain('Maßnahme 1.2 ausblenden?')
    await confirm.find('button.button--danger').trigger('click')
    expect(wrapper.emitted('hide')?.[0]?.[0]).toMatchObject({ id: 2 })
    expect(wrapper.find('.confirm').exists()).toBe(false)
  })

  it('cancels the question with Escape', async () => {
    const { wrapper } = mountWithApp(MeasureTable, { props: { measures, city: 'jena', planId: 1 } })
    await wrapper.find('button[aria-label="Maßnahme 1.1 ausblenden"]').trigger('click')
    await wrapper.find('.confirm').trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('.confirm').exists()).toBe(false)
    expect(wrapper.emitted('hide')).toBeUndefined()
  })
})
