import type { AuditRecord } from '../../shared/api/audit'

/** Bookkeeping columns every write bumps: they say nothing a reader needs. */
const IGNORED = new Set(['version', 'updated_at', 'geometry', 'geom'])
/** A case step's audit carries the step under `after.step`: shown as the step, not as a changed field. */
IGNORED.add('step')

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

/**
 * What one audited write changed: the fields whose values differ between before and after
 * (a creation lists every non-empty field). Never throws.
 * @example historyChanges({ before: { stage: 'flagged' }, after: { stage: 'disposing' } }) // [{ field: 'stage', … }]
 */
export function historyChanges(entry: Pick<AuditRecord, 'before' | 'after'>): FieldChange[] {
  const before = entry.before ?? {}
  const after = entry.after ?? {}
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return fields
    .filter((f) => !IGNORED.has(f))
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }))
}

/**
 * The parcel and case history merged, oldest first: a case's flag and the parcel status it causes
 * are two audit rows of one transaction.
 */
export function mergeHistories(...lists: readonly AuditRecord[][]): (AuditRecord & { entity: number })[] {
  return lists
    .flatMap((list, entity) => list.map((e) => ({ ...e, entity })))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
}
