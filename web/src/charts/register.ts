import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js'

// Only what the dashboard's stacked bar charts use; chart.js tree-shakes every other controller, scale and plugin.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip)

Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
Chart.defaults.font.size = 14
Chart.defaults.color = '#1f2328'

const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
if (reducedMotion) Chart.defaults.animation = false

export { Chart }
