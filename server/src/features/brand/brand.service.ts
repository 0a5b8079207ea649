import {
  checkAccent, logoMaxBytes, type BrandingSettings, type LogoMediaType, type PublicBranding, type UpdateBranding,
} from '@eccar/shared'
import { requireRole, type Actor } from '../../auth/actor.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { CityNotFoundError, getCityBySlug } from '../cities/cities.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { VersionConflictError } from '../common/versioning.ts'
import { AccentContrastError, LogoInvalidError, LogoNotFoundError } from './brand.errors.ts'
import { findBranding, findLogo, writeBranding, type BrandingRow, type BrandingValues } from './brand.queries.ts'

interface City { id: number, slug: string, name: string }

const emptyBranding = {
  accentColour: null, website: null, feedbackEmail: null, feedbackPhone: null, feedbackUrl: null,
  enforcementName: null, enforcementUrl: null, embedOrigins: [] as string[], logoType: null, logoUpdatedAt: null, version: 1,
}

const logoPath = (slug: string, stamp: Date | null) => (stamp ? `/api/cities/${slug}/logo/${stamp.getTime()}` : null)

function toSettings (city: City, row: Omit<BrandingRow, 'cityId'>): BrandingSettings {
  return {
    citySlug: city.slug,
    cityName: city.name,
    accentColour: row.accentColour,
    website: row.website,
    feedbackEmail: row.feedbackEmail,
    feedbackPhone: row.feedbackPhone,
    feedbackUrl: row.feedbackUrl,
    enforcementName: row.enforcementName,
    enforcementUrl: row.enforcementUrl,
    logoUrl: logoPath(city.slug, row.logoUpdatedAt),
    embedOrigins: row.embedOrigins,
    version: row.version,
  }
}

/** The row of a city, or the defaults of a city that never set anything (version 1, so the first save can be guarded). */
async function settingsOf (db: Db, city: City, options: { forUpdate?: boolean } = {}) {
  return toSettings(city, (await findBranding(db, city.id, options)) ?? emptyBranding)
}

/** PNG and WebP by their first bytes; the declared type must agree. SVG is refused: it can carry scripts. */
export function logoTypeOf (bytes: Buffer, declared: string | undefined): LogoMediaType | null {
  const png = bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const webp = bytes.length > 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP'
  const type = declared?.split(';')[0]?.trim().toLowerCase()
  if (png && type === 'image/png') return 'image/png'
  if (webp && type === 'image/webp') return 'image/webp'
  return null
}

/**
 * The city's accent and logo file as a report takes them (reporting freezes them into a submitted report's
 * snapshot); the logo's bytes are read only for a PNG, the one kind every report format embeds.
 */
export async function brandForReport (db: Db, cityId: number) {
  const settings = await findBranding(db, cityId)
  const logo = settings?.logoType === 'image/png' ? await findLogo(db, cityId) : undefined
  return { accentColour: settings?.accentColour ?? null, png: logo?.logo ? Buffer.from(logo.logo) : null }
}

export function createBrandService (db: Db, onChange: ChangeListener) {
  const requireAdmin = (actor: Actor, city: City) => requireRole(actor, city.id, 'admin', () => new CityNotFoundError(city.slug))

  /** One versioned write of the city's row, with its audit entry; every public page shows the branding, so all caches go. */
  function write (citySlug: string, expected: number | undefined, actor: Actor, action: string,
    values: (before: BrandingSettings) => BrandingValues) {
    return writeTransaction(db, onChange, async (tx, announce) => {
      const city = await getCityBySlug(tx, citySlug)
      const before = await lockVersioned({
        lock: () => settingsOf(tx, city, { forUpdate: true }),
        notFound: () => new CityNotFoundError(citySlug),
        check: () => requireAdmin(actor, city),
        expected,
        current: (row) => row,
      })
      // Two first saves at once: only the one that finds the version it locked writes.
      if (!await writeBranding(tx, city.id, before.version, values(before))) throw new VersionConflictError(await settingsOf(tx, city))
      await announce('everything')
      const after = await settingsOf(tx, city)
      await recordAudit(tx, actor, { cityId: city.id, action, entityType: 'city-branding', entityId: city.id, before, after })
      return after
    })
  }

  return {
    async publicBranding (citySlug: string): Promise<PublicBranding> {
      const { embedOrigins: _origins, version: _version, ...visible } = await settingsOf(db, await getCityBySlug(db, citySlug))
      return visible
    },

    async settings (citySlug: string, actor: Actor) {
      const city = await getCityBySlug(db, citySlug)
      requireAdmin(actor, city)
      return settingsOf(db, city)
    },

    /** The city's row by id, for the widgets: its accent and the origins that may frame them. */
    async forCity (city: City) {
      return settingsOf(db, city)
    },

    update (citySlug: string, input: UpdateBranding, expected: number | undefined, actor: Actor) {
      if (input.accentColour) {
        const failing = checkAccent(input.accentColour).filter((check) => !check.passes)
        if (failing.length > 0) throw new AccentContrastError(input.accentColour, failing)
      }
      const { version: _version, ...fields } = input
      const trimmed = { ...fields, enforcementName: fields.enforcementName?.trim() || null, accentColour: fields.accentColour?.toLowerCase() ?? null }
      return write(citySlug, expected, actor, 'branding.update', () => trimmed)
    },

    /** The file is judged after the caller's rights and version: a stranger learns nothing from a 415. */
    setLogo (citySlug: string, body: unknown, declaredType: string | undefined, expected: number | undefined, actor: Actor) {
      return write(citySlug, expected, actor, 'branding.logo.set', () => {
        const bytes = Buffer.isBuffer(body) && body.length <= logoMaxBytes ? body : null
        const type = bytes ? logoTypeOf(bytes, declaredType) : null
        if (!bytes || !type) throw new LogoInvalidError(String(logoMaxBytes))
        return { logo: bytes, logoType: type, logoUpdatedAt: new Date() }
      })
    },

    removeLogo (citySlug: string, expected: number | undefined, actor: Actor) {
      return write(citySlug, expected, actor, 'branding.logo.remove', () => ({ logo: null, logoType: null, logoUpdatedAt: null }))
    },

    async logo (citySlug: string) {
      const city = await getCityBySlug(db, citySlug)
      const row = await findLogo(db, city.id)
      if (!row?.logo || !row.logoType) throw new LogoNotFoundError(citySlug)
      return { bytes: Buffer.from(row.logo), type: row.logoType }
    },
  }
}
export type BrandService = ReturnType<typeof createBrandService>
