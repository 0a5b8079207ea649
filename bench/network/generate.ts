/**
 * A network of cities generated with set-based SQL on a migrated, empty PostgreSQL database: per city
 * one adopted plan, 10 organisations, 100 measures (each with 2 involved bodies, a secondary
 * commitment, an example action and a relation to the next measure), 10 status updates per measure
 * with one audit row each, and 20 people with roles (1 admin, 10 editors each scoped to one body,
 * 8 viewers, 1 anti-discrimination office), each with a session. 500 cities = 50,000 measures,
 * 500,000 timeline entries.
 *
 * Every row satisfies the schema's constraints and keeps the app's invariants: a measure's status and
 * progress are those of its newest status update, each update's `from…` values are the previous one's,
 * a reason accompanies 'delayed', the version counts the writes. Dates are relative to today, so the
 * "needs attention" classification sees fresh and stale measures (every seventh one is stale).
 */
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { hashPassword } from '../../server/src/auth/passwords.ts'

export const networkShape = { measuresPerCity: 100, updatesPerMeasure: 10, peoplePerCity: 20, organisationsPerCity: 10 } as const

/** A password no generated person's name or address shares a word with; the bench signs in without it. */
const generatedPassword = 'Kastanienallee-Morgenrot-4711'

export interface NetworkFigures {
  cities: number
  measures: number
  statusUpdates: number
  auditRows: number
  people: number
  seconds: number
  /** Seconds per step, in order, for the report. */
  steps: [string, number][]
}

/** Days before today of a measure's newest update, from its position m (stale: more than the 6 months the attention view allows). */
const lastUpdateAgo = (m: string) => `((${m}) % 40 + case when (${m}) % 7 = 0 then 300 else 0 end)`

/** Final status and progress per measure position m (m % 5 picks the entry). */
const finalStatuses = `(array['done','ongoing','in_progress','delayed','in_progress'])`
const finalProgress = '(array[100, 100, 90, 60, 90])'

