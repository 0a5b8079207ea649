import { defaultOpenDataLicence, isContributorId, isMunicipalityKey, openDataLicences, type OpenDataLicence, type OpenDataSettings, type UpdateOpenDataSettings } from '@eccar/shared'
import { requireRole, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { CityNotFoundError, getCityAs, getCityBySlug } from '../cities/cities.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { VersionConflictError } from '../common/versioning.ts'
import { ContributorIdInvalidError, MunicipalityKeyInvalidError } from './open-data.errors.ts'
import { findOpenDataSettings, writeOpenDataSettings } from './open-data.queries.ts'

const asLicence = (value: string): OpenDataLicence =>
  (openDataLicences as readonly string[]).includes(value) ? value as OpenDataLicence : defaultOpenDataLicence

/** A city that never chose publishes under the default licence, in its own name, at version 1. */
export async function openDataSettingsOf (db: Db, city: { id: number, name: string }, options: { forUpdate?: boolean } = {}): Promise<OpenDataSettings> {
  const row = await findOpenDataSettings(db, city.id, options)
  if (!row) return { licence: defaultOpenDataLicence, publisherName: city.name, contactEmail: null, municipalityKey: null, contributorId: null, version: 1 }
  return {
    licence: asLicence(row.licence), publisherName: row.publisherName, contactEmail: row.contactEmail,
    municipalityKey: row.municipalityKey, contributorId: row.contributorId, version: row.version,
  }
}

/** Blank is none; anything else must be a well-formed key and URI, checked before anything is locked or written. */
function geocodingOf (input: UpdateOpenDataSettings) {
  const municipalityKey = input.municipalityKey?.trim() || null
  const contributorId = input.contributorId?.trim() || null
  if (municipalityKey !== null && !isMunicipalityKey(municipalityKey)) throw new MunicipalityKeyInvalidError()
  if (contributorId !== null && !isContributorId(contributorId)) throw new ContributorIdInvalidError()
  return { municipalityKey, contributorId }
}

export function createOpenDataSettingsService (db: Db, onChange: ChangeListener) {
  return {
    async get (citySlug: string, actor: Actor) {
      const city = await getCityAs(db, citySlug, actor, 'admin')
      return openDataSettingsOf(db, city)
    },

    async update (citySlug: string, input: UpdateOpenDataSettings, expected: number | undefined, actor: Actor) {
      const geocoding = geocodingOf(input)
      // Every public download names the licence, so every cached answer of the city is stale afterwards.
      return writeTransaction(db, onChange, async (tx, announce) => {
        const city = await getCityBySlug(tx, citySlug)
        // The settings row may not exist yet (a city that never chose): the version guards its first insert too.
        const before = await lockVersioned({
          lock: () => openDataSettingsOf(tx, city, { forUpdate: true }),
          notFound: () => new CityNotFoundError(citySlug),
          check: () => requireRole(actor, city.id, 'admin', () => new CityNotFoundError(citySlug)),
          expected,
          current: (row) => row,
        })
        const values = {
          licence: input.licence, publisherName: input.publisherName.trim(), contactEmail: input.contactEmail, ...geocoding,
          version: before.version + 1, updatedAt: new Date(),
        }
        if (!await writeOpenDataSettings(tx, city.id, values, before.version)) throw new VersionConflictError(await openDataSettingsOf(tx, city))
        await announce('everything')
        const after = await openDataSettingsOf(tx, city)
        await recordAudit(tx, actor, { cityId: city.id, action: 'open-data.update', entityType: 'city', entityId: city.id, before, after })
        return after
      })
    },
  }
}
