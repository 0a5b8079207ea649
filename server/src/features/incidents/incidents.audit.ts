import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Highs } from 'highs'
import type { IncidentView } from '@eccar/shared'
import { cellCount, figureDefs, figureValues, withholdingCost, type TableShape } from './incidents.figures.ts'

/**
 * The disclosure audit of incident releases (issue 10): the attacker's integer program.
 *
 * One period's true table is the unknown: non-negative integer cells kind × area × channel. Every
 * published version of the period is a set of linear equations on those cells (a published figure is
 * the sum of its cells), and every figure withheld as "protected" is known to be at least 1, because
 * zeros are always published. A corrected version is a different table: a cell whose count is the same
 * in two versions is one unknown, a cell the office changed gets one unknown per distinct count. That
 * gives the attacker the knowledge of which cells were corrected (not by how much), which is more than
 * the public answers say; the audit is therefore on the safe side against differencing of versions.
 * Periods share no cell and no published figure spans two periods, so every period is its own
 * independent problem: auditing one period with all its versions is exact for the whole city.
 *
 * A withheld figure with true value v, 1 ≤ v < k (k the threshold of its release), is safe when its
 * feasible range [min, max] reaches the threshold and holds at least k values: max ≥ k and
 * max − min ≥ k − 1 (`isProtected`). The attacker can neither show that the figure is below the
 * threshold nor narrow it to fewer values than a published figure could take below the threshold.
 * (Zeros are published, so every "protected" figure is known to be at least 1; a range from 0 cannot
 * be asked for.) HiGHS (branch and cut, exact integer optimum, gap 0) computes the bounds.
 */
const isProtected = (range: Range, threshold: number) =>
  range.max === null || (range.max >= threshold && range.max - range.min >= threshold - 1)
/** The value the figure must be able to reach for its range to be protected, given its minimum. */
export const protectionTarget = (min: number, threshold: number) => Math.max(threshold, min + threshold - 1)

type HighsLoader = () => Promise<Highs>
let highs: Promise<Highs> | undefined
/** The solver, loaded with the first incident release rather than at start-up. */
export const loadHighs = () => (highs ??= import('highs').then((highsModule) => {
  // The package's types describe its CommonJS build; Node's import loads the ES module build, whose
  // default export is the loader itself.
  const loader = highsModule.default as unknown as HighsLoader | { default: HighsLoader }
  return (typeof loader === 'function' ? loader : loader.default)()
}))

export interface VersionInput {
  /** Dense cell counts, row-major (see incidents.figures.ts). */
  counts: readonly number[]
  threshold: number
  /** Per figure of `figureDefs(shape)`: withheld or published. */
  withheld: readonly boolean[]
  /** Views published not at all: their figures carry no information, not even "at least 1". */
  dropped: ReadonlySet<IncidentView>
}

/** A sensitive withheld figure and what the attacker can prove about it. */
export interface TargetCheck {
  version: number
  figure: number
  value: number
  threshold: number
  /**
   * The attacker's range. Safe: inside the exact range (shown by admitted tables) or exact. Unsafe:
   * exact min; max exact or a bound above it that already stays below the protection target.
   */
  range: Range
  safe: boolean
}

export interface Range { min: number, max: number | null }

interface Row { indices: number[], lower: number, upper: number, relaxed?: { column: number } }

/** Unknowns of a period: one per cell and distinct count across versions. */
function variablesOf (shape: TableShape, versions: readonly VersionInput[]) {
  const cells = cellCount(shape)
  const varOf = versions.map(() => new Int32Array(cells))
  let count = 0
  for (let cell = 0; cell < cells; cell++) {
    const byValue = new Map<number, number>()
    versions.forEach((version, v) => {
      const value = version.counts[cell]!
      let variable = byValue.get(value)
      if (variable === undefined) byValue.set(value, variable = count++)
      varOf[v]![cell] = variable
    })
  }
  return { varOf, count }
}

const nothingPublished = (version: VersionInput) => version.dropped.size >= 7

/**
 * The attacker's knowledge as rows over the unknowns. `relax` names one version whose published
 * non-zero figures may move (for `cheapestComplement`): their rows get a deviation column each.
 */
