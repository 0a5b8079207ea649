import { IndicatorLimits, type IndicatorImportPreview, type IndicatorImportResult, type IndicatorImportRow } from '@eccar/shared'
import type { Actor } from '../../auth/actor.ts'
import { writeTransaction, type ChangeListener } from '../../cache/write-transaction.ts'
import type { Db } from '../../db/client.ts'
import { createIndicatorsService, getIndicatorForEditor } from '../indicators/indicators.service.ts'
import { createPlansService } from '../plans/plans.service.ts'
import { parseDate, RowReader } from './import-cells.ts'
import { readUpload } from '../common/spreadsheet-files.ts'
import { ImportInvalidError, RollBack } from './spreadsheets.errors.ts'

/** More rows than any indicator has periods × categories; a bigger file is a mistake. */
const maxRows = 10_000

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const pad = (n: number) => String(n).padStart(2, '0')

/** `2024`, `2024-Q2`, `2024-05` or `2024-01-01/2024-06-30` as the first and last day of the period. */
export function parsePeriod (text: string): { start: string, end: string } | null {
  const year = /^(\d{4})$/.exec(text)
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` }
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(text)
  if (quarter) {
    const y = Number(quarter[1])
    const last = Number(quarter[2]) * 3
    return { start: `${y}-${pad(last - 2)}-01`, end: `${y}-${pad(last)}-${lastDayOfMonth(y, last)}` }
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text)
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    const y = Number(month[1])
    const m = Number(month[2])
    return { start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${lastDayOfMonth(y, m)}` }
  }
  const range = /^([^/]+)\/([^/]+)$/.exec(text)
  if (range) {
    const start = parseDate(range[1]!.trim())
    const end = parseDate(range[2]!.trim())
    if (start && end) return { start, end }
  }
  return null
}

const serviceRefusals: Record<string, { column: string, code: IndicatorImportRow['errors'][number]['code'] }> = {
  INDICATOR_VALUE_EXISTS: { column: 'period', code: 'VALUE_EXISTS' },
  INDICATOR_PERIOD_INVALID: { column: 'period', code: 'INVALID_PERIOD' },
}

export function createIndicatorImport (db: Db, onChange: ChangeListener) {
  async function run (indicatorId: number, body: unknown, contentType: string | undefined, actor: Actor, apply: boolean) {
    const found = await getIndicatorForEditor(db, indicatorId, actor)

    const table = await readUpload(body, contentType, ['period', 'value'], maxRows)
    const categoryColumns = table.header.filter((name) => name && name !== 'period' && name !== 'value')
    const seen = new Set<string>()
    const rows: IndicatorImportRow[] = []
    for (const uploaded of table.rows) {
      const reader = new RowReader(uploaded)
      const periodText = reader.text('period', { required: true, max: 50 })
      const period = periodText ? parsePeriod(periodText) : null
      if (periodText && !period) reader.fail('period', 'INVALID_PERIOD', 'Write the period as 2024, 2024-Q2, 2024-05 or 2024-01-01/2024-06-30')
      const value = reader.number('value', IndicatorLimits.magnitude)
      if (value === null) reader.fail('value', 'MISSING_VALUE', 'The cell is empty')
      const parts = categoryColumns.map((column) => reader.text(column, { max: IndicatorLimits.category })).filter((part): part is string => typeof part === 'string')
      const category = parts.length > 0 ? parts.join(' / ') : null
      if (category && category.length > IndicatorLimits.category) reader.fail(categoryColumns[0]!, 'INVALID_CATEGORY', `The category is longer than ${IndicatorLimits.category} characters`)
      const key = period ? `${period.start}/${period.end}/${category ?? ''}` : null
      if (key && seen.has(key)) reader.fail('period', 'DUPLICATE_ROW', 'An earlier row has a value for the same period and category')
      if (key) seen.add(key)
      rows.push({
        row: uploaded.row, periodStart: period?.start ?? null, periodEnd: period?.end ?? null, category,
        value: typeof value === 'number' ? value : null, errors: reader.errors,
      })
    }

    const summarise = (): IndicatorImportPreview => ({
      rows,
      applicable: rows.filter((r) => r.errors.length === 0).length,
      errorCount: rows.filter((r) => r.errors.length > 0).length,
    })

    try {
      return await writeTransaction(db, onChange, async (tx, announce) => {
        await announce({ planId: found.indicator.planId })
        // The indicator service judges every value (period order, one value per period and category), each in its own savepoint.
        const indicators = createIndicatorsService(tx, createPlansService(tx))
        const before = new Set((await indicators.get(indicatorId, actor)).values.map((v) => v.id))
        for (const row of rows) {
          if (row.errors.length > 0) continue
          try {
            await indicators.addValue(indicatorId, { periodStart: row.periodStart!, periodEnd: row.periodEnd!, category: row.category, value: row.value! }, actor)
          } catch (error) {
            const refusal = serviceRefusals[(error as { code?: string }).code ?? '']
            if (!refusal) throw error
            row.errors.push({ ...refusal, message: (error as Error).message })
          }
        }
        const preview = summarise()
        if (!apply || preview.errorCount > 0 || rows.length === 0) throw new RollBack(preview)
        const valueIds = (await indicators.get(indicatorId, actor)).values.map((v) => v.id).filter((id) => !before.has(id))
        return { kind: 'applied' as const, result: { applied: valueIds.length, valueIds } satisfies IndicatorImportResult }
      })
    } catch (error) {
      if (!(error instanceof RollBack)) throw error
      if (apply) throw new ImportInvalidError('INDICATOR_IMPORT_INVALID', error.preview)
      return { kind: 'preview' as const, preview: error.preview as IndicatorImportPreview }
    }
  }

  return {
    preview: (id: number, body: unknown, contentType: string | undefined, actor: Actor) => run(id, body, contentType, actor, false),
    apply: (id: number, body: unknown, contentType: string | undefined, actor: Actor) => run(id, body, contentType, actor, true),
  }
}
