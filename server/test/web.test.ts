import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { preferredEncoding } from '../src/plugins/compression.ts'
import { buildSignedInUser } from './helpers/auth.ts'
import { buildTestApp } from './helpers/build-test-app.ts'
import { buildPlan } from './helpers/factories.ts'
import { useTestDb } from './helpers/test-db.ts'

// A built web app in miniature: the shell, one hashed asset with its compressed twins, Vite's manifest
// and the public pages' first reads.
const webRoot = mkdtempSync(join(tmpdir(), 'eccar-web-'))
const entryJs = 'console.log("entry")\n'.repeat(100)
mkdirSync(join(webRoot, 'assets'))
mkdirSync(join(webRoot, '.vite'))
writeFileSync(join(webRoot, 'index.html'), '<!doctype html>\n<html lang="de">\n  <head>\n    <script type="module" src="/assets/index-abc.js"></script>\n  </head>\n  <body><div id="app"></div></body>\n</html>\n')
writeFileSync(join(webRoot, 'assets/index-abc.js'), entryJs)
writeFileSync(join(webRoot, 'assets/index-abc.js.br'), brotliCompressSync(entryJs))
writeFileSync(join(webRoot, 'assets/index-abc.js.gz'), gzipSync(entryJs))
writeFileSync(join(webRoot, '.vite/manifest.json'), JSON.stringify({
  'index.html': { file: 'assets/index-abc.js', isEntry: true, imports: ['_vue.js'], css: ['assets/index.css'] },
  '_vue.js': { file: 'assets/vue.js' },
  '_shared.js': { file: 'assets/shared.js', imports: ['_vue.js'] },
  'src/views/CommitmentView.vue': { file: 'assets/CommitmentView.js', isDynamicEntry: true, imports: ['_vue.js', '_shared.js', 'index.html'] },
  'src/views/DashboardView.vue': { file: 'assets/DashboardView.js', isDynamicEntry: true, imports: ['_shared.js'], css: ['assets/reporting.css'] },
  'src/i18n/locales/reporting.de.ts': { file: 'assets/reporting.de.js', isDynamicEntry: true },
  'src/i18n/locales/reporting.en.ts': { file: 'assets/reporting.en.js', isDynamicEntry: true },
}))
// The public pages as the web build declares them (web/src/router/public-pages.ts → .vite/page-reads.json).
writeFileSync(join(webRoot, '.vite/page-reads.json'), JSON.stringify([
  { name: 'plan', pattern: '^/([a-z0-9-]+)/plans/(\\d+)$', params: ['city', 'planId'], modules: ['src/views/PlanView.vue'], reads: ['/api/plans/:planId', '/api/plans/:planId/progress'], readsWithoutQuery: [] },
  {
    name: 'dashboard',
    pattern: '^/([a-z0-9-]+)/plans/(\\d+)/dashboard$',
    params: ['city', 'planId'],
    modules: ['src/views/DashboardView.vue', 'src/i18n/locales/reporting.de.ts'],
    reads: ['/api/plans/:planId', '/api/cities/:city/incidents/public'],
    readsWithoutQuery: [],
  },
  {
    name: 'commitment',
    pattern: '^/([a-z0-9-]+)/plans/(\\d+)/commitments/(\\d+)$',
    params: ['city', 'planId', 'number'],
    modules: ['src/views/CommitmentView.vue'],
    reads: ['/api/plans/:planId', '/api/cities/:city/organisations'],
    readsWithoutQuery: ['/api/plans/:planId/measures?commitment=:number&limit=50&offset=0'],
  },
]))

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, config: { WEB_DIST: webRoot } })
afterAll(async () => {
  await app.close()
  await testDb.close()
  rmSync(webRoot, { recursive: true, force: true })
})

const links = (html: string, rel: string) => [...html.matchAll(new RegExp(`<link rel="${rel}"[^>]* href="([^"]+)"`, 'g'))].map((m) => m[1]!.replaceAll('&amp;', '&'))

