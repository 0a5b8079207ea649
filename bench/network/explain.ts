/**
 * The EXPLAIN check: the statements the app really sends for each read (recorded from node-postgres while
 * the app answers one request per read), planned again with `EXPLAIN (FORMAT JSON)` and their own
 * parameters against the generated network. A sequential scan of a large table fails the check: with
 * 500 cities it reads the whole network to answer for one city.
 *
 * The recorder wraps `pg.Client.prototype.query` when this module is loaded, before any connection is
 * opened (the app's prepared-statement wrapper binds `client.query` when a connection is made).
 */
import { createRequire } from 'node:module'
import pg from 'pg'
import { buildApp } from '../../server/src/app.ts'
import { testConfig } from '../../server/src/config.ts'
import { costRandomReadsAsCached, type Db } from '../../server/src/db/client.ts'
import type { CityReads } from './reads.ts'

// node-postgres's own conversion of a parameter to text (not part of its typed API).
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils') as { prepareValue: (value: unknown) => unknown }

/** Tables that grow with the network: a sequential scan of one reads every city's rows to answer for one city. */
export const largeTables = new Set([
  'plans', 'plan_commitments', 'measures', 'status_updates', 'audit_log', 'memberships', 'membership_organisations', 'users',
  'sessions', 'measure_involved_organisations', 'measure_secondary_commitments', 'measure_relations', 'measure_example_actions',
  'measure_list_items', 'status_update_entries', 'measure_timeline_heads', 'plan_progress_answers', 'measure_public_pages',
])
/**
 * Grows with the network too, and fails the check in a generic plan only. For the request's own values
 * the planner may hash all 5,000 bodies of the network to join 50 measures' lead bodies (the measure
 * lists' first executions); a prepared statement settles on its generic plan after five executions, and
 * that plan runs for every request after. "Needs attention" hashed them in both and spent 1.2 of its
 * 1.6 ms on it, half its throughput on the network; it now looks each lead body up by its key.
 */
const notedTables = new Set(['organisations'])
const failingInGenericPlans = new Set([...largeTables, ...notedTables])

interface Recorded { text: string, values: unknown[] }
let recording: Recorded[] | null = null

const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (recording) {
    const [config, values] = args
    if (typeof config === 'string') recording.push({ text: config, values: Array.isArray(values) ? values : [] })
    else if (config && typeof config === 'object' && 'text' in config) {
      const given = config as { text: string, values?: unknown[] }
      recording.push({ text: given.text, values: given.values ?? (Array.isArray(values) ? values : []) })
    }
  }
  return originalQuery.apply(this, args)
} as typeof pg.Client.prototype.query

interface PlanNode { 'Node Type': string, 'Relation Name'?: string, 'Index Name'?: string, Plans?: PlanNode[] }

/** Every scan node of the plan tree with its table and, for index scans, the index. */
type Scan = { type: string, table: string, index: string | null }

function scansOf (node: PlanNode, into: Scan[] = []) {
  if (node['Relation Name']) into.push({ type: node['Node Type'], table: node['Relation Name'], index: node['Index Name'] ?? null })
  for (const child of node.Plans ?? []) scansOf(child, into)
  return into
}

interface PlanCheck {
  scans: Scan[]
  /** Large tables read by a sequential scan: each one fails the check. */
  seqScans: string[]
  error: string | null
}

export interface StatementCheck {
  read: string
  text: string
  /** The plan for the request's own parameter values (what the first executions of a statement get). */
  custom: PlanCheck
  /**
   * The generic plan (PostgreSQL's plan for any values), which a named prepared statement may switch to
   * after five executions; the app runs every read as one (server/src/db/client.ts).
   */
  generic: PlanCheck
}

export interface ExplainReport {
  pass: boolean
  statements: StatementCheck[]
  /** Reads that answered other than 200 while recording (their SQL may be incomplete). */
  failedReads: string[]
}

