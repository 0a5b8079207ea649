/**
 * Incident release audit benchmark (issue 10): a city with 20 half-years of random counts (20–200
 * cases per half-year, skewed as real reports are: a few kinds, areas and channels carry most
 * cases), the 19 older half-years already published. Timed: the audit of the newest half-year's
 * release (the publisher's loop: audit, withhold more, audit again, then the exact ranges the
 * office sees), and the audit of a correction of it (version 2, audited together with version 1).
 *
 *   npm run bench:incidents
 *
 * Periods share no cell and no published figure, so the older half-years cannot narrow the newest
 * one; the audit's model of a release is its period with all the period's versions. The verdict
 * is PASS when each timed audit takes under 10 s of wall time. CPU time is printed too: on a
 * machine shared with other work, wall time grows with the load, CPU time much less. Like the
 * other benchmarks it is a measurement: it exits 0 when the target is missed.
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { VersionInput } from '../server/src/features/incidents/incidents.audit.ts'
import { loadHighs } from '../server/src/features/incidents/incidents.audit.ts'
import { cellCount, cellIndex, fullShape } from '../server/src/features/incidents/incidents.figures.ts'
import { planRelease, type ReleasePlan } from '../server/src/features/incidents/incidents.publisher.ts'

const targetMs = 10_000
const threshold = 5
let state = 20261203
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)

/** Weights with one dominant category and a long tail, redrawn per half-year. */
const weights = (n: number) => Array.from({ length: n }, (_, i) => random() ** 2 + (i === 0 ? 1 : 0))
const pick = (ws: number[]) => {
  let rest = random() * ws.reduce((a, b) => a + b, 0)
  for (const [i, w] of ws.entries()) if ((rest -= w) <= 0) return i
  return ws.length - 1
}
function halfYear () {
  const counts = new Array<number>(cellCount(fullShape)).fill(0)
  const [kinds, areas, channels] = [weights(fullShape.kinds), weights(fullShape.areas), weights(fullShape.channels)]
  const total = 20 + Math.floor(random() * 181)
  for (let n = 0; n < total; n++) counts[cellIndex(fullShape, pick(kinds), pick(areas), pick(channels))]! += 1
  return counts
}

const periods = Array.from({ length: 20 }, halfYear)
const newest = periods.at(-1)!
const correction = [...newest]
// The office corrects two cells: one case moves to another channel, one is added.
const changed = newest.findIndex((count) => count >= 2)
correction[changed]! -= 1
correction[(changed + 1) % correction.length]! += 1
correction[(changed + 50) % correction.length]! += 1

await loadHighs()
console.log(`Incident audit benchmark: ${fullShape.kinds} kinds × ${fullShape.areas} areas × ${fullShape.channels} channels, 20 half-years, threshold ${threshold}`)
console.log(`Totals per half-year: ${periods.map((p) => p.reduce((a, b) => a + b, 0)).join(', ')}`)
console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)

async function timed (name: string, run: () => Promise<ReleasePlan>) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const plan = await run()
  const wall = performance.now() - start
  const used = process.cpuUsage(cpu)
  const cpuMs = (used.user + used.system) / 1000
  console.log(`${wall < targetMs ? 'PASS' : 'FAIL'}  ${name}: ${Math.round(wall)} ms wall, ${Math.round(cpuMs)} ms CPU; `
    + `${plan.rounds} rounds, ${plan.solves} solver runs, ${plan.withheld.filter(Boolean).length} of ${plan.withheld.length} figures withheld`
    + `${plan.dropped.length ? `, views dropped: ${plan.dropped.join(' ')}` : ''}`)
  return plan
}

const first = await timed('newest half-year, version 1', () => planRelease(fullShape, [], newest, threshold))
const published: VersionInput = { counts: newest, threshold, withheld: first.withheld, dropped: new Set(first.dropped) }
await timed('its correction, version 2 with version 1', () => planRelease(fullShape, [published], correction, threshold))
