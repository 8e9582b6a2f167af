import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The one way Park Atlas keeps fixed SQL: `.sql` files beside the module that runs them, each
 * query under a `-- name: <name>` line. Dynamic SQL (built from the layer catalogue, or from the
 * columns a request changes) lives in per-resource builders instead (layers/features-query.ts,
 * analysis/overlap-query.ts, edits/versioned-row.ts).
 */

/**
 * Splits SQL text into named queries: each starts at a line `-- name: <name>` and runs to the next
 * such line. Text before the first name (the file's header comment) is dropped. Throws when a
 * name in `names` is missing or repeated, so a renamed query fails at start-up, not on a request.
 * @example splitNamedSql('-- name: one\nSELECT 1\n', ['one']) // { one: 'SELECT 1' }
 */
export function splitNamedSql<N extends string>(text: string, names: readonly N[], source = 'SQL'): Record<N, string> {
  const found = new Map<string, string>()
  const parts = text.split(/^--\s*name:\s*([\w-]+)\s*$/m)
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!
    if (found.has(name)) throw new Error(`${source}: query "${name}" is defined twice`)
    found.set(name, parts[i + 1]!.trim())
  }
  const out = {} as Record<N, string>
  for (const n of names) {
    const q = found.get(n)
    if (!q) throw new Error(`${source}: no query named "${n}"`)
    out[n] = q
  }
  return out
}

/**
 * Reads a `.sql` file beside the calling module and returns its named queries (see splitNamedSql).
 * Read once, at import: a missing file or query stops the start-up, not a request.
 * @example const Q = namedSql(new URL('./sql/per-mu.sql', import.meta.url), ['years', 'firms'])
 */
export function namedSql<N extends string>(file: URL, names: readonly N[]): Record<N, string> {
  return splitNamedSql(fs.readFileSync(file, 'utf8'), names, path.basename(fileURLToPath(file)))
}
