import type { MeasureDetail, MeasureSummary, Organisation, PlanDetail } from '@eccar/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/helpers/build-test-app.ts'
import { buildCity } from '../../test/helpers/factories.ts'
import { tableCounts, useTestDb } from '../../test/helpers/test-db.ts'
import { loadDemoData } from './load-demo-data.ts'

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
const publicApp = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await publicApp.close()
  await testDb.close()
})

const read = async <T>(url: string, client = publicApp): Promise<T> => {
  const res = await client.inject({ method: 'GET', url })
  expect(res.statusCode, url).toBe(200)
  return res.json() as T
}

async function loadJena () {
  const loaded = await loadDemoData(testDb.db)
  expect(loaded).not.toBeNull()
  return loaded!.planId
}

const listMeasures = async (planId: number, client = publicApp) =>
  read<{ items: MeasureSummary[], total: number }>(`/api/plans/${planId}/measures?limit=100`, client)

/** Every measure of the plan as the public reads it, keyed by code. */
async function measuresByCode (planId: number) {
  const { items } = await listMeasures(planId)
  const details = await Promise.all(items.map((m) => read<MeasureDetail>(`/api/measures/${m.id}`)))
  return new Map(details.map((m) => [m.code, m]))
}

const codesWhere = (measures: Iterable<MeasureDetail | MeasureSummary>, keep: (m: MeasureSummary) => boolean) =>
  [...measures].filter(keep).map((m) => m.code)

/** The prose a reader sees: intro, commitment texts, measure texts and notes. */
function proseOf (plan: PlanDetail, measures: Iterable<MeasureDetail>) {
  const texts: (string | null)[] = [plan.titleDe, plan.introDe, plan.introEn]
  for (const c of plan.commitments) texts.push(c.localTitleDe, c.localTitleEn, c.contextDe ?? null, c.contextEn ?? null)
  for (const m of measures) {
    texts.push(m.titleDe, m.titleEn, m.descriptionDe, m.descriptionEn, m.timeframeNoteDe, m.timeframeNoteEn, m.fundingNoteDe, m.fundingNoteEn, m.statusReason)
    for (const link of m.relatedMeasures) texts.push(link.noteDe, link.noteEn)
    for (const entry of m.statusHistory) texts.push(entry.noteDe, entry.noteEn, entry.reason)
  }
  return texts.filter((text): text is string => typeof text === 'string')
}