function knowledgeRows (shape: TableShape, versions: readonly VersionInput[], varOf: Int32Array[], relax?: number) {
  const defs = figureDefs(shape)
  const rows: Row[] = []
  const relaxed: { figure: number, value: number }[] = []
  versions.forEach((version, v) => {
    const values = figureValues(defs, version.counts)
    defs.forEach((def, f) => {
      if (version.dropped.has(def.view)) return
      const indices = def.cells.map((cell) => varOf[v]![cell]!)
      const value = values[f]!
      if (version.withheld[f]) rows.push({ indices, lower: 1, upper: Infinity })
      else if (v === relax && value >= 1) {
        rows.push({ indices, lower: value, upper: value, relaxed: { column: relaxed.length } })
        // Moved figures are withheld afterwards, so they too stay at least 1.
        rows.push({ indices, lower: 1, upper: Infinity })
        relaxed.push({ figure: f, value })
      } else rows.push({ indices, lower: value, upper: value })
    })
  })
  return { rows, relaxed }
}

/**
 * A HiGHS model of the rows. Unknowns in a published zero are zero and left out, which shrinks a
 * typical period from 693 unknowns to a few dozen; `columnOf` maps unknowns to model columns (−1: zero).
 * Deviation columns (`extra`) follow the unknowns.
 */
function buildModel (solver: Highs, variables: number, rows: Row[], extra = 0) {
  const zero = new Uint8Array(variables)
  for (const row of rows) if (row.upper === 0 && !row.relaxed) for (const index of row.indices) zero[index] = 1
  const columnOf = new Int32Array(variables).fill(-1)
  let columns = 0
  for (let index = 0; index < variables; index++) if (!zero[index]) columnOf[index] = columns++
  const integers = columns
  const model = solver.createModel()
  // Heuristics and symmetry detection cost more than they save on these small programs (measured: 140 → 18 ms a solve).
  model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0, mip_heuristic_effort: 0, mip_detect_symmetry: false })
  const total = integers + extra
  if (total > 0) {
    model.addVars(new Float64Array(total), new Float64Array(total).fill(solver.infinity))
    if (integers > 0) model.changeColsIntegrality({ kind: 'range', from: 0, to: integers - 1 }, new Int32Array(integers).fill(solver.constants.variableType.integer))
  }
  const bound = (value: number) => (value === Infinity ? solver.infinity : value === -Infinity ? -solver.infinity : value)
  for (const row of rows) {
    const entries = new Map<number, number>()
    for (const index of row.indices) if (columnOf[index]! >= 0) entries.set(columnOf[index]!, (entries.get(columnOf[index]!) ?? 0) + 1)
    if (row.relaxed) {
      entries.set(integers + 2 * row.relaxed.column, -1)
      entries.set(integers + 2 * row.relaxed.column + 1, 1)
    }
    if (entries.size === 0) continue
    model.addRow(bound(row.lower), bound(row.upper), { indices: [...entries.keys()], values: [...entries.values()] })
  }
  return { model, columnOf, integers, total }
}

type Model = ReturnType<Highs['createModel']>

/**
 * Integer tables the attacker's program admits, found by earlier solves (of this or an earlier audit
 * round), one value per unknown. Any admitted table is a witness: a figure's true minimum is at most
 * its value there and its true maximum at least, so a pooled range is always inside the exact one.
 * A publisher keeps one pool across its rounds; `auditPeriod` re-checks every table against the
 * current rows and forgets those that no longer fit (views published again after a drop step).
 */
export type TablePool = Float64Array[]

/**
 * Optimises the sum of `indices` (model columns) over the integers; null when unbounded. The LP
 * relaxation comes first (a few times faster). Its bound, rounded towards the integers, is a bound
 * of the integer optimum too, so branch and cut is skipped when the relaxation's vertex is integral,
 * when a pooled table already reaches the bound (`known`), or, for a maximum, when the bound stays
 * below `enough` (the caller needs only to know that the figure cannot reach it; `exact` false).
 */
