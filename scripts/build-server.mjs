// Compiles the server for production: one ES module per entry point in server/dist (server.js, cli.js),
// with our own code (server/src and the @eccar/shared workspace) bundled and (nearly) every npm dependency left
// as an import from node_modules, so `npm start` and the Docker image run plain JavaScript without tsx.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const serverPackage = JSON.parse(readFileSync(`${root}server/package.json`, 'utf8'))
// Bundled as well: TypeBox and drizzle-orm are ES modules of hundreds of small files each, and Node
// resolving and compiling them one by one took 0.4 s of every start; bundled they load as one file.
// Fastify, its plugins and what they load at start (ajv, semver, yaml, pino, ...) are some 600 CommonJS
// files: bundled, a start on an existing data folder is 45–65 ms shorter (median of 15 alternating starts).
// (Pure JavaScript reading no files of its own next to its code; nothing else loads them at run time, so
// there is one copy. Kept out: PGlite and pdfkit read files beside their code.) Swagger UI serves files beside
// its code too, but loaded from node_modules it brought its own copies of @fastify/static, glob and yaml:
// bundled, with the folder of its files named at run time (`swaggerUiFolder` below), a start on an existing
// data folder is 60–80 ms shorter (median difference of 10 alternating starts).
const bundled = new Set([
  '@eccar/shared', 'typebox', 'drizzle-orm',
  'fastify', 'fastify-plugin', '@fastify/cookie', '@fastify/error', '@fastify/fast-json-stringify-compiler', '@fastify/static',
  '@fastify/swagger', '@fastify/swagger-ui', 'ajv', 'ajv-formats', 'close-with-grace', 'proper-lockfile', 'mustache',
])

/**
 * Swagger UI finds its static files and logo by `__dirname`, which a bundled ES module does not have: in its
 * two files that use it, `__dirname` becomes the folder the installed package's file is in, resolved when
 * the server starts. A release that moves or drops them fails the build here instead of at run time.
 */
const swaggerUiFolder = {
  name: 'swagger-ui-folder',
  setup (build) {
    build.onLoad({ filter: /[\\/]@fastify[\\/]swagger-ui[\\/](index|lib[\\/]routes)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8')
      if (!source.includes('__dirname')) throw new Error(`${args.path} no longer uses __dirname: check how it finds its files`)
      const folder = args.path.endsWith('index.js') ? '' : ', \'lib\''
      const installed = `require('node:path').join(require('node:path').dirname(require.resolve('@fastify/swagger-ui'))${folder})`
      return { contents: source.replaceAll('__dirname', installed), loader: 'js' }
    })
  },
}
const external = Object.keys(serverPackage.dependencies).filter((name) => !bundled.has(name))

const started = performance.now()
// Chunk names carry a content hash: without clearing, every build would leave the last one's chunks behind.
if (existsSync(`${root}server/dist`)) for (const file of readdirSync(`${root}server/dist`, { withFileTypes: true }).filter((entry) => entry.isFile())) rmSync(`${root}server/dist/${file.name}`)
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
  plugins: [swaggerUiFolder],
  // A bundle has no `require`; some dependencies' CommonJS code reached through ESM interop needs it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
})
// The migrated empty database a fresh data folder starts from (see server/src/db/client.ts).
execFileSync(process.execPath, ['server/dist/write-template.js'], { cwd: root, stdio: 'inherit' })
console.log(`server built into server/dist in ${Math.round(performance.now() - started)} ms`)
