import { and, eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema/index.ts'
import { buildSignedInUser, type AuthHeaders } from '../../../test/helpers/auth.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildPlan } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

const testDb = await useTestDb()
const db = testDb.db
const app = await buildTestApp({ db })
const origin = app.config.PUBLIC_ORIGIN!

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE'
const call = (who: AuthHeaders | null, method: Method, url: string, payload?: object, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers: { ...who, ...headers }, ...(payload ? { payload } : {}) })

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)])
const settings = {
  accentColour: '#0b5a3c', website: 'https://www.jena.de', feedbackEmail: 'barrierefrei@jena.de', feedbackPhone: '+49 3641 49-0',
  feedbackUrl: null, enforcementName: 'Schlichtungsstelle BGG', enforcementUrl: 'https://www.schlichtungsstelle-bgg.de',
  embedOrigins: ['https://www.jena.de', 'http://localhost:8080'],
}

async function setUp () {
  const city = await buildCity(db, { slug: 'jena', name: 'Jena' })
  const other = await buildCity(db, { slug: 'erfurt', name: 'Erfurt' })
  const plan = await buildPlan(db, { cityId: city.id, titleDe: 'Aktionsplan Jena', titleEn: 'Jena action plan' })
  const draft = await buildPlan(db, { cityId: city.id, state: 'draft', titleDe: 'Entwurf' })
  await buildMeasure(db, plan, { code: '1.1', status: 'done' })
  await buildMeasure(db, plan, { code: '1.2', status: 'in_progress' })
  await buildMeasure(db, plan, { code: '2.1', primaryCommitment: 2, status: 'planned' })
  const admin = (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'admin' }] })).headers
  const editor = (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'editor' }] })).headers
  const viewer = (await buildSignedInUser(db, { memberships: [{ cityId: city.id, role: 'viewer' }] })).headers
  const otherAdmin = (await buildSignedInUser(db, { memberships: [{ cityId: other.id, role: 'admin' }] })).headers
  return { city, other, plan, draft, admin, editor, viewer, otherAdmin }
}

const auditRows = (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action))

