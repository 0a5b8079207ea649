import {
  discriminationKinds, incidentViews, lifeAreas, reportingChannels,
  type AuditView, type IncidentCount, type IncidentView, type PublicIncidentView,
} from '@eccar/shared'
import type { VersionInput } from './incidents.audit.ts'
import { cellCount, cellIndex, figureDefs, figureValues, fullShape, type Dimension, type FigureDef } from './incidents.figures.ts'
import type { ReleasePlan } from './incidents.publisher.ts'

/** Between stored counts and views (the product's full-size table) and the audit's dense arrays. */

const lists: Record<Dimension, readonly string[]> = { kind: discriminationKinds, area: lifeAreas, channel: reportingChannels }
const positions = Object.fromEntries(Object.entries(lists).map(([dimension, list]) => [dimension, new Map(list.map((name, index) => [name, index]))])) as Record<Dimension, Map<string, number>>

export function denseCounts (counts: readonly IncidentCount[]): number[] {
  const dense = new Array<number>(cellCount(fullShape)).fill(0)
  for (const { kind, area, channel, count } of counts) {
    dense[cellIndex(fullShape, positions.kind.get(kind)!, positions.area.get(area)!, positions.channel.get(channel)!)] = count
  }
  return dense
}

/** The category names of a figure, as the contract spells them. */
const categoriesOf = (def: FigureDef) => {
  const named: Partial<Record<Dimension, string>> = {}
  for (const [dimension, index] of Object.entries(def.at) as [Dimension, number][]) named[dimension] = lists[dimension][index]!
  return named as Pick<IncidentCount, never> & { kind?: IncidentCount['kind'], area?: IncidentCount['area'], channel?: IncidentCount['channel'] }
}

const byView = <T>(make: (view: IncidentView, figures: { def: FigureDef, index: number }[]) => T): T[] => {
  const defs = figureDefs(fullShape)
  return incidentViews.map((view) => make(view, defs.flatMap((def, index) => (def.view === view ? [{ def, index }] : []))))
}

/** The office's view of a plan: every figure with its true value, why it is withheld and the attacker's range. */
export function auditViews (counts: readonly number[], plan: ReleasePlan): AuditView[] {
  const values = figureValues(figureDefs(fullShape), counts)
  return byView((view, figures) => ({
    view,
    published: !plan.dropped.includes(view),
    figures: figures.map(({ def, index }) => ({
      ...categoriesOf(def),
      count: values[index]!,
      withheld: plan.withheld[index]!,
      reason: plan.reasons[index]!,
      range: plan.withheld[index] ? plan.ranges.get(index) ?? null : null,
    })),
  }))
}

/** What the public reads: withheld figures never say whether they are small. */
export function publicViews (counts: readonly number[], plan: ReleasePlan): PublicIncidentView[] {
  const values = figureValues(figureDefs(fullShape), counts)
  return byView((view, figures) => {
    const published = !plan.dropped.includes(view)
    return {
      view,
      published,
      figures: figures.map(({ def, index }) => (plan.withheld[index]
        ? { ...categoriesOf(def), count: null, suppressed: true, reason: published ? 'protected' as const : 'view-withheld' as const }
        : { ...categoriesOf(def), count: values[index]!, suppressed: false, reason: null })),
    }
  })
}

/** A published release as the audit's attacker sees it: its true counts and what it withheld. */
export function publishedVersion (counts: readonly IncidentCount[], threshold: number, views: readonly PublicIncidentView[]): VersionInput {
  const defs = figureDefs(fullShape)
  const withheld = new Array<boolean>(defs.length).fill(false)
  const dropped = new Set<IncidentView>()
  let next = 0
  for (const view of incidentViews) {
    const stored = views.find((candidate) => candidate.view === view)!
    if (!stored.published) dropped.add(view)
    for (const figure of stored.figures) withheld[next++] = figure.suppressed
  }
  return { counts: denseCounts(counts), threshold, withheld, dropped }
}
