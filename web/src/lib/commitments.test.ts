import { describe, expect, it } from 'vitest'
import { hasDistinctLocalTitle, localCommitmentTitle, officialCommitmentTitle } from './commitments'

const c6 = {
  titleEn: 'The City as an Equal Opportunities Employer and Service Provider',
  titleDe: 'Die Stadt als Arbeitgeberin und Dienstleisterin',
  localTitleDe: 'Die Stadt als Arbeitgeberin und Dienstleisterin, die gleiche Chancen nachhaltig fördert',
  localTitleEn: null,
}

describe('commitment titles', () => {
  it('prefers the plan\'s local heading', () => {
    expect(localCommitmentTitle('de', c6).text).toBe(c6.localTitleDe)
  })

  it('uses the official English title when the plan has no English heading (no fallback needed)', () => {
    expect(localCommitmentTitle('en', c6)).toEqual({ text: c6.titleEn, lang: 'en', fallback: false })
  })

  it('tells whether the local heading differs from the official title', () => {
    expect(hasDistinctLocalTitle('de', c6)).toBe(true)
    expect(hasDistinctLocalTitle('en', c6)).toBe(false)
    expect(officialCommitmentTitle('en', c6)).toBe(c6.titleEn)
  })
})
