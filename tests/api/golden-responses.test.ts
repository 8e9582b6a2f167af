import { parkToday } from '../../server/edits/park-today'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import type { Role } from '../../web/src/shared/access-policy'
import { connectDatabase, type Database } from '../../server/db/connect'
import { migrate } from '../../server/db/migrate'
import { loadSamplePark } from '../../server/db/sample-park'
import { sessionAs, type SessionHeaders } from '../helpers/auth'
import { GOLDEN_REQUESTS, type GoldenRequest } from './golden/requests'
import { OPAQUE_ID_PATTERN } from '../../web/src/shared/api/layers'

/**
 * The API's answers on the freshly loaded sample park, byte for byte, against files in
 * tests/api/golden/out/: a refactor that changes no behaviour changes none of them. The run has a
 * database of its own (in memory) so that the other suites' writes cannot move a figure.
 * `REGEN=1 npx vitest run tests/api/golden-responses.test.ts` rewrites the files for review in the diff.
 * Only what differs between two runs of the same code is masked: timestamps, tokens, random ids.
 */

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'out')
const REGEN = process.env.REGEN === '1'

const OPAQUE_ID_IN_JSON = new RegExp(`"${OPAQUE_ID_PATTERN.slice(1, -1)}"`, 'g')

/** Values that differ between runs: the masking keeps the key, so a field that appears or vanishes still shows. */
function masked(body: string): string {
  const today = new Date().toISOString().slice(0, 10)
  return body
    .replace(/"(updated_at|created_at|submitted_at|reviewed_at|resolved_at|last_login_at|expiresAt|at|recorded_at|uploaded_at|csrfToken)":(\s?)"[^"]*"/g, '"$1":$2"<volatile>"')
    .replaceAll(today, '<today>')
    // the park's day (UTC+8, server/edits/park-today.ts), which is tomorrow in UTC's evening
    .replaceAll(parkToday(), '<today>')
    .replace(/(scn|zone|IDLE)-[0-9a-f]{8}(?![0-9a-f])/g, '$1-<random>')
    // public ids of rows the public view can hide: gen_random_uuid() (migration 008)
    .replace(OPAQUE_ID_IN_JSON, '"<public-id>"')
}

interface Recorded {
  status: number
  contentType: string | undefined
  body: string
}

describe('golden responses: every route on the sample park answers as before', () => {
  let db: Database
  let app: FastifyInstance
  const sessions = new Map<Role, SessionHeaders>()
  /** Ids that earlier requests created, substituted into later paths (`{draft}`). */
  const created = new Map<string, string>()

  beforeAll(async () => {
    db = await connectDatabase({})
    await migrate(db.pool)
    await loadSamplePark(db.pool)
    app = await buildApp({ db })
    for (const role of ['admin', 'planner', 'land_officer', 'investor'] as const) sessions.set(role, (await sessionAs(db.pool, role)).headers)
  }, 120_000)

  afterAll(async () => {
    await app?.close()
    await db?.close()
  })

  async function record(r: GoldenRequest): Promise<Recorded> {
    const url = r.url.replace(/\{(\w+)\}/g, (_m, key: string) => created.get(key) ?? `{${key}}`)
    const headers: Record<string, string> = { ...(r.as ? sessions.get(r.as) : {}), ...(r.headers ?? {}) }
    const res = await app.inject({ method: r.method ?? 'GET', url, headers, ...(r.body === undefined ? {} : { payload: r.body as object }) })
    if (r.remember) created.set(r.remember, String((res.json() as { id: string }).id))
    const contentType = res.headers['content-type']
    return { status: res.statusCode, contentType: typeof contentType === 'string' ? contentType : undefined, body: masked(res.body) }
  }

  it('has one file per request and no file without a request', () => {
    const names = GOLDEN_REQUESTS.map((r) => r.name)
    expect(new Set(names).size).toBe(names.length)
    if (!REGEN) expect(fs.readdirSync(OUT_DIR).sort()).toEqual(names.map((n) => `${n}.json`).sort())
  })

  // In order: later requests see the writes of earlier ones, as a user's session would.
  it.each(GOLDEN_REQUESTS.map((r) => [r.name, r] as const))('%s', async (name, r) => {
    const got = await record(r)
    const file = path.join(OUT_DIR, `${name}.json`)
    if (REGEN) {
      fs.mkdirSync(OUT_DIR, { recursive: true })
      fs.writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`)
      return
    }
    const want = JSON.parse(fs.readFileSync(file, 'utf8')) as Recorded
    expect(got.status).toBe(want.status)
    expect(got.contentType).toBe(want.contentType)
    // Compared as text: byte-identical, not merely equal as parsed JSON.
    expect(got.body).toBe(want.body)
  })
})
