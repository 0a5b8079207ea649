import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// The embedded database's durability is a property of the system calls it makes, so it is checked
// where they are visible: strace counts fsync-family calls between the first and the last commit.
const hasStrace = spawnSync('strace', ['-V']).status === 0
const child = fileURLToPath(new URL('./commit-child.ts', import.meta.url))
const folders: string[] = []
afterAll(() => { for (const folder of folders) rmSync(folder, { recursive: true, force: true }) })

function syncCallsDuringCommits (durable: boolean, commits: number) {
  const folder = mkdtempSync(join(tmpdir(), 'eccar-durability-'))
  folders.push(folder)
  const trace = join(folder, 'strace.log')
  const output = execFileSync('strace', ['-f', '-qq', '-o', trace, '-e', 'trace=fsync,fdatasync,sync_file_range,syncfs,write', '-e', 'signal=none',
    process.execPath, '--import', 'tsx', child, join(folder, 'data')], {
    env: { ...process.env, DURABLE: String(durable), COMMITS: String(commits) }, encoding: 'utf8', timeout: 120_000,
  })
  const lines = readFileSync(trace, 'utf8').split('\n')
  const start = lines.findIndex((line) => line.includes('commits-start'))
  const end = lines.findIndex((line) => line.includes('commits-end'))
  expect(start).toBeGreaterThan(-1)
  expect(end).toBeGreaterThan(start)
  const syncs = lines.slice(start, end).filter((line) => /\b(fsync|fdatasync|sync_file_range|syncfs)\(/.test(line)).length
  return { syncs, rows: Number(/rows (\d+)/.exec(output)?.[1]) }
}

// Only the embedded database has a durability setting of ours; the PostgreSQL run (TEST_DATABASE_URL) has nothing to add here.
describe.runIf(hasStrace && process.env.TEST_DATABASE_URL === undefined)('the embedded database in a data folder', () => {
  it('syncs the disk at every commit by default', () => {
    const { syncs, rows } = syncCallsDuringCommits(true, 20)
    expect(rows).toBe(20)
    expect(syncs).toBeGreaterThanOrEqual(20)
  }, 180_000)

  it('makes no sync call at all when durability is switched off (PGlite\'s own default)', () => {
    const { syncs, rows } = syncCallsDuringCommits(false, 20)
    expect(rows).toBe(20)
    expect(syncs).toBe(0)
  }, 180_000)
})
