import type { MeasureStatus } from '@eccar/shared'

/** What a status chart is given: by its section, and passed on unchanged from the box to the chart. */
export interface StatusBarChartProps {
  data: { labels: string[], datasets: { status: MeasureStatus, label: string, data: number[] }[] }
  label: string
  describedby: string
  axisTitle: string
  horizontal?: boolean
}
