import type { CycleNarrative, ReportingCycle } from '@eccar/shared'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import { useReportingStore } from '@/stores/reporting'
import { mountWithApp } from '@/testing/mount'
import NarrativeEditor from './NarrativeEditor.vue'

const narrative = (texts: Partial<CycleNarrative> = {}): CycleNarrative => ({
  number: 3, textDe: null, textEn: null, challengesDe: null, challengesEn: null, needsDe: null, needsEn: null,
  exchangeTopicsDe: null, exchangeTopicsEn: null, noNarrativeReasonDe: null, noNarrativeReasonEn: null, version: 2, ...texts,
})
const cycleWith = (n: CycleNarrative) => ({ narratives: [n] }) as unknown as ReportingCycle

function mountEditor (n: CycleNarrative, locale: 'de' | 'en' = 'de') {
  return mountWithApp(NarrativeEditor, { props: { narrative: n, editable: true }, locale, attachTo: document.body })
}

describe('NarrativeEditor', () => {
  it('heads the form with the commitment\'s number and title', () => {
    const { wrapper } = mountWithApp(NarrativeEditor, {
      props: { narrative: narrative(), editable: true, title: 'Stärkung der Wachsamkeit gegenüber Rassismus' }, locale: 'de',
    })
    expect(wrapper.find('h3').text()).toContain('Verpflichtung 3: Stärkung der Wachsamkeit gegenüber Rassismus')
    expect(wrapper.find('form').attributes('aria-label')).toBe('Verpflichtung 3: Stärkung der Wachsamkeit gegenüber Rassismus')
    wrapper.unmount()
  })

  it('labels every text in both languages and marks a commitment without report or reason', () => {
    const { wrapper } = mountEditor(narrative({ challengesEn: 'Staff turnover' }), 'en')
    expect(wrapper.find('h3').text()).toContain('report or reason missing')
    const labels = wrapper.findAll('label').map((l) => l.text())
    expect(labels).toEqual(expect.arrayContaining([
      'Report (German)', 'Report (English)', 'Challenges (English)', 'Needs (German)',
      'Topics for exchange with other cities (English)', 'Reason why there is no report (German)',
    ]))
    // The disclosure with something written in it is open; the reason's stays closed.
    const [more, reason] = wrapper.findAll('details')
    expect(more?.attributes('open')).toBeDefined()
    expect(reason?.attributes('open')).toBeUndefined()
    expect(wrapper.find('textarea[name="narrative-3-challengesEn"]').attributes('lang')).toBe('en')
    wrapper.unmount()
  })

  it('sends only the changed texts with the narrative\'s own version', async () => {
    const { wrapper, pinia } = mountEditor(narrative())
    const store = useReportingStore(pinia)
    vi.mocked(store.saveNarrative).mockResolvedValue(cycleWith(narrative({ noNarrativeReasonDe: 'Keine Maßnahme begann 2022.', version: 3 })))
    await wrapper.find('textarea[name="narrative-3-noNarrativeReasonDe"]').setValue('Keine Maßnahme begann 2022.')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    expect(store.saveNarrative).toHaveBeenCalledWith(3, { noNarrativeReasonDe: 'Keine Maßnahme begann 2022.' }, 2)
    expect(wrapper.find('.form-status').text()).toBe('Texte zu Verpflichtung 3 gespeichert.')
    wrapper.unmount()
  })

  it('after a 412 on this commitment shows what the other person saved and keeps the draft', async () => {
    const { wrapper, pinia } = mountEditor(narrative({ textDe: 'Alt' }), 'en')
    const store = useReportingStore(pinia)
    const current = cycleWith(narrative({ textDe: 'Von jemand anderem', version: 5 }))
    vi.mocked(store.saveNarrative).mockRejectedValue(new ApiError(412, 'VERSION_CONFLICT', 'changed', undefined, { current }))
    await wrapper.find('textarea[name="narrative-3-textDe"]').setValue('Mein Text')
    await wrapper.find('form').trigger('submit')
    await flushPromises()
    const conflict = wrapper.find('.conflict')
    expect(conflict.exists()).toBe(true)
    const row = conflict.find('tbody tr')
    expect(row.find('th').text()).toContain('Report (German)')
    expect(row.findAll('td').map((td) => td.text())).toEqual(['Mein Text', 'Von jemand anderem'])
    expect((wrapper.find('textarea[name="narrative-3-textDe"]').element as HTMLTextAreaElement).value).toBe('Mein Text')
    wrapper.unmount()
  })

  it('shows the texts without a form to those who may not write', () => {
    const { wrapper } = mountWithApp(NarrativeEditor, { props: { narrative: narrative({ textEn: 'What we did', needsDe: 'Mehr Personal' }), editable: false }, locale: 'en' })
    expect(wrapper.find('form').exists()).toBe(false)
    expect(wrapper.find('h3').text()).toContain('complete')
    expect(wrapper.text()).toContain('What we did')
    expect(wrapper.text()).toContain('Needs (German)')
    expect(wrapper.text()).not.toContain('Challenges (German)')
  })
})
