import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'

// Only what the dashboard's stacked bar charts use; chart.js tree-shakes every other controller, scale and plugin.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip)

Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
Chart.defaults.font.size = 14
Chart.defaults.color = '#1f2328'

// No growing bars: the animation tells nothing the finished chart does not, and on a slow phone each of
// its frames keeps the page from answering taps (and it would have to stop for prefers-reduced-motion anyway).
Chart.defaults.animation = false

export { Chart }
