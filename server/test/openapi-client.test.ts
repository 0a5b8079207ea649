import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDemoData } from '../src/demo/load-demo-data.ts'
import { buildSignedInUser } from './helpers/auth.ts'
import { buildTestApp } from './helpers/build-test-app.ts'
import { buildCity } from './helpers/factories.ts'
import { useTestDb } from './helpers/test-db.ts'

/** The part of the example client the run below uses; the compiler checks the example itself in its own folder. */
interface ExampleClient {
  createClient: (baseUrl: string, headers: Record<string, string>) => {
    cities: () => Promise<{ items: { slug: string }[] }>
    exportPlan: (id: number) => Promise<{ measures: unknown[] }>
    importPlan: (city: string, file: unknown) => Promise<{ measures: number }>
  }
  codesByCommitment: (file: unknown) => Map<number, string[]>
}

/**
 * What a third party does with our API document: generate types with openapi-typescript from the live
 * /api/openapi.json and compile a client against them (openapi-client/example-client.ts), then call
 * the running server with it.
 */

const testDb = await useTestDb()
await loadDemoData(testDb.db)
const app = await buildTestApp({ db: testDb.db })
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
const work = await mkdtemp(join(tmpdir(), 'eccar-openapi-client-'))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

afterAll(async () => {
  await app.close()
  await testDb.close()
  await rm(work, { recursive: true, force: true })
})

const tsconfig = {
  compilerOptions: {
    target: 'ES2023', lib: ['ES2023', 'DOM'], module: 'ESNext', moduleResolution: 'Bundler', types: [],
    strict: true, noUncheckedIndexedAccess: true, allowImportingTsExtensions: true, noEmit: true, skipLibCheck: false,
  },
  files: ['example-client.ts'],
}

/** Generates the types from `doc` into a fresh folder next to a copy of the example and type-checks both. */
async function compileExampleAgainst (doc: OpenAPI3, name: string) {
  const dir = join(work, name)
  await mkdir(dir)
  await writeFile(join(dir, 'openapi.ts'), astToString(await openapiTS(doc, { silent: true })))
  await copyFile(new URL('./openapi-client/example-client.ts', import.meta.url), join(dir, 'example-client.ts'))
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig))
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', dir], { cwd: dir })
    return { ok: true, output: '', dir }
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout), dir }
  }
}

async function liveDocument () {
  return (await fetch(new URL('/api/openapi.json', baseUrl))).json() as Promise<OpenAPI3>
}

describe('a client generated from /api/openapi.json', () => {
  it('type-checks the example client against the named schemas and reads and writes with it', { timeout: 120_000 }, async () => {
    const compiled = await compileExampleAgainst(await liveDocument(), 'live')
    expect(compiled).toMatchObject({ ok: true, output: '' })

    // The compiled copy, not the one in the repository: only there does its import of the generated types resolve.
    const example = await import(join(compiled.dir, 'example-client.ts')) as ExampleClient
    const admin = await buildSignedInUser(testDb.db, { email: 'client-admin@example.org', platformAdmin: true })
    const client = example.createClient(baseUrl, admin.headers)
    const { items } = await client.cities()
    expect(items.map((city) => city.slug)).toContain('jena')

    const file = await client.exportPlan(1)
    expect(example.codesByCommitment(file).size).toBeGreaterThan(0)
    const target = await buildCity(testDb.db, { slug: 'weimar', name: 'Weimar' })
    expect(await client.importPlan(target.slug, file)).toMatchObject({ measures: file.measures.length })
  })

  it('stops compiling when a named schema the client uses disappears', { timeout: 120_000 }, async () => {
    // As if PlanFile were no longer a shared contract: its shape is written out where it is used.
    const live = await liveDocument()
    const schemas = live.components!.schemas!
    const planFile = schemas.PlanFile
    delete schemas.PlanFile
    const doc = JSON.parse(JSON.stringify(live), (_key, value: unknown) =>
      (value as { $ref?: string } | null)?.$ref === '#/components/schemas/PlanFile' ? planFile : value) as OpenAPI3
    const result = await compileExampleAgainst(doc, 'without-plan-file')
    expect(result.ok).toBe(false)
    expect(result.output).toContain('PlanFile')
  })
})
