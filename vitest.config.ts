import { defineConfig } from 'vitest/config'

// One project per workspace (the Outline pattern); `--project server` runs just the API suite.
export default defineConfig({
  test: {
    projects: ['shared', 'server', 'web'],
    // Two cores: more workers only make PGlite instances fight for CPU and memory.
    maxWorkers: 2,
  },
})
