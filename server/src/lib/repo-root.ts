import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root (the folder holding `migrations/`), found by walking up from this module: the
 * same answer whether the server runs from `server/src` (tsx) or from the bundle in `server/dist`.
 */
function findRepoRoot (): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'migrations', 'meta', '_journal.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no migrations folder above ${fileURLToPath(import.meta.url)}`)
    dir = parent
  }
}

export const repoRoot = findRepoRoot()
