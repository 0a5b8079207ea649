import { attentionSettledStatuses, type MailLanguage, type Role } from '@eccar/shared'
import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'

const rows = async <T>(db: Db, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows

export interface CityRow {
  id: number
  slug: string
  name: string
  timeZone: string
  reminderSteps: number[]
  attentionStaleMonths: number
  steeringCadenceMonths: number
  lastMeetingDate: string | null
}

export const listCities = (db: Db) => rows<CityRow>(db, sql`
  select c.id, c.slug, c.name, c.time_zone as "timeZone", c.reminder_steps as "reminderSteps",
         c.attention_stale_months as "attentionStaleMonths", c.steering_cadence_months as "steeringCadenceMonths",
         (select max(sm.date)::text from steering_meetings sm where sm.city_id = c.id) as "lastMeetingDate"
  from cities c order by c.id`)

export interface PersonRow {
  userId: number
  email: string
  role: Role
  language: MailLanguage
  digestDay: number
  kinds: Record<string, boolean>
  organisationIds: number[]
}

/** The city's members with their choices; `organisationIds` is an editor's limit (empty = the whole plan). */
export const listPeople = (db: Db, cityId: number) => rows<PersonRow>(db, sql`
  select m.user_id as "userId", u.email, m.role, coalesce(ns.language, 'de') as language, coalesce(ns.digest_day, 1)::int as "digestDay",
         coalesce(ns.kinds, '{}'::jsonb) as kinds,
         coalesce((select array_agg(mo.organisation_id order by mo.organisation_id) from membership_organisations mo
                   where mo.user_id = m.user_id and mo.city_id = m.city_id), '{}') as "organisationIds"
  from memberships m join users u on u.id = m.user_id left join notification_settings ns on ns.user_id = m.user_id
  where m.city_id = ${cityId} order by m.user_id`)

export interface MeasureRow {
  id: number
  planId: number
  code: string
  titleDe: string
  titleEn: string | null
  status: string
  endDate: string
  lastUpdate: string | null
  createdAt: string
  organisationIds: number[]
}

/** Open measures of the city's plans in use (not drafts), each with its lead and involved organisations. */
export const listOpenMeasures = (db: Db, cityId: number) => rows<MeasureRow>(db, sql`
  select m.id, m.plan_id as "planId", m.code, m.title_de as "titleDe", m.title_en as "titleEn", m.status,
         coalesce(m.end_date, p.period_end)::text as "endDate", m.created_at::date::text as "createdAt",
         (select max(su.date)::text from status_updates su where su.measure_id = m.id) as "lastUpdate",
         array_remove(array[m.lead_organisation_id] || coalesce((select array_agg(mi.organisation_id) from measure_involved_organisations mi where mi.measure_id = m.id), '{}'), null) as "organisationIds"
  from measures m join plans p on p.id = m.plan_id
  where p.city_id = ${cityId} and p.state <> 'draft' and m.deleted_at is null
    and m.status not in (${sql.join(attentionSettledStatuses.map((status) => sql`${status}`), sql`, `)})
  order by m.plan_id, m.position, m.id`)

export interface CycleRow { id: number, title: string, titleEn: string | null, dueDate: string }

export const listOpenCycles = (db: Db, cityId: number) => rows<CycleRow>(db, sql`
  select id, title, title_en as "titleEn", due_date::text as "dueDate" from reporting_cycles
  where city_id = ${cityId} and due_date is not null and state in ('open', 'in_review') order by id`)

/** Status updates in the city's plans since the date: "what changed last week" in the digest. */
export const countChangesSince = async (db: Db, cityId: number, since: string) => Number((await rows<{ n: number }>(db, sql`
  select count(*)::int as n from status_updates su join measures m on m.id = su.measure_id join plans p on p.id = m.plan_id
  where p.city_id = ${cityId} and su.date >= ${since}`))[0]?.n ?? 0)
