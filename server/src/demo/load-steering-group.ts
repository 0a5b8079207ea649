import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/client.ts'
import { cities, organisations, steeringMembers } from '../db/schema/index.ts'
import steering from './jena/steering.json' with { type: 'json' }

interface DemoSeat { seat: string, organisation: string | null, roleInGroup: string | null }

/**
 * Jena's steering-group seats (DOMAIN.md §6.4) as organisations, never as people: the plan names no
 * member and a person's name is published only with consent. Runs inside the demo import's transaction,
 * whose one audit row (`plan.import`, source demo) covers it.
 */
export async function loadSteeringGroup (tx: Db, cityId: number) {
  const seats = steering.seats as DemoSeat[]
  const names = [...new Set(seats.flatMap((seat) => (seat.organisation === null ? [] : [seat.organisation])))]
  const found = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations)
    .where(and(eq(organisations.cityId, cityId), inArray(organisations.name, names)))
  const idOf = new Map(found.map((row) => [row.name, row.id]))
  const values = seats.map((seat) => {
    const organisationId = seat.organisation === null ? null : idOf.get(seat.organisation)
    if (organisationId === undefined) throw new Error(`Demo steering seat "${seat.seat}" names an unknown organisation "${seat.organisation}"`)
    return { cityId, seat: seat.seat, organisationId, personName: null, roleInGroup: seat.roleInGroup }
  })
  await tx.insert(steeringMembers).values(values)
  await tx.update(cities).set({ steeringCadenceMonths: steering.cadenceMonths }).where(eq(cities.id, cityId))
}
