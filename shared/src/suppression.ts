/**
 * Small-count suppression for published incident tables (SECURITY.md goals 40–41 and Appendix D,
 * DOMAIN.md §5.1). Pure: no I/O, no randomness, the same table always gives the same answer.
 *
 * A table has one to three dimensions plus all its margins. Think of it as the "extended grid":
 * every dimension of size n gets an extra index n that stands for the total over that dimension, so
 * a 2 × 3 table becomes 3 × 4 figures (cells, row totals, column totals, grand total); a 3-D table
 * carries every 2-D and 1-D margin and the grand total. Along each axis, every "line" of the grid is
 * one table equation: the figure at index n equals the sum of the figures at 0..n-1.
 *
 * The rule, for a threshold k (default 5):
 * 1. Primary: every figure with 1 ≤ value < k is suppressed (totals included). Zeros are shown.
 * 2. Complementary: each primary figure f (value v, so s = k − v ≥ 1) gets a protecting "move": an
 *    integer change of the cells that keeps every equation true and lifts f to at least k; every
 *    figure the move changes is suppressed. A move is acceptable when every figure it changes is
 *    non-zero and none it lowers drops below 1. Three kinds are tried; the acceptable one whose newly
 *    suppressed figures weigh least wins (by default (1 + value) · 4^(number of totals in the
 *    figure), so large figures and totals go last; callers may weigh by public value):
 *    - a box: pick, on every axis, one other index (another category or the total); the 2^d corner
 *      figures get alternating signs (+1 at f, flipping per axis step and once more for every total
 *      index involved). On each line it touches the box has two corners: two categories get opposite
 *      signs, so the line's total stays; a category and its total get the same sign.
 *    - a transfer: s cases move from another cell (at least 1 + s) into a cell beneath f: figures
 *      covering only the receiver rise, figures covering only the donor fall, the rest (the grand
 *      total among them) stay. Protects isolated small cells without withholding the totals above.
 *    - a slice flow: within the 2-D slice of two axes through a cell, s cases reach it from other
 *      cells of the slice along alternating paths (each giver keeps at least 1, only non-zero cells
 *      receive), so the slice's row and column totals stay; each changed cell's twin with the other
 *      axes totalled changes with it. Lets several small cells protect each other.
 *    A box always exists: one non-zero cell beneath f with all its margins, every corner +1.
 *    A figure that an earlier move already lifts far enough needs no move of its own.
 * 3. Suppression only grows, so a move chosen for one figure stays valid while others are protected.
 *
 * What this guarantees (checked on random tables in suppression.test.ts):
 * - no published figure lies in 1..k−1, and no zero is ever suppressed (so "suppressed" tells a
 *   reader only "not zero");
 * - every equation that has a suppressed figure has at least two (a move never changes exactly one
 *   figure of an equation), except for figures withheld only through `alsoWithhold`: those are at
 *   least k, and no move can change a figure its equation pins down;
 * - for every suppressed figure f with value 1..k−1, applying its move gives a non-negative integer
 *   table that agrees with every published figure and keeps every suppressed figure ≥ 1, with f ≥ k:
 *   whoever knows all published figures, all equations and that suppressed figures are non-zero
 *   cannot recompute f nor bound it below k, and no difference of published figures is a small
 *   count. (The tests check more: every value from f's true value up to k stays possible.)
 */

export const defaultThreshold = 5
/** At most three dimensions: kind × area × channel, or the period and two of them. */
export const maxDimensions = 3

/** A coordinate along one dimension: a category index, or the total over the dimension. */
export const TOTAL = 'total' as const
export type Coordinate = number | typeof TOTAL

export interface Suppressed { readonly suppressed: true }
/** A figure as published: its value, or the mark that it is withheld. */
export type Figure = number | Suppressed

export interface CountTable {
  /** Size of each dimension, one to three dimensions, e.g. `[9, 11]` for kind × area. */
  shape: readonly number[]
  /** The cells in row-major order (the last dimension varies fastest); non-negative integers. */
  counts: readonly number[]
}

