// Compiles the server for production: one ES module per entry point in server/dist (server.js, cli.js),
// with our own code (server/src and the @eccar/shared workspace) bundled and every npm dependency left
// as an import from node_modules, so `npm start` and the Docker image run plain JavaScript without tsx.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const serverPackage = JSON.parse(readFileSync(`${root}server/package.json`, 'utf8'))
const external = Object.keys(serverPackage.dependencies).filter((name) => name !== '@eccar/shared')

const started = performance.now()
await build({
  absWorkingDir: root,
  entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', 'write-template': 'server/src/db/write-template.ts' },
  outdir: 'server/dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // Subpaths too (drizzle-orm/pg-core, typebox/value, ...).
  external: [...external, ...external.map((name) => `${name}/*`)],
  sourcemap: true,
  logLevel: 'warning',
  // A bundle has no `require`; some dependencies' CommonJS code reached through ESM interop needs it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
})
// The migrated empty database a fresh data folder starts from (see server/src/db/client.ts).
execFileSync(process.execPath, ['server/dist/write-template.js'], { cwd: root, stdio: 'inherit' })
console.log(`server built into server/dist in ${Math.round(performance.now() - started)} ms`)
