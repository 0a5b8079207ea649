// Lighthouse (mobile preset) on the public pages, in Debian's Chromium.
// Lighthouse runs through npx in a temporary folder outside the workspace: installed inside, it pulls
// an old @types/pg into the tree and breaks drizzle's types (SETUP.md).
//   node bench/lighthouse.mjs            starts the app on a fresh embedded database
//   BASE_URL=http://127.0.0.1:3000 node bench/lighthouse.mjs    measures a running one
//   RUNS=3 node bench/lighthouse.mjs     fewer runs per page (default 5), for a quicker look
//
// Each page is measured RUNS times and judged by its median run, as Lighthouse's own guidance on
// variability advises (five runs): on two shared cores one run's score varies by up to ten points.
// Every page is requested once first, so the server has started its caches as it has in production.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const version = '12.2.3'
const runs = Number(process.env.RUNS ?? 5)
const targets = { performance: 90, accessibility: 100, 'best-practices': 95 }
const pages = ['/', '/jena/plans/1', '/jena/plans/1/commitments/1', '/jena/plans/1/measures/1', '/jena/plans/1/dashboard', '/jena/plans/1/leichte-sprache', '/embed/jena/plans/1']
const chromeFlags = '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'
const work = mkdtempSync(join(tmpdir(), 'eccar-lighthouse-'))
let server = null
let base = process.env.BASE_URL

function lighthouse (url) {
  const out = join(work, 'report.json')
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('npx', ['--yes', `lighthouse@${version}`, url, '--quiet', '--form-factor=mobile',
        '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${out}`, `--chrome-flags=${chromeFlags}`],
      { cwd: work, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] })
      const report = JSON.parse(readFileSync(out, 'utf8'))
      // A run whose trace broke (NO_NAVSTART and the like) has no performance score; it is run again.
      if (report.runtimeError || report.categories.performance.score === null) throw new Error(report.runtimeError?.code ?? 'no score')
      return report
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

try {
  if (!base) {
    const port = 3700 + Math.floor(Math.random() * 200)
    server = spawn('npx', ['tsx', 'server/src/server.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: join(work, 'data'), LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true,
    })
    base = `http://127.0.0.1:${port}`
    for (let i = 0; i < 300; i++) {
      if (await fetch(`${base}/api/health/ready`).then((r) => r.ok, () => false)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  // Warm-up: each page's shell and API reads once, as a running server has long done.
  for (const page of pages) {
    const shell = await fetch(`${base}${page}`).then((r) => r.text())
    for (const [, href] of shell.matchAll(/rel="preload" as="fetch"[^>]* href="([^"]+)"/g)) await fetch(`${base}${href.replaceAll('&amp;', '&')}`)
  }

  console.log(`Lighthouse ${version}, mobile preset, ${base}, median of ${runs} runs per page\n`)
  console.log(`${'page'.padEnd(30)}│ ${'perf (runs)'.padEnd(runs * 3 + 6)}│ a11y │ b.p. │ FCP   │ LCP   │ TBT     │ CLS`)
  const failures = []
  for (const page of pages) {
    const reports = Array.from({ length: runs }, () => lighthouse(`${base}${page}`))
    const score = (report, id) => Math.round(report.categories[id].score * 100)
    const performance = reports.map((r) => score(r, 'performance'))
    const medianReport = reports.find((r) => score(r, 'performance') === median(performance))
    const result = { performance: median(performance), accessibility: Math.min(...reports.map((r) => score(r, 'accessibility'))), 'best-practices': Math.min(...reports.map((r) => score(r, 'best-practices'))) }
    for (const [id, target] of Object.entries(targets)) if (result[id] < target) failures.push(`${page} ${id} ${result[id]} < ${target}`)
    const metric = (id) => medianReport.audits[id].displayValue.replace(/\s/g, ' ')
    console.log(`${page.padEnd(30)}│ ${String(result.performance).padStart(3)} (${performance.join(' ').padEnd(runs * 3 - 1)}) │ ${String(result.accessibility).padStart(4)} │ ${String(result['best-practices']).padStart(4)} │ ${metric('first-contentful-paint').padEnd(5)} │ ${metric('largest-contentful-paint').padEnd(5)} │ ${metric('total-blocking-time').padEnd(7)} │ ${metric('cumulative-layout-shift')}`)
  }
  console.log(failures.length ? `\nBelow target:\n  ${failures.join('\n  ')}` : '\nAll pages meet the targets.')
  if (failures.length) process.exitCode = 1
} finally {
  if (server) process.kill(-server.pid, 'SIGTERM')
  rmSync(work, { recursive: true, force: true })
}
