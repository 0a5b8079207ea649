/**
 * Weekly digest benchmark (issue 14): 500 cities × 100 measures × 20 people on the embedded
 * database (the smaller of the two, and the one sharing the process's memory). Timed: one run of
 * the reminder job on a Monday, the default digest day, which works out every person's digest
 * (their delayed, overdue and stale measures and the city's changes of the week) and records it in
 * the outbox, plus the deadline reminders due that day.
 *
 *   npm run bench:digest
 *
 * PASS when the run takes under 60 s of wall time and the process's peak memory (resident set,
 * PGlite's WebAssembly heap included) stays under 512 MB. A measurement: it exits 0 when missed.
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { runReminders } from '../server/src/features/notifications/reminders.service.ts'
import { openPgliteDatabase } from './databases.ts'

const cityCount = 500
const measuresPerCity = 100
const peoplePerCity = 20
const targetMs = 60_000
const targetMb = 512
// Monday 7 December 2026, 8:00 in Berlin.
const monday = new Date('2026-12-07T07:00:00Z')

const database = await openPgliteDatabase()
const db = database.handle.db
await database.handle.migrate()
const run = (statement: string) => db.execute(sql.raw(statement))

const seedStart = performance.now()
await run(`insert into cities (slug, name) select 'stadt-' || n, 'Stadt ' || n from generate_series(1, ${cityCount}) n`)
await run(`insert into organisations (city_id, name, kind) select c.id, 'Amt ' || k, 'municipal_unit' from cities c, generate_series(1, 5) k`)
await run(`insert into plans (city_id, title_de, period_start, period_end, state) select id, 'Aktionsplan', '2025-01-01', '2027-12-31', 'adopted' from cities`)
// A spread of states: every 7th delayed, end dates from last year to next, created long ago (so quiet measures are stale).
await run(`insert into measures (plan_id, city_id, code, position, primary_commitment, title_de, title_en, type, status, end_date, lead_organisation_id, created_at)
  select p.id, p.city_id, '1.' || n, n, 1 + n % 10, 'Maßnahme ' || n, 'Measure ' || n, 'implementation',
         (case when n % 7 = 0 then 'delayed' when n % 5 = 0 then 'done' else 'in_progress' end)::measure_status,
         date '2026-01-01' + (n * 7), (select min(o.id) from organisations o where o.city_id = p.city_id) + n % 5, '2025-01-01'
  from plans p, generate_series(1, ${measuresPerCity}) n`)
await run(`insert into status_updates (measure_id, date, status, progress) select id, date '2026-12-01' - (id % 300), status, 50 from measures where id % 3 = 0`)
await run(`insert into users (email, display_name) select 'person-' || c.id || '-' || k || '@example.org', 'Person ' || k from cities c, generate_series(1, ${peoplePerCity}) k`)
// Per city: 2 admins, 3 steering-group editors, 10 editors of one organisation each, 5 viewers.
await run(`insert into memberships (user_id, city_id, role) select u.id, c.id,
    (case when k <= 2 then 'admin' when k <= 15 then 'editor' else 'viewer' end)::role
  from cities c, generate_series(1, ${peoplePerCity}) k join users u on true where u.email = 'person-' || c.id || '-' || k || '@example.org'`)
await run(`insert into membership_organisations (user_id, city_id, organisation_id)
  select m.user_id, m.city_id, (select min(o.id) from organisations o where o.city_id = m.city_id) + m.user_id % 5
  from memberships m where m.role = 'editor' and m.user_id % ${peoplePerCity} not in (3, 4, 5)`)
await run('analyze')
console.log(`Digest benchmark: ${cityCount} cities × ${measuresPerCity} measures × ${peoplePerCity} people (seeded in ${Math.round((performance.now() - seedStart) / 1000)} s)`)
console.log(`Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)

let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss) }, 50)
const cpu = process.cpuUsage()
const start = performance.now()
const recorded = await runReminders(db, true, monday)
const wall = performance.now() - start
clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024)
const used = process.cpuUsage(cpu)
const counts = ((await run(`select kind, count(*)::int as n from mails group by kind order by kind`)) as unknown as { rows: { kind: string, n: number }[] }).rows
const peakMb = peakRss / 1024 / 1024

console.log(`Recorded ${recorded} mails: ${counts.map((row) => `${row.kind} ${row.n}`).join(', ')}`)
console.log(`${wall < targetMs ? 'PASS' : 'FAIL'}  time: ${(wall / 1000).toFixed(1)} s wall (target < ${targetMs / 1000} s), ${((used.user + used.system) / 1e6).toFixed(1)} s CPU`)
console.log(`${peakMb < targetMb ? 'PASS' : 'FAIL'}  memory: ${Math.round(peakMb)} MB peak resident set (target < ${targetMb} MB)`)
await database.dispose()
