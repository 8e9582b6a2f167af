/**
 * EXPLAIN ANALYZE of a statement (the overlap, the features page), boiled down to what the report
 * needs: is the GiST index used, how long planning and execution took, and how many times each PostGIS function ran
 * (track_functions = 'all' counts C functions too; it needs a superuser, otherwise the counts are
 * left out). A LATERAL subquery that PostgreSQL pulls up is pasted into every place its columns
 * are used, so the counts show predicates evaluated more than once per row.
 */
import type pg from 'pg'

interface PlanNode {
  'Node Type': string
  'Parallel Aware'?: boolean
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  'Workers Launched'?: number
  Plans?: PlanNode[]
}

export interface PlanSummary {
  planningMs: number
  executionMs: number
  gistUsed: boolean
  /** e.g. "Index Scan using parcels_geom_gist on parcels (276 rows)", "Gather Merge (2 workers)". */
  scans: string[]
  /** PostGIS function calls during one execution, by function; null when they could not be counted. */
  calls: Record<string, number> | null
  text: string
}

function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node)
  for (const child of node.Plans ?? []) walk(child, visit)
}

const COUNT_SQL = `SELECT funcname, sum(calls)::int AS calls FROM pg_stat_xact_user_functions
  WHERE funcname LIKE 'st\\_%' GROUP BY funcname`

/** Calls per PostGIS function in one run of the statement: a before/after difference inside one transaction. */
async function countCalls(pool: pg.Pool, text: string, values: unknown[]): Promise<Record<string, number> | null> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query("SET LOCAL track_functions = 'all'")
    const before = new Map((await client.query<{ funcname: string; calls: number }>(COUNT_SQL)).rows.map((r) => [r.funcname, r.calls]))
    await client.query(text, values)
    const after = (await client.query<{ funcname: string; calls: number }>(COUNT_SQL)).rows
    const calls = after.map((r) => [r.funcname, r.calls - (before.get(r.funcname) ?? 0)] as const).filter(([, k]) => k > 0)
    return Object.fromEntries(calls.sort(([a], [b]) => a.localeCompare(b)))
  } catch {
    return null // not a superuser, or no statistics views (an embedded build may lack them)
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
    client.release()
  }
}

/** Runs the statement under EXPLAIN twice (JSON for the summary, text for people) and once counted. */
export async function explainStatement(pool: pg.Pool, text: string, values: unknown[]): Promise<PlanSummary> {
  const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`,
    values,
  )
  const root = rows[0]!['QUERY PLAN'][0]
  const scans: string[] = []
  let gistUsed = false
  walk(root.Plan, (n) => {
    if (n['Relation Name']) {
      const using = n['Index Name'] ? ` using ${n['Index Name']}` : ''
      // Rows are per loop (per worker, per outer row): the total is what was read.
      const rows = Math.round((n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1))
      scans.push(`${n['Parallel Aware'] ? 'Parallel ' : ''}${n['Node Type']}${using} on ${n['Relation Name']} (${rows} rows)`)
    }
    if (n['Workers Launched'] !== undefined) scans.push(`${n['Node Type']} (${n['Workers Launched']} workers)`)
    if (n['Index Name'] && /gist/.test(n['Index Name']) && n['Relation Name'] === 'parcels') gistUsed = true
  })
  const plain = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)
  return {
    planningMs: root['Planning Time'],
    executionMs: root['Execution Time'],
    gistUsed,
    scans,
    calls: await countCalls(pool, text, values),
    text: plain.rows.map((r) => r['QUERY PLAN']).join('\n'),
  }
}
