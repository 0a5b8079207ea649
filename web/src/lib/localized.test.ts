import { describe, expect, it } from 'vitest'
import { localizedString, pickLocalized, splitParagraphs } from './localized'

describe('pickLocalized', () => {
  it('returns the German text in the German UI', () => {
    expect(pickLocalized('de', 'Titel', 'Title')).toEqual({ text: 'Titel', lang: 'de', fallback: false })
  })

  it('returns the English text in the English UI', () => {
    expect(pickLocalized('en', 'Titel', 'Title')).toEqual({ text: 'Title', lang: 'en', fallback: false })
  })

  it('falls back to German, marked, when the English text is missing', () => {
    expect(pickLocalized('en', 'Titel', null)).toEqual({ text: 'Titel', lang: 'de', fallback: true })
  })

  it('treats a blank translation as missing', () => {
    expect(pickLocalized('en', 'Titel', '  ')).toEqual({ text: 'Titel', lang: 'de', fallback: true })
  })

  it('falls back to English in the German UI when only English exists', () => {
    expect(pickLocalized('de', null, 'Title')).toEqual({ text: 'Title', lang: 'en', fallback: true })
  })

  it('returns null when neither language has text', () => {
    expect(pickLocalized('en', null, undefined)).toBeNull()
    expect(localizedString('de', null, null)).toBe('')
  })
})

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
    expect(splitParagraphs('Erster Absatz\nnoch erster.\n\nZweiter Absatz.')).toEqual(['Erster Absatz\nnoch erster.', 'Zweiter Absatz.'])
  })

  it('accepts Windows line ends, blank lines with spaces, and drops empty paragraphs', () => {
    expect(splitParagraphs('\n\nA\r\n  \r\nB\n\n\n\nC\n\n')).toEqual(['A', 'B', 'C'])
  })

  it('returns nothing for an empty text', () => {
    expect(splitParagraphs('   ')).toEqual([])
  })
})
