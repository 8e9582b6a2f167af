/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))

// The client lives in web/; the built files go to dist/web, which the API server serves on the same port.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${process.env.PORT ?? 8080}`,
    },
  },
  // vitest: the whole repository, not just web/. One run starts the embedded PostGIS once
  // (tests/helpers/global-setup.ts) and, when TEST_DATABASE_URL is set, prepares that server
  // database too. Files run one at a time: the embedded database is a single session
  // (README, "Architecture").
  test: {
    root: repoRoot,
    include: ['web/src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
})
