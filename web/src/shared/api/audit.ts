/** GET /api/zones/:id/history, /api/parcels/:id/history, /api/idle-plots/:id/history. */

/** One saved version, from the append-only audit log. */
export interface AuditRecord {
  id: number
  at: string
  actor: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** The audited tables whose history the API serves, as the audit log names them. */
export const HISTORY_ENTITIES = ['zones', 'parcels', 'idle_plots'] as const
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number]

export interface HistoryAnswer {
  id: string
  entity: HistoryEntity
  history: AuditRecord[]
}
