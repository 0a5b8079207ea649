import { describe, expect, it } from 'vitest'
import { pageCount, pageFromQuery, pageQuery, pageWindow } from './paging'

describe('paging', () => {
  it('reads the page from the address, falling back to the first', () => {
    expect(pageFromQuery('3')).toBe(3)
    for (const bad of [undefined, '0', '-2', 'x', '1e3', ['2', '5']]) expect(pageFromQuery(bad)).toBe(bad?.[0] === '2' ? 2 : 1)
  })

  it('counts pages, at least one', () => {
    expect(pageCount(0, 25)).toBe(1)
    expect(pageCount(50, 25)).toBe(2)
    expect(pageCount(51, 25)).toBe(3)
  })

  it('asks the server for the page\'s window and writes the page into the address only after the first', () => {
    expect(pageWindow(1, 10)).toEqual({ limit: 10, offset: 0 })
    expect(pageWindow(3, 25)).toEqual({ limit: 25, offset: 50 })
    expect(pageQuery(1)).toEqual({})
    expect(pageQuery(2)).toEqual({ seite: '2' })
  })
})
