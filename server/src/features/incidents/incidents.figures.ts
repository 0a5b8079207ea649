import { discriminationKinds, incidentViews, lifeAreas, reportingChannels, type IncidentView } from '@eccar/shared'

/**
 * The figures a release can publish, as sums of the cells of one period's three-way table
 * kind × area × channel. The sizes are parameters so the property tests can use small tables; the
 * product uses the closed lists.
 */
export interface TableShape { kinds: number, areas: number, channels: number }
export const fullShape: TableShape = { kinds: discriminationKinds.length, areas: lifeAreas.length, channels: reportingChannels.length }

export type Dimension = 'kind' | 'area' | 'channel'
export interface FigureDef {
  view: IncidentView
  /** Category positions of the figure; a dimension not in the view is absent (summed over). */
  at: Partial<Record<Dimension, number>>
  /** Positions in the row-major cell array ((kind · areas) + area) · channels + channel. */
  cells: number[]
}

export const cellCount = (shape: TableShape) => shape.kinds * shape.areas * shape.channels
export const cellIndex = (shape: TableShape, kind: number, area: number, channel: number) => (kind * shape.areas + area) * shape.channels + channel

const viewDimensions = (view: IncidentView): Dimension[] => (view === 'total' ? [] : view.split(',') as Dimension[])

const defsByShape = new Map<string, FigureDef[]>()

/** Every figure of every view, views in `incidentViews` order, two-way views row by row. */
export function figureDefs (shape: TableShape): FigureDef[] {
  const key = `${shape.kinds}x${shape.areas}x${shape.channels}`
  const known = defsByShape.get(key)
  if (known) return known
  const sizes: Record<Dimension, number> = { kind: shape.kinds, area: shape.areas, channel: shape.channels }
  const defs: FigureDef[] = []
  for (const view of incidentViews) {
    const dimensions = viewDimensions(view)
    const positions = dimensions.reduce<Partial<Record<Dimension, number>>[]>((list, dimension) =>
      list.flatMap((at) => Array.from({ length: sizes[dimension] }, (_, index) => ({ ...at, [dimension]: index }))), [{}])
    for (const at of positions) {
      const cells: number[] = []
      for (let kind = 0; kind < shape.kinds; kind++) {
        if (at.kind !== undefined && at.kind !== kind) continue
        for (let area = 0; area < shape.areas; area++) {
          if (at.area !== undefined && at.area !== area) continue
          for (let channel = 0; channel < shape.channels; channel++) {
            if (at.channel === undefined || at.channel === channel) cells.push(cellIndex(shape, kind, area, channel))
          }
        }
      }
      defs.push({ view, at, cells })
    }
  }
  defsByShape.set(key, defs)
  return defs
}

export const figureValues = (defs: readonly FigureDef[], counts: readonly number[]) =>
  defs.map((def) => def.cells.reduce((sum, cell) => sum + counts[cell]!, 0))

/** How much the public loses when a figure is withheld: the total most, then one-way margins, then two-way cells. */
export function withholdingCost (def: FigureDef, value: number) {
  const rank = def.view === 'total' ? 10_000 : def.view.includes(',') ? 1 : 100
  return rank * (1 + value)
}