export interface SuppressedTable {
  shape: readonly number[]
  threshold: number
  /**
   * Every figure, cells and margins, row-major over the extended grid: index `shape[d]` of
   * dimension d is the total over d. Read single figures with `figureAt`.
   */
  figures: readonly Figure[]
}

const suppressedMark: Suppressed = Object.freeze({ suppressed: true as const })

export const isSuppressed = (figure: Figure): figure is Suppressed => typeof figure !== 'number'

/** Position of a figure in the extended grid; `TOTAL` (or the index `shape[d]`) is the total over d. */
export function figureIndex (shape: readonly number[], coordinates: readonly Coordinate[]): number {
  if (coordinates.length !== shape.length) throw new RangeError(`Expected ${shape.length} coordinates, got ${coordinates.length}`)
  let index = 0
  for (const [axis, size] of shape.entries()) {
    const coordinate = coordinates[axis]!
    const position = coordinate === TOTAL ? size : coordinate
    if (!Number.isInteger(position) || position < 0 || position > size) throw new RangeError(`Coordinate ${String(coordinate)} is outside dimension ${axis}`)
    index = index * (size + 1) + position
  }
  return index
}

/** The coordinates of an extended-grid position; totals come back as `TOTAL`. */
export function figureCoordinates (shape: readonly number[], index: number): Coordinate[] {
  const coordinates: Coordinate[] = []
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis]!
    const position = index % (size + 1)
    coordinates.unshift(position === size ? TOTAL : position)
    index = Math.floor(index / (size + 1))
  }
  return coordinates
}

export const figureAt = (table: SuppressedTable, coordinates: readonly Coordinate[]): Figure =>
  table.figures[figureIndex(table.shape, coordinates)]!

function checkTable ({ shape, counts }: CountTable) {
  if (shape.length < 1 || shape.length > maxDimensions) throw new RangeError(`A table has 1 to ${maxDimensions} dimensions, not ${shape.length}`)
  if (shape.some((size) => !Number.isInteger(size) || size < 1)) throw new RangeError('Every dimension needs at least one category')
  const cells = shape.reduce((product, size) => product * size, 1)
  if (counts.length !== cells) throw new RangeError(`Expected ${cells} counts, got ${counts.length}`)
  if (counts.some((count) => !Number.isSafeInteger(count) || count < 0)) throw new RangeError('Counts are non-negative integers')
  if (counts.reduce((sum, count) => sum + count, 0) > Number.MAX_SAFE_INTEGER) throw new RangeError('The counts are too large to add up exactly')
}

/** The true value of every figure of the extended grid: the cells and all their margins. */
export function withMargins (table: CountTable): number[] {
  checkTable(table)
  const { shape, counts } = table
  const extended = shape.map((size) => size + 1)
  const values: number[] = new Array<number>(extended.reduce((product, size) => product * size, 1)).fill(0)
  const strides = stridesOf(extended)
  // Each cell adds itself to the 2^d figures reached by replacing any of its coordinates by the total.
  counts.forEach((count, cell) => {
    if (count === 0) return
    const position: number[] = []
    for (let axis = shape.length - 1, rest = cell; axis >= 0; axis--) {
      position[axis] = rest % shape[axis]!
      rest = Math.floor(rest / shape[axis]!)
    }
    for (let mask = 0; mask < 1 << shape.length; mask++) {
      let index = 0
      for (let axis = 0; axis < shape.length; axis++) index += ((mask >> axis) & 1 ? shape[axis]! : position[axis]!) * strides[axis]!
      values[index]! += count
    }
  })
  return values
}

function stridesOf (extended: readonly number[]) {
  const strides: number[] = []
  for (let axis = extended.length - 1, stride = 1; axis >= 0; axis--) {
    strides[axis] = stride
    stride *= extended[axis]!
  }
  return strides
}