function optimise (solver: Highs, models: { lp: Model, mip: Model }, columns: number, indices: readonly number[], sense: 'min' | 'max', known?: number, enough?: number) {
  if (indices.length === 0) return { value: 0, solution: new Float64Array(columns), exact: true }
  const costs = new Float64Array(columns)
  for (const index of indices) costs[index]! += 1
  const { modelStatus } = solver.constants
  // Maximising is minimising the negated sum: the objective sense never changes, so the simplex
  // restarts from the previous basis instead of from scratch.
  if (sense === 'max') costs.forEach((cost, index) => { costs[index] = -cost })
  for (const model of [models.lp, models.mip]) {
    model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, costs)
    model.run()
    const status = model.getModelStatus()
    // An unbounded relaxation of a feasible integer program with integer data is unbounded too.
    if (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible) return null
    if (status !== modelStatus.optimal) throw new Error(`The audit's solver stopped with status ${status}`)
    const objective = (sense === 'max' ? -1 : 1) * model.getObjectiveValue()
    const solution = model.getSolution().colValue
    if (model === models.mip || solution.every((value) => Math.abs(value - Math.round(value)) < 1e-7)) {
      return { value: Math.round(objective), solution: solution.map(Math.round), exact: true }
    }
    const bound = sense === 'max' ? Math.floor(objective + 1e-7) : Math.ceil(objective - 1e-7)
    if (known === bound) return { value: bound, solution: null, exact: true }
    if (sense === 'max' && enough !== undefined && bound < enough) return { value: bound, solution: null, exact: false }
  }
  throw new Error('Unreachable: the integer model answers')
}

export interface AuditOutcome { targets: TargetCheck[], ranges: Map<string, Range>, solves: number }
const rangeKey = (version: number, figure: number) => `${version}:${figure}`

const fits = (rows: readonly Row[], table: Float64Array) => rows.every((row) => {
  let sum = 0
  for (const index of row.indices) sum += table[index]!
  return sum >= row.lower && sum <= row.upper
})

/**
 * Checks every sensitive withheld figure of every version. Tables found on the way certify other
 * figures too (one in which a figure is large enough proves its upper side), which saves most solves.
 * `rangesOf` lists versions whose withheld figures get their exact [min, max] for the office, once
 * every target is safe. `pool` carries admitted tables between calls (see `TablePool`).
 */
export async function auditPeriod (shape: TableShape, versions: readonly VersionInput[], rangesOf: readonly number[] = [], pool: TablePool = []): Promise<AuditOutcome> {
  const solver = await loadHighs()
  const defs = figureDefs(shape)
  const { varOf, count } = variablesOf(shape, versions)
  const { rows } = knowledgeRows(shape, versions, varOf)
  const { model, columnOf, total } = buildModel(solver, count, rows)
  const lp = buildModel(solver, count, rows).model
  lp.clearIntegrality()
  const models = { lp, mip: model }
  // Only tables that still satisfy every row are witnesses.
  const kept = pool.filter((table) => table.length === count && fits(rows, table))
  pool.splice(0, pool.length, ...kept)
  const targets: TargetCheck[] = []
  const ranges = new Map<string, Range>()
  let solves = 0
  const unknownsOf = (v: number, f: number) => defs[f]!.cells.map((cell) => varOf[v]![cell]!)
  const pooled = (unknowns: readonly number[]) => {
    let min = Infinity
    let max = -Infinity
    for (const table of pool) {
      let value = 0
      for (const unknown of unknowns) value += table[unknown]!
      if (value < min) min = value
      if (value > max) max = value
    }
    return { min, max }
  }
  const solve = async (v: number, f: number, sense: 'min' | 'max', enough?: number) => {
    solves++
    const unknowns = unknownsOf(v, f)
    const known = pooled(unknowns)
    const columns = unknowns.map((unknown) => columnOf[unknown]!).filter((column) => column >= 0)
    const result = optimise(solver, models, total, columns, sense, sense === 'min' ? known.min : known.max, enough)
    if (result?.solution) {
      const table = new Float64Array(count)
      for (let unknown = 0; unknown < count; unknown++) if (columnOf[unknown]! >= 0) table[unknown] = result.solution[columnOf[unknown]!]!
      pool.push(table)
    }
    // Between solves, let the server answer other requests.
    await nextTurn()
    return result
  }
  try {
    versions.forEach((version, v) => {
      if (nothingPublished(version)) return
      const values = figureValues(defs, version.counts)
      version.withheld.forEach((withheld, f) => {
        const value = values[f]!
        if (withheld && value >= 1 && value < version.threshold) {
          targets.push({ version: v, figure: f, value, threshold: version.threshold, range: { min: value, max: value }, safe: false })
        }
      })
    })
    for (const target of targets) {
      const known = pooled(unknownsOf(target.version, target.figure))
      target.range.min = Math.min(target.range.min, known.min)
      target.range.max = Math.max(target.range.max!, known.max)
      // The pooled range lies inside the exact one, so this test is on the safe side.
      if (isProtected(target.range, target.threshold)) {
        target.safe = true
        continue
      }
      target.range.min = (await solve(target.version, target.figure, 'min'))!.value
      if (!isProtected(target.range, target.threshold)) {
        // The relaxation's bound, when below what protection needs, already proves the figure unsafe.
        const best = await solve(target.version, target.figure, 'max', protectionTarget(target.range.min, target.threshold))
        target.range.max = best === null ? null : best.value
      }
      target.safe = isProtected(target.range, target.threshold)
    }
    // The office's exact ranges of every withheld figure, only once every target is safe.
    for (const v of targets.every((target) => target.safe) ? rangesOf : []) {
      for (const [f, withheld] of versions[v]!.withheld.entries()) {
        if (!withheld) continue
        const max = await solve(v, f, 'max')
        const min = await solve(v, f, 'min')
        ranges.set(rangeKey(v, f), { min: min!.value, max: max === null ? null : max.value })
      }
    }
  } finally {
    model.dispose()
    lp.dispose()
  }
  return { targets, ranges, solves }
}

