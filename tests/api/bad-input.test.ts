import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

/**
 * Issue 3's bad-input suite: every case gets a 4xx with a JSON error, and every data table's row
 * count and checksum are the same afterwards. Signed in as admin, so the refusal is the input's
 * fault and never the role's.
 */

type Case = { name: string; /** exactly this status, when it matters which refusal it is */ status?: number; method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; body?: unknown; raw?: string; headers?: Record<string, string> }

const square = { type: 'Polygon', coordinates: [[[115.39, 28.69], [115.4, 28.69], [115.4, 28.7], [115.39, 28.7], [115.39, 28.69]]] }
const bowtie = { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.41, 28.71], [115.41, 28.7], [115.4, 28.71], [115.4, 28.7]]] }
const unclosed = { type: 'Polygon', coordinates: [[[115.39, 28.69], [115.4, 28.69], [115.4, 28.7], [115.39, 28.7]]] }
const holeOutside = { type: 'Polygon', coordinates: [square.coordinates[0], [[115.5, 28.5], [115.51, 28.5], [115.51, 28.51], [115.5, 28.5]]] }
const spike = { type: 'Polygon', coordinates: [[[115.39, 28.69], [115.4, 28.69], [115.39, 28.69], [115.39, 28.7], [115.39, 28.69]]] }

/** A polygon ring of n vertices, as JSON text (built as text: a million-vertex object is slow to stringify). */
function ringText(n: number): string {
  const parts: string[] = []
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n
    parts.push(`[${(115.4 + 0.01 * Math.cos(a)).toFixed(7)},${(28.7 + 0.01 * Math.sin(a)).toFixed(7)}]`)
  }
  parts.push(parts[0]!)
  return `{"type":"Polygon","coordinates":[[${parts.join(',')}]]}`
}

const INJECTIONS = ["' OR '1'='1", "x'; DROP TABLE parcels; --", '1; DELETE FROM zones', '"; SELECT pg_sleep(5); --', '\u0000', '../../etc/passwd']

/** Names that show nothing: each kind of whitespace, and invisible format characters. */
const BLANKS: [string, string][] = [
  ['spaces', '   '], ['a tab and a newline', ' \t\n '], ['ideographic spaces', '\u3000\u3000'], ['no-break spaces', '\u00a0'],
  ['a zero-width space', '\u200b'], ['a space and a word joiner', ' \u2060'],
]
/** Every bidirectional control the API refuses (web/src/shared/text.ts). */
const BIDI_CONTROLS: [string, string][] = [
  ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c].map((n): [string, string] => [
    `U+${n.toString(16).toUpperCase().padStart(4, '0')}`, String.fromCodePoint(n),
  ]),
]

const draft = (geometry: unknown, extra: Record<string, unknown> = {}) => ({ name_zh: '方案', name_en: 'scenario', geometry, ...extra })
/** A new version of the sample park's scenario, drawn from version 1. */
const SAMPLE_VERSIONS = '/api/scenarios/draft-2022-south/versions'

/** A valid grading body (the migration's defaults), with `change` on top. */
const grading = (change: Record<string, unknown> = {}) => ({
  version: 1, benchmark: 'mean', thresholds: { A: 20, B: 60, C: 95 }, min_mu: 3,
  weights: {
    above_scale: { tax_per_mu: 30, value_added_per_mu: 20, value_added_per_tce: 20, value_added_per_kwh: 10, labour_productivity: 10, rnd_share: 10 },
    small: { tax_per_mu: 50, tax_per_kwh: 50 },
  },
  ...change,
})