const popcount = (mask: number) => {
  let bits = 0
  for (let rest = mask; rest; rest &= rest - 1) bits++
  return bits
}

/**
 * A change of the cells that keeps every equation, as the change of every figure it touches. It may
 * be applied up to `reach` times before a figure it lowers would drop below 1.
 */
interface Move { figures: number[], changes: number[] }

export interface SuppressionOptions {
  /** k, default 5. */
  threshold?: number
  /**
   * What withholding a figure costs when complementary figures are chosen; the cheapest protection
   * wins. Default: (1 + value) · 4^(number of totals in the figure): large figures and totals go last.
   */
  weight?: (coordinates: Coordinate[], value: number) => number
  /**
   * Figures to withhold whatever their value (zeros excepted), e.g. those another published table
   * withholds; protection reuses them first.
   */
  alsoWithhold?: (coordinates: Coordinate[]) => boolean
}

/**
 * Decides which figures of a table may be published; see the header of this module for the rule
 * and what it guarantees. `threshold` is k: figures 1..k−1 are never published (k = 1 suppresses
 * nothing).
 */
export function suppressTable (table: CountTable, options: SuppressionOptions = {}): SuppressedTable {
  const threshold = options.threshold ?? defaultThreshold
  if (!Number.isSafeInteger(threshold) || threshold < 1) throw new RangeError('The threshold is a positive integer')
  const values = withMargins(table)
  const shape = [...table.shape]
  const dimensions = shape.length
  const strides = stridesOf(shape.map((size) => size + 1))
  const positions = values.map((_, index) => figureCoordinates(shape, index).map((c, axis) => (c === TOTAL ? shape[axis]! : c)))
  const totalsIn = positions.map((position) => position.filter((c, axis) => c === shape[axis]).length)
  const cells = positions.flatMap((position, index) => (totalsIn[index] === 0 ? [index] : []))
  const suppressed = values.map((value, index) =>
    value >= 1 && (value < threshold || (options.alsoWithhold?.(figureCoordinates(shape, index)) ?? false)))
  const weights = values.map((value, index) =>
    (options.weight ? options.weight(figureCoordinates(shape, index), value) : (1 + value) * 4 ** totalsIn[index]!))
  const covers = (figure: number, cell: number) => positions[figure]!.every((c, axis) => c === shape[axis] || c === positions[cell]![axis])
  /** The figure reached from `figure` by moving to `to[axis]` on the axes in `mask`. */
  const shifted = (figure: number, mask: number, to: readonly number[]) => {
    let index = figure
    for (let axis = 0; axis < dimensions; axis++) if ((mask >> axis) & 1) index += (to[axis]! - positions[figure]![axis]!) * strides[axis]!
    return index
  }
  const allTotals = shape.map((size) => size)

  /** Moving one case from cell `from` to cell `to`: every figure covering exactly one of them changes. */
  function transfer (to: number, from: number): Move {
    const move: Move = { figures: [], changes: [] }
    for (let mask = 0; mask < 1 << dimensions; mask++) {
      const up = shifted(to, mask, allTotals)
      if (!covers(up, from)) { move.figures.push(up); move.changes.push(1) }
      const down = shifted(from, mask, allTotals)
      if (!covers(down, to)) { move.figures.push(down); move.changes.push(-1) }
    }
    return move
  }

  function* boxes (figure: number): Generator<Move> {
    const position = positions[figure]!
    const sign = (corner: number, mask: number) => ((popcount(mask) + totalsIn[corner]! + totalsIn[figure]!) % 2 === 1 ? -1 : 1)
    // Per axis, the other indices whose own corner (f moved along that axis only) is non-zero.
    const choices = position.map((own, axis) => {
      const options: number[] = []
      for (let other = 0; other <= shape[axis]!; other++) {
        if (other !== own && values[figure + (other - own) * strides[axis]!]! >= 1) options.push(other)
      }
      return options
    })
    if (choices.some((options) => options.length === 0)) return
    const pick = new Array<number>(dimensions).fill(0)
    for (;;) {
      const to = choices.map((options, axis) => options[pick[axis]!]!)
      const move: Move = { figures: [], changes: [] }
      for (let mask = 0; mask < 1 << dimensions; mask++) {
        const corner = shifted(figure, mask, to)
        move.figures.push(corner)
        move.changes.push(sign(corner, mask))
      }
      yield move
      // Next combination of choices (mixed-radix counter); done when it wraps around.
      let axis = dimensions - 1
      while (axis >= 0 && ++pick[axis]! === choices[axis]!.length) pick[axis--] = 0
      if (axis < 0) return
    }
  }

  function* transfers (figure: number, slack: number): Generator<Move> {
    const beneath = cells.filter((cell) => covers(figure, cell) && values[cell]! >= 1)
    // For a margin, the largest cell beneath it receives; cells are usually protected first anyway.
    const receiver = beneath.reduce((best, cell) => (values[cell]! > values[best]! ? cell : best), beneath[0]!)
    for (const donor of cells) {
      if (values[donor]! >= 1 + slack && !covers(figure, donor)) yield transfer(receiver, donor)
    }
  }

  /**
   * Raising a cell by `slack` within the 2-D slice of two axes through it: cases come from other
   * cells of its row and column, around alternating paths (a cheapest-path augmenting flow; a cell
   * gives at most its value − 1, only non-zero cells receive). The slice's row and column totals stay;
   * each changed cell's twin with the remaining axis totalled changes with it.
   */
  function* sliceFlows (figure: number, slack: number): Generator<Move> {
    if (totalsIn[figure] !== 0) return
    const position = positions[figure]!
    for (let a = 0; a < dimensions; a++) {
      for (let b = a + 1; b < dimensions; b++) {
        const others = position.flatMap((_, axis) => (axis === a || axis === b ? [] : [axis]))
        const cellAt = (row: number, column: number) => figure + (row - position[a]!) * strides[a]! + (column - position[b]!) * strides[b]!
        const twin = (cell: number) => shifted(cell, others.reduce((mask, axis) => mask | (1 << axis), 0), allTotals)
        const change = new Map<number, number>()
        const stepCost = (cell: number) => (change.has(cell) || suppressed[cell] ? 0 : weights[cell]! + (others.length ? weights[twin(cell)]! : 0))
        let moved = 0
        for (; moved < slack; moved++) {
          // Nodes: rows 0..n_a−1, then columns. From the figure's row to its column: a row gives to a
          // column by lowering their shared cell, a column passes to a row by raising theirs.
          const rows = shape[a]!
          const nodes = rows + shape[b]!
          const distance = new Array<number>(nodes).fill(Infinity)
          const via = new Array<number>(nodes).fill(-1)
          const done = new Array<boolean>(nodes).fill(false)
          distance[position[a]!] = 0
          for (;;) {
            let node = -1
            for (let n = 0; n < nodes; n++) if (!done[n] && distance[n]! < Infinity && (node < 0 || distance[n]! < distance[node]!)) node = n
            if (node < 0) break
            done[node] = true
            const isRow = node < rows
            const count = isRow ? shape[b]! : rows
            for (let other = 0; other < count; other++) {
              const cell = isRow ? cellAt(node, other) : cellAt(other, node - rows)
              if (cell === figure || values[cell]! < 1) continue
              if (isRow && values[cell]! + (change.get(cell) ?? 0) - 1 < 1) continue
              const next = isRow ? rows + other : other
              const cost = distance[node]! + stepCost(cell)
              if (cost < distance[next]!) {
                distance[next] = cost
                via[next] = cell
              }
            }
          }
          let node = rows + position[b]!
          if (distance[node] === Infinity) break
          while (node !== position[a]) {
            const cell = via[node]!
            const isColumn = node >= rows
            change.set(cell, (change.get(cell) ?? 0) + (isColumn ? -1 : 1))
            node = isColumn ? positions[cell]![a]! : rows + positions[cell]![b]!
          }
        }
        if (moved < slack) continue
        const move: Move = { figures: [figure], changes: [slack] }
        if (others.length) { move.figures.push(twin(figure)); move.changes.push(slack) }
        for (const [cell, delta] of change) {
          if (delta === 0) continue
          move.figures.push(cell)
          move.changes.push(delta)
          if (others.length) { move.figures.push(twin(cell)); move.changes.push(delta) }
        }
        yield move
      }
    }
  }

  /** How often a move can be applied before a figure it lowers would drop below 1. */
  const reach = (move: Move) => move.figures.reduce((room, figure, i) =>
    (move.changes[i]! < 0 ? Math.min(room, Math.floor((values[figure]! - 1) / -move.changes[i]!)) : room), Infinity)
  /** Whether applying the move often enough to lift the figure by `slack` keeps every figure ≥ 1. */
  const lifts = (move: Move, room: number, figure: number, slack: number) => {
    const at = move.figures.indexOf(figure)
    return at >= 0 && move.changes[at]! > 0 && Math.ceil(slack / move.changes[at]!) <= room
  }
  const chosen: { move: Move, reach: number }[] = []

  // Cells first, then margins, the smallest (hardest to protect) first; any order would be safe.
  const sensitive = values.flatMap((value, index) => (value >= 1 && value < threshold ? [index] : []))
    .sort((a, b) => totalsIn[a]! - totalsIn[b]! || values[a]! - values[b]! || a - b)

  for (const figure of sensitive) {
    const slack = threshold - values[figure]!
    if (chosen.some(({ move, reach: room }) => lifts(move, room, figure, slack))) continue

    let best: { move: Move, weight: number, value: number } | null = null
    for (const candidates of [boxes(figure), transfers(figure, slack), sliceFlows(figure, slack)]) {
      for (const move of candidates) {
        if (!lifts(move, reach(move), figure, slack) || move.figures.some((f) => values[f]! < 1)) continue
        let weight = 0
        let value = 0
        for (const f of new Set(move.figures)) {
          if (suppressed[f]) continue
          weight += weights[f]!
          value += values[f]!
        }
        if (best === null || weight < best.weight || (weight === best.weight && value < best.value)) best = { move, weight, value }
        if (best.weight === 0) break
      }
      if (best?.weight === 0) break
    }
    // Unreachable: the box over one non-zero cell beneath f and its margins is always acceptable.
    if (best === null) throw new Error('No protecting move found')
    for (const f of best.move.figures) suppressed[f] = true
    chosen.push({ move: best.move, reach: reach(best.move) })
  }

  return {
    shape,
    threshold,
    figures: values.map((value, index) => (suppressed[index] ? suppressedMark : value)),
  }
}

export type SuppressionLocale = 'de' | 'en'

const labels: Record<SuppressionLocale, string> = { de: 'gesperrt', en: 'suppressed' }

/**
 * The text for a withheld figure in a table cell. Deliberately not "<5": complementary suppression
 * also withholds larger figures, and the mark must not say which is which.
 */
export const suppressedLabel = (locale: SuppressionLocale) => labels[locale]

/** The footnote that explains the mark, for tables, charts' data tables and exports. */
export function suppressionNote (locale: SuppressionLocale, threshold = defaultThreshold) {
  return locale === 'de'
    ? `${labels.de}: weniger als ${threshold} Fälle, oder ausgeblendet, damit sich eine solche Zahl nicht aus den anderen errechnen lässt`
    : `${labels.en}: fewer than ${threshold} cases, or withheld so that such a number cannot be worked out from the others`
}

/** A figure as text: the number in the locale's format, or the mark for a withheld one. */
export function formatFigure (figure: Figure | null, locale: SuppressionLocale) {
  if (figure === null || isSuppressed(figure)) return labels[locale]
  return figure.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB')
}