/**
 * The cheapest published figures of version `candidate` whose withholding lets the target reach its
 * protection target: the attacker's program with the candidate's published non-zero figures allowed
 * to move, each move costing `withholdingCost`. The optimum is a table that agrees with every figure
 * left published, so once the moved ones are withheld the target reaches that value. Null when no
 * such table exists (zeros and other versions pin the target).
 */
export async function cheapestComplement (shape: TableShape, versions: readonly VersionInput[], candidate: number, target: TargetCheck, pool?: TablePool) {
  const solver = await loadHighs()
  const defs = figureDefs(shape)
  const { varOf, count } = variablesOf(shape, versions)
  const { rows, relaxed } = knowledgeRows(shape, versions, varOf, candidate)
  rows.push({ indices: defs[target.figure]!.cells.map((cell) => varOf[target.version]![cell]!), lower: protectionTarget(target.range.min, target.threshold), upper: Infinity })
  const { model, columnOf, integers, total } = buildModel(solver, count, rows, 2 * relaxed.length)
  const lp = buildModel(solver, count, rows, 2 * relaxed.length).model
  lp.clearIntegrality()
  try {
    const costs = new Float64Array(total)
    relaxed.forEach(({ figure, value }, at) => {
      const cost = withholdingCost(defs[figure]!, value)
      costs[integers + 2 * at] = cost
      costs[integers + 2 * at + 1] = cost
    })
    // The relaxation first: infeasible, the integer program is too; an integral optimum is the
    // integer optimum. Only a fractional one needs branch and cut.
    let solution: Float64Array | undefined
    for (const run of [lp, model]) {
      if (total > 0) run.changeColsCost({ kind: 'range', from: 0, to: total - 1 }, costs)
      run.run()
      const status = run.getModelStatus()
      if (status === solver.constants.modelStatus.infeasible) return null
      if (status !== solver.constants.modelStatus.optimal) {
        if (run === model) return null
        continue
      }
      const values = run.getSolution().colValue
      if (run === model || values.every((value) => Math.abs(value - Math.round(value)) < 1e-7)) {
        solution = values.map(Math.round)
        break
      }
    }
    if (!solution) return null
    if (pool) {
      // The optimum agrees with every figure left published and keeps the moved ones at least 1: once
      // they are withheld, it is a table the attacker's program admits (a witness for later targets).
      const table = new Float64Array(count)
      for (let unknown = 0; unknown < count; unknown++) if (columnOf[unknown]! >= 0) table[unknown] = Math.round(solution[columnOf[unknown]!]!)
      pool.push(table)
    }
    await nextTurn()
    return relaxed.filter((_, at) => solution[integers + 2 * at]! + solution[integers + 2 * at + 1]! > 0.5).map(({ figure }) => figure)
  } finally {
    model.dispose()
    lp.dispose()
  }
}

/**
 * Whether a pooled table the attacker's program admits (with `versions` as now withheld) already
 * gives the target its protection target: then its maximum reaches it and its minimum can only have
 * fallen, so the target is protected without a further complement. The next audit round checks anyway.
 */
export function witnessed (shape: TableShape, versions: readonly VersionInput[], target: TargetCheck, pool: TablePool) {
  const { varOf, count } = variablesOf(shape, versions)
  const { rows } = knowledgeRows(shape, versions, varOf)
  const unknowns = figureDefs(shape)[target.figure]!.cells.map((cell) => varOf[target.version]![cell]!)
  const goal = protectionTarget(target.range.min, target.threshold)
  return pool.some((table) => {
    if (table.length !== count) return false
    let value = 0
    for (const unknown of unknowns) value += table[unknown]!
    return value >= goal && fits(rows, table)
  })
}
