import type { MeasureStatus } from '@eccar/shared'

/**
 * How each status looks in charts. Colour is never alone: every bar segment also carries a pattern,
 * and the legend, summary and table name every status in words. All colours reach at least 3:1
 * against white (WCAG 1.4.11); the same colours mark statuses in badges (main.css).
 */
interface StatusStyle {
  color: string
  pattern: 'none' | 'dots' | 'horizontal' | 'vertical' | 'cross' | 'diagonal' | 'diagonalBack' | 'grid' | 'dashes' | 'bigDots'
}

export const statusStyles: Record<MeasureStatus, StatusStyle> = {
  planned: { color: '#6b7280', pattern: 'dots' },
  examining: { color: '#7c3aed', pattern: 'horizontal' },
  exam_done_go: { color: '#0e7490', pattern: 'vertical' },
  exam_done_no: { color: '#9f1239', pattern: 'cross' },
  in_progress: { color: '#1d4ed8', pattern: 'diagonal' },
  done: { color: '#15803d', pattern: 'none' },
  ongoing: { color: '#115e59', pattern: 'grid' },
  delayed: { color: '#b45309', pattern: 'diagonalBack' },
  dropped: { color: '#374151', pattern: 'dashes' },
  carried_over: { color: '#86198f', pattern: 'bigDots' },
}

const size = 10

function drawPattern (ctx: CanvasRenderingContext2D, pattern: StatusStyle['pattern']) {
  ctx.strokeStyle = 'rgba(255,255,255,0.85)'
  ctx.fillStyle = 'rgba(255,255,255,0.85)'
  ctx.lineWidth = 1.5
  const line = (x1: number, y1: number, x2: number, y2: number) => { ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke() }
  const dot = (x: number, y: number, r: number) => { ctx.beginPath(); ctx.arc(x, y, r, 0, Math.PI * 2); ctx.fill() }
  switch (pattern) {
    case 'dots': dot(size / 2, size / 2, 1.5); break
    case 'bigDots': dot(size / 2, size / 2, 3); break
    case 'horizontal': line(0, size / 2, size, size / 2); break
    case 'vertical': line(size / 2, 0, size / 2, size); break
    case 'cross': line(0, 0, size, size); line(size, 0, 0, size); break
    case 'diagonal': line(0, size, size, 0); line(-1, 1, 1, -1); line(size - 1, size + 1, size + 1, size - 1); break
    case 'diagonalBack': line(0, 0, size, size); line(size - 1, -1, size + 1, 1); line(-1, size - 1, 1, size + 1); break
    case 'grid': line(0, size / 2, size, size / 2); line(size / 2, 0, size / 2, size); break
    case 'dashes': line(1, size / 2, size / 2, size / 2); break
    case 'none': break
  }
}

const cache = new Map<MeasureStatus, CanvasPattern | string>()

/** The bar fill for a status: its colour with a white pattern drawn over it (the colour alone where canvas is missing). */
export function statusFill (status: MeasureStatus): CanvasPattern | string {
  const cached = cache.get(status)
  if (cached) return cached
  const style = statusStyles[status]
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const ctx = canvas.getContext('2d')
  let fill: CanvasPattern | string = style.color
  if (ctx) {
    ctx.fillStyle = style.color
    ctx.fillRect(0, 0, size, size)
    drawPattern(ctx, style.pattern)
    fill = ctx.createPattern(canvas, 'repeat') ?? style.color
  }
  cache.set(status, fill)
  return fill
}
