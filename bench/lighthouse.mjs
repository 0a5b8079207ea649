// Lighthouse (mobile preset) on the public pages, in Debian's Chromium.
// Lighthouse runs through npx in a temporary folder outside the workspace: installed inside, it pulls
// an old @types/pg into the tree and breaks drizzle's types (SETUP.md).
//   node bench/lighthouse.mjs            starts the app on a fresh embedded database
//   BASE_URL=http://127.0.0.1:3000 node bench/lighthouse.mjs    measures a running one
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const version = '12.2.3'
const targets = { performance: 90, accessibility: 100, 'best-practices': 95 }
const pages = ['/', '/jena/plans/1', '/jena/plans/1/commitments/1', '/jena/plans/1/measures/1', '/jena/plans/1/dashboard']
const work = mkdtempSync(join(tmpdir(), 'eccar-lighthouse-'))
let server = null
let base = process.env.BASE_URL

try {
  if (!base) {
    const port = 3700 + Math.floor(Math.random() * 200)
    server = spawn('npx', ['tsx', 'server/src/server.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: join(work, 'data'), LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true,
    })
    base = `http://127.0.0.1:${port}`
    for (let i = 0; i < 200; i++) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  console.log(`Lighthouse ${version}, mobile preset, ${base}\n`)
  console.log('page                               │ performance │ accessibility │ best practices │ LCP     │ CLS')
  const failures = []
  for (const page of pages) {
    const out = join(work, 'report.json')
    execFileSync('npx', ['--yes', `lighthouse@${version}`, `${base}${page}`, '--quiet', '--form-factor=mobile',
      '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${out}`,
      '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'],
    { cwd: work, env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] })
    const report = JSON.parse(readFileSync(out, 'utf8'))
    const score = (id) => Math.round(report.categories[id].score * 100)
    for (const [id, target] of Object.entries(targets)) if (score(id) < target) failures.push(`${page} ${id} ${score(id)} < ${target}`)
    console.log(`${page.padEnd(35)}│ ${String(score('performance')).padStart(11)} │ ${String(score('accessibility')).padStart(13)} │ ${String(score('best-practices')).padStart(14)} │ ${report.audits['largest-contentful-paint'].displayValue.padEnd(7)} │ ${report.audits['cumulative-layout-shift'].displayValue}`)
  }
  console.log(failures.length ? `\nBelow target:\n  ${failures.join('\n  ')}` : '\nAll pages meet the targets.')
} finally {
  if (server) process.kill(-server.pid, 'SIGTERM')
  rmSync(work, { recursive: true, force: true })
}
