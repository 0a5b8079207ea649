import type { MeasureStatus } from '@eccar/shared'

/** What a status chart is given: by its section, and passed on unchanged from the box to the chart. */
export interface StatusBarChartProps {
  data: { labels: string[], datasets: { status: MeasureStatus, label: string, data: number[] }[] }
  label: string
  describedby: string
  axisTitle: string
  horizontal?: boolean
  /** Values are percentages (0–100): the axis ends at 100 % and its ticks say so. */
  percent?: boolean
  /** A colour per category label (the commitments' own colours); the labels carry the meaning in words. */
  categoryColours?: string[]
}
