import type { CreateOrganisation, Organisation, OrganisationDetail, UpdateOrganisation } from '@eccar/shared'
import { eq } from 'drizzle-orm'
import { requireRole, systemActor, type Actor } from '../../auth/actor.ts'
import { recordAudit } from '../audit/audit.writer.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { organisations } from '../../db/schema/index.ts'
import { getCityAs, getCityBySlug } from '../cities/cities.service.ts'
import { lockVersioned } from '../common/versioned-write.ts'
import { updateVersioned } from '../common/versioned-write.queries.ts'
import { measureVisibleTo, visiblePlanStates } from '../common/visibility.ts'
import { OrganisationInUseError, OrganisationNameTakenError, OrganisationNotFoundError } from './organisations.errors.ts'
import {
  deleteOrganisation, findOrganisation, insertOrganisation, isReferenced, listOrganisationsOfCity, measuresOfOrganisation, nameTaken, type OrganisationRow,
} from './organisations.queries.ts'
import { byName } from '../../lib/collation.ts'

export function toOrganisation ({ cityId: _city, ...row }: OrganisationRow): Organisation {
  return row
}

export function createOrganisationsService (db: Db, onChange: ChangeListener = () => {}) {
  async function detail (tx: Db, id: number, actor: Actor): Promise<OrganisationDetail> {
    const row = await findOrganisation(tx, id)
    if (!row) throw new OrganisationNotFoundError(id)
    const linked = await measuresOfOrganisation(tx, id, visiblePlanStates(actor, row.cityId), measureVisibleTo(actor, row.cityId))
    return { ...toOrganisation(row), ...linked }
  }

  /** The organisation locked for a versioned write by one of its city's administrators. */
  const lockOrganisation = (tx: Db, id: number, expected: number | undefined, actor: Actor) => lockVersioned({
    lock: () => findOrganisation(tx, id, { forUpdate: true }),
    notFound: () => new OrganisationNotFoundError(id),
    check: (row) => requireRole(actor, row.cityId, 'admin', () => new OrganisationNotFoundError(id)),
    expected,
    current: () => detail(tx, id, systemActor),
  })
  const rowOf = async (tx: Db, id: number) => (await findOrganisation(tx, id))!

  return {
    async listForCity (citySlug: string) {
      const city = await getCityBySlug(db, citySlug)
      // German order (Ä with A, case ignored) as on measure pages; the database's collation may be C, where Ä follows Z.
      return (await listOrganisationsOfCity(db, city.id)).map(toOrganisation).sort(byName)
    },

    get: (id: number, actor: Actor) => detail(db, id, actor),

    async create (citySlug: string, input: CreateOrganisation, actor: Actor) {
      return writeTransaction(db, onChange, async (tx) => {
        const city = await getCityAs(tx, citySlug, actor, 'admin')
        if (await nameTaken(tx, city.id, input.name)) throw new OrganisationNameTakenError(input.name)
        const id = await insertOrganisation(tx, { ...input, cityId: city.id })
        await recordAudit(tx, actor, { cityId: city.id, action: 'organisation.create', entityType: 'organisation', entityId: id, after: await rowOf(tx, id) })
        return detail(tx, id, actor)
      })
    },

    async update (id: number, input: UpdateOrganisation, expected: number | undefined, actor: Actor) {
      return writeTransaction(db, onChange, async (tx, announce) => {
        const row = await lockOrganisation(tx, id, expected, actor)
        // Organisation names appear in every plan's measure lists.
        await announce('everything')
        const { version: _ignored, ...changes } = input
        if (changes.name && await nameTaken(tx, row.cityId, changes.name, id)) throw new OrganisationNameTakenError(changes.name)
        await updateVersioned(tx, organisations, eq(organisations.id, id), row.version, changes)
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'organisation.update', entityType: 'organisation', entityId: id, before: row, after: await rowOf(tx, id) })
        return detail(tx, id, actor)
      })
    },

    async remove (id: number, expected: number | undefined, actor: Actor) {
      await writeTransaction(db, onChange, async (tx, announce) => {
        const row = await lockOrganisation(tx, id, expected, actor)
        if (await isReferenced(tx, id)) throw new OrganisationInUseError()
        await announce('everything')
        await deleteOrganisation(tx, id)
        await recordAudit(tx, actor, { cityId: row.cityId, action: 'organisation.delete', entityType: 'organisation', entityId: id, before: row })
      })
    },
  }
}
