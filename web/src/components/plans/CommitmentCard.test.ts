import { describe, expect, it } from 'vitest'
import { buildProgress } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import CommitmentCard from './CommitmentCard.vue'

describe('CommitmentCard', () => {
  const commitment = { ...buildProgress([{ planned: 3, done: 1, ongoing: 1 }]).commitments[0]!, averageProgress: 40, localTitleDe: 'Wachsamkeit in Jena' }

  it('shows the share completed or ongoing as a labelled bar and as text, and counts by status in words', () => {
    const { wrapper } = mountWithApp(CommitmentCard, { props: { commitment: { ...commitment, averageProgress: 12 }, city: 'jena', planId: 1 } })
    const bar = wrapper.find('progress')
    expect(bar.attributes('value')).toBe('40')
    expect(wrapper.find(`#${bar.attributes('aria-labelledby')}`).text()).toBe('Umgesetzt oder dauerhaft laufend: 40\u00a0%')
    expect(wrapper.text()).not.toContain('12')
    expect(wrapper.text()).toContain('5 Maßnahmen')
    expect(wrapper.findAll('.status-counts li').map((li) => li.text())).toEqual(['3 geplant', '1 umgesetzt', '1 verstetigt / fortlaufend'])
  })

  it('links the local title to the commitment page and names the official title where it differs', () => {
    const { wrapper } = mountWithApp(CommitmentCard, { props: { commitment, city: 'jena', planId: 1 } })
    expect(wrapper.find('a').attributes('href')).toBe('/jena/plans/1/commitments/1')
    expect(wrapper.find('h3').text()).toContain('Wachsamkeit in Jena')
    expect(wrapper.text()).toContain('ECCAR-Titel: Verpflichtung 1')
  })

  it('marks the commitment with its own icon and colour, hidden from screen readers beside the written number', () => {
    const { wrapper } = mountWithApp(CommitmentCard, { props: { commitment: { ...commitment, number: 7 }, city: 'jena', planId: 1 } })
    const icon = wrapper.find('h3 svg')
    expect(icon.attributes('aria-hidden')).toBe('true')
    expect(icon.attributes('data-icon')).toBe('house')
    expect(icon.attributes('style')).toContain('color: #2f6b1f')
    expect(wrapper.find('h3').text()).toContain('Verpflichtung 7')
    expect(wrapper.find('article').attributes('style')).toContain('--commitment: #2f6b1f')
  })
})
