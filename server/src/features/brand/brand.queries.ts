import { and, asc, eq, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cityBranding, easyReadTexts } from '../../db/schema/index.ts'

/** Everything but the logo's bytes. */
const settingsColumns = {
  cityId: cityBranding.cityId,
  accentColour: cityBranding.accentColour,
  website: cityBranding.website,
  feedbackEmail: cityBranding.feedbackEmail,
  feedbackPhone: cityBranding.feedbackPhone,
  feedbackUrl: cityBranding.feedbackUrl,
  enforcementName: cityBranding.enforcementName,
  enforcementUrl: cityBranding.enforcementUrl,
  embedOrigins: cityBranding.embedOrigins,
  logoType: cityBranding.logoType,
  logoUpdatedAt: cityBranding.logoUpdatedAt,
  version: cityBranding.version,
}

export async function findBranding (db: Db, cityId: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select(settingsColumns).from(cityBranding).where(eq(cityBranding.cityId, cityId))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}
export type BrandingRow = NonNullable<Awaited<ReturnType<typeof findBranding>>>
export type BrandingValues = Omit<typeof cityBranding.$inferInsert, 'cityId' | 'version' | 'updatedAt'>

/** Inserts the city's first row or updates it, only if it still has the version the write locked. */
export async function writeBranding (db: Db, cityId: number, version: number, values: BrandingValues) {
  const set = { ...values, version: version + 1, updatedAt: new Date() }
  const written = await db.insert(cityBranding).values({ cityId, ...set })
    .onConflictDoUpdate({ target: cityBranding.cityId, set, setWhere: eq(cityBranding.version, version) })
    .returning({ cityId: cityBranding.cityId })
  return written.length === 1
}

export async function findLogo (db: Db, cityId: number) {
  const [row] = await db.select({ logo: cityBranding.logo, logoType: cityBranding.logoType, logoUpdatedAt: cityBranding.logoUpdatedAt })
    .from(cityBranding).where(and(eq(cityBranding.cityId, cityId), isNotNull(cityBranding.logo)))
  return row
}

export function listEasyReadTexts (db: Db, planId: number, options: { checkedOnly: boolean }) {
  const where = options.checkedOnly
    ? and(eq(easyReadTexts.planId, planId), isNotNull(easyReadTexts.checkedAt))
    : eq(easyReadTexts.planId, planId)
  return db.select().from(easyReadTexts).where(where).orderBy(asc(easyReadTexts.commitment))
}

export async function findEasyReadText (db: Db, planId: number, commitment: number, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(easyReadTexts).where(and(eq(easyReadTexts.planId, planId), eq(easyReadTexts.commitment, commitment)))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row
}
export type EasyReadRow = NonNullable<Awaited<ReturnType<typeof findEasyReadText>>>

export async function insertEasyReadText (db: Db, planId: number, commitment: number, body: string) {
  await db.insert(easyReadTexts).values({ planId, commitment, body })
}

export async function updateEasyReadText (db: Db, id: number, version: number, values: Partial<typeof easyReadTexts.$inferInsert>) {
  const updated = await db.update(easyReadTexts).set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(easyReadTexts.id, id), eq(easyReadTexts.version, version))).returning({ id: easyReadTexts.id })
  return updated.length === 1
}
