import highsModule from 'highs'

/**
 * An attacker written apart from the publisher (issue 10): it knows only what the public answers say
 * (every published figure of every release, "withheld" meaning "at least 1" unless the whole view is
 * withheld) and, as the worst case the audit also assumes, which cells a correction changed. From
 * that alone it builds its own integer program (CPLEX LP text, read by HiGHS) and
 * computes the exact range of every withheld figure.
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

/** Exact [min, max] of every withheld figure of every release (max null: unbounded). */
export async function attack (sizes: Sizes, releases: PublishedRelease[], only?: (release: number, figure: number) => boolean): Promise<Finding[]> {
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
  const findings: Finding[] = []
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0 })
    const columns = variables.length
    const columnOf = new Map(variables.map((name) => [name, model.getColByName(name)]))
    const optimum = (terms: string[], sign: 1 | -1) => {
      const costs = new Float64Array(columns)
      for (const name of terms) costs[columnOf.get(name)!]! += sign
      model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, costs)
      model.run()
      const status = model.getModelStatus()
      if (status === highs.constants.modelStatus.optimal) return sign * model.getObjectiveValue()
      if (status === highs.constants.modelStatus.unbounded || status === highs.constants.modelStatus.unboundedOrInfeasible) return null
      throw new Error(`The attacker's program ended with status ${status}: the public figures contradict each other`)
    }
    for (const [r, release] of releases.entries()) {
      for (const [f, figure] of release.figures.entries()) {
        if (figure.count !== null || (only && !only(r, f))) continue
        const terms = inFigure(sizes, figure).map((cell) => names[r]![cell]!)
        const min = optimum(terms, 1)
        const max = optimum(terms, -1)
        findings.push({ release: r, figure: f, min: Math.round(min!), max: max === null ? null : Math.round(max) })
      }
    }
  } finally {
    model.dispose()
  }
  return findings
}

/** The protection the README promises, restated here on purpose rather than imported. */
export const protectedEnough = (finding: Finding, threshold: number) =>
  finding.max === null || (finding.max >= threshold && finding.max - finding.min + 1 >= threshold)