describe('Jena demo plan', () => {
  it('shows one city with one adopted plan when the demo is loaded', async () => {
    const planId = await loadJena()
    const cities = await read<{ items: { slug: string, name: string }[] }>('/api/cities')
    expect(cities.items).toEqual([expect.objectContaining({ slug: 'jena', name: 'Jena' })])
    const plans = await read<{ items: unknown[] }>('/api/cities/jena/plans')
    expect(plans.items).toEqual([expect.objectContaining({
      id: planId, state: 'adopted', resolutionNumber: '20/0372-BV', resolutionDate: '2020-07-16',
      periodStart: '2022-01-01', periodEnd: '2023-12-31', measureCount: 49,
    })])
  })

  it('gives all ten commitments German context and local titles when the plan is read', async () => {
    const plan = await read<PlanDetail>(`/api/plans/${await loadJena()}?contexts=true`)
    expect(plan.commitments.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    for (const c of plan.commitments) {
      expect(c.hasContext, `commitment ${c.number}`).toBe(true)
      expect(c.contextDe?.trim().length, `commitment ${c.number}`).toBeGreaterThan(200)
      expect(c.localTitleDe?.trim(), `commitment ${c.number}`).toBeTruthy()
    }
    expect(plan.commitments[3]!.localTitleDe).toContain('Bürger_innen')
    expect(plan.commitments[5]!.localTitleDe).toBe('Die Stadt als Arbeitgeberin und Dienstleisterin, die gleiche Chancen nachhaltig fördert')
    expect(plan.commitments[5]!.localTitleDe).not.toBe(plan.commitments[5]!.titleDe)
  })

  it('counts 49 measures split 5,5,4,3,4,6,3,7,5,7 over the commitments when listed', async () => {
    const planId = await loadJena()
    const { items, total } = await listMeasures(planId)
    expect(total).toBe(49)
    const perCommitment = Array.from({ length: 10 }, (_, i) => items.filter((m) => m.primaryCommitment === i + 1).length)
    expect(perCommitment).toEqual([5, 5, 4, 3, 4, 6, 3, 7, 5, 7])
    const plan = await read<PlanDetail>(`/api/plans/${planId}`)
    expect(plan.commitments.map((c) => c.measureCount)).toEqual([5, 5, 4, 3, 4, 6, 3, 7, 5, 7])
    expect(items.map((m) => m.code)).toContain('4.0')
    expect(new Set(items.map((m) => m.code)).size).toBe(49)
  })

  it('shows every measure to the public when the demo is loaded', async () => {
    const planId = await loadJena()
    expect((await listMeasures(planId, app)).total).toBe(49)
    expect((await listMeasures(planId)).total).toBe(49)
  })

  it('gives every measure an English title and a German description when read one by one', async () => {
    const measures = await measuresByCode(await loadJena())
    expect(measures.size).toBe(49)
    for (const m of measures.values()) {
      expect(m.titleEn?.trim(), m.code).toBeTruthy()
      expect(m.descriptionDe?.trim(), m.code).toBeTruthy()
    }
  })

  it('types the measures as the counting rule does when listed', async () => {
    const { items } = await listMeasures(await loadJena())
    expect(codesWhere(items, (m) => m.type === 'aspiration')).toEqual(['1.3', '1.4'])
    expect(codesWhere(items, (m) => m.type === 'advocacy')).toEqual(['7.2', '8.3', '10.3'])
    expect(codesWhere(items, (m) => m.type === 'examination')).toEqual(['3.2', '3.3', '6.3', '8.6', '9.3', '9.4', '9.5'])
  })

  it('holds the commemoration at Enver-Şimşek-Platz every 11 September when 10.1 is read', async () => {
    const m = (await measuresByCode(await loadJena())).get('10.1')!
    expect(m).toMatchObject({ recurrence: 'yearly', recurrenceOn: '09-11', leadOrganisation: { name: 'Stadtverwaltung Jena' } })
    expect(m.timeframeNoteDe).toContain('11. September')
    expect(m.involvedOrganisations.map((o) => o.name)).toContain('Oberbürgermeister')
  })

  it('links the anti-racism clause both ways when 6.6 and 5.1 are read', async () => {
    const measures = await measuresByCode(await loadJena())
    const clause = measures.get('6.6')!
    expect(clause.relatedMeasures.map((l) => l.code)).toContain('5.1')
    expect(clause.descriptionDe).toContain('Antirassismusklausel')
    expect(measures.get('5.1')!.referencedBy.map((l) => l.code)).toContain('6.6')
  })

  it('names the lead bodies and links the source names when 7.1, 1.1 and 3.1 are read', async () => {
    const measures = await measuresByCode(await loadJena())
    expect(measures.get('7.1')!.leadOrganisation?.name).toBe('Kommunale Immobilien Jena (KIJ)')
    expect(measures.get('1.1')!.leadOrganisation?.name).toBe('Antidiskriminierungsstelle der Stadt Jena')
    expect(measures.get('3.1')!.relatedMeasures.map((l) => l.code)).toContain('1.1')
  })

  it('carries the statuses of the later evidence when the measures are listed', async () => {
    const planId = await loadJena()
    const { items } = await listMeasures(planId)
    expect(codesWhere(items, (m) => m.status === 'done')).toEqual(['1.2', '2.4'])
    expect(codesWhere(items, (m) => m.status === 'ongoing')).toEqual(['1.1', '3.4'])
    expect(codesWhere(items, (m) => m.status === 'planned')).toHaveLength(45)
    const campaign = (await measuresByCode(planId)).get('1.2')!
    expect(campaign.statusHistory.map((e) => e.date)).toContain('2024-03-12')
  })

  it('lists what the anti-discrimination office leads and joins when its page is read', async () => {
    await loadJena()
    const { items } = await read<{ items: Organisation[] }>('/api/cities/jena/organisations')
    const office = items.find((o) => o.name === 'Antidiskriminierungsstelle der Stadt Jena')
    expect(office).toBeDefined()
    const detail = await read<{ leads: { code: string }[], joins: { code: string }[] }>(`/api/organisations/${office!.id}`)
    expect(detail.leads.map((m) => m.code)).toEqual(expect.arrayContaining(['1.1', '2.5', '3.1']))
    expect(detail.joins.map((m) => m.code)).toContain('10.5')
  })

  it('has no PDF extraction damage when the texts are read', async () => {
    const planId = await loadJena()
    const prose = proseOf(await read<PlanDetail>(`/api/plans/${planId}?contexts=true`), (await measuresByCode(planId)).values())
    const all = prose.join('\n\n')
    for (const damage of ['im ek-Platz', 'Antidiskrimierungsstelle', 'Diverity', 'THürGusVO', 'zur verstehen', 'Migrationshintergrund1', 'UNESCO4']) {
      expect(all).not.toContain(damage)
    }
    for (const text of prose) {
      expect(text, 'word followed by a footnote digit').not.toMatch(/\p{L}\d/u)
      expect(text, 'footnote digit after a full stop').not.toMatch(/\p{Ll}\.\d/u)
      expect(text, 'doubled blank line').not.toMatch(/\n[ \t]*\n[ \t]*\n/)
    }
    expect(all).toContain('Enver-Şimşek-Platz')
  })

  it('names no contributor of the seed when plan, measures and organisations are read', async () => {
    const planId = await loadJena()
    const { items: organisations } = await read<{ items: Organisation[] }>('/api/cities/jena/organisations')
    const published = JSON.stringify([
      await read(`/api/plans/${planId}?contexts=true`),
      [...(await measuresByCode(planId)).values()],
      await Promise.all(organisations.map((o) => read(`/api/organisations/${o.id}`))),
    ])
    expect(published).toContain('Büro für Migration und Integration')
    const names = ['Amend', 'Babić', 'Bajohr', 'Calzolari', 'Dieckmann', 'Egbe', 'Ekinci', 'Krampe', 'Mauersberger', 'Schneider', 'Stegmann', 'Thiele']
    for (const name of names) expect(published).not.toMatch(new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'u'))
  })

  it('adds nothing when loaded a second time', async () => {
    await loadJena()
    const before = await tableCounts(testDb.db)
    expect(await loadDemoData(testDb.db)).toBeNull()
    expect(await tableCounts(testDb.db)).toEqual(before)
  })

  it('stays away when everything but the marker row was deleted', async () => {
    await loadJena()
    // The audit trail stays: it cannot be emptied, and the demo must not return regardless.
    const tables = Object.keys(await tableCounts(testDb.db)).filter((table) => table !== 'app_meta' && table !== 'audit_log')
    // Published incident releases refuse TRUNCATE too, and the cascade from cities reaches them: triggers off for this step.
    await testDb.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`)
      await tx.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`))
    })
    expect(await loadDemoData(testDb.db)).toBeNull()
    const after = await tableCounts(testDb.db)
    expect(after.app_meta).toBe(1)
    expect(after).toMatchObject({ cities: 0, plans: 0, measures: 0, organisations: 0 })
  })

  it('loads nothing when the database already has a city', async () => {
    await buildCity(testDb.db, { slug: 'erfurt', name: 'Erfurt' })
    expect(await loadDemoData(testDb.db)).toBeNull()
    expect(await tableCounts(testDb.db)).toMatchObject({ cities: 1, plans: 0, measures: 0, organisations: 0, app_meta: 0 })
  })
})