const CASES: Case[] = [
  // broken JSON and wrong content
  { name: 'broken JSON', method: 'POST', url: '/api/analysis/area', raw: '{"type":"Polygon",' },
  { name: 'JSON that is a number', method: 'POST', url: '/api/analysis/area', raw: '42' },
  { name: 'JSON null', method: 'POST', url: '/api/scenarios', raw: 'null' },
  { name: 'form-encoded body', method: 'POST', url: '/api/scenarios', raw: 'name_zh=a&name_en=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { name: 'broken JSON on an edit', method: 'PATCH', url: '/api/parcels/FT-001', raw: '{"note":', headers: { 'if-match': '"1"' } },
  // wrong types
  { name: 'limit not a number', method: 'GET', url: '/api/layers/parcels/features?limit=ten' },
  { name: 'year not a number', method: 'GET', url: '/api/metrics/per-mu?year=twenty' },
  { name: 'year out of range', method: 'GET', url: '/api/metrics/per-mu?year=1800' },
  { name: 'layers not an array', method: 'POST', url: '/api/analysis/overlap', body: { geometry: square, layers: 'parcels' } },
  { name: 'status a number', method: 'PATCH', url: '/api/parcels/FT-001', body: { status: 3 }, headers: { 'if-match': '"1"' } },
  { name: 'price a string', method: 'PATCH', url: '/api/parcels/FT-001', body: { price_wan_per_mu: 'cheap' }, headers: { 'if-match': '"1"' } },
  { name: 'name an array', method: 'POST', url: '/api/scenarios', body: draft(square, { name_zh: ['a'] }) },
  { name: 'grading weights as strings', method: 'PUT', url: '/api/metrics/grading', body: { version: 1, weights: 'heavy' } },
  { name: 'unknown field', method: 'POST', url: '/api/idle-plots', body: { parcel_id: 'FT-001', category: 'idle', reason: 'x', is_admin: true } },
  { name: 'email not an email', method: 'POST', url: '/api/admin/users', body: { email: 'nobody', password: 'a-long-password-1', role: 'planner' } },
  { name: 'unknown role', method: 'POST', url: '/api/admin/users', body: { email: 'x@example.org', password: 'a-long-password-1', role: 'superuser' } },
  // bodies are checked as sent, never coerced (hardening round 2, finding 5): a text number is not a
  // number, true is neither 1 nor "true", and JSON's 1e400 (Infinity once parsed) is no number at all
  ...['Infinity', '-Infinity', 'NaN', '1e400', '0x10', '5'].map((price): Case => (
    { status: 400, name: `price as the string ${JSON.stringify(price)}`, method: 'PATCH', url: '/api/parcels/FT-001', body: { price_wan_per_mu: price }, headers: { 'if-match': '"1"' } })),
  { status: 400, name: 'price 1e400 (JSON.parse makes it Infinity)', method: 'PATCH', url: '/api/parcels/FT-001', raw: '{"price_wan_per_mu":1e400}', headers: { 'if-match': '"1"' } },
  { status: 400, name: 'price -1e400 (-Infinity once parsed)', method: 'PATCH', url: '/api/parcels/FT-001', raw: '{"price_wan_per_mu":-1e400}', headers: { 'if-match': '"1"' } },
  { status: 400, name: 'grading min_mu 1e400', method: 'PUT', url: '/api/metrics/grading', raw: JSON.stringify(grading()).replace('"min_mu":3', '"min_mu":1e400') },
  { status: 400, name: 'grading weight 1e400', method: 'PUT', url: '/api/metrics/grading', raw: JSON.stringify(grading()).replace('"tax_per_mu":30', '"tax_per_mu":1e400') },
  { status: 400, name: 'version 1e400', method: 'PATCH', url: '/api/parcels/FT-001', raw: '{"note":"x","version":1e400}' },
  { status: 400, name: 'parcel note true', method: 'PATCH', url: '/api/parcels/FT-001', body: { note: true }, headers: { 'if-match': '"1"' } },
  { status: 400, name: 'scenario note true', method: 'POST', url: '/api/scenarios', body: draft(square, { note: true }) },
  { status: 400, name: 'version comment true', method: 'POST', url: SAMPLE_VERSIONS, body: { geometry: square, comment: true }, headers: { 'if-match': '"1"' } },
  { status: 400, name: 'version number in the body (scenarios take If-Match only)', method: 'POST', url: SAMPLE_VERSIONS, body: { geometry: square, version: 1 } },
  { status: 400, name: 'version true (grading)', method: 'PUT', url: '/api/metrics/grading', body: grading({ version: true }) },
  { status: 400, name: 'version true (parcels)', method: 'PATCH', url: '/api/parcels/FT-001', body: { note: 'x', version: true } },
  { status: 400, name: 'version in the body (idle-case transitions take If-Match only)', method: 'POST', url: '/api/idle-plots/IDLE-004/transitions', body: { to: 'closed', note: 'x', closed_reason: 'x', version: 1 }, headers: { 'if-match': '"1"' } },
  { status: 400, name: 'transition happened_on a number', method: 'POST', url: '/api/idle-plots/IDLE-004/transitions', body: { to: 'closed', note: 'x', closed_reason: 'x', happened_on: 20240101 }, headers: { 'if-match': '"1"' } },
  { status: 400, name: 'version "1" (grading)', method: 'PUT', url: '/api/metrics/grading', body: grading({ version: '1' }) },
  { status: 400, name: 'grading min_mu "3"', method: 'PUT', url: '/api/metrics/grading', body: grading({ min_mu: '3' }) },
  { status: 400, name: 'grading threshold "20"', method: 'PUT', url: '/api/metrics/grading', body: grading({ thresholds: { A: '20', B: 60, C: 95 } }) },
  { status: 400, name: 'scenario name a number', method: 'POST', url: '/api/scenarios', body: draft(square, { name_zh: 5 }) },
  { status: 400, name: 'scenario name_en a number', method: 'POST', url: '/api/scenarios', body: draft(square, { name_en: 42 }) },
  { status: 400, name: 'scenario zone_id a number', method: 'POST', url: '/api/scenarios', body: draft(square, { zone_id: 1 }) },
  { status: 400, name: 'decision not approved/rejected', method: 'POST', url: '/api/scenarios/draft-2022-south/versions/1/decision', body: { decision: 'yes', comment: 'ok' } },
  { status: 400, name: 'decision without a comment', method: 'POST', url: '/api/scenarios/draft-2022-south/versions/1/decision', body: { decision: 'approved' } },
  { status: 400, name: 'comment pin as text', method: 'POST', url: '/api/scenarios/draft-2022-south/comments', body: { body: 'x', pin: '115,28' } },
  { status: 400, name: 'version number not a number', method: 'GET', url: '/api/scenarios/draft-2022-south/versions/one' },
  { status: 400, name: 'diff from a text', method: 'GET', url: '/api/scenarios/draft-2022-south/diff?from=first&to=1' },
  { status: 400, name: 'flag reason a number', method: 'POST', url: '/api/idle-plots', body: { parcel_id: 'FT-001', category: 'idle', reason: 1 } },
  { status: 400, name: 'flag parcel_id a number', method: 'POST', url: '/api/idle-plots', body: { parcel_id: 1, category: 'idle', reason: 'x' } },
  { status: 400, name: 'flag start date a number', method: 'POST', url: '/api/idle-plots', body: { parcel_id: 'FT-001', category: 'idle', reason: 'x', agreed_start_date: 20200101 } },
  { status: 400, name: 'transition to a number', method: 'POST', url: '/api/idle-plots/IDLE-004/transitions', body: { to: 1, note: 'x' }, headers: { 'if-match': '"1"' } },
  { status: 400, name: 'transition note true', method: 'POST', url: '/api/idle-plots/IDLE-004/transitions', body: { to: 'closed', note: true, closed_reason: 'x' }, headers: { 'if-match': '"1"' } },
  { status: 400, name: 'transition disposal not in the list', method: 'POST', url: '/api/idle-plots/IDLE-004/transitions', body: { to: 'determination', note: 'x', disposal: 'sell' }, headers: { 'if-match': '"1"' } },
  { status: 400, name: 'attachment content a number', method: 'POST', url: '/api/idle-plots/IDLE-004/steps/1/attachments', body: { file_name: 'a.png', content_base64: 5 } },
  { status: 400, name: 'account email a number', method: 'POST', url: '/api/admin/users', body: { email: 5, password: 'a-long-password-1', role: 'planner' } },
  { status: 400, name: 'account password a number', method: 'POST', url: '/api/admin/users', body: { email: 'n@example.org', password: 12345678901234, role: 'planner' } },
  { status: 400, name: 'account display name a number', method: 'POST', url: '/api/admin/users', body: { email: 'n@example.org', password: 'a-long-password-1', role: 'planner', display_name: 7 } },
  { status: 400, name: 'account role true', method: 'PATCH', url: '/api/admin/users/2', body: { role: true } },
  { status: 400, name: 'account disabled "true"', method: 'PATCH', url: '/api/admin/users/2', body: { disabled: 'true' } },
  { status: 400, name: 'account disabled 1', method: 'PATCH', url: '/api/admin/users/2', body: { disabled: 1 } },
  { status: 400, name: 'password reset a number', method: 'POST', url: '/api/admin/users/2/password', body: { password: 12345678901234 } },
  // invalid geometry
  { name: 'self-intersecting scenario', method: 'POST', url: '/api/scenarios', body: draft(bowtie) },
  { name: 'self-intersecting version', method: 'POST', url: SAMPLE_VERSIONS, body: { geometry: bowtie }, headers: { 'if-match': '"1"' } },
  { name: 'self-intersecting overlap boundary', method: 'POST', url: '/api/analysis/overlap', body: { geometry: bowtie, layers: ['parcels'] } },
  { name: 'unclosed ring (area)', method: 'POST', url: '/api/analysis/area', body: unclosed },
  { name: 'unclosed ring (scenario)', method: 'POST', url: '/api/scenarios', body: draft(unclosed) },
  { name: 'hole outside its shell', method: 'POST', url: '/api/scenarios', body: draft(holeOutside) },
  { name: 'spike (collapsed ring)', method: 'POST', url: '/api/scenarios', body: draft(spike) },
  { name: 'a point as a boundary', method: 'POST', url: '/api/scenarios', body: draft({ type: 'Point', coordinates: [115.4, 28.7] }) },
  { name: 'empty coordinates', method: 'POST', url: '/api/analysis/area', body: { type: 'Polygon', coordinates: [] } },
  { name: 'geometry type misspelt', method: 'POST', url: '/api/analysis/area', body: { type: 'polygon', coordinates: square.coordinates } },
  { name: 'NaN coordinate', method: 'POST', url: '/api/scenarios', body: draft({ type: 'Polygon', coordinates: [[[115.39, 28.69], ['NaN', 28.69], [115.4, 28.7], [115.39, 28.69]]] }) },
  { name: 'null coordinate', method: 'POST', url: '/api/analysis/area', body: { type: 'Polygon', coordinates: [[[115.39, 28.69], [null, 28.69], [115.4, 28.7], [115.39, 28.69]]] } },
  { name: 'latitude 91', method: 'POST', url: '/api/scenarios', body: draft({ type: 'Polygon', coordinates: [[[115.39, 91], [115.4, 91], [115.4, 89], [115.39, 91]]] }) },
  { name: 'longitude 181', method: 'POST', url: '/api/analysis/area', body: { type: 'Polygon', coordinates: [[[181, 28.69], [181.1, 28.69], [181.1, 28.7], [181, 28.69]]] } },
  { name: 'projected metres instead of degrees', method: 'POST', url: '/api/scenarios', body: draft({ type: 'Polygon', coordinates: [[[38500000, 3175000], [38501000, 3175000], [38501000, 3176000], [38500000, 3175000]]] }) },
  { name: 'bbox out of range', method: 'GET', url: '/api/layers/parcels/features?bbox=-190,0,10,10' },
  { name: 'bbox with NaN', method: 'GET', url: '/api/layers/parcels/features?bbox=NaN,0,10,10' },
  // sizes
  { name: 'more vertices than the internal budget', method: 'POST', url: '/api/analysis/area', raw: ringText(20_001) },
  { name: '1,000,000 vertices', method: 'POST', url: '/api/scenarios', raw: `{"name_zh":"a","name_en":"a","geometry":${ringText(1_000_000)}}` },
  { name: 'a 6 MB body', method: 'POST', url: '/api/analysis/overlap', raw: `{"layers":["parcels"],"pad":"${'x'.repeat(6 * 1024 * 1024)}"}` },
  { name: 'a 20 KB grading body', method: 'PUT', url: '/api/metrics/grading', raw: `{"version":1,"pad":"${'x'.repeat(20 * 1024)}"}` },
  { name: 'a 1 MB note', method: 'PATCH', url: '/api/parcels/FT-001', body: { note: 'x'.repeat(1024 * 1024) }, headers: { 'if-match': '"1"' } },
  // path traversal and injection in ids and query fields
  { name: 'traversal in a layer id', method: 'GET', url: '/api/layers/..%2F..%2Fetc%2Fpasswd/features' },
  { name: 'traversal in a parcel id', method: 'PATCH', url: '/api/parcels/..%2F..%2Fusers', body: { note: 'x' }, headers: { 'if-match': '"1"' } },
  { name: 'traversal in a scenario id', method: 'POST', url: '/api/scenarios/..%2Fapproved-boundary/versions', body: { geometry: square }, headers: { 'if-match': '"1"' } },
  { name: 'traversal in a public parcel id', method: 'GET', url: '/api/public/parcels/..%2F..%2Fadmin%2Fusers' },
  { name: 'traversal in a history id', method: 'GET', url: '/api/zones/..%2F..%2Fusers/history' },
  { name: 'a 300-character id', method: 'GET', url: `/api/public/parcels/${'A'.repeat(300)}` },
  { name: 'If-Match with SQL', method: 'PATCH', url: '/api/parcels/FT-001', body: { note: 'x' }, headers: { 'if-match': "1 OR 1=1" } },
  ...INJECTIONS.flatMap((inj): Case[] => [
    { name: `injection in a layer id: ${JSON.stringify(inj)}`, method: 'GET', url: `/api/layers/${encodeURIComponent(inj)}/features` },
    { name: `injection in bbox: ${JSON.stringify(inj)}`, method: 'GET', url: `/api/layers/parcels/features?bbox=${encodeURIComponent(inj)}` },
    { name: `injection in limit: ${JSON.stringify(inj)}`, method: 'GET', url: `/api/layers/parcels/features?limit=${encodeURIComponent(inj)}` },
    { name: `injection in year: ${JSON.stringify(inj)}`, method: 'GET', url: `/api/metrics/per-mu?year=${encodeURIComponent(inj)}` },
    { name: `injection in a parcel id: ${JSON.stringify(inj)}`, method: 'PATCH', url: `/api/parcels/${encodeURIComponent(inj)}`, body: { note: 'x' }, headers: { 'if-match': '"1"' } },
    { name: `injection in a flagged parcel id: ${JSON.stringify(inj)}`, method: 'POST', url: '/api/idle-plots', body: { parcel_id: inj, category: 'idle', reason: 'x' } },
    { name: `injection in a status: ${JSON.stringify(inj)}`, method: 'PATCH', url: '/api/parcels/FT-001', body: { status: inj }, headers: { 'if-match': '"1"' } },
    { name: `injection in a layer list: ${JSON.stringify(inj)}`, method: 'POST', url: '/api/analysis/overlap', body: { geometry: square, layers: [inj] } },
    { name: `injection in ref ids: ${JSON.stringify(inj)}`, method: 'POST', url: '/api/analysis/overlap', body: { ref: { layer: 'zones', ids: [inj] }, layers: ['parcels'] } },
    { name: `injection in a public parcel id: ${JSON.stringify(inj)}`, method: 'GET', url: `/api/public/parcels/${encodeURIComponent(inj)}` },
    { name: `injection in a convert format: ${JSON.stringify(inj)}`, method: 'POST', url: `/api/convert/export?format=${encodeURIComponent(inj)}`, body: square },
    { name: `injection in a 界址点 file: ${JSON.stringify(inj)}`, method: 'POST', url: '/api/convert/import?format=jzd-txt', raw: `[地块坐标]\n4,1,${inj},${inj},面,,,,@\nJ1,1,${inj},38634117.078\n`, headers: { 'content-type': 'application/octet-stream' } },
  ]),
  // file conversion (saves nothing either way)
  { name: 'export of a self-intersecting boundary', status: 422, method: 'POST', url: '/api/convert/export?format=jzd-txt', body: bowtie },
  { name: 'export of an unclosed ring', status: 422, method: 'POST', url: '/api/convert/export?format=shp', body: unclosed },
  { name: 'export in an unknown encoding', status: 400, method: 'POST', url: '/api/convert/export?format=jzd-txt&encoding=big5', body: square },
  { name: 'import of an empty file', status: 400, method: 'POST', url: '/api/convert/import?format=dxf', raw: '', headers: { 'content-type': 'application/octet-stream' } },
  { name: 'import of a spike', status: 422, method: 'POST', url: '/api/convert/import?format=geojson', raw: JSON.stringify(spike), headers: { 'content-type': 'application/octet-stream' } },
]

forEachDatabase(
  (ctx) => {
    describe(`${CASES.length} bad inputs: 4xx, a JSON error, and no table changed`, () => {
      for (const c of CASES) {
        it(c.name, async () => {
          const before = await tableState(ctx.db.pool)
          const payload = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body))
          const res = await ctx.app.inject({
            method: c.method,
            url: c.url,
            payload,
            headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...c.headers },
          })
          expect(res.statusCode, `${res.statusCode} ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
          expect(res.statusCode).toBeLessThan(500)
          if (c.status !== undefined) expect(res.statusCode, res.body.slice(0, 300)).toBe(c.status)
          const body = res.json() as { error: { code: string; message: string } }
          expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) })
          // safe messages: may name the bad value, but none of our SQL, no stack, no server paths
          const ours = INJECTIONS.reduce((m, inj) => m.split(inj).join('<input>'), body.error.message)
          expect(ours).not.toMatch(/\bFROM (parcels|zones|users|audit_log)\b|ST_\w+\(|jsonb_|\$1|node_modules|\/work\/|at .+\(.+:\d+:\d+\)/)
          expect(await tableState(ctx.db.pool)).toEqual(before)
        })
      }
    })

    describe('free text: a blank name or reason, or a bidi control anywhere, is 400 in words; nothing saved, no account changed', () => {
      const accounts = async () => (await ctx.db.pool.query<{ s: string }>(`SELECT md5(string_agg(to_jsonb(a)::text, '|' ORDER BY a.id)) AS s FROM accounts a`)).rows[0]!.s
      /** The version the row is at now, so that the same request with clean text would save. */
      const current = async (table: 'scenarios' | 'parcels' | 'idle_plots', id: string) =>
        `"${(await ctx.db.pool.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0]!.version}"`
      /** A parcel with no case, so that a flag with a clean reason would be taken. */
      const unflagged = async () => (await ctx.db.pool.query<{ id: string }>(
        `SELECT id FROM parcels p WHERE NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id) ORDER BY id LIMIT 1`,
      )).rows[0]!.id

      let n = 0
      const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown, ifMatch?: string) =>
        ctx.app.inject({ method, url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) } })
      /** Each field that takes free text, sent the given text; each would save with clean text. */
      const FIELDS: [string, string, (text: string) => Promise<Awaited<ReturnType<typeof send>>>, 'name' | 'note'][] = [
        ['a scenario', 'name_zh', (t) => send('POST', '/api/scenarios', draft(square, { name_zh: t })), 'name'],
        ['a scenario', 'name_en', (t) => send('POST', '/api/scenarios', draft(square, { name_en: t })), 'name'],
        ['a scenario', 'note', (t) => send('POST', '/api/scenarios', draft(square, { note: t })), 'note'],
        ['a version', 'comment', async (t) => send('POST', SAMPLE_VERSIONS, { geometry: square, comment: t }, await current('scenarios', 'draft-2022-south')), 'note'],
        ['a review comment', 'body', (t) => send('POST', '/api/scenarios/draft-2022-south/comments', { body: t }), 'name'],
        ['a parcel', 'note', async (t) => send('PATCH', '/api/parcels/FT-001', { note: t }, await current('parcels', 'FT-001')), 'note'],
        ['a flag', 'reason', async (t) => send('POST', '/api/idle-plots', { parcel_id: await unflagged(), category: 'idle', reason: t }), 'name'],
        ['a case step', 'note', async (t) => send('POST', '/api/idle-plots/IDLE-004/transitions', { to: 'closed', note: t, closed_reason: 'x' }, await current('idle_plots', 'IDLE-004')), 'note'],
        ['a case step', 'closed_reason', async (t) => send('POST', '/api/idle-plots/IDLE-004/transitions', { to: 'closed', note: 'x', closed_reason: t }, await current('idle_plots', 'IDLE-004')), 'note'],
        ['a case step', 'doc_no', async (t) => send('POST', '/api/idle-plots/IDLE-004/transitions', { to: 'determination', note: 'x', doc_no: t, doc_date: '2022-06-01' }, await current('idle_plots', 'IDLE-004')), 'name'],
        ['a case step', 'successor_zh', async (t) => send('POST', '/api/idle-plots/IDLE-003/transitions', { to: 'revitalised', note: 'x', successor_zh: t, successor_start_date: '2022-06-01' }, await current('idle_plots', 'IDLE-003')), 'name'],
        ['a case step', 'successor_en', async (t) => send('POST', '/api/idle-plots/IDLE-003/transitions', { to: 'revitalised', note: 'x', successor_zh: '某', successor_en: t, successor_start_date: '2022-06-01' }, await current('idle_plots', 'IDLE-003')), 'name'],
        ['a new account', 'display_name', (t) => send('POST', '/api/admin/users', { email: `text-${++n}@example.org`, password: 'a-long-password-1', role: 'planner', display_name: t }), 'name'],
        ['an account', 'display_name', (t) => send('PATCH', '/api/admin/users/1', { display_name: t }), 'name'],
      ]

      const refused = async (res: Awaited<ReturnType<typeof send>>, message: RegExp, before: [Record<string, string>, string]) => {
        expect(res.statusCode, res.body).toBe(400)
        expect(res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(message) } })
        expect(await tableState(ctx.db.pool)).toEqual(before[0])
        expect(await accounts()).toBe(before[1])
      }

      for (const [subject, key, sendText, kind] of FIELDS) {
        const field = `${subject}'s ${key}`
        if (kind === 'name') {
          for (const [what, blank] of BLANKS) {
            it(`${field} of ${what} → "is blank"`, async () => {
              const before: [Record<string, string>, string] = [await tableState(ctx.db.pool), await accounts()]
              await refused(await sendText(blank), new RegExp(`body\\.${key} is blank: it needs a character other than spaces`), before)
            })
          }
        }
        for (const [code, c] of BIDI_CONTROLS) {
          it(`${field} with ${code} → names the character`, async () => {
            const before: [Record<string, string>, string] = [await tableState(ctx.db.pool), await accounts()]
            const res = await sendText(`批准${c}方案 ok`)
            await refused(res, new RegExp(`body\\.${key} contains the bidirectional control character ${code.replace('+', '\\+')} \\(character 3\\), which reorders how the text reads: remove it`), before)
          })
        }
      }

      it('names with inner and outer spaces, other scripts and no controls still save', async () => {
        const res = await send('POST', '/api/scenarios', draft(square, { name_zh: ' 南区 扩区 ', name_en: 'South — phase 2 (Ü, é, 한, عربي)', note: '   ' }))
        expect(res.statusCode, res.body).toBe(201)
      })
    })

    it('SQL in a free-text field is stored as text, verbatim, and touches nothing else', async () => {
      const { rows } = await ctx.db.pool.query<{ version: number }>(`SELECT version FROM parcels WHERE id = 'FT-002'`)
      const text = INJECTIONS.filter((s) => !s.includes('\u0000')).join(' | ')
      const res = await ctx.app.inject({ method: 'PATCH', url: '/api/parcels/FT-002', payload: { note: text }, headers: { 'if-match': `"${rows[0]!.version}"` } })
      expect(res.statusCode, res.body).toBe(200)
      const after = await ctx.db.pool.query<{ note: string; n: number }>(`SELECT note, (SELECT count(*)::int FROM zones) AS n FROM parcels WHERE id = 'FT-002'`)
      expect(after.rows[0]!.note).toBe(text)
      expect(after.rows[0]!.n).toBeGreaterThan(0)
    })
  },
  { signedInAs: 'admin' },
)

it('the suite has at least 40 cases', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40)
})
