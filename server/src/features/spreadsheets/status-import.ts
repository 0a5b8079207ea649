import {
  Limits, measureStatuses, statusesRequiringReason, type CreateStatusUpdate, type StatusImportChange, type StatusImportPreview,
  type StatusImportResult, type StatusImportRow,
} from '@eccar/shared'
import { organisationScope, requireRole, type Actor } from '../../auth/actor.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { cityToday } from '../cities/cities.service.ts'
import { createMeasuresService, listMeasures, type MeasureListRow } from '../measures/measures.service.ts'
import { createPlansService, PlanNotFoundError } from '../plans/plans.service.ts'
import { measureVisibleTo } from '../common/visibility.ts'
import { RowReader } from './import-cells.ts'
import { readUpload, writeWorkbook, type SheetColumn } from '../common/spreadsheet-files.ts'
import { ImportInvalidError, RollBack } from './spreadsheets.errors.ts'

/** What a person fills in; the columns before them say which measure and which state the row was based on. */
const changeColumns = ['status', 'progress', 'date', 'note', 'evidence_link'] as const
export const statusImportColumns = ['code', 'version', ...changeColumns] as const

const templateColumns: SheetColumn<MeasureListRow>[] = [
  { name: 'code', type: 'string', width: 10, description: { de: 'Kennung der Maßnahme – nicht ändern', en: 'Code of the measure – do not change' }, value: (m) => m.code },
  { name: 'title', type: 'string', width: 50, description: { de: 'Titel (zur Orientierung)', en: 'Title (for orientation)' }, value: (m) => m.titleDe },
  { name: 'current_status', type: 'string', width: 16, description: { de: 'Stand beim Herunterladen', en: 'Status when downloaded' }, value: (m) => m.status },
  { name: 'current_progress', type: 'integer', width: 12, description: { de: 'Fortschritt beim Herunterladen', en: 'Progress when downloaded' }, value: (m) => m.progress },
  {
    name: 'version', type: 'integer', width: 9,
    description: { de: 'Fassung beim Herunterladen – nicht ändern; hat jemand seither gemeldet, wird die Zeile gemeldet statt übernommen', en: 'Version when downloaded – do not change; a row based on an older state is reported, not applied' },
    value: (m) => m.version,
  },
  { name: 'status', type: 'string', width: 16, description: { de: `Neuer Stand: ${measureStatuses.join(', ')}; leer lassen, wenn nichts zu melden ist`, en: `New status: ${measureStatuses.join(', ')}; leave empty when there is nothing to report` }, value: () => null },
  { name: 'progress', type: 'integer', width: 10, description: { de: 'Neuer Fortschritt 0–100 (leer: bisheriger)', en: 'New progress 0–100 (empty: unchanged)' }, value: () => null },
  { name: 'date', type: 'date', width: 12, description: { de: 'Datum der Meldung, JJJJ-MM-TT (leer: heute); nicht in der Zukunft', en: 'Date of the report, YYYY-MM-DD (empty: today); not in the future' }, value: () => null },
  { name: 'note', type: 'string', width: 50, description: { de: `Notiz; Pflicht bei ${statusesRequiringReason.join(', ')} (dann die Begründung)`, en: `Note; required for ${statusesRequiringReason.join(', ')} (then the reason)` }, value: () => null },
  { name: 'evidence_link', type: 'string', width: 40, description: { de: 'Ein Beleg als https-Link', en: 'One piece of evidence as an https link' }, value: () => null },
]

/** Rules the service enforces, named per column; anything else the service refuses is not a row problem and stays an error. */
const serviceRefusals: Record<string, { column: string, code: StatusImportRow['errors'][number]['code'] }> = {
  STATUS_REASON_REQUIRED: { column: 'note', code: 'REASON_REQUIRED' },
  STATUS_DATE_IN_FUTURE: { column: 'date', code: 'FUTURE_DATE' },
  FORBIDDEN: { column: 'code', code: 'NOT_PERMITTED' },
  MEASURE_NOT_FOUND: { column: 'code', code: 'UNKNOWN_MEASURE' },
}

