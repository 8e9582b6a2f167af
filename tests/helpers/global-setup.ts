import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgis, type EmbeddedPostgis } from '../../server/db/embedded'
import { poolFor, type DatabaseKind } from '../../server/db/connect'
import { migrate } from '../../server/db/migrate'
import { loadSamplePark } from '../../server/db/sample-park'

export interface TestDatabase {
  kind: DatabaseKind
  url: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    databases: TestDatabase[]
  }
}

/** A server database is wiped before the run: refuse anything that is not plainly a test database. */
function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1)
  if (!/test/i.test(name)) throw new Error(`TEST_DATABASE_URL must name a database with "test" in it, got "${name}"`)
}

async function prepare(url: string, kind: DatabaseKind, reset: boolean): Promise<void> {
  const pool = poolFor(url, kind)
  try {
    if (reset) {
      // Start from nothing so the migrations are exercised as on a fresh install.
      await pool.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
    }
    await migrate(pool)
    await loadSamplePark(pool)
  } finally {
    await pool.end()
  }
}

let embedded: EmbeddedPostgis | undefined

export async function setup(project: TestProject): Promise<void> {
  // In memory: every run starts from the migrations and the sample park, nothing left over.
  embedded = await startEmbeddedPostgis(undefined)
  const databases: TestDatabase[] = [{ kind: 'embedded', url: embedded.url }]
  await prepare(embedded.url, 'embedded', false)
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    assertTestDatabase(serverUrl)
    await prepare(serverUrl, 'postgres', true)
    databases.push({ kind: 'postgres', url: serverUrl })
  }
  project.provide('databases', databases)
}

export async function teardown(): Promise<void> {
  await embedded?.stop()
}

