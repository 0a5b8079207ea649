import { Limits } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { emptyFilters } from '@/lib/measure-filters'
import { mountWithApp } from '@/testing/mount'
import MeasureFilters from './MeasureFilters.vue'

const organisations = [
  { id: 2, citySlug: 'jena', name: 'Stadtverwaltung Jena', nameEn: 'City administration', kind: 'municipal_unit' as const, descriptionDe: null, descriptionEn: null, version: 1 },
  { id: 1, citySlug: 'jena', name: 'Ausländerbeirat', nameEn: null, kind: 'advisory_council' as const, descriptionDe: null, descriptionEn: null, version: 1 },
]

describe('MeasureFilters', () => {
  it('labels every field', () => {
    const { wrapper } = mountWithApp(MeasureFilters, { props: { filters: emptyFilters(), organisations } })
    for (const control of wrapper.findAll('input, select')) {
      const id = control.attributes('id')
      expect(wrapper.find(`label[for="${id}"]`).exists(), id).toBe(true)
    }
  })

  it('emits the chosen filters on submit', async () => {
    const { wrapper } = mountWithApp(MeasureFilters, { props: { filters: emptyFilters(), organisations } })
    await wrapper.find('input[name="q"]').setValue('  Schule ')
    await wrapper.find('select[name="status"]').setValue('delayed')
    const option = wrapper.findAll('select[name="organisation"] option').find((o) => o.text() === 'Ausländerbeirat')!
    ;(option.element as HTMLOptionElement).selected = true
    await wrapper.find('select[name="organisation"]').trigger('change')
    await wrapper.find('form').trigger('submit')
    expect(wrapper.emitted('apply')?.[0]).toEqual([{ status: 'delayed', type: null, organisation: 1, q: 'Schule' }])
  })

  it('announces a too long search as an error tied to the field and does not emit', async () => {
    const { wrapper } = mountWithApp(MeasureFilters, { props: { filters: emptyFilters(), organisations } })
    const input = wrapper.find('input[name="q"]')
    await input.setValue('x'.repeat(Limits.searchText + 1))
    await wrapper.find('form').trigger('submit')
    const error = wrapper.find('[role="alert"]')
    expect(error.text()).toContain(String(Limits.searchText))
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toContain(error.attributes('id'))
    expect(wrapper.emitted('apply')).toBeUndefined()
  })

  it('offers organisations sorted by their name in the UI language, and a reset when filters are active', () => {
    const { wrapper } = mountWithApp(MeasureFilters, { props: { filters: { ...emptyFilters(), type: 'advocacy' }, organisations }, locale: 'en' })
    const names = wrapper.findAll('select[name="organisation"] option').map((o) => o.text())
    expect(names).toEqual(['All', 'Ausländerbeirat', 'City administration'])
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['Apply filters', 'Reset filters'])
  })

  it('emits empty filters on reset', async () => {
    const { wrapper } = mountWithApp(MeasureFilters, { props: { filters: { ...emptyFilters(), q: 'a' }, organisations } })
    await wrapper.findAll('button')[1]!.trigger('click')
    expect(wrapper.emitted('apply')?.[0]).toEqual([emptyFilters()])
  })
})