export function createStatusImport (db: Db, onChange: ChangeListener) {
  const plans = createPlansService(db)
  const measures = createMeasuresService(db, plans)

  /** The plan's measures the actor may report on: all for admins and unscoped editors, else those of their bodies. */
  async function reportable (planId: number, actor: Actor) {
    const plan = await plans.getVisiblePlan(planId, actor).catch(() => { throw new PlanNotFoundError(planId) })
    requireRole(actor, plan.cityId, 'editor', () => new PlanNotFoundError(planId))
    const all = await listMeasures(db, plan.id, measureVisibleTo(actor, plan.cityId))
    const scope = organisationScope(actor, plan.cityId)
    const mine = scope === null ? all : all.filter((m) => [m.lead?.id, ...m.involved.map((i) => i.organisation.id)].some((id) => id !== undefined && scope.includes(id)))
    return { plan, all, mine }
  }

  async function preview (planId: number, body: unknown, contentType: string | undefined, actor: Actor, apply: boolean) {
    const { plan, all, mine } = await reportable(planId, actor)
    const table = await readUpload(body, contentType, statusImportColumns, Limits.measuresPerPlan)
    const byCode = new Map(all.map((m) => [m.code.toLowerCase(), m]))
    const permitted = new Set(mine.map((m) => m.id))
    const seen = new Set<number>()
    const today = await cityToday(db, plan.cityId)
    const rows: (StatusImportRow & { input?: CreateStatusUpdate, version?: number })[] = []

    for (const uploaded of table.rows) {
      const reader = new RowReader(uploaded)
      if (reader.isBlank(changeColumns)) continue
      const code = reader.text('code', { required: true, max: Limits.code })
      const measure = code ? byCode.get(code.toLowerCase()) : undefined
      if (code && !measure) reader.fail('code', 'UNKNOWN_MEASURE', `The plan has no measure "${code}"`)
      else if (measure && !permitted.has(measure.id)) reader.fail('code', 'NOT_PERMITTED', 'You may not report on this measure')
      else if (measure && seen.has(measure.id)) reader.fail('code', 'DUPLICATE_ROW', 'An earlier row reports on the same measure')
      if (measure) seen.add(measure.id)
      const version = reader.integer('version', 'INVALID_VERSION', 1, 2_147_483_647)
      if (version === null) reader.fail('version', 'MISSING_VALUE', 'The version from the template is missing')
      const status = reader.status('status')
      const progress = reader.integer('progress', 'INVALID_PROGRESS', 0, 100)
      const date = reader.date('date')
      const note = reader.text('note')
      const link = reader.link('evidence_link')

      let change: StatusImportChange | null = null
      if (measure && status && progress !== undefined && date !== undefined && note !== undefined && link !== undefined) {
        change = { status, progress: progress ?? measure.progress, date: date ?? today, note, evidenceLink: link }
      }
      const stale = measure !== undefined && typeof version === 'number' && version !== measure.version
      const needsReason = change !== null && statusesRequiringReason.includes(change.status)
      rows.push({
        row: uploaded.row, measureCode: code ?? '', measureId: measure?.id ?? null, change, errors: reader.errors, stale,
        ...(change && typeof version === 'number'
          ? {
              version,
              input: {
                status: change.status, progress: change.progress, date: change.date,
                // A status that needs a reason takes the note as its reason; otherwise the note is the report's text.
                noteDe: needsReason ? null : change.note, reason: needsReason ? change.note : null,
                evidenceLinks: change.evidenceLink ? [{ url: change.evidenceLink }] : [],
              },
            }
          : {}),
      })
    }

    const tryRows = async () => writeTransaction(db, onChange, async (tx, announce) => {
      await announce({ planId: plan.id })
      // The status-update service itself judges every row (reason, date, permission, version) in this transaction,
      // as one batch, and records them all, or none when one is refused. A preview, or an import that a row of the
      // file already stops, runs the same checks without the writes: writing 1,000 rows only to roll them back
      // made the preview slower than the import.
      const candidates = rows.filter((row) => row.input && row.errors.length === 0 && !row.stale)
      const reports = candidates.map((row) => ({ id: row.measureId!, input: row.input!, expected: row.version! }))
      const write = apply && rows.every((row) => row.errors.length === 0 && !row.stale)
      const outcomes = write ? await measures.recordStatusUpdates(tx, reports, actor) : await measures.checkStatusUpdates(tx, reports, actor)
      const applied: number[] = []
      outcomes.forEach(({ refused }, index) => {
        const row = candidates[index]!
        if (refused === null) return applied.push(row.measureId!)
        const refusal = serviceRefusals[refused.code ?? '']
        if (refused.code === 'VERSION_CONFLICT') row.stale = true
        else if (refusal) row.errors.push({ ...refusal, message: refused.message })
        else throw refused
      })
      const summary = summarise(rows)
      if (!apply || summary.errorCount > 0 || summary.staleCount > 0) throw new RollBack(summary)
      return { applied: applied.length, measureIds: applied } satisfies StatusImportResult
    })

    try {
      const result = await tryRows()
      return { kind: 'applied' as const, result }
    } catch (error) {
      if (!(error instanceof RollBack)) throw error
      const summary = error.preview as StatusImportPreview
      if (apply) throw new ImportInvalidError('STATUS_IMPORT_INVALID', summary)
      return { kind: 'preview' as const, preview: summary }
    }
  }

  return {
    async template (planId: number, actor: Actor) {
      const { plan, mine } = await reportable(planId, actor)
      const body = await writeWorkbook({
        name: 'Statusmeldung',
        columns: templateColumns,
        rows: mine,
        decorate: (sheet) => {
          // A drop-down of the status keys, so a typo is caught in Excel already.
          const statusColumn = templateColumns.findIndex((c) => c.name === 'status') + 1
          for (let row = 2; row <= mine.length + 1; row++) {
            sheet.getCell(row, statusColumn).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${measureStatuses.join(',')}"`] }
          }
        },
      }, {
        title: `Statusmeldung: ${plan.titleDe}`,
        source: `Plan ${plan.id}, ${plan.cityName}`,
        licence: null,
        created: new Date(),
        asOf: await cityToday(db, plan.cityId),
        notes: [
          'Füllen Sie je Maßnahme status, progress, date, note und evidence_link aus; leere Zeilen bleiben unverändert.',
          'Fill in status, progress, date, note and evidence_link per measure; rows left empty stay unchanged.',
        ],
      })
      return { body, fileName: `${plan.citySlug}-plan-${plan.id}-status-template.xlsx` }
    },

    preview: (planId: number, body: unknown, contentType: string | undefined, actor: Actor) => preview(planId, body, contentType, actor, false),
    apply: (planId: number, body: unknown, contentType: string | undefined, actor: Actor) => preview(planId, body, contentType, actor, true),
  }
}

function summarise (rows: StatusImportRow[]): StatusImportPreview {
  const visible = rows.map(({ row, measureCode, measureId, change, errors, stale }) => ({ row, measureCode, measureId, change, errors, stale }))
  return {
    rows: visible,
    applicable: visible.filter((r) => r.errors.length === 0 && !r.stale && r.change !== null).length,
    errorCount: visible.filter((r) => r.errors.length > 0).length,
    staleCount: visible.filter((r) => r.stale).length,
  }
}
