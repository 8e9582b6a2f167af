import { defineConfig } from 'vitest/config'

// One run starts the embedded PostGIS once (tests/helpers/global-setup.ts) and, when
// TEST_DATABASE_URL is set, prepares that server database too. Files run one at a time:
// the embedded database is a single session (DESIGN.md, "Embedded means one connection").
export default defineConfig({
  test: {
    include: ['web/src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
})
