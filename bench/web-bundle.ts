// Web bundle report: builds the web app into a temporary folder and prints the gzip size of the
// JavaScript each page needs before it can show: the entry with its static imports, plus the page's
// own chunks. Public pages count what the server announces for them in index.html (their view and
// text bundles, as the build writes them to .vite/page-reads.json); every other page its view and bundles. Fails when a page needs more
// than the budget, or when chart.js turns up anywhere but in the chunk the dashboard loads after it shows.
//
//   npm run bench:bundle           # table, exit code 1 over budget
//   BUDGET_KB=150 npm run bench:bundle
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { bundleModule, withDependencies, type MessageBundle } from '../web/src/i18n/bundle-names.ts'

interface ManifestChunk { file: string, imports?: string[], dynamicImports?: string[], isEntry?: boolean, isDynamicEntry?: boolean }

const webRoot = fileURLToPath(new URL('../web/', import.meta.url))
// The web workspace's own Vite (npm may not hoist it to the root).
const { build } = await import(pathToFileURL(createRequire(join(webRoot, 'package.json')).resolve('vite')).href) as { build: (config: object) => Promise<unknown> }
const budgetKb = Number(process.env.BUDGET_KB ?? 150)
const outDir = mkdtempSync(join(tmpdir(), 'eccar-web-bundle-'))

try {
  await build({ root: webRoot, configFile: join(webRoot, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } })
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const publicPages = JSON.parse(readFileSync(join(outDir, '.vite/page-reads.json'), 'utf8')) as { name: string, modules: string[] }[]
  const sizes = new Map<string, { raw: number, gzip: number }>()
  const sizeOf = (file: string) => {
    if (!sizes.has(file)) {
      const content = readFileSync(join(outDir, file))
      sizes.set(file, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length })
    }
    return sizes.get(file)!
  }
  // A chunk and everything it imports statically: what the browser must fetch before it can run it.
  const closure = (key: string, seen = new Set<string>()) => {
    if (seen.has(key)) return seen
    seen.add(key)
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen)
    return seen
  }
  const js = (keys: Iterable<string>) => [...new Set([...keys].map((k) => manifest[k]!.file))].filter((f) => f.endsWith('.js'))
  const total = (files: string[]) => files.reduce((sum, f) => ({ raw: sum.raw + sizeOf(f).raw, gzip: sum.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 })
  const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7)

  const entry = closure('index.html')
  const firstLoad = (modules: string[]) => js(modules.reduce((seen, key) => closure(key, seen), new Set(entry)))
  const publicRows = publicPages.map((page) => ({ page: `${page.name} (public)`, files: firstLoad(page.modules) }))
  const publicViews = new Set(publicPages.map((page) => page.modules[0]))
  // Members' pages load their text bundles with them (route meta `messages` in web/src/router).
  const bundlesOf = (view: string) => withDependencies([
    ...(view.startsWith('src/views/admin/') || view.endsWith('WorkspaceView.vue') ? ['admin' as const] : []),
    ...(view.startsWith('src/views/reporting/') || view.endsWith('WorkspaceView.vue') ? ['reporting' as const] : []),
    ...(view.startsWith('src/views/reporting/') ? ['errors' as const] : []),
    ...(view.startsWith('src/views/spreadsheets/') ? ['admin' as const] : []),
    ...(view.startsWith('src/views/spreadsheets/') || /(WorkspaceView|AdminStartView|AdminIndicatorImportView|AdminOpenDataView)\.vue$/.test(view) ? ['spreadsheets' as const] : []),
    ...(/(NotificationsView|UnsubscribeView|AdminOutbox\w*View|AdminRemindersView)\.vue$/.test(view) ? ['mail' as const] : []),
  ] satisfies MessageBundle[]).map((bundle) => bundleModule(bundle))
  const otherRows = Object.keys(manifest).filter((k) => k.startsWith('src/views/') && manifest[k]!.isDynamicEntry && !publicViews.has(k)).sort()
    .map((view) => ({ page: view.replace('src/views/', '').replace('.vue', ''), files: firstLoad([view, ...bundlesOf(view)]) }))
  const rows = [...publicRows, ...otherRows].map((row) => ({ ...row, ...total(row.files) }))

  console.log(`JavaScript each page needs before it shows (gzip), budget ${budgetKb} KB\n`)
  console.log(`${'page'.padEnd(30)} files     raw KB    gzip KB`)
  for (const r of rows) console.log(`${r.page.padEnd(30)} ${String(r.files.length).padStart(5)} ${kb(r.raw)}    ${kb(r.gzip)}`)
  const shell = total(js(entry))
  console.log(`\nshared entry (app shell)             ${kb(shell.raw)}    ${kb(shell.gzip)}`)

  // chart.js: only in what the dashboard imports on demand, never in any page's first load.
  const dashboard = publicPages.find((page) => page.name === 'dashboard')!
  const dashboardFirst = new Set(firstLoad(dashboard.modules))
  const onDemand = js((manifest[dashboard.modules[0]!]?.dynamicImports ?? []).reduce((seen, key) => closure(key, seen), new Set<string>()))
    .filter((file) => !dashboardFirst.has(file))
  const charts = total(onDemand)
  console.log(`dashboard charts, after it shows    ${kb(charts.raw)}    ${kb(charts.gzip)}   (${onDemand.join(', ')})`)
  const chartFiles = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'))
    .filter((f) => readFileSync(join(outDir, f), 'utf8').includes('Check that a complete date adapter is provided'))
  const misplaced = chartFiles.filter((f) => !onDemand.includes(f) || rows.some((r) => r.files.includes(f)))
  console.log(`chart.js found in: ${chartFiles.join(', ') || 'none'}${misplaced.length ? '  <-- in a first load or outside the dashboard\'s charts!' : ''}`)

  const worst = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a))
  console.log(`\nlargest first load: ${worst.page}, ${(worst.gzip / 1024).toFixed(1)} KB gzip (budget ${budgetKb} KB)`)
  if (worst.gzip > budgetKb * 1024 || misplaced.length || !chartFiles.length) process.exitCode = 1
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
