import highsModule from 'highs'

/**
 * An attacker written apart from the publisher (issue 10): it knows only what the public answers say
 * (every published figure of every release, "withheld" meaning "at least 1" unless the whole view is
 * withheld) and, as the worst case the audit also assumes, which cells a correction changed. From
 * that alone it builds its own integer program (CPLEX LP text, read by HiGHS) and
 * computes the range of every withheld figure: exactly, unless the integer tables met so far already
 * show it wide enough (see `attack`).
 */

const highsLoader = ((highsModule as unknown as { default?: unknown }).default ?? highsModule) as typeof highsModule.default

export interface Sizes { kinds: number, areas: number, channels: number }
export type PublicFigure = { view: string, kind?: number, area?: number, channel?: number, count: number | null, viewWithheld: boolean }
/** One published release: its figures, and the cells the office changed since the period's previous release. */
export interface PublishedRelease { period: number, figures: PublicFigure[], changedSincePrevious: number[] }

export interface Finding { release: number, figure: number, min: number, max: number | null }

/** Variable names: one per period, cell and "segment" of versions between changes of that cell. */
function unknowns (sizes: Sizes, releases: PublishedRelease[]) {
  const segment = new Map<string, number>()
  return releases.map((release, r) => {
    const names: string[] = []
    for (let kind = 0; kind < sizes.kinds; kind++) {
      for (let area = 0; area < sizes.areas; area++) {
        for (let channel = 0; channel < sizes.channels; channel++) {
          const cell = (kind * sizes.areas + area) * sizes.channels + channel
          const key = `${release.period}:${cell}`
          if (!segment.has(key)) segment.set(key, r)
          else if (release.changedSincePrevious.includes(cell)) segment.set(key, r)
          names.push(`x_${release.period}_${cell}_${segment.get(key)}`)
        }
      }
    }
    return names
  })
}

const inFigure = (sizes: Sizes, figure: PublicFigure) => {
  const cells: number[] = []
  for (let kind = 0; kind < sizes.kinds; kind++) {
    for (let area = 0; area < sizes.areas; area++) {
      for (let channel = 0; channel < sizes.channels; channel++) {
        if ((figure.kind ?? kind) === kind && (figure.area ?? area) === area && (figure.channel ?? channel) === channel) {
          cells.push((kind * sizes.areas + area) * sizes.channels + channel)
        }
      }
    }
  }
  return cells
}

/** [min, max] of every withheld figure of every release (max null: unbounded). */
/**
 * With `threshold`, a figure whose range is already wide enough by the possible truths met so far is
 * reported with that range (inside the exact one) instead of being solved: only figures that could
 * be too narrow get their exact range. Without it, every range is exact.
 */
export async function attack (sizes: Sizes, releases: PublishedRelease[], only?: (release: number, figure: number) => boolean, threshold?: number): Promise<Finding[]> {
  const highs = await highsLoader()
  const names = unknowns(sizes, releases)
  const constraints: string[] = []
  const sums = releases.map((release, r) => release.figures.map((figure) => inFigure(sizes, figure).map((cell) => names[r]![cell]!).join(' + ')))
  releases.forEach((release, r) => release.figures.forEach((figure, f) => {
    if (figure.count !== null) constraints.push(` p${r}_${f}: ${sums[r]![f]} = ${figure.count}`)
    else if (!figure.viewWithheld) constraints.push(` w${r}_${f}: ${sums[r]![f]} >= 1`)
  }))
  const variables = [...new Set(names.flat())]
  // One model from LP text; each figure only changes the objective (minimising, or minimising the negation).
  const text = `Minimize\n obj: ${variables[0]}\nSubject To\n${constraints.length ? constraints.join('\n') : ` none: ${variables[0]} >= 0`}\n`
    + `Bounds\n${variables.map((v) => ` ${v} >= 0`).join('\n')}\nGeneral\n ${variables.join(' ')}\nEnd\n`
  const model = highs.createModel({ format: 'lp', data: text })
  const relaxation = highs.createModel({ format: 'lp', data: text })
  const findings: Finding[] = []
  try {
    for (const m of [model, relaxation]) m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 })
    relaxation.clearIntegrality()
    const columns = variables.length
    const columnOf = new Map(variables.map((name) => [name, model.getColByName(name)]))
    // Integer tables met so far; each satisfies every public figure, so each is a possible truth.
    const seen: Float64Array[] = []
    const valueIn = (table: Float64Array, terms: string[]) => terms.reduce((sum, name) => sum + table[columnOf.get(name)!]!, 0)
    // The exact optimum: the relaxation when its optimum is integral, else branch and cut.
    const optimum = (terms: string[], sign: 1 | -1) => {
      const costs = new Float64Array(columns)
      for (const name of terms) costs[columnOf.get(name)!]! += sign
      for (const m of [relaxation, model]) {
        m.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, costs)
        m.run()
        const status = m.getModelStatus()
        if (status === highs.constants.modelStatus.unbounded || status === highs.constants.modelStatus.unboundedOrInfeasible) return null
        if (status !== highs.constants.modelStatus.optimal) {
          throw new Error(`The attacker's program ended with status ${status}: the public figures contradict each other`)
        }
        const solution = m.getSolution().colValue
        if (m === model || solution.every((value) => Math.abs(value - Math.round(value)) < 1e-6)) {
          seen.push(solution.map(Math.round))
          return sign * m.getObjectiveValue()
        }
      }
      throw new Error('Unreachable: the integer program answers')
    }
    for (const [r, release] of releases.entries()) {
      for (const [f, figure] of release.figures.entries()) {
        if (figure.count !== null || (only && !only(r, f))) continue
        const terms = inFigure(sizes, figure).map((cell) => names[r]![cell]!)
        // Possible truths already met span a range inside the exact one: when that alone is wide
        // enough, the exact range is too, and the figure is reported with the range seen.
        const values = seen.map((table) => valueIn(table, terms))
        const witnessed = { release: r, figure: f, min: Math.min(...values), max: Math.max(...values) }
        if (values.length > 0 && threshold !== undefined && protectedEnough(witnessed, threshold)) {
          findings.push(witnessed)
          continue
        }
        const min = optimum(terms, 1)
        const max = optimum(terms, -1)
        findings.push({ release: r, figure: f, min: Math.round(min!), max: max === null ? null : Math.round(max) })
      }
    }
  } finally {
    model.dispose()
    relaxation.dispose()
  }
  return findings
}

/** The protection the README promises, restated here on purpose rather than imported. */
export const protectedEnough = (finding: Finding, threshold: number) =>
  finding.max === null || (finding.max >= threshold && finding.max - finding.min + 1 >= threshold)
