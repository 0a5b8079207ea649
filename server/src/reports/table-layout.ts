import type { Inline, Table } from './report-model.ts'

/** Measures a text's width in the unit of `available`, bold or not. */
export type MeasureText = (text: string, strong: boolean) => number

const plain = (content: Inline) => content.map((s) => s.text).join('')
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '')

/**
 * Column widths sized to the content: no column is narrower than its longest word (so no word
 * breaks inside a cell, e.g. "Standorte" or "Progress to target"), and the space left is shared
 * in proportion to how much more each column would take to set its cells on one line. Only when
 * the longest words alone do not fit are the columns scaled below them.
 */
export function fitColumns (t: Table, available: number, padding: number, measure: MeasureText): number[] {
  const n = t.columns.length
  const minimum = new Array<number>(n).fill(0)
  const natural = new Array<number>(n).fill(0)
  const visit = (content: Inline, i: number, strong: boolean) => {
    const text = plain(content)
    const longest = Math.max(0, ...words(text).map((w) => measure(w, strong)))
    minimum[i] = Math.max(minimum[i]!, longest + 2 * padding)
    natural[i] = Math.max(natural[i]!, measure(text, strong) + 2 * padding)
  }
  t.columns.forEach((c, i) => visit(c.header.content, i, true))
  t.rows.forEach((row, r) => row.forEach((cell, i) => visit(cell.content, i, i === 0 || (t.totalRow === true && r === t.rows.length - 1))))

  const minSum = minimum.reduce((a, b) => a + b, 0)
  if (minSum >= available) return minimum.map((w) => (w / minSum) * available)
  const naturalSum = natural.reduce((a, b) => a + b, 0)
  if (naturalSum <= available) {
    // Everything fits on one line: the spare space goes to the columns by their share.
    return natural.map((w) => w + ((available - naturalSum) * w) / naturalSum)
  }
  const wish = natural.map((w, i) => w - minimum[i]!)
  const wishSum = wish.reduce((a, b) => a + b, 0)
  return minimum.map((w, i) => w + ((available - minSum) * wish[i]!) / wishSum)
}