describe('Jena demo steering group', () => {
  it('seats the bodies the plan names, names no person and meets every 12 months when read by a member', async () => {
    await loadJena()
    const group = await read<import('@eccar/shared').SteeringGroup>('/api/cities/jena/steering-group', app)
    expect(group.cadenceMonths).toBe(12)
    expect(group.members).toHaveLength(11)
    expect(group.members.every((member) => member.personName === null)).toBe(true)
    expect(group.members.filter((member) => member.organisation !== null).map((member) => member.organisation!.name)).toEqual([
      'Oberbürgermeister', 'Büro für Migration und Integration', 'Migrations- und Integrationsbeirat',
      'Team Öffentlichkeitsarbeit der Stadt Jena', 'KoKont', 'Runder Tisch für Demokratie',
    ])
    expect(group.members.filter((member) => member.seat.startsWith('Zivilgesellschaft'))).toHaveLength(3)
    for (const seat of ['Wirtschaft', 'Wissenschaft']) {
      expect(group.members.find((member) => member.seat === seat)?.roleInGroup, seat).toMatch(/zu besetzen/)
    }
    expect((await publicApp.inject({ method: 'GET', url: '/api/cities/jena/steering-group' })).statusCode).toBe(401)
  })
})

describe('Jena demo open data', () => {
  it('names Jena by its Amtlicher Gemeindeschlüssel on every dataset of the public catalogue', async () => {
    await loadJena()
    const settings = await read<import('@eccar/shared').OpenDataSettings>('/api/cities/jena/open-data', app)
    expect(settings).toMatchObject({ licence: 'dl-de-by-2.0', municipalityKey: '16053000', contributorId: null })
    const res = await publicApp.inject({ method: 'GET', url: '/api/cities/jena/catalog.ttl' })
    expect(res.statusCode).toBe(200)
    const datasets = res.body.match(/a dcat:Dataset/g) ?? []
    const geocoded = res.body.match(/dcatde:politicalGeocodingURI <http:\/\/dcat-ap\.de\/def\/politicalGeocoding\/municipalityKey\/16053000>/g) ?? []
    expect(datasets.length).toBeGreaterThan(0)
    expect(geocoded).toHaveLength(datasets.length)
  })
})
