import {
  discriminationKindLabels, discriminationKinds, lifeAreaLabels, lifeAreas, reportingChannelLabels, reportingChannels,
  type IncidentDimension, type IncidentView, type PublicIncidentFigure, type PublicIncidentReleaseRef, type PublicIncidentView,
} from '@eccar/shared'
import { compareIso } from '@/lib/compare'

/**
 * Shapes the views of an incident release into tables: the grand total, one-way tables (a row per
 * category) and two-way tables (rows × columns). Pure; used by the public dashboard and, with the
 * office's audit figures, by the administration.
 */

/** The categories of a dimension, in list order, with their labels. */
export const categoriesOf: Record<IncidentDimension, readonly string[]> = { kind: discriminationKinds, area: lifeAreas, channel: reportingChannels }
export const categoryLabels: Record<IncidentDimension, Record<string, { de: string, en: string }>> = {
  kind: discriminationKindLabels, area: lifeAreaLabels, channel: reportingChannelLabels,
}

/** The dimensions a view breaks down by: none for the total, row then column for two-way views. */
export const axesOf = (view: IncidentView): IncidentDimension[] => (view === 'total' ? [] : view.split(',') as IncidentDimension[])

type Categorised = Partial<Record<IncidentDimension, string>>

export interface ViewTable<F> {
  view: IncidentView
  published: boolean
  axes: IncidentDimension[]
  /** Column categories of a two-way view (empty otherwise). */
  columns: string[]
  /** One row per category of the first axis (a single row with key 'total' for the total). */
  rows: { key: string, cells: (F | null)[] }[]
}

/** A view as rows and columns; a figure the answer lacks is null (shown as empty, never as a number). */
export function viewTable<F extends Categorised> (view: { view: IncidentView, published: boolean, figures: readonly F[] }): ViewTable<F> {
  const axes = axesOf(view.view)
  const find = (row: string | null, column: string | null) => view.figures.find((f) =>
    (row === null || f[axes[0]!] === row) && (column === null || f[axes[1]!] === column)) ?? null
  if (axes.length === 0) return { view: view.view, published: view.published, axes, columns: [], rows: [{ key: 'total', cells: [view.figures[0] ?? null] }] }
  const columns = axes.length === 2 ? [...categoriesOf[axes[1]!]] : []
  const rows = categoriesOf[axes[0]!].map((row) => ({
    key: row,
    cells: axes.length === 2 ? columns.map((column) => find(row, column)) : [find(row, null)],
  }))
  return { view: view.view, published: view.published, axes, columns, rows }
}

/** What the public table shows for one figure: its count, or the withheld mark. */
export interface IncidentCell {
  count: number | null
  suppressed: boolean
}

// Never trust a count that comes with the suppressed mark.
export const cellOf = (figure: Pick<PublicIncidentFigure, 'count' | 'suppressed'> | null): IncidentCell =>
  (!figure || figure.suppressed || figure.count === null ? { count: null, suppressed: true } : { count: figure.count, suppressed: false })

/** The view of a release, or null when the release does not carry it. */
export const findView = (views: readonly PublicIncidentView[], view: IncidentView) => views.find((v) => v.view === view) ?? null

/** The kind with the most published cases (the first in list order on a tie); null when none has any. */
export function mostFrequentKind (view: PublicIncidentView | null): { kind: string, count: number } | null {
  if (!view?.published) return null
  let best: { kind: string, count: number } | null = null
  for (const row of viewTable(view).rows) {
    const cell = cellOf(row.cells[0] ?? null)
    if (cell.count !== null && cell.count > 0 && (best === null || cell.count > best.count)) best = { kind: row.key, count: cell.count }
  }
  return best
}

/** The newest period's release, or null when nothing is published. */
export function newestRelease (releases: readonly PublicIncidentReleaseRef[]): PublicIncidentReleaseRef | null {
  return [...releases].sort((a, b) => compareIso(a.periodStart, b.periodStart) || a.version - b.version).at(-1) ?? null
}
