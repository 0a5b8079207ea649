import { describe, expect, it } from 'vitest'
import { changedFields, conflictRows, reapplyChanges, sameValue, textOrNull } from './form-diff'

describe('sameValue', () => {
  it('compares lists and small records by content', () => {
    expect(sameValue([1, 2], [1, 2])).toBe(true)
    expect(sameValue([1, 2], [2, 1])).toBe(false)
    expect(sameValue([{ measureId: 1, noteDe: '' }], [{ measureId: 1, noteDe: '' }])).toBe(true)
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(sameValue('', null)).toBe(false)
  })
})

describe('changedFields', () => {
  it('returns only the fields that differ, as copies', () => {
    const original = { title: 'A', ids: [1], note: '' }
    const draft = { title: 'A', ids: [1, 2], note: 'neu' }
    const changes = changedFields(original, draft)
    expect(changes).toEqual({ ids: [1, 2], note: 'neu' })
    draft.ids.push(3)
    expect(changes.ids).toEqual([1, 2])
  })
})

describe('conflictRows', () => {
  const original = { title: 'A', context: 'alt', state: 'draft' }
  const draft = { title: 'A', context: 'mein Text', state: 'draft' }
  const current = { title: 'B', context: 'alt', state: 'draft' }

  it('lists my changes and the changes made meanwhile, nothing else', () => {
    expect(conflictRows(original, draft, current, ['title', 'context', 'state'])).toEqual([
      { field: 'title', mine: 'A', current: 'B', changedByMe: false, changedByOther: true },
      { field: 'context', mine: 'mein Text', current: 'alt', changedByMe: true, changedByOther: false },
    ])
  })

  it('marks a field both people changed', () => {
    const rows = conflictRows(original, draft, { ...current, context: 'ihr Text' })
    expect(rows.find((r) => r.field === 'context')).toMatchObject({ changedByMe: true, changedByOther: true, current: 'ihr Text' })
  })
})

describe('reapplyChanges', () => {
  it('lays my changes over the values saved now', () => {
    expect(reapplyChanges({ a: 1, b: 1, c: 1 }, { a: 2, b: 1, c: 1 }, { a: 1, b: 3, c: 1 })).toEqual({ a: 2, b: 3, c: 1 })
  })
})

describe('textOrNull', () => {
  it('turns blank text into null and trims the rest', () => {
    expect(textOrNull('  ')).toBeNull()
    expect(textOrNull(' Jena ')).toBe('Jena')
  })
})
