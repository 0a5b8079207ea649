import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { measures, planCommitments, statusUpdates } from '../../db/schema/index.ts'
import { buildTestApp } from '../../../test/helpers/build-test-app.ts'
import { buildCity, buildMeasure, buildPlan } from '../../../test/helpers/factories.ts'
import { countedProgress } from '../../../test/helpers/progress-oracle.ts'
import { useTestDb } from '../../../test/helpers/test-db.ts'

// The progress read sends the summary the database keeps (`plan_progress_answers`, migration 0023). These
// tests write in every way the application and a direct SQL statement can, and compare what each reader
// is sent with the summary counted from the tables at that moment.

const testDb = await useTestDb()
const member = await buildTestApp({ db: testDb.db, asPlatformAdmin: true })
const anonymous = await buildTestApp({ db: testDb.db })

beforeEach(testDb.reset)
afterAll(async () => {
  await member.close()
  await anonymous.close()
  await testDb.close()
})

async function expectCountedAnswers (planId: number) {
  const url = `/api/plans/${planId}/progress`
  const [publicRes, memberRes] = await Promise.all([anonymous.inject({ method: 'GET', url }), member.inject({ method: 'GET', url })])
  expect(publicRes.statusCode).toBe(200)
  expect(memberRes.statusCode).toBe(200)
  expect(publicRes.json()).toEqual(await countedProgress(testDb.db, planId, false))
  expect(memberRes.json()).toEqual(await countedProgress(testDb.db, planId, true))
  return { public: publicRes.json(), members: memberRes.json() }
}

