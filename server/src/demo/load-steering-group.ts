import type { Db } from '../db/client.ts'
import { insertSteeringGroup, organisationsNamed } from './demo.queries.ts'
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
  const found = await organisationsNamed(tx, cityId, names)
  const idOf = new Map(found.map((row) => [row.name, row.id]))
  const values = seats.map((seat) => {
    const organisationId = seat.organisation === null ? null : idOf.get(seat.organisation)
    if (organisationId === undefined) throw new Error(`Demo steering seat "${seat.seat}" names an unknown organisation "${seat.organisation}"`)
    return { cityId, seat: seat.seat, organisationId, personName: null, roleInGroup: seat.roleInGroup }
  })
  await insertSteeringGroup(tx, cityId, values, steering.cadenceMonths)
}
