// Web bundle report: builds the web app into a temporary folder and prints, per public page, the gzip
// size of the JavaScript needed for its first load (the entry plus the page's lazy chunk and their
// static imports), and the dashboard's own chunk. Fails when any page (all are public) needs more than the
// budget, or when chart.js turns up outside the dashboard's chunk.
//
//   node bench/web-bundle.mjs            # table, exit code 1 over budget
//   BUDGET_KB=150 node bench/web-bundle.mjs
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

const webRoot = fileURLToPath(new URL('../web/', import.meta.url))
// The web workspace's own Vite (npm may not hoist it to the root).
const { build } = await import(pathToFileURL(createRequire(join(webRoot, 'package.json')).resolve('vite')).href)
const budgetKb = Number(process.env.BUDGET_KB ?? 150)
const outDir = mkdtempSync(join(tmpdir(), 'eccar-web-bundle-'))

try {
  await build({
    root: webRoot,
    configFile: join(webRoot, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, manifest: true },
  })
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'))
  const sizes = new Map()
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const content = readFileSync(join(outDir, file))
      sizes.set(file, { raw: content.length, gzip: gzipSync(content, { level: 9 }).length })
    }
    return sizes.get(file)
  }
  // A chunk and everything it imports statically: what the browser must fetch before it can run it.
  const closure = (key, seen = new Set()) => {
    if (seen.has(key)) return seen
    seen.add(key)
    for (const dep of manifest[key]?.imports ?? []) closure(dep, seen)
    return seen
  }
  const js = (keys) => [...keys].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'))
  const total = (files) => files.reduce((sum, f) => ({ raw: sum.raw + sizeOf(f).raw, gzip: sum.gzip + sizeOf(f).gzip }), { raw: 0, gzip: 0 })
  const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(7)

  const entry = closure('index.html')
  const views = Object.keys(manifest).filter((k) => k.startsWith('src/views/') && manifest[k].isDynamicEntry).sort()
  const rows = views.map((view) => {
    const files = js(new Set([...entry, ...closure(view)]))
    return { page: view.replace('src/views/', '').replace('.vue', ''), files: files.length, ...total(files) }
  })

  console.log(`First-load JavaScript per page (entry + lazy page chunk + static imports), budget ${budgetKb} KB gzip per page\n`)
  console.log(`${'page'.padEnd(22)} files     raw KB    gzip KB`)
  for (const r of rows) console.log(`${r.page.padEnd(22)} ${String(r.files).padStart(5)} ${kb(r.raw)}    ${kb(r.gzip)}`)

  const entryOnly = total(js(entry))
  const dashboardKey = views.find((v) => v.endsWith('DashboardView.vue'))
  const dashboardOwn = js(new Set([...closure(dashboardKey)].filter((k) => !entry.has(k))))
  const dashboardChunk = total(dashboardOwn)
  console.log(`\nshared entry (app shell)          ${kb(entryOnly.raw)}    ${kb(entryOnly.gzip)}`)
  console.log(`dashboard chunk(s), chart.js incl.${kb(dashboardChunk.raw)}    ${kb(dashboardChunk.gzip)}   (${dashboardOwn.join(', ')})`)

  // chart.js must only ever ship with the dashboard: look for one of its own strings in every chunk.
  const chartFiles = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'))
    .filter((f) => readFileSync(join(outDir, f), 'utf8').includes('Check that a complete date adapter is provided'))
  const chartOutside = chartFiles.filter((f) => !dashboardOwn.includes(f))
  console.log(`chart.js found in: ${chartFiles.join(', ') || 'none'}${chartOutside.length ? '  <-- outside the dashboard chunk!' : ''}`)

  // Every page is public, the dashboard included (chart.js and all).
  const worst = rows.reduce((a, b) => (b.gzip > a.gzip ? b : a))
  console.log(`\nlargest first load: ${worst.page}, ${(worst.gzip / 1024).toFixed(1)} KB gzip (budget ${budgetKb} KB)`)
  if (worst.gzip > budgetKb * 1024 || chartOutside.length) process.exitCode = 1
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
