import { defineConfig } from 'vitest/config'

// One project per workspace (the Outline pattern); `--project server` runs just the API suite.
export default defineConfig({
  test: { projects: ['shared', 'server'] },
})
