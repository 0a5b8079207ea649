import { describe, expect, it } from 'vitest'
import { jenaBodyNames } from '@/testing/jena-body-names'
import { compareIso, compareNames } from './compare'

describe('compareIso', () => {
  it('orders dates and timestamps', () => {
    expect(['2023-01-01', '2021-07-01', '2022-12-31'].sort(compareIso)).toEqual(['2021-07-01', '2022-12-31', '2023-01-01'])
    expect(compareIso('2022-01-01T10:00:00Z', '2022-01-01T09:00:00Z')).toBe(1)
    expect(compareIso('2022-01-01', '2022-01-01')).toBe(0)
  })
})

describe('compareNames', () => {
  it('orders umlauts, ß and case as German readers expect', () => {
    expect(['Zentrum', 'Ämter', 'amt', 'Anlage', 'Straße', 'Strasse B', 'Öffentlichkeit', 'Ordnung'].sort(compareNames))
      .toEqual(['amt', 'Ämter', 'Anlage', 'Öffentlichkeit', 'Ordnung', 'Straße', 'Strasse B', 'Zentrum'])
  })

  it('orders every body of the Jena plan as Intl.Collator does, in German and in English', () => {
    const german = jenaBodyNames.map((o) => o.name)
    expect([...german].sort(compareNames)).toEqual([...german].sort(new Intl.Collator('de').compare))
    const english = jenaBodyNames.map((o) => o.nameEn ?? o.name)
    expect([...english].sort(compareNames)).toEqual([...english].sort(new Intl.Collator('en').compare))
  })
})
