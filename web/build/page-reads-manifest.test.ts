import { describe, expect, it } from 'vitest'
import { pageReadsEntries, routePattern } from './page-reads-manifest'

describe('routePattern', () => {
  it('keeps a parameter\'s own expression and limits a plain one to a slug', () => {
    const { pattern, params } = routePattern('/:city/plans/:planId(\\d+)/commitments/:number(\\d+)')
    expect(params).toEqual(['city', 'planId', 'number'])
    const re = new RegExp(pattern)
    expect(re.exec('/jena/plans/4/commitments/3')?.slice(1)).toEqual(['jena', '4', '3'])
    for (const other of ['/jena/plans/x/commitments/3', '/jena/plans/4/commitments/3/x', '/a%20b/plans/4/commitments/3', '//plans/4/commitments/3']) {
      expect(re.test(other), other).toBe(false)
    }
  })

  it('matches the start page only at the root', () => {
    const re = new RegExp(routePattern('/').pattern)
    expect(re.test('/')).toBe(true)
    expect(re.test('/anmelden')).toBe(false)
  })
})

describe('pageReadsEntries', () => {
  it('lists a page\'s view, then its text bundles with those they bring along, in German, the language index.html starts in', () => {
    const [entry] = pageReadsEntries({ page: { path: '/x', view: 'src/views/X.vue', messages: ['admin'], reads: ['/api/x'] } })
    expect(entry?.modules).toEqual(['src/views/X.vue', 'src/i18n/locales/admin.de.ts', 'src/i18n/locales/errors.de.ts'])
    expect(entry?.readsWithoutQuery).toEqual([])
  })
})
