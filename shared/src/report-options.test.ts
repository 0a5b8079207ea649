import { describe, expect, it } from 'vitest'
import { languageFor } from './report-options.ts'

describe('languageFor', () => {
  it('keeps ECCAR in the chosen language and the council report in German', () => {
    expect(languageFor('eccar', 'en')).toBe('en')
    expect(languageFor('eccar', 'de')).toBe('de')
    expect(languageFor('council', 'en')).toBe('de')
  })
})