const steps = (cityCount: number, passwordHash: string): [string, string, unknown[]][] => [
  ['begin', 'begin', []],
  ['cities', `insert into cities (slug, name)
    select 'net-' || lpad(c::text, 4, '0'), 'Netzstadt ' || lpad(c::text, 4, '0') from generate_series(1, $1::int) c`, [cityCount]],
  ['plans', `insert into plans (city_id, title_de, title_en, period_start, period_end, resolution_number, resolution_date, state, intro_de, intro_en)
    select id, 'Aktionsplan gegen Rassismus ' || name, 'Action plan against racism ' || name, date '2024-01-01', date '2028-12-31',
      'BV/' || id || '/2023', date '2023-12-06', 'adopted', 'Der Stadtrat hat den Aktionsplan beschlossen.', 'The city council adopted the action plan.'
    from cities`, []],
  ['plan commitments', `insert into plan_commitments (plan_id, commitment_number, context_de)
    select p.id, c.number, 'Ausgangslage der Stadt zur Verpflichtung ' || c.number from plans p cross join commitments c`, []],
  ['organisations', `insert into organisations (city_id, name, name_en, kind, description_de)
    select c.id, 'Stelle ' || o || ' ' || c.name, 'Body ' || o, (enum_range(null::organisation_kind))[1 + o % 6], 'Zuständig für Teile des Plans.'
    from cities c cross join generate_series(1, ${networkShape.organisationsPerCity}) o`, []],
  // The n-th body of each city (1…10), for the joins below; a temporary table lives as long as this connection.
  ['body numbers', `create temporary table body_numbers as
    select id, city_id, row_number() over (partition by city_id order by id)::int as n from organisations`, []],
  ['people', `create temporary table people as
    select c.id as city_id, k, 'person' || k || '.' || c.slug || '@network.example' as email, 'Person ' || k || ' ' || c.name as display_name
    from cities c cross join generate_series(1, ${networkShape.peoplePerCity}) k`, []],
  ['users', 'insert into users (email, display_name, password_hash) select email, display_name, $1::text from people order by city_id, k', [passwordHash]],
  ['memberships', `insert into memberships (user_id, city_id, role)
    select u.id, p.city_id, (case when p.k = 1 then 'admin' when p.k <= 11 then 'editor' when p.k <= 19 then 'viewer' else 'incidents' end)::role
    from people p join users u on u.email = p.email`, []],
  // Editor k (2…11) works for body k − 1 of the city.
  ['editor scopes', `insert into membership_organisations (user_id, city_id, organisation_id)
    select u.id, p.city_id, b.id from people p join users u on u.email = p.email
    join body_numbers b on b.city_id = p.city_id and b.n = p.k - 1 where p.k between 2 and 11`, []],
  // Everyone signed in once (ids are SHA-256 hashes as the app stores them): the session lookup every
  // signed-in request makes then searches a table of the network's size, not the benchmark's few sessions.
  ['sessions', `insert into sessions (id, user_id, csrf_token, auth_method)
    select encode(sha256(convert_to(random()::text || id, 'UTF8')), 'hex'), id, md5(random()::text), 'password' from users`, []],
  ['measures', `insert into measures (city_id, plan_id, code, position, primary_commitment, title_de, title_en, description_de, type,
      lead_organisation_id, start_date, end_date, is_public, status, status_reason, progress, version, created_at, updated_at)
    select p.city_id, p.id, (1 + (m - 1) % 10) || '.' || (1 + (m - 1) / 10), m, 1 + (m - 1) % 10,
      'Maßnahme ' || m || ' der ' || c.name, 'Measure ' || m || ' of ' || c.name,
      repeat('Beschreibung der Maßnahme mit Zielgruppe, Vorgehen, Beteiligten und erwarteter Wirkung. ', 4),
      (enum_range(null::measure_type))[1 + m % 5], b.id, date '2024-01-01', date '2028-12-31', m % 20 <> 0,
      ${finalStatuses}[1 + m % 5]::measure_status, case when m % 5 = 3 then 'Die Finanzierung ist noch nicht gesichert.' end,
      ${finalProgress}[1 + m % 5], 1 + ${networkShape.updatesPerMeasure},
      now() - interval '3 years', (current_date - ${lastUpdateAgo('m')})::timestamptz + interval '10 hours'
    from plans p join cities c on c.id = p.city_id cross join generate_series(1, ${networkShape.measuresPerCity}) m
    join body_numbers b on b.city_id = p.city_id and b.n = 1 + (m * 3) % 10`, []],
  // Two bodies besides the lead (offsets 1 and 4 from the lead's number, so never the lead itself).
  ['involved bodies', `insert into measure_involved_organisations (measure_id, organisation_id)
    select m.id, b.id from measures m cross join (values (1), (4)) o(offset_by)
    join body_numbers b on b.city_id = m.city_id and b.n = 1 + (m.position * 3 + o.offset_by) % 10`, []],
  ['secondary commitments', `insert into measure_secondary_commitments (measure_id, commitment_number)
    select id, 1 + primary_commitment % 10 from measures`, []],
  ['example actions', `insert into measure_example_actions (measure_id, example_action_key)
    select m.id, e.key from measures m
    join (select distinct on (commitment_number) commitment_number, key from eccar_example_actions order by commitment_number, key) e
      on e.commitment_number = m.primary_commitment`, []],
  ['relations', `insert into measure_relations (measure_id, related_measure_id, note_de)
    select m.id, n.id, 'Baut auf dieser Maßnahme auf.' from measures m join measures n on n.plan_id = m.plan_id and n.position = m.position + 1`, []],
  // Update k of 10 moves the progress to k tenths of the final value; the last one sets the final status.
  ['status updates', `insert into status_updates (measure_id, date, from_status, status, from_progress, progress, note_de, reason,
      organisation_id, user_id, recorded_at)
    select m.id, d.day, (case when k = 1 then 'planned' else 'in_progress' end)::measure_status,
      case when k = ${networkShape.updatesPerMeasure} then m.status else 'in_progress' end,
      m.progress * (k - 1) / ${networkShape.updatesPerMeasure}, m.progress * k / ${networkShape.updatesPerMeasure},
      'Sachstand ' || k || ': ' || repeat('Arbeitsschritte mit den Beteiligten abgestimmt. ', 3),
      case when k = ${networkShape.updatesPerMeasure} then m.status_reason end, m.lead_organisation_id, s.user_id,
      d.day::timestamptz + interval '10 hours'
    from measures m cross join generate_series(1, ${networkShape.updatesPerMeasure}) k
    cross join lateral (select current_date - ${lastUpdateAgo('m.position')} - (${networkShape.updatesPerMeasure} - k) * 45 as day) d
    left join membership_organisations s on s.organisation_id = m.lead_organisation_id`, []],
  ['audit rows', `insert into audit_log (city_id, actor_user_id, action, entity_type, entity_id, before, after, at)
    select m.city_id, s.user_id, 'measure.status.update', 'measure', m.id::text,
      jsonb_build_object('status', s.from_status, 'progress', s.from_progress),
      jsonb_build_object('status', s.status, 'progress', s.progress, 'statusUpdateId', s.id), s.recorded_at
    from status_updates s join measures m on m.id = s.measure_id`, []],
  // One transaction, as an import is: the deferred triggers build each measure's public page and each
  // plan's progress once, at commit, not once per step (migrations 0023, 0024).
  ['commit', 'commit', []],
  // What autovacuum would do soon after such an import: statistics and the visibility map.
  ['vacuum analyze', 'vacuum analyze', []],
]

/** Fills the migrated, empty database at `url` with `cityCount` cities; returns counts and timings. */
export async function generateNetwork (url: string, cityCount: number, log: (line: string) => void = () => {}): Promise<NetworkFigures> {
  const started = performance.now()
  const client = new pg.Client({ connectionString: url, application_name: 'eccar-bench-generate' })
  client.on('error', () => {})
  await client.connect()
  const timings: [string, number][] = []
  try {
    const passwordHash = await hashPassword(generatedPassword)
    for (const [name, statement, values] of steps(cityCount, passwordHash)) {
      const start = performance.now()
      await client.query(statement, values)
      const seconds = (performance.now() - start) / 1000
      timings.push([name, seconds])
      log(`  ${name.padEnd(22)} ${seconds.toFixed(1).padStart(6)} s`)
    }
    const count = async (table: string) => Number((await client.query(`select count(*)::int as n from ${table}`)).rows[0].n)
    return {
      cities: await count('cities'),
      measures: await count('measures'),
      statusUpdates: await count('status_updates'),
      auditRows: await count('audit_log'),
      people: await count('users'),
      seconds: (performance.now() - started) / 1000,
      steps: timings,
    }
  } finally {
    await client.end().catch(() => {})
  }
}
