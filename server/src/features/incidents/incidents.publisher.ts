import { incidentViews, type IncidentView, type WithheldReason } from '@eccar/shared'
import { auditPeriod, cheapestComplement, witnessed, type Range, type TablePool, type VersionInput } from './incidents.audit.ts'
import { figureDefs, figureValues, type TableShape } from './incidents.figures.ts'

/**
 * What a release withholds (issue 10). Start: every figure with 1 ≤ value < k. Then audit with every
 * published version of the period; for each figure still unsafe, withhold the cheapest published
 * figures that open its range (`cheapestComplement`), and audit again, until every withheld figure of
 * every version is safe. Withholding only widens the attacker's ranges, so each round keeps what the
 * previous ones achieved and the loop ends. When no withholding in this release can protect a figure
 * (earlier versions pin it), views are dropped in this order, the last step publishing nothing.
 */
const dropSteps: IncidentView[][] = [
  [],
  ['area,channel'],
  ['kind,channel', 'area,channel'],
  ['kind,area', 'kind,channel', 'area,channel'],
  [...incidentViews],
]

export interface ReleasePlan {
  withheld: boolean[]
  reasons: (WithheldReason | null)[]
  dropped: IncidentView[]
  /** Exact feasible range of every withheld figure, by figure index. */
  ranges: Map<number, Range>
  rounds: number
  solves: number
}

export interface PlanOptions {
  /** Tests only: skip the audit and publish the threshold rule alone, to show the attacker notices. */
  skipAudit?: boolean
  /** Leave out the exact ranges for the office (the property tests do not need them). */
  skipRanges?: boolean
}

export async function planRelease (shape: TableShape, earlier: readonly VersionInput[], counts: readonly number[], threshold: number, options: PlanOptions = {}): Promise<ReleasePlan> {
  const defs = figureDefs(shape)
  const values = figureValues(defs, counts)
  const primary = values.map((value) => value >= 1 && value < threshold)
  let withheld = [...primary]
  let step = 0
  let rounds = 0
  let solves = 0
  let ranges = new Map<number, Range>()
  const candidate = earlier.length
  // Tables the attacker's program admits, found by any solve so far: they certify figures without solving again.
  const pool: TablePool = []
  const versionOf = (): VersionInput => {
    const dropped = new Set(dropSteps[step])
    return { counts, threshold, withheld: withheld.map((w, f) => w || dropped.has(defs[f]!.view)), dropped }
  }
  while (!options.skipAudit && step < dropSteps.length - 1) {
    rounds++
    const versions = [...earlier, versionOf()]
    const outcome = await auditPeriod(shape, versions, options.skipRanges ? [] : [candidate], pool)
    solves += outcome.solves
    const unsafe = outcome.targets.filter((target) => !target.safe)
    if (unsafe.length === 0) {
      ranges = new Map([...outcome.ranges].map(([key, range]) => [Number(key.split(':')[1]), range]))
      break
    }
    let stuck = false
    let added = 0
    for (const target of unsafe) {
      // A complement chosen for an earlier target may already open this one's range.
      if (added > 0 && witnessed(shape, [...earlier, versionOf()], target, pool)) continue
      solves++
      const more = await cheapestComplement(shape, [...earlier, versionOf()], candidate, target, pool)
      if (more === null) {
        stuck = true
        break
      }
      for (const figure of more) {
        if (!withheld[figure]) { withheld[figure] = true; added++ }
      }
    }
    // A round that withholds nothing new would repeat itself: treat it like an unprotectable figure.
    if (added === 0) stuck = true
    if (stuck) {
      // Fewer views, then the same search again from the threshold rule.
      step++
      withheld = [...primary]
    }
  }
  const version = versionOf()
  if (!options.skipRanges && !options.skipAudit && ranges.size === 0 && version.dropped.size < incidentViews.length) {
    // Views were dropped after the last audit round: the ranges of what is left.
    const outcome = await auditPeriod(shape, [...earlier, version], [candidate], pool)
    solves += outcome.solves
    ranges = new Map([...outcome.ranges].map(([key, range]) => [Number(key.split(':')[1]), range]))
  }
  const reasons = defs.map((def, f): WithheldReason | null => {
    if (version.dropped.has(def.view)) return 'view-withheld'
    if (!version.withheld[f]) return null
    return primary[f] ? 'below-threshold' : 'complementary'
  })
  return { withheld: [...version.withheld], reasons, dropped: [...version.dropped], ranges, rounds, solves }
}
