import { discriminationKinds, type DiscriminationKind, type IncidentFigure, type IncidentPeriodRef, type PublicIncidentTable } from '@eccar/shared'
import { compareIso } from '@/lib/compare'

/** One published figure: its value, or null when it is withheld. */
export interface IncidentCell {
  count: number | null
  suppressed: boolean
}

export interface IncidentKindRow extends IncidentCell {
  kind: DiscriminationKind
}

/** The incidents table of the dashboard: one row per kind of discrimination (in list order) and the total. */
export interface IncidentKindTable {
  period: IncidentPeriodRef | null
  threshold: number
  rows: IncidentKindRow[]
  total: IncidentCell
  /** Whether any figure is withheld (the note below the table explains why). */
  anySuppressed: boolean
  /** The kind with the most published cases (the first in list order on a tie); null when none has any. */
  mostFrequent: IncidentKindRow | null
}

const cellOf = (figure: IncidentFigure): IncidentCell =>
  // Never trust a count that comes with the suppressed mark.
  (figure.suppressed || figure.count === null ? { count: null, suppressed: true } : { count: figure.count, suppressed: false })

/** The latest entered period, or null when the city has entered none. */
export function latestPeriod (table: Pick<PublicIncidentTable, 'periods'>): IncidentPeriodRef | null {
  return [...table.periods].sort((a, b) => compareIso(a.periodStart, b.periodStart)).at(-1) ?? null
}

/**
 * Shapes an answer broken down by kind into the rows of the table; null when there is nothing to
 * show (another breakdown, no periods, or no total).
 */
export function incidentKindTable (table: PublicIncidentTable): IncidentKindTable | null {
  if (table.dimensions.length !== 1 || table.dimensions[0] !== 'kind' || table.periods.length === 0) return null
  const byKind = new Map<DiscriminationKind, IncidentFigure>()
  let totalFigure: IncidentFigure | undefined
  for (const figure of table.figures) {
    if (figure.kind === null || figure.kind === undefined) totalFigure = figure
    else byKind.set(figure.kind, figure)
  }
  if (!totalFigure) return null
  const rows = discriminationKinds.flatMap((kind) => {
    const figure = byKind.get(kind)
    return figure ? [{ kind, ...cellOf(figure) }] : []
  })
  const total = cellOf(totalFigure)
  const mostFrequent = rows.reduce<IncidentKindRow | null>((best, row) =>
    (row.count !== null && row.count > 0 && (best === null || row.count > best.count!) ? row : best), null)
  return {
    period: table.period,
    threshold: table.threshold,
    rows,
    total,
    anySuppressed: total.suppressed || rows.some((row) => row.suppressed),
    mostFrequent,
  }
}
