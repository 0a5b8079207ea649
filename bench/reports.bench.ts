/**
 * Report export benchmark: time to render the ECCAR report (English) as DOCX and as PDF from
 * (a) the Jena-sized fixture snapshot (10 commitments, 16 measures, 2 indicators) and
 * (b) a generated snapshot with 1,000 measures and 50 indicators. Pure rendering: no database,
 * no HTTP — what the export route adds on top is a snapshot read.
 *
 *   npm run bench:reports
 *   BENCH_REPORT_RUNS=15 npm run bench:reports
 *
 * Each case renders once untimed-for-the-verdict ("cold": the first rendering in the process pays
 * for loading the fonts and for JIT warm-up; printed for information), then BENCH_REPORT_RUNS
 * times (default 7). The verdict is on the timed runs: PASS when their maximum is below the
 * target (Jena < 1 s, 1,000 measures < 5 s). Like the API benchmark it is a measurement, not a
 * test: it exits 0 when a target is missed (1 only if a rendering fails).
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { ReportSnapshot } from '@eccar/shared'
import { generateSnapshot } from '../server/src/reports/fixtures/generate-snapshot.ts'
import { jenaSnapshot } from '../server/src/reports/fixtures/jena-snapshot.ts'
import { renderReport } from '../server/src/reports/index.ts'

const runs = Number(process.env.BENCH_REPORT_RUNS || 7)
if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error(`BENCH_REPORT_RUNS=${process.env.BENCH_REPORT_RUNS}: use a whole number from 1 to 100`)

interface Case { name: string, snapshot: ReportSnapshot, targetMs: number }
const cases: Case[] = [
  { name: 'Jena (16 measures, 2 indicators)', snapshot: jenaSnapshot, targetMs: 1000 },
  { name: 'generated (1,000 measures, 50 indicators)', snapshot: generateSnapshot({ measures: 1000, indicators: 50 }), targetMs: 5000 },
]
const formats = ['docx', 'pdf'] as const

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
const ms = (n: number) => `${Math.round(n)} ms`
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`)

async function time (snapshot: ReportSnapshot, format: (typeof formats)[number]) {
  const start = performance.now()
  const report = await renderReport(snapshot, { kind: 'eccar', format, lang: 'en' })
  return { ms: performance.now() - start, bytes: Buffer.byteLength(report.body), pages: format === 'pdf' ? pdfPageCount(report.body as Buffer) : null }
}

/** pdfkit writes page dictionaries uncompressed, so the pages can be counted in the file itself. */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length

function table (headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' │ ')
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n')
}

async function main () {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  console.log(`Report export benchmark — Node ${process.version}, ${cpus().length} × ${cpu}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  console.log(`ECCAR report, English; 1 cold run, then ${runs} timed runs per case\n`)
  const rows: string[][] = []
  let failed = 0
  for (const c of cases) {
    for (const format of formats) {
      const cold = await time(c.snapshot, format)
      const timings: number[] = []
      for (let i = 0; i < runs; i++) timings.push((await time(c.snapshot, format)).ms)
      const med = median(timings)
      const max = Math.max(...timings)
      const pass = max < c.targetMs
      if (!pass) failed++
      rows.push([c.name, format.toUpperCase(), size(cold.bytes), cold.pages === null ? '' : String(cold.pages), ms(cold.ms), ms(med), ms(max), `< ${ms(c.targetMs)}`, pass ? 'PASS' : 'FAIL'])
    }
  }
  console.log(table(['snapshot', 'format', 'size', 'pages', 'cold', 'median', 'max', 'target (max)', 'verdict'], rows))
  console.log(`\n${failed === 0 ? 'PASS' : 'FAIL'}: ${rows.length - failed} of ${rows.length} cases within target`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
