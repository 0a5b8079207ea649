import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cityOpenData } from '../../db/schema/index.ts'

export async function findOpenDataSettings (db: Db, cityId: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(cityOpenData).where(eq(cityOpenData.cityId, cityId))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}

type OpenDataValues = Omit<typeof cityOpenData.$inferInsert, 'cityId'> & { version: number }

/**
 * The first save inserts, later ones update the row still at `basedOn`; two first saves at once must not
 * both win, hence the version condition. False when another write came first.
 */
export async function writeOpenDataSettings (db: Db, cityId: number, values: OpenDataValues, basedOn: number) {
  const written = await db.insert(cityOpenData).values({ cityId, ...values })
    .onConflictDoUpdate({ target: cityOpenData.cityId, set: values, setWhere: eq(cityOpenData.version, basedOn) })
    .returning({ cityId: cityOpenData.cityId })
  return written.length > 0
}
