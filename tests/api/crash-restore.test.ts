import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { poolFor, type DatabaseKind } from '../../server/db/connect'
import { dumpDatabase, type DatabaseDump } from '../../server/db/dump'
import { startEmbeddedPostgis } from '../../server/db/embedded'
import { testDatabases } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

/**
 * The crash test of issue 3: SIGKILL the process in the middle of a large import (a restore of
 * ~16,000 rows) and show that, after a restart, the database holds either all of it or none of it.
 */

const EXTRA_PARCELS = 16_000
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'park-atlas-crash-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

interface Target {
  kind: DatabaseKind
  env: Record<string, string>
  /** Opens the database in this process (the embedded one only while no child holds it). */
  open(): Promise<{ pool: pg.Pool; close(): Promise<void> }>
}

function runScript(script: string, args: string[], env: Record<string, string>, killWhen?: RegExp): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const onData = (b: Buffer) => {
      out += b.toString()
      if (killWhen && killWhen.test(out)) child.kill('SIGKILL')
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code, signal) => resolve({ code, signal, out }))
  })
}

/** The seeded park plus 16,000 copies of one parcel under new ids: a restore that takes seconds. */
function largeDump(dump: DatabaseDump): DatabaseDump {
  return {
    ...dump,
    tables: dump.tables.map((t) => {
      if (t.name !== 'parcels') return t
      const idAt = t.columns.indexOf('id')
      const extra = Array.from({ length: EXTRA_PARCELS }, (_, i) => t.rows[i % t.rows.length]!.map((v, j) => (j === idAt ? `CRASH-${i}` : v)))
      return { ...t, rows: [...t.rows, ...extra] }
    }),
  }
}

async function parcelCount(pool: pg.Pool): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels')).rows[0]!.n
}

async function targets(): Promise<Target[]> {
  const out: Target[] = []
  // Embedded: its own data directory, seeded by the real seed script in a child process.
  const dataDir = path.join(tmp, 'pgdata')
  out.push({
    kind: 'embedded',
    env: { PARKATLAS_DATA_DIR: dataDir, DATABASE_URL: '' },
    async open() {
      const db = await startEmbeddedPostgis(dataDir)
      const pool = poolFor(db.url, 'embedded')
      return { pool, close: async () => { await pool.end(); await db.stop() } }
    },
  })
  const server = testDatabases().find((d) => d.kind === 'postgres')
  if (server) {
    // A database of its own beside the suite's, so the suites after this one see the sample park.
    const url = new URL(server.url)
    const name = `${url.pathname.slice(1)}_crash`
    const admin = new pg.Client({ connectionString: server.url })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`)
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
    await admin.end()
    url.pathname = `/${name}`
    out.push({
      kind: 'postgres',
      env: { DATABASE_URL: url.toString() },
      async open() {
        const pool = poolFor(url.toString(), 'postgres')
        return { pool, close: () => pool.end() }
      },
    })
  }
  return out
}

describe('a crash in the middle of a large import leaves all of it or none of it', async () => {
  for (const target of await targets()) {
    it(`on ${target.kind} PostGIS`, { timeout: 240_000 }, async () => {
      const seeded = await runScript('scripts/seed.ts', [], target.env)
      expect(seeded.code, seeded.out).toBe(0)

      let db = await target.open()
      const before = await tableState(db.pool)
      const dump = largeDump(await dumpDatabase(db.pool))
      await db.close()
      const file = path.join(tmp, `large-${target.kind}.json.gz`)
      fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(dump)))

      // Killed while the transaction is half-way through the parcels.
      const killed = await runScript('scripts/restore.ts', [file], target.env, /parcels: [68]000 \//)
      expect(killed.signal, killed.out).toBe('SIGKILL')
      expect(killed.out).not.toMatch(/committing/)

      db = await target.open()
      expect(await tableState(db.pool)).toEqual(before) // none of it
      await db.close()

      const full = await runScript('scripts/restore.ts', [file], target.env)
      expect(full.code, full.out).toBe(0)
      db = await target.open()
      expect(await parcelCount(db.pool)).toBe(dump.tables.find((t) => t.name === 'parcels')!.rows.length) // all of it
      await db.close()
    })
  }
})