describe('the kept progress summary', () => {
  it('follows every write to the measures, their timelines and the commitments\' titles, for each reader', async () => {
    const plan = await buildPlan(testDb.db)
    const first = await buildMeasure(testDb.db, plan, { primaryCommitment: 1, status: 'done', progress: 100 })
    const hidden = await buildMeasure(testDb.db, plan, { primaryCommitment: 2, status: 'in_progress', progress: 40, isPublic: false })
    const third = await buildMeasure(testDb.db, plan, { primaryCommitment: 3, status: 'delayed', statusReason: 'Kein Personal', progress: 10 })
    let answers = await expectCountedAnswers(plan.id)
    expect(answers.public.total.measureCount).toBe(2)
    expect(answers.members.total.measureCount).toBe(3)

    // Through the API: a status update (dated), a changed measure, a hidden one, a deleted one, a local title.
    expect((await member.inject({ method: 'POST', url: `/api/measures/${third.id}/status-updates`,
      payload: { status: 'ongoing', progress: 80, date: '2024-06-30', version: 1 } })).statusCode).toBe(201)
    answers = await expectCountedAnswers(plan.id)
    expect(answers.public.latestUpdate).toBe('2024-06-30')
    expect(answers.public.commitments[2].byStatus).toMatchObject({ delayed: 0, ongoing: 1 })

    expect((await member.inject({ method: 'PATCH', url: `/api/measures/${first.id}`,
      payload: { primaryCommitment: 4, version: 1 } })).statusCode).toBe(200)
    expect((await member.inject({ method: 'PATCH', url: `/api/measures/${hidden.id}`,
      payload: { isPublic: true, version: 1 } })).statusCode).toBe(200)
    answers = await expectCountedAnswers(plan.id)
    expect(answers.public.commitments[3].measureCount).toBe(1)
    expect(answers.public.total.measureCount).toBe(3)

    expect((await member.inject({ method: 'DELETE', url: `/api/measures/${first.id}`, headers: { 'if-match': '"2"' } })).statusCode).toBe(204)
    expect((await member.inject({ method: 'PATCH', url: `/api/plans/${plan.id}/commitments/2`,
      payload: { localTitleDe: 'Schule ohne Rassismus – Jena', version: 1 } })).statusCode).toBe(200)
    answers = await expectCountedAnswers(plan.id)
    expect(answers.members.total.measureCount).toBe(2)
    expect(answers.public.commitments[1].localTitleDe).toBe('Schule ohne Rassismus – Jena')

    // Directly in SQL, as a migration or an operator would write.
    await testDb.db.update(measures).set({ status: 'done', progress: 100 }).where(eq(measures.id, hidden.id))
    await testDb.db.update(statusUpdates).set({ date: '2025-01-15' }).where(eq(statusUpdates.measureId, third.id))
    await testDb.db.update(planCommitments).set({ localTitleEn: 'Schools 😀' }).where(eq(planCommitments.planId, plan.id))
    answers = await expectCountedAnswers(plan.id)
    expect(answers.public.latestUpdate).toBe('2025-01-15')
    expect(answers.public.commitments[9].localTitleEn).toBe('Schools 😀')
    await testDb.db.delete(statusUpdates).where(eq(statusUpdates.measureId, third.id))
    await testDb.db.delete(measures).where(eq(measures.id, hidden.id))
    answers = await expectCountedAnswers(plan.id)
    expect(answers.public.latestUpdate).toBeNull()
    expect(answers.public.total.measureCount).toBe(1)
  })

  it('is sent in ASCII, every other letter escaped', async () => {
    const plan = await buildPlan(testDb.db)
    await testDb.db.update(planCommitments).set({ localTitleDe: 'Öffentlichkeit – „gemeinsam“' }).where(eq(planCommitments.planId, plan.id))
    const res = await anonymous.inject({ method: 'GET', url: `/api/plans/${plan.id}/progress` })
    expect(res.body).toMatch(/^\p{ASCII}*$/u)
    expect(res.body).toContain('\\u00d6ffentlichkeit')
    expect(res.json().commitments[0].localTitleDe).toBe('Öffentlichkeit – „gemeinsam“')
  })

  it('rounds halves up, as Math.round does, not to the even neighbour', async () => {
    const plan = await buildPlan(testDb.db)
    // 1 of 32 settled is 0.03125 (0.0313, where half-to-even gives 0.0312); 8 % over 32 measures is 0.25 (0.3, not 0.2).
    await testDb.db.insert(measures).values(Array.from({ length: 32 }, (_, i) => ({
      planId: plan.id, cityId: plan.cityId, code: `1.${i + 1}`, position: i + 1, primaryCommitment: 1, titleDe: `Maßnahme ${i + 1}`,
      type: 'implementation' as const, status: i === 0 ? 'done' as const : 'planned' as const, progress: i === 0 ? 8 : 0,
    })))
    const answers = await expectCountedAnswers(plan.id)
    expect(answers.public.total).toMatchObject({ measureCount: 32, settledShare: 0.0313, averageProgress: 0.3 })
  })

  it('answers for a new plan without measures', async () => {
    const city = await buildCity(testDb.db, { slug: 'gera' })
    const res = await member.inject({ method: 'POST', url: `/api/cities/${city.slug}/plans`, payload: {
      titleDe: 'Aktionsplan Gera', periodStart: '2026-01-01', periodEnd: '2027-12-31',
    } })
    expect(res.statusCode).toBe(201)
    // A draft: the public is not shown it at all.
    const url = `/api/plans/${res.json().id}/progress`
    expect((await anonymous.inject({ method: 'GET', url })).statusCode).toBe(404)
    const answer = await member.inject({ method: 'GET', url })
    expect(answer.json()).toEqual(await countedProgress(testDb.db, res.json().id, true))
    expect(answer.json().total).toMatchObject({ measureCount: 0, settledShare: 0, averageProgress: 0 })
    expect(answer.json().commitments).toHaveLength(10)
  })

  it('keeps nothing of a transaction that was rolled back', async () => {
    const plan = await buildPlan(testDb.db)
    await buildMeasure(testDb.db, plan)
    await expect(testDb.db.transaction(async (tx) => {
      await tx.update(measures).set({ status: 'done' }).where(eq(measures.planId, plan.id))
      throw new Error('rolled back')
    })).rejects.toThrow('rolled back')
    expect((await expectCountedAnswers(plan.id)).public.total.byStatus.done).toBe(0)
  })

  it.runIf(testDb.driver === 'postgres')('counts both of two writers of one plan that commit at the same moment', async () => {
    const plan = await buildPlan(testDb.db)
    const a = await buildMeasure(testDb.db, plan)
    const b = await buildMeasure(testDb.db, plan)
    let written = 0
    let release = () => {}
    const bothWritten = new Promise<void>((resolve) => { release = resolve })
    // Each transaction changes its measure and waits until the other has too; then both commit.
    const write = (id: number) => testDb.db.transaction(async (tx) => {
      await tx.update(measures).set({ status: 'done', progress: 100 }).where(eq(measures.id, id))
      if (++written === 2) release()
      await bothWritten
    })
    await Promise.all([write(a.id), write(b.id)])
    expect((await expectCountedAnswers(plan.id)).public.total.byStatus.done).toBe(2)
  })
})
