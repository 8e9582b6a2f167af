import type pg from 'pg'

export const DATA_TABLES = [
  'zones', 'chemical_clusters', 'enterprises', 'enterprise_figures', 'parcels', 'projects', 'idle_plots', 'idle_case_steps', 'idle_case_attachments',
  'utilities', 'basemap', 'scenarios', 'scenario_versions', 'scenario_comments',
  'per_mu_grading', 'per_mu_weights', 'users', 'audit_log',
] as const

/**
 * Row count and checksum of every data table: equal before and after a refused request proves
 * it changed nothing (not just "returned an error").
 */
export async function tableState(db: pg.Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const t of DATA_TABLES) {
    const { rows } = await db.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(to_jsonb(r)::text, '|' ORDER BY to_jsonb(r)::text)) AS sum FROM ${t} r`,
    )
    out[t] = `${rows[0]!.n}:${rows[0]!.sum ?? ''}`
  }
  return out
}
