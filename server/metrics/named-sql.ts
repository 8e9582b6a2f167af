import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const SQL_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql')

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
 * Reads server/metrics/sql/<file> and returns its named queries (see splitNamedSql).
 * @example const Q = namedSql('per-mu.sql', ['years', 'firms'])
 */
export function namedSql<N extends string>(file: string, names: readonly N[]): Record<N, string> {
  return splitNamedSql(fs.readFileSync(path.join(SQL_DIR, file), 'utf8'), names, file)
}
