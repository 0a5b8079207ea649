/**
 * Seeds one benchmark database (`seedDatabase`) in a process of its own and prints the result as JSON:
 * `tsx bench/seed-database.ts pglite <folder>` or `… postgres <url>`. The benchmark's server process
 * then starts on data that is already there, as a production server does. Seeding in the measured
 * process left V8 tenuring the read path's objects (the import's own objects had survived): every
 * minor collection then took 14–15 ms instead of 1–2 ms, and the plan read cost the server 1.0 against
 * 0.6 ms of CPU. The compiled server after three plan imports through the API showed no such effect
 * (bench/README.md, *Where the benchmark seeds*).
 */
import { openDatabase } from '../server/src/db/client.ts'
import { seedDatabase } from './databases.ts'

const [kind, target] = process.argv.slice(2)
if ((kind !== 'pglite' && kind !== 'postgres') || !target) {
  console.error('usage: tsx bench/seed-database.ts pglite <folder> | postgres <url>')
  process.exit(2)
}
const handle = await openDatabase(kind === 'pglite' ? { dataDir: target } : { url: target, applicationName: 'eccar-bench-seed' })
try {
  process.stdout.write(JSON.stringify(await seedDatabase(handle)))
} finally {
  await handle.close()
}
