import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The command line that starts the app for the browser tests: the compiled server that `npm start` runs
 * (built by `npm install` and `npm run test:e2e`), so the suite checks what production runs and skips
 * tsx's start-up; the TypeScript sources through tsx only where no build exists.
 */
export function serverCommand (repoRoot: string): string[] {
  const compiled = join(repoRoot, 'server/dist/server.js')
  return existsSync(compiled) ? [compiled] : ['--import', 'tsx', 'server/src/server.ts']
}