async function planCheck (explain: () => Promise<pg.QueryResult>, failing: ReadonlySet<string>): Promise<PlanCheck> {
  try {
    const result = await explain()
    const plan = (result.rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan
    const scans = scansOf(plan)
    return { scans, seqScans: scans.filter((scan) => scan.type === 'Seq Scan' && failing.has(scan.table)).map((scan) => scan.table), error: null }
  } catch (error) {
    return { scans: [], seqScans: [], error: (error as Error).message }
  }
}

/**
 * A parameter value as an SQL literal for EXECUTE, in the text node-postgres itself sends for it (an array
 * as `{1,2}`, a date as a timestamp); the prepared statement's parameter type converts it.
 */
function literal (client: pg.Client, value: unknown): string {
  const text = prepareValue(value)
  return text === null || text === undefined ? 'null' : client.escapeLiteral(String(text))
}

/** PostgreSQL 15 has no EXPLAIN (GENERIC_PLAN): prepare the text, force the generic plan, explain its execution. */
async function explainGeneric (client: pg.Client, statement: Recorded) {
  await client.query(`prepare scale_check as ${statement.text}`)
  try {
    await client.query('set plan_cache_mode = force_generic_plan')
    const args = statement.values.length ? `(${statement.values.map((value) => literal(client, value)).join(', ')})` : ''
    return await client.query(`explain (format json) execute scale_check${args}`)
  } finally {
    await client.query('reset plan_cache_mode')
    await client.query('deallocate scale_check')
  }
}

const isRead = (text: string) => /^\s*(select|with)\b/i.test(text)

/** Records the SQL of one request per read through an in-process app (cache off), then plans each statement. */
export async function explainReads (db: Db, url: string, reads: CityReads): Promise<ExplainReport> {
  const app = await buildApp({ config: { ...testConfig(), READ_CACHE: false, LOG_LEVEL: 'silent' }, db, logger: false })
  const recorded: { read: string, statements: Recorded[] }[] = []
  const failedReads: string[] = []
  try {
    await app.ready()
    for (const read of reads.reads) {
      // One request unrecorded first: one-time lookups (schema, settings) are not what a read costs.
      await app.inject({ method: 'GET', url: read.path, headers: reads.headers[read.as] })
      recording = []
      const response = await app.inject({ method: 'GET', url: read.path, headers: reads.headers[read.as] })
      recorded.push({ read: read.label, statements: recording })
      recording = null
      if (response.statusCode !== 200) failedReads.push(`${read.label}: ${response.statusCode} ${response.body.slice(0, 200)}`)
      else {
        const wrong = read.expect?.(response.json())
        if (wrong) failedReads.push(`${read.label}: ${wrong}`)
      }
    }
  } finally {
    recording = null
    await app.close()
  }

  const client = new pg.Client({ connectionString: url, application_name: 'eccar-bench-explain' })
  client.on('error', () => {})
  await client.connect()
  // The app's own planner costs, so the plans checked are the ones its connections run.
  await costRandomReadsAsCached(client)
  const statements: StatementCheck[] = []
  try {
    const seen = new Set<string>()
    for (const { read, statements: sent } of recorded) {
      for (const statement of sent) {
        if (!isRead(statement.text) || /^\s*select 1\s*$/i.test(statement.text)) continue
        const key = `${read}\u0000${statement.text}`
        if (seen.has(key)) continue
        seen.add(key)
        statements.push({
          read,
          text: statement.text,
          custom: await planCheck(() => client.query(`explain (format json) ${statement.text}`, statement.values), largeTables),
          generic: await planCheck(() => explainGeneric(client, statement), failingInGenericPlans),
        })
      }
    }
  } finally {
    await client.end().catch(() => {})
  }
  const clean = (plan: PlanCheck) => plan.seqScans.length === 0 && plan.error === null
  const pass = failedReads.length === 0 && statements.length > 0 && statements.every((s) => clean(s.custom) && clean(s.generic))
  return { pass, statements, failedReads }
}

const oneLine = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/** The check's report: per read its statements and scans, a FAIL line per sequential scan of a large table. */
export function printExplain (report: ExplainReport, log: (line: string) => void) {
  let read = ''
  const describe = (plan: PlanCheck) => plan.error ?? (plan.scans
    .filter((scan) => largeTables.has(scan.table) || notedTables.has(scan.table))
    .map((scan) => `${scan.type}${scan.index ? ` ${scan.index}` : ` ${scan.table}`}`)
    .join(', ') || 'no large table')
  const verdict = (plan: PlanCheck) => (plan.error
    ? 'ERROR'
    : plan.seqScans.length ? 'FAIL' : plan.scans.some((scan) => scan.type === 'Seq Scan' && notedTables.has(scan.table)) ? 'note' : 'ok')
  for (const statement of report.statements) {
    if (statement.read !== read) {
      read = statement.read
      log(`${read}:`)
    }
    log(`  ${oneLine(statement.text)}`)
    log(`    custom  ${verdict(statement.custom).padEnd(5)} ${describe(statement.custom)}`)
    log(`    generic ${verdict(statement.generic).padEnd(5)} ${describe(statement.generic)}`)
  }
  for (const failed of report.failedReads) log(`  ERROR read did not answer as it should: ${failed}`)
  log(`EXPLAIN check (no sequential scan of ${[...largeTables].join(', ')}; of ${[...notedTables].join(', ')} in a generic plan): ${report.pass ? 'PASS' : 'FAIL'}`)
}
