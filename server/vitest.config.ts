import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file opens its own database (PGlite boots in about 2 s); two worker processes run the files.
    pool: 'forks',
    // Files share a worker's loaded modules: each file still builds its own app and database, no file mocks a
    // module, and importing the server once per worker instead of once per file saved 105 s of 281 s on PostgreSQL.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