describe('branding', () => {
  it('a city that never set anything has no accent, no logo and no origins; the public sees no origins or version', async () => {
    const { admin } = await setUp()
    const pub = await call(null, 'GET', '/api/cities/jena/branding')
    expect(pub.statusCode).toBe(200)
    expect(pub.json()).toEqual({
      citySlug: 'jena', cityName: 'Jena', accentColour: null, website: null, feedbackEmail: null, feedbackPhone: null,
      feedbackUrl: null, enforcementName: null, enforcementUrl: null, logoUrl: null,
    })
    const own = await call(admin, 'GET', '/api/cities/jena/branding/settings')
    expect(own.json()).toMatchObject({ embedOrigins: [], version: 1 })
    expect(own.headers.etag).toBe('"1"')
  })

  it('the admin saves the settings in one audited, versioned write; the public page shows them', async () => {
    const { admin } = await setUp()
    const res = await call(admin, 'PUT', '/api/cities/jena/branding/settings', { ...settings, version: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ ...settings, version: 2 })
    expect((await call(null, 'GET', '/api/cities/jena/branding')).json()).toMatchObject({ accentColour: '#0b5a3c', enforcementName: 'Schlichtungsstelle BGG' })
    const [row] = await auditRows('branding.update')
    expect(row).toMatchObject({ entityType: 'city-branding', before: expect.objectContaining({ version: 1 }), after: expect.objectContaining({ version: 2 }) })
    // The version read is stale now.
    const stale = await call(admin, 'PUT', '/api/cities/jena/branding/settings', { ...settings, version: 1 })
    expect(stale.statusCode).toBe(412)
    expect((await call(admin, 'PUT', '/api/cities/jena/branding/settings', settings)).statusCode).toBe(428)
  })

  it('refuses an accent colour under 4.5:1 and names each ratio; nothing is stored', async () => {
    const { admin } = await setUp()
    const res = await call(admin, 'PUT', '/api/cities/jena/branding/settings', { ...settings, accentColour: '#e2001a', version: 1 })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.code).toBe('ACCENT_CONTRAST_TOO_LOW')
    // #e2001a (a bright red) reaches 4.94:1 on white but not on the darker grey stripes.
    expect(body.details).toEqual([
      { path: '/accentColour', reason: expect.stringMatching(/^4\.\d\d:1 against #e9ecf1 \(stripe\); needs 4\.5:1$/) },
    ])
    const yellow = await call(admin, 'PUT', '/api/cities/jena/branding/settings', { ...settings, accentColour: '#ffcc00', version: 1 })
    expect(yellow.json().details).toHaveLength(3)
    expect(yellow.json().message).toContain('1.5')
    expect((await call(admin, 'GET', '/api/cities/jena/branding/settings')).json().version).toBe(1)
    expect(await auditRows('branding.update')).toHaveLength(0)
  })

  it('only the city\'s admins read and change the settings', async () => {
    const { editor, otherAdmin } = await setUp()
    expect((await call(null, 'GET', '/api/cities/jena/branding/settings')).statusCode).toBe(401)
    expect((await call(editor, 'GET', '/api/cities/jena/branding/settings')).statusCode).toBe(403)
    expect((await call(otherAdmin, 'PUT', '/api/cities/jena/branding/settings', { ...settings, version: 1 })).statusCode).toBe(404)
  })

  it('refuses origins with a path and unknown fields', async () => {
    const { admin } = await setUp()
    const res = await call(admin, 'PUT', '/api/cities/jena/branding/settings', { ...settings, embedOrigins: ['https://www.jena.de/seite'], version: 1 })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('VALIDATION_FAILED')
  })

  it('a PNG logo is stored and served at an address that changes with each upload; SVG, lies and large files are refused', async () => {
    const { admin } = await setUp()
    const upload = (body: Buffer, type: string, version: number) =>
      app.inject({ method: 'PUT', url: '/api/cities/jena/branding/logo', headers: { ...admin, 'content-type': type, 'if-match': `"${version}"` }, payload: body })
    const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml', 1)
    expect(svg.statusCode).toBe(415)
    const lying = await upload(Buffer.from('GIF89a not a png at all'), 'image/png', 1)
    expect(lying.statusCode).toBe(415)
    expect(lying.json().code).toBe('LOGO_INVALID')
    const large = await upload(Buffer.concat([png, Buffer.alloc(210 * 1024)]), 'image/png', 1)
    expect(large.statusCode).toBe(413)

    const res = await upload(png, 'image/png', 1)
    expect(res.statusCode).toBe(200)
    const logoUrl = res.json().logoUrl as string
    expect(logoUrl).toMatch(/^\/api\/cities\/jena\/logo\/\d+$/)
    const image = await call(null, 'GET', logoUrl)
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.rawPayload.equals(png)).toBe(true)
    expect((await auditRows('branding.logo.set'))[0]!.after).not.toHaveProperty('logo')

    const removed = await call(admin, 'DELETE', '/api/cities/jena/branding/logo', undefined, { 'if-match': '"2"' })
    expect(removed.json().logoUrl).toBeNull()
    expect((await call(null, 'GET', logoUrl)).statusCode).toBe(404)
  })
})

