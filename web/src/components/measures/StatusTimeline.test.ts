import type { StatusEntry } from '@eccar/shared'
import { describe, expect, it } from 'vitest'
import { mountWithApp } from '@/testing/mount'
import StatusTimeline from './StatusTimeline.vue'

const entry = (overrides: Partial<StatusEntry>): StatusEntry => ({
  id: 1,
  date: '2022-07-01',
  fromStatus: null,
  status: 'in_progress',
  fromProgress: null,
  progress: 50,
  noteDe: null,
  noteEn: null,
  reason: null,
  evidenceLinks: [],
  organisation: null,
  recordedAt: '2022-07-01T10:00:00.000Z',
  ...overrides,
})

describe('StatusTimeline', () => {
  it('tells each change in words: date, old → new status, progress, note, reason, evidence, reporter', () => {
    const entries = [
      entry({ id: 1, date: '2021-07-01' }),
      entry({
        id: 2,
        fromStatus: 'in_progress',
        status: 'delayed',
        fromProgress: 50,
        progress: 60,
        noteDe: 'Stelle unbesetzt.',
        noteEn: 'Post vacant.',
        reason: 'Personalmangel',
        evidenceLinks: [{ url: 'https://example.org/bericht.pdf', label: 'Bericht 2022' }],
        organisation: { id: 5, name: 'Büro für Migration', nameEn: 'Office for Migration' },
      }),
    ]
    const { wrapper } = mountWithApp(StatusTimeline, { props: { entries, city: 'jena' }, locale: 'en' })
    const [first, second] = wrapper.findAll('li.timeline__entry')
    expect(first!.text()).toContain('1 July 2021')
    expect(first!.text()).toContain('Status recorded: in progress')
    expect(second!.text()).toContain('Status changed from “in progress” to “delayed”')
    expect(second!.text()).toContain('50% → 60%')
    expect(second!.text()).toContain('Post vacant.')
    expect(second!.text()).toContain('Personalmangel')
    expect(second!.find('a[href="https://example.org/bericht.pdf"]').text()).toBe('Bericht 2022')
    expect(second!.find('a[href="/jena/organisations/5"]').text()).toBe('Office for Migration')
  })

  it('says when nothing has been recorded', () => {
    const { wrapper } = mountWithApp(StatusTimeline, { props: { entries: [], city: 'jena' } })
    expect(wrapper.text()).toBe('Für diese Maßnahme wurde noch keine Statusänderung erfasst.')
  })
})
