import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EnvSchema, loadConfig } from '../src/config.ts'

// No Docker engine runs here, so the deployment files are checked by reading what they say.
const root = fileURLToPath(new URL('../../', import.meta.url))
const read = (file: string) => readFileSync(`${root}${file}`, 'utf8')
const knownVariables = Object.keys(EnvSchema.properties)

/** The keys of `services.<service>.environment` in docker-compose.yml (block-style mapping). */
function composeEnvironment (service: string) {
  const lines = read('docker-compose.yml').split('\n')
  const start = lines.findIndex((line) => line === `  ${service}:`)
  const envStart = lines.findIndex((line, i) => i > start && line === '    environment:')
  const entries: Record<string, string> = {}
  for (const line of lines.slice(envStart + 1)) {
    if (/^ {6}#/.test(line)) continue
    const match = /^ {6}([A-Z_]+): (.*)$/.exec(line)
    if (!match) break
    entries[match[1]!] = match[2]!
  }
  return entries
}

describe('docker-compose.yml', () => {
  it('configures the app only with variables the server knows', () => {
    const environment = composeEnvironment('app')
    expect(Object.keys(environment).length).toBeGreaterThan(3)
    for (const key of Object.keys(environment)) expect(knownVariables, key).toContain(key)
    expect(environment.DATABASE_URL).toMatch(/^postgres:\/\/eccar:.*@db:5432\/eccar$/)
    expect(environment.HOST).toBe('0.0.0.0')
  })

  it('gives the database the user and database the app connects with', () => {
    const environment = composeEnvironment('db')
    expect(environment.POSTGRES_USER).toBe('eccar')
    expect(environment.POSTGRES_DB).toBe('eccar')
  })

  it('lets the production values pass the server\'s own configuration check', () => {
    const environment = composeEnvironment('app')
    const config = loadConfig({ ...environment, DATABASE_URL: 'postgres://eccar:x@db:5432/eccar', DEMO_DATA: 'false', PORT: '3000' })
    expect(config).toMatchObject({ HOST: '0.0.0.0', PORT: 3000, NODE_ENV: 'production', DEMO_DATA: false })
  })
})

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile')

  it('copies only paths that exist and starts the real server entry point', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.split(' '))
    for (const source of sources.filter((s) => s !== '.')) expect(existsSync(`${root}${source}`), source).toBe(true)
    const command = /^CMD \[(.*)\]$/m.exec(dockerfile)![1]!
    // Compiled JavaScript, built in the build stage by the same script `npm install` runs; no tsx at run time.
    // The heap limit as in `npm start`: under a large limit V8 lets the heap grow to four times what survives.
    expect(command).toBe('"node", "--max-old-space-size=1024", "server/dist/server.js"')
    expect(dockerfile).toMatch(/^RUN .*npm run build:server/m)
    expect(dockerfile).toMatch(/^COPY --from=build \/app\/server\/dist server\/dist$/m)
    const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    // glibc's malloc thresholds as `npm start` sets them (README, "Reads that need no cache").
    const tunables = /^ENV GLIBC_TUNABLES=(\S+)$/m.exec(dockerfile)?.[1]
    expect(tunables).toBe('glibc.malloc.mmap_threshold=1048576:glibc.malloc.trim_threshold=16777216')
    expect(packageJson.scripts.start).toBe(`GLIBC_TUNABLES=${tunables} node --max-old-space-size=1024 server/dist/server.js`)
    // The server workspace's own start script runs the same command from its folder.
    const serverPackageJson = JSON.parse(read('server/package.json')) as { scripts: Record<string, string> }
    expect(serverPackageJson.scripts.start).toBe(packageJson.scripts.start?.replace('server/dist/', 'dist/'))
    expect(packageJson.scripts.build).toContain('build:server')
  })

  it('exposes the port the compose file publishes', () => {
    expect(dockerfile).toMatch(/^EXPOSE 3000$/m)
    expect(read('docker-compose.yml')).toContain('"127.0.0.1:3000:3000"')
  })
})

describe('.env.example', () => {
  it('names only variables the server knows', () => {
    const keys = [...read('.env.example').matchAll(/^#? ?([A-Z_]+)=/gm)].map((match) => match[1]!)
    expect(keys.length).toBeGreaterThan(3)
    for (const key of keys) expect(knownVariables, key).toContain(key)
  })
})

describe('loadConfig', () => {
  it('derives the public origin from host and port unless it is given', () => {
    expect(loadConfig({ PORT: '8080' }).PUBLIC_ORIGIN).toBe('http://127.0.0.1:8080')
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://aktionsplan.jena.de' }).PUBLIC_ORIGIN).toBe('https://aktionsplan.jena.de')
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://aktionsplan.jena.de/pfad' })).toThrow(/PUBLIC_ORIGIN/)
  })

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid configuration: PORT/)
  })
})