describe('widgets', () => {
  const save = (admin: AuthHeaders, origins: string[]) =>
    call(admin, 'PUT', '/api/cities/jena/branding/settings', { ...settings, embedOrigins: origins, version: 1 })

  it('a plan\'s widget may be framed only by the origins the city listed; other pages never', async () => {
    const { admin, plan } = await setUp()
    const before = await call(null, 'GET', `/embed/jena/plans/${plan.id}`)
    expect(before.statusCode).toBe(200)
    expect(before.headers['content-security-policy']).toContain('frame-ancestors \'none\'')

    await save(admin, ['https://www.jena.de', 'http://localhost:8080'])
    const res = await call(null, 'GET', `/embed/jena/plans/${plan.id}`)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    const policy = res.headers['content-security-policy'] as string
    expect(policy).toContain('frame-ancestors https://www.jena.de http://localhost:8080')
    expect(policy).toContain('default-src \'none\'')
    expect(policy).not.toContain('script-src')
    expect(res.headers['x-frame-options']).toBeUndefined()
    expect(res.body).not.toContain('<script')
    expect(res.body).toContain('<html lang="de">')
    expect(res.body).toContain('33 % der Maßnahmen umgesetzt oder fortlaufend')
    expect(res.body).toContain('Aktionsplan Jena')

    // The app's own pages and the API keep refusing every frame.
    for (const url of ['/api/cities/jena/branding', '/jena/plans/1']) {
      const page = await call(null, 'GET', url)
      expect(page.headers['content-security-policy']).toContain('frame-ancestors \'none\'')
    }
  })

  it('a commitment\'s widget in English; drafts, other cities\' plans and unknown commitments are not found', async () => {
    const { plan, draft } = await setUp()
    const res = await call(null, 'GET', `/embed/jena/plans/${plan.id}/commitments/2?lang=en`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<html lang="en">')
    expect(res.body).toContain('Commitment 2')
    expect(res.body).toContain('0 % of measures completed or ongoing')
    expect((await call(null, 'GET', `/embed/jena/plans/${draft.id}`)).statusCode).toBe(404)
    expect((await call(null, 'GET', `/embed/erfurt/plans/${plan.id}`)).statusCode).toBe(404)
    expect((await call(null, 'GET', `/embed/jena/plans/${plan.id}/commitments/11`)).statusCode).toBe(400)
  })

  it('oEmbed answers with an iframe of the widget for a widget or a public page address', async () => {
    const { plan } = await setUp()
    const url = encodeURIComponent(`${origin}/jena/plans/${plan.id}/commitments/2`)
    const res = await call(null, 'GET', `/api/oembed?url=${url}&maxwidth=300`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      version: '1.0', type: 'rich', title: 'Aktionsplan Jena – Jena', width: 300, provider_name: 'Jena',
      html: expect.stringContaining(`src="${origin}/embed/jena/plans/${plan.id}/commitments/2"`),
    })
    expect((await call(null, 'GET', `/api/oembed?url=${encodeURIComponent(`https://evil.example/jena/plans/${plan.id}`)}`)).json().code).toBe('EMBED_URL_UNKNOWN')
  })
})

describe('Leichte Sprache', () => {
  it('a text is public only after a review group checked it, and a changed text is unchecked again', async () => {
    const { plan, editor } = await setUp()
    const saved = await call(editor, 'PUT', `/api/plans/${plan.id}/easy-read/plan`, { body: 'Jena hat einen Plan.\nDer Plan ist gegen Rassismus.', version: 1 })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ commitment: null, checkedBy: null, checkedAt: null, version: 1 })
    // Unchecked: the public sees nothing.
    expect((await call(null, 'GET', `/api/plans/${plan.id}/easy-read`)).json().items).toEqual([])

    const checked = await call(editor, 'POST', `/api/plans/${plan.id}/easy-read/plan/check`, { checkedBy: 'Prüfgruppe Lebenshilfe Jena', version: 1 })
    expect(checked.statusCode).toBe(200)
    expect(checked.json()).toMatchObject({ checkedBy: 'Prüfgruppe Lebenshilfe Jena', checkedAt: expect.any(String), version: 2 })
    const pub = (await call(null, 'GET', `/api/plans/${plan.id}/easy-read`)).json()
    expect(pub.items).toHaveLength(1)
    expect(pub.items[0].body).toBe('Jena hat einen Plan.\nDer Plan ist gegen Rassismus.')

    const changed = await call(editor, 'PUT', `/api/plans/${plan.id}/easy-read/plan`, { body: 'Ein neuer Text.', version: 2 })
    expect(changed.json()).toMatchObject({ checkedBy: null, checkedAt: null, version: 3 })
    expect((await call(null, 'GET', `/api/plans/${plan.id}/easy-read`)).json().items).toEqual([])
    expect(await auditRows('easy-read.save')).toHaveLength(2)
    expect(await auditRows('easy-read.check')).toHaveLength(1)
  })

  it('the office sees all eleven texts; viewers and strangers may not write; an unwritten text cannot be checked', async () => {
    const { plan, editor, viewer, otherAdmin } = await setUp()
    await call(editor, 'PUT', `/api/plans/${plan.id}/easy-read/3`, { body: 'Verpflichtung drei.', version: 1 })
    const drafts = (await call(editor, 'GET', `/api/plans/${plan.id}/easy-read/drafts`)).json()
    expect(drafts.items).toHaveLength(11)
    expect(drafts.items[3]).toMatchObject({ commitment: 3, body: 'Verpflichtung drei.' })
    expect(drafts.items[0]).toMatchObject({ commitment: null, body: '', version: 1 })
    expect((await call(viewer, 'PUT', `/api/plans/${plan.id}/easy-read/plan`, { body: 'x', version: 1 })).statusCode).toBe(403)
    expect((await call(otherAdmin, 'PUT', `/api/plans/${plan.id}/easy-read/plan`, { body: 'x', version: 1 })).statusCode).toBe(404)
    const unwritten = await call(editor, 'POST', `/api/plans/${plan.id}/easy-read/4/check`, { checkedBy: 'Gruppe', version: 1 })
    expect(unwritten.statusCode).toBe(404)
    expect(unwritten.json().code).toBe('EASY_READ_NOT_FOUND')
    expect((await call(editor, 'PUT', `/api/plans/${plan.id}/easy-read/11`, { body: 'x', version: 1 })).statusCode).toBe(400)
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.action, 'easy-read.save')))
    expect(rows).toHaveLength(1)
  })

  it('a deleted text leaves the public page and the office\'s list; a save based on it is refused, a new one starts afresh', async () => {
    const { plan, editor, viewer, otherAdmin } = await setUp()
    await call(editor, 'PUT', `/api/plans/${plan.id}/easy-read/5`, { body: 'Verpflichtung fünf.', version: 1 })
    await call(editor, 'POST', `/api/plans/${plan.id}/easy-read/5/check`, { checkedBy: 'Prüfgruppe', version: 1 })
    expect((await call(null, 'GET', `/api/plans/${plan.id}/easy-read`)).json().items).toHaveLength(1)

    // Nobody but the city's editors deletes it; a stale version or none is refused, and nothing changes.
    expect((await call(viewer, 'DELETE', `/api/plans/${plan.id}/easy-read/5`, undefined, { 'if-match': '"2"' })).statusCode).toBe(403)
    expect((await call(otherAdmin, 'DELETE', `/api/plans/${plan.id}/easy-read/5`, undefined, { 'if-match': '"2"' })).statusCode).toBe(404)
    expect((await call(editor, 'DELETE', `/api/plans/${plan.id}/easy-read/5`)).statusCode).toBe(428)
    const stale = await call(editor, 'DELETE', `/api/plans/${plan.id}/easy-read/5`, undefined, { 'if-match': '"1"' })
    expect(stale.statusCode).toBe(412)
    expect(stale.json().current).toMatchObject({ body: 'Verpflichtung fünf.', version: 2 })

    const deleted = await call(editor, 'DELETE', `/api/plans/${plan.id}/easy-read/5`, undefined, { 'if-match': '"2"' })
    expect(deleted.statusCode).toBe(200)
    expect(deleted.json()).toEqual({ commitment: 5, body: '', checkedBy: null, checkedAt: null, updatedAt: null, version: 3 })
    expect(deleted.headers.etag).toBe('"3"')
    expect((await call(null, 'GET', `/api/plans/${plan.id}/easy-read`)).json().items).toEqual([])
    const drafts = (await call(editor, 'GET', `/api/plans/${plan.id}/easy-read/drafts`)).json()
    expect(drafts.items[5]).toEqual({ commitment: 5, body: '', checkedBy: null, checkedAt: null, updatedAt: null, version: 3 })
    const [audit] = await auditRows('easy-read.delete')
    expect(audit).toMatchObject({ entityId: `${plan.id}/5`, before: expect.objectContaining({ body: 'Verpflichtung fünf.' }), after: expect.objectContaining({ body: '' }) })

    // Gone: deleting or checking it again is "not found".
    const again = await call(editor, 'DELETE', `/api/plans/${plan.id}/easy-read/5`, undefined, { 'if-match': '"3"' })
    expect([again.statusCode, again.json().code]).toEqual([404, 'EASY_READ_NOT_FOUND'])
    expect((await call(editor, 'POST', `/api/plans/${plan.id}/easy-read/5/check`, { checkedBy: 'Prüfgruppe', version: 3 })).statusCode).toBe(404)
    // A save from a screen that still showed the deleted text does not bring it back.
    expect((await call(editor, 'PUT', `/api/plans/${plan.id}/easy-read/5`, { body: 'Verpflichtung fünf.', version: 2 })).statusCode).toBe(412)
    const rewritten = await call(editor, 'PUT', `/api/plans/${plan.id}/easy-read/5`, { body: 'Neu geschrieben.', version: 3 })
    expect(rewritten.json()).toMatchObject({ body: 'Neu geschrieben.', checkedAt: null, updatedAt: expect.any(String), version: 4 })
    expect((await call(null, 'GET', `/api/plans/${plan.id}/easy-read`)).json().items).toEqual([])
    expect(await auditRows('easy-read.delete')).toHaveLength(1)
  })
})
