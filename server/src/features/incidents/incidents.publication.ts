import {
  discriminationKinds, figureCoordinates, isSuppressed, lifeAreas, reportingChannels, suppressTable, TOTAL,
  type Coordinate, type IncidentDimension, type IncidentFigure,
} from '@eccar/shared'

const categories: Record<IncidentDimension, readonly string[]> = { kind: discriminationKinds, area: lifeAreas, channel: reportingChannels }

/**
 * Every public answer is a slice of these three tables, each with the periods as a further
 * dimension whose total is "all periods". Suppressing them once and sharing the withheld figures
 * keeps every figure the same in every answer: a kind total is never shown in one breakdown and
 * withheld in another, and a single period can never be recovered as "all periods minus the others".
 * Not proven: that the three tables together, linked through the never-published kind × area ×
 * channel cells, cannot be combined against one another (an exact check of that is hard in general).
 */
const pairs: [IncidentDimension, IncidentDimension][] = [['kind', 'area'], ['kind', 'channel'], ['area', 'channel']]

/**
 * What the public loses when a figure is withheld, for choosing complementary suppressions: the
 * overall total most, then each period's total (the trend), then breakdowns over all periods, then
 * each period's breakdowns, then single cells. Coordinates: period, row category, column category.
 */
function publicValue ([period, row, column]: Coordinate[], value: number) {
  const categoryTotals = Number(row === TOTAL) + Number(column === TOTAL)
  const rank = categoryTotals === 2 ? (period === TOTAL ? 1_000_000 : 10_000) : categoryTotals === 1 ? (period === TOTAL ? 1_000 : 30) : (period === TOTAL ? 10 : 1)
  return rank * (1 + value)
}

/** A count with its period and categories as positions in the sorted periods and the closed lists. */
export interface IndexedCount { period: number, kind: number, area: number, channel: number, count: number }
type Position = Partial<Record<IncidentDimension, number>>

/** One name per figure across all answers: period (or all) and each category (or its total). */
const figureKey = (period: number | null, at: Position) => `${period ?? '*'}|${at.kind ?? '*'}|${at.area ?? '*'}|${at.channel ?? '*'}`

/**
 * The figures no public answer shows, by `figureKey`. The three tables are suppressed in turns,
 * each starting from what the others withhold, until no turn adds anything: shared figures are then
 * withheld everywhere alike, and each table reuses the others' choices instead of adding its own.
 */
export function withheldFigures (counts: IndexedCount[], periodCount: number, threshold: number): Set<string> {
  const withheld = new Set<string>()
  if (periodCount === 0) return withheld
  const tables = pairs.map(([rows, columns]) => {
    const shape = [periodCount, categories[rows].length, categories[columns].length]
    const cells = new Array<number>(shape[0]! * shape[1]! * shape[2]!).fill(0)
    for (const count of counts) cells[(count.period * shape[1]! + count[rows]) * shape[2]! + count[columns]]! += count.count
    const keyAt = ([period, row, column]: Coordinate[]) => {
      const at: Position = {}
      if (row !== TOTAL) at[rows] = row
      if (column !== TOTAL) at[columns] = column
      return figureKey(period === TOTAL ? null : period!, at)
    }
    return { shape, cells, keyAt }
  })
  for (let before = -1; before !== withheld.size;) {
    before = withheld.size
    for (const { shape, cells, keyAt } of tables) {
      const result = suppressTable({ shape, counts: cells }, { threshold, weight: publicValue, alsoWithhold: (at) => withheld.has(keyAt(at)) })
      result.figures.forEach((figure, index) => {
        if (isSuppressed(figure)) withheld.add(keyAt(figureCoordinates(shape, index)))
      })
    }
  }
  return withheld
}

/**
 * The figures of one breakdown for one period (null: all periods), row by row, each dimension's
 * categories in list order followed by its total.
 */
export function publicFigures (counts: IndexedCount[], withheld: Set<string>, dimensions: IncidentDimension[], period: number | null): IncidentFigure[] {
  const chosen = counts.filter((count) => period === null || count.period === period)
  const positions = dimensions.reduce<Position[]>((acc, dimension) => acc.flatMap((at) =>
    [...categories[dimension].map((_, index) => ({ ...at, [dimension]: index })), at]), [{}])
  return positions.map((at) => {
    const hidden = withheld.has(figureKey(period, at))
    const value = chosen.filter((count) => dimensions.every((d) => at[d] === undefined || count[d] === at[d])).reduce((sum, count) => sum + count.count, 0)
    const figure: IncidentFigure = { count: hidden ? null : value, suppressed: hidden }
    for (const dimension of dimensions) {
      const index = at[dimension]
      Object.assign(figure, { [dimension]: index === undefined ? null : categories[dimension][index] })
    }
    return figure
  })
}