describe('the page shell', () => {
  it('announces a commitment page\'s code and first reads, so the browser fetches them alongside the app', async () => {
    const res = await app.inject({ method: 'GET', url: '/jena/plans/4/commitments/3' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['cache-control']).toBe('no-cache')
    // Only what index.html does not load already: the view and its shared chunk, not the entry's vue.js.
    expect(links(res.body, 'modulepreload')).toEqual(['/assets/CommitmentView.js', '/assets/shared.js'])
    // Who is signed in, the city's look (the header's logo and colour), then the page's own reads.
    expect(links(res.body, 'preload')).toEqual([
      '/api/session', '/api/cities/jena/branding', '/api/plans/4', '/api/cities/jena/organisations', '/api/plans/4/measures?commitment=3&limit=50&offset=0',
    ])
    expect(res.body).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/session">')
    expect(res.body.indexOf('rel="preload"')).toBeLessThan(res.body.indexOf('</head>'))
  })

  it('leaves out the list read when filters in the address change it', async () => {
    const res = await app.inject({ method: 'GET', url: '/jena/plans/4/commitments/3?status=done' })
    expect(links(res.body, 'preload')).toEqual(['/api/session', '/api/cities/jena/branding', '/api/plans/4', '/api/cities/jena/organisations'])
  })

  it('brings the dashboard\'s stylesheet and text bundles along with its reads', async () => {
    const res = await app.inject({ method: 'GET', url: '/jena/plans/4/dashboard' })
    expect(links(res.body, 'stylesheet')).toEqual(['/assets/reporting.css'])
    expect(links(res.body, 'modulepreload')).toEqual(['/assets/DashboardView.js', '/assets/shared.js', '/assets/reporting.de.js'])
    expect(links(res.body, 'preload')).toContain('/api/cities/jena/incidents/public')
    expect(res.body).toContain('<html lang="de">')
  })

  it('follows the remembered language: <html lang> for the app to start in, and that language\'s text bundles', async () => {
    const res = await app.inject({ method: 'GET', url: '/jena/plans/4/dashboard', cookies: { 'eccar-locale': 'en' } })
    expect(res.body).toContain('<html lang="en">')
    expect(res.headers.vary).toContain('cookie')
    expect(links(res.body, 'modulepreload')).toEqual(['/assets/DashboardView.js', '/assets/shared.js', '/assets/reporting.en.js'])
    const other = await app.inject({ method: 'GET', url: '/anmelden', cookies: { 'eccar-locale': 'en' } })
    expect(other.body).toContain('<html lang="en">')
    // Anything but a known language is ignored, never written into the page.
    const odd = await app.inject({ method: 'GET', url: '/jena/plans/4/dashboard', cookies: { 'eccar-locale': '"><script>' } })
    expect(odd.body).toContain('<html lang="de">')
    expect(links(odd.body, 'modulepreload')).toContain('/assets/reporting.de.js')
  })

  it('gives every other address the plain shell, malformed ones included', async () => {
    for (const url of ['/anmelden', '/jena/arbeitsbereich', '/jena/plans/x', '//', '/%25', '/jena/plans/1?a=%zz']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).toContain('<div id="app"></div>')
      if (!url.startsWith('/jena/plans/1')) expect(links(res.body, 'preload'), url).toEqual([])
    }
    // Fastify refuses an address that is not even valid percent-encoding, before any route.
    expect((await app.inject({ method: 'GET', url: '/%' })).statusCode).toBe(400)
  })

  it('is the same for members and looks no session up, unlike the API', async () => {
    const unknownSession = { cookie: `${app.sessionCookie.name}=no-such-session` }
    const page = await app.inject({ method: 'GET', url: '/jena/plans/4', headers: unknownSession })
    expect(page.statusCode).toBe(200)
    expect(page.headers['set-cookie']).toBeUndefined()
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc.js', headers: unknownSession })
    expect(asset.headers['set-cookie']).toBeUndefined()
    // The API does look it up, finds nothing, and clears the cookie.
    const api = await app.inject({ method: 'GET', url: '/api/session', headers: unknownSession })
    expect(String(api.headers['set-cookie'])).toContain(`${app.sessionCookie.name}=;`)
  })

  it('keeps the build manifest to itself and answers unknown API paths with JSON', async () => {
    const manifest = await app.inject({ method: 'GET', url: '/.vite/manifest.json' })
    expect(manifest.body).not.toContain('isEntry')
    const api = await app.inject({ method: 'GET', url: '/api/nothing' })
    expect(api.statusCode).toBe(404)
    expect(api.json().code).toBe('ROUTE_NOT_FOUND')
  })
})

describe('static assets', () => {
  it('are sent compressed as the browser accepts, and kept for good since their names change with their content', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/index-abc.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('accept-encoding')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(entryJs)

    const gzip = await app.inject({ method: 'GET', url: '/assets/index-abc.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(entryJs)

    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(entryJs)
  })
})

describe('compressed API answers', () => {
  it('compress the public\'s answers and leave them readable', async () => {
    const plan = await buildPlan(testDb.db)
    const plain = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}` })
    const br = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}`, headers: { 'accept-encoding': 'br;q=1, gzip;q=0.5' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('accept-encoding')
    expect(br.headers.etag).toBe(plain.headers.etag)
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length)
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json())
  })

  it('never compress a signed-in person\'s answers, which carry the anti-forgery token', async () => {
    const plan = await buildPlan(testDb.db)
    const member = await buildSignedInUser(testDb.db, { memberships: [{ cityId: plan.cityId, role: 'viewer' }] })
    for (const url of ['/api/session', `/api/plans/${plan.id}`]) {
      const res = await app.inject({ method: 'GET', url, headers: { ...member.headers, 'accept-encoding': 'br, gzip' } })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-encoding'], url).toBeUndefined()
    }
  })

  it('leave small answers alone', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } })
    expect(res.headers['content-encoding']).toBeUndefined()
  })

  it('follow the browser\'s stated preferences', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br')
    expect(preferredEncoding('gzip')).toBe('gzip')
    expect(preferredEncoding('br;q=0, gzip')).toBe('gzip')
    expect(preferredEncoding('br;q=0.2, gzip;q=0.8')).toBe('gzip')
    expect(preferredEncoding('*')).toBe('br')
    expect(preferredEncoding('identity')).toBeNull()
    expect(preferredEncoding(undefined)).toBeNull()
  })
})
