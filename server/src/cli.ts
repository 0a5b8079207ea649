import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { systemActor } from './auth/actor.ts'
import { recordAudit } from './features/audit/audit.writer.ts'
import { writeTransaction } from './cache/write-transaction.ts'
import { loadConfig } from './config.ts'
import { openDatabase, type DatabaseHandle } from './db/client.ts'
import { insertCity } from './features/cities/cities.queries.ts'
import { findCityBySlug } from './features/cities/cities.service.ts'
import { parsePlanFile } from './features/plan-files/plan-file.check.ts'
import { PlanFileInvalidError } from './features/plan-files/plan-files.errors.ts'
import { buildPlanFile } from './features/plan-files/plan-files.export.ts'
import { importPlanFileAudited } from './features/plan-files/plan-files.service.ts'
import { findUserByEmail, insertUser } from './features/session/session.service.ts'
import { createInvitation, insertMembership } from './features/users/users.service.ts'
import { lockDataDir } from './lib/data-dir-lock.ts'

const usage = `Usage:
  npm run cli -- import <plan.json> --city <slug> [--city-name <name>]
      Recreates a plan from a plan file. --city-name creates the city if it does not exist yet.
  npm run cli -- export <plan-id> [--out <file>]
      Writes the whole plan as a plan file (to stdout without --out).
  npm run cli -- create-admin <email> --name <display name> [--city <slug>]
      Creates the first administrator and prints a one-time link to set the password.
      Without --city a platform administrator (may create cities and act as admin in all);
      with --city an admin of that city.

Uses the same database as the server: DATABASE_URL, or the embedded database in DATA_DIR
(the embedded database allows one process at a time: while a server runs on it, the command refuses;
create the first administrator with the setup link the server prints instead).
Links are printed with PUBLIC_ORIGIN, the address people use.`

// npm runs workspace scripts inside the workspace folder; paths the user typed are relative to where they typed them.
const fromUserDir = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path)

async function importCommand (database: DatabaseHandle, file: string, citySlug: string, cityName?: string) {
  const text = await readFile(fromUserDir(file), 'utf8')
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new PlanFileInvalidError('/', `is not valid JSON (${(error as Error).message})`)
  }
  const planFile = parsePlanFile(json)
  // No server instance to tell: a running server learns of the change through the database's notifications.
  const result = await writeTransaction(database.db, () => {}, async (tx) => {
    const existing = await findCityBySlug(tx, citySlug)
    if (!existing && !cityName) throw new Error(`City "${citySlug}" does not exist; pass --city-name to create it`)
    const cityId = existing?.id ?? (await insertCity(tx, { slug: citySlug, name: cityName! })).id
    return importPlanFileAudited(tx, cityId, planFile, systemActor, 'cli')
  })
  console.log(`Imported plan ${result.planId} into ${citySlug}: ${result.measures} measures, `
    + `${result.organisationsCreated} organisations created, ${result.organisationsReused} reused.`)
}

async function exportCommand (database: DatabaseHandle, planId: number, out?: string) {
  const json = `${JSON.stringify(await buildPlanFile(database.db, planId), null, 2)}\n`
  if (out) {
    await writeFile(fromUserDir(out), json)
    console.error(`Wrote plan ${planId} to ${out}`)
  } else {
    process.stdout.write(json)
  }
}

async function createAdminCommand (database: DatabaseHandle, email: string, name: string, citySlug: string | undefined, origin: string) {
  const invitation = await database.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) throw new Error(`There is already an account for ${email}`)
    const city = citySlug ? await findCityBySlug(tx, citySlug) : undefined
    if (citySlug && !city) throw new Error(`City "${citySlug}" does not exist`)
    const userId = await insertUser(tx, { email, displayName: name, isPlatformAdmin: !city })
    if (city) await insertMembership(tx, { userId, cityId: city.id, role: 'admin' })
    await recordAudit(tx, systemActor, { cityId: city?.id ?? null, action: 'user.create-admin', entityType: 'user', entityId: userId, after: { email, platformAdmin: !city } })
    return createInvitation(tx, userId)
  })
  console.log(`Created ${citySlug ? `an admin of ${citySlug}` : 'a platform administrator'}: ${email}`)
  console.log(`Open this link within 7 days to set the password (it works once):\n  ${origin}${invitation.path}`)
}

async function main () {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { city: { type: 'string' }, 'city-name': { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
  })
  const [command, argument] = positionals
  if (values.help || !command || !argument) {
    console.log(usage)
    return values.help ? 0 : 2
  }
  const config = loadConfig()
  // A server on the same embedded data folder would be corrupted by a second writer: refuse instead.
  const releaseDataDir = !config.DATABASE_URL && !config.DATA_DIR.startsWith('memory://')
    ? await lockDataDir(config.DATA_DIR, 'cli')
    : async () => {}
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR })
  try {
    await database.migrate()
    if (command === 'import') {
      if (!values.city) throw new Error('import needs --city <slug>')
      await importCommand(database, argument, values.city, values['city-name'])
    } else if (command === 'create-admin') {
      if (!values.name) throw new Error('create-admin needs --name <display name>')
      await createAdminCommand(database, argument, values.name, values.city, config.PUBLIC_ORIGIN!)
    } else if (command === 'export') {
      const id = Number(argument)
      if (!Number.isInteger(id) || id < 1) throw new Error(`"${argument}" is not a plan id`)
      await exportCommand(database, id, values.out)
    } else {
      console.log(usage)
      return 2
    }
    return 0
  } finally {
    await database.close()
    await releaseDataDir()
  }
}

main().then((code) => { process.exitCode = code }, (error: Error & { code?: string }) => {
  console.error(error.code && error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `${error.code}: ${error.message}` : error.message)
  process.exitCode = 1
})
