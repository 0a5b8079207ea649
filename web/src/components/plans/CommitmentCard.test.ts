import { describe, expect, it } from 'vitest'
import { buildProgress } from '@/testing/fixtures'
import { mountWithApp } from '@/testing/mount'
import CommitmentCard from './CommitmentCard.vue'

describe('CommitmentCard', () => {
  const commitment = { ...buildProgress([{ planned: 3, done: 1, ongoing: 1 }]).commitments[0]!, averageProgress: 40, localTitleDe: 'Wachsamkeit in Jena' }

  it('shows the progress as a labelled bar and as text, and counts by status in words', () => {
    const { wrapper } = mountWithApp(CommitmentCard, { props: { commitment, city: 'jena', planId: 1 } })
    const bar = wrapper.find('progress')
    expect(bar.attributes('value')).toBe('40')
    expect(wrapper.find(`#${bar.attributes('aria-labelledby')}`).text()).toBe('Durchschnittlicher Fortschritt: 40\u00a0%')
    expect(wrapper.text()).toContain('5 Maßnahmen')
    expect(wrapper.findAll('.status-counts li').map((li) => li.text())).toEqual(['3 geplant', '1 umgesetzt', '1 verstetigt / fortlaufend'])
  })

  it('links the local title to the commitment page and names the official title where it differs', () => {
    const { wrapper } = mountWithApp(CommitmentCard, { props: { commitment, city: 'jena', planId: 1 } })
    expect(wrapper.find('a').attributes('href')).toBe('/jena/plans/1/commitments/1')
    expect(wrapper.find('h3').text()).toContain('Wachsamkeit in Jena')
    expect(wrapper.text()).toContain('ECCAR-Titel: Verpflichtung 1')
  })
})
