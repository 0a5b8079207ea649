import { afterAll, beforeEach, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { organisations } from '../../db/schema/index.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildOrganisation, buildPlan, buildStatusUpdate } from '../../../test/helpers/factories.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

// The list's items and the timeline's entries are kept as JSON in ASCII (migration 0022): every other
// character is written as an escape, so the server handles one-byte text. Readers must get the same letters.

const testDb = await useTestDb()
const app = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await app.close()
  await testDb.close()
})

const title = 'Straßenfest „Vielfalt“ – Jena 𝄞'
const note = 'Çalışma grubu trifft sich — nächste Runde 😀'
const ascii = /^\p{ASCII}*$/u

async function measureWithLetters () {
  const city = await buildCity(testDb.db)
  const plan = await buildPlan(testDb.db, { cityId: city.id })
  const office = await buildOrganisation(testDb.db, city.id, { name: 'Büro für Migration – Süd', nameEn: 'Office 🌍' })
  const measure = await buildMeasure(testDb.db, plan, { titleDe: title, leadOrganisationId: office.id })
  await buildStatusUpdate(testDb.db, measure, { date: '2024-03-01', status: 'in_progress', progress: 10, noteDe: note, organisationId: office.id })
  return { plan, office, measure }
}

it('sends the measure list in ASCII, and it reads as the letters that were written', async () => {
  const { plan } = await measureWithLetters()
  const response = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures` })

  expect(response.statusCode).toBe(200)
  expect(response.body).toMatch(ascii)
  expect(response.body).toContain(String.raw`Stra\u00dfenfest \u201eVielfalt\u201c \u2013 Jena \ud834\udd1e`)
  expect(response.json().items[0]).toMatchObject({
    titleDe: title, leadOrganisation: { name: 'Büro für Migration – Süd', nameEn: 'Office 🌍' },
  })
})

it('sends the timeline in ASCII, on the measure page and on its own', async () => {
  const { measure } = await measureWithLetters()
  const page = await app.inject({ method: 'GET', url: `/api/measures/${measure.id}` })
  const timeline = await app.inject({ method: 'GET', url: `/api/measures/${measure.id}/status-history` })

  expect(page.statusCode).toBe(200)
  expect(page.json().statusHistory[0]).toMatchObject({ noteDe: note, organisation: { nameEn: 'Office 🌍' } })
  expect(page.body).toContain(String.raw`\u00c7al\u0131\u015fma grubu trifft sich \u2014 n\u00e4chste Runde \ud83d\ude00`)
  expect(timeline.statusCode).toBe(200)
  expect(timeline.json().items[0].noteDe).toBe(note)
})

it('keeps a renamed body\'s new name in ASCII and reads it back unchanged', async () => {
  const { plan, office } = await measureWithLetters()
  await testDb.db.update(organisations).set({ name: 'Amt für Teilhabe – Nord' }).where(eq(organisations.id, office.id))
  const response = await app.inject({ method: 'GET', url: `/api/plans/${plan.id}/measures` })

  expect(response.body).toMatch(ascii)
  expect(response.json().items[0].leadOrganisation.name).toBe('Amt für Teilhabe – Nord')
})
