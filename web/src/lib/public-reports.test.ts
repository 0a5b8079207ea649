import { describe, expect, it } from 'vitest'
import { publicReportHref, publicReportVersions } from './public-reports'

describe('publicReportHref', () => {
  it('links each version of a report on this site', () => {
    const report = { htmlUrl: '/api/plans/1/reports/4' }
    expect(publicReportVersions.map((v) => publicReportHref(report, v))).toEqual([
      '/api/plans/1/reports/4?lang=en',
      '/api/plans/1/reports/4?lang=de',
      '/api/plans/1/reports/4?kind=council&lang=de',
    ])
  })

  it('replaces a kind or language the address already carries and never leaves the site', () => {
    const [eccarEn, , council] = publicReportVersions
    expect(publicReportHref({ htmlUrl: 'https://elsewhere.example/api/plans/1/reports/4?kind=eccar&lang=de' }, eccarEn)).toBe('/api/plans/1/reports/4?lang=en')
    expect(publicReportHref({ htmlUrl: '/api/plans/1/reports/4?lang=en' }, council)).toBe('/api/plans/1/reports/4?lang=de&kind=council')
  })
})
