/**
 * The load run's lost-write check. For every object the run edited, three counts must agree:
 * final version − start version, the 200s the run received for it, and the audit_log rows written
 * for it during the run. On top of that, the audit rows must form one unbroken chain of versions
 * (each row's before.version is the previous row's after.version, +1 each time), every acknowledged
 * write must be the audit row of its version (same note, same actor), and the row's final note must
 * be the note of the last version. A write whose response never arrived is looked up in the log by
 * its note and counted as saved or not (the drain at the end of the run should leave none).
 */
import type pg from 'pg'
import { keyOf, type LoadRecorder } from './load-mix'
import type { EditTarget } from './load-db'

export interface TargetCheck {
  key: string
  start: number
  final: number
  ok200: number
  conflicts: number
  /** Other statuses of this object's writes, e.g. `{428: 1}`. */
  other: Record<number, number>
  auditRows: number
  /** Writes without a response, found in the log / not found. */
  unackedSaved: number
  unackedNotSaved: number
  /** Empty when every check holds; otherwise what broke. */
  problems: string[]
}

export interface WriteCheck {
  targets: TargetCheck[]
  /** Audit rows of the run for objects the run did not edit (there should be none). */
  foreignAuditRows: string[]
  ok: boolean
}

interface AuditRow {
  id: number
  entity: string
  entity_id: string
  actor: string
  action: string
  bv: number | null
  av: number | null
  note: string | null
}

const ACTION: Record<EditTarget['entity'], string> = { parcels: 'update_parcel', scenarios: 'save_scenario_version' }

/** The version and the note of each edited object as it stands: a scenario's are its latest version's number and comment. */
const FINAL_SQL: Record<EditTarget['entity'], string> = {
  parcels: 'SELECT id, version, note FROM parcels WHERE id = ANY($1)',
  scenarios: `SELECT s.id, s.version, v.comment AS note FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.n = s.version WHERE s.id = ANY($1)`,
}

export async function verifyWrites(pool: pg.Pool, rec: LoadRecorder, start: { versions: Map<string, number>; auditMaxId: number }): Promise<WriteCheck> {
  const finals = new Map<string, { version: number; note: string | null }>()
  for (const entity of ['parcels', 'scenarios'] as const) {
    const ids = [...rec.writes.values()].filter((w) => w.target.entity === entity).map((w) => w.target.id)
    const { rows } = await pool.query<{ id: string; version: number; note: string | null }>(FINAL_SQL[entity], [ids])
    for (const r of rows) finals.set(`${entity}/${r.id}`, { version: r.version, note: r.note })
  }
  const { rows: audit } = await pool.query<AuditRow>(
    `SELECT id::int AS id, entity, entity_id, actor, action,
            -- a scenario's audit rows are its versions: their number is n, their note the comment
            coalesce(before->>'version', before->>'n')::int AS bv, coalesce(after->>'version', after->>'n')::int AS av,
            coalesce(after->>'note', after->>'comment') AS note
     FROM audit_log WHERE id > $1 ORDER BY id`,
    [start.auditMaxId],
  )

  const targets: TargetCheck[] = []
  for (const [key, w] of rec.writes) {
    const problems: string[] = []
    const startVersion = start.versions.get(key)
    const final = finals.get(key)
    if (startVersion === undefined || !final) {
      targets.push({ key, start: NaN, final: NaN, ok200: w.ok, conflicts: w.conflict, other: {}, auditRows: 0, unackedSaved: 0, unackedNotSaved: 0, problems: ['object missing'] })
      continue
    }
    const rows = audit.filter((r) => `${r.entity}/${r.entity_id}` === key)
    const delta = final.version - startVersion

    // One unbroken chain of versions, start → final.
    let prev = startVersion
    for (const r of rows) {
      if (r.action !== ACTION[w.target.entity]) problems.push(`audit row ${r.id} is a ${r.action}`)
      if (r.bv !== prev || r.av !== prev + 1) problems.push(`audit row ${r.id} goes ${r.bv} → ${r.av}, expected ${prev} → ${prev + 1}`)
      prev = r.av ?? prev
    }
    if (prev !== final.version) problems.push(`audit chain ends at version ${prev}, the row is at ${final.version}`)

    // Every acknowledged write is the audit row of its version.
    const byVersion = new Map(rows.map((r) => [r.av, r]))
    const seen = new Set<number>()
    for (const a of w.acked) {
      if (seen.has(a.version)) problems.push(`version ${a.version} acknowledged twice`)
      seen.add(a.version)
      const r = byVersion.get(a.version)
      if (!r) problems.push(`acknowledged version ${a.version} has no audit row`)
      else if (r.note !== a.note || r.actor !== a.actor) problems.push(`version ${a.version}: audit has "${r.note}" by ${r.actor}, the run wrote "${a.note}" by ${a.actor}`)
    }

    // Writes that got no response: saved or not, by their (unique) note.
    const notes = new Set(rows.map((r) => r.note))
    const unacked = rec.unacked.filter((u) => u.key === key)
    const unackedSaved = unacked.filter((u) => notes.has(u.note)).length

    if (delta !== w.ok + unackedSaved) problems.push(`version moved ${delta}, the run counted ${w.ok} saves${unackedSaved ? ` + ${unackedSaved} unanswered` : ''}`)
    if (rows.length !== delta) problems.push(`${rows.length} audit rows for ${delta} new versions`)
    const last = rows.at(-1)
    if (last && last.note !== final.note) problems.push(`the row's note is "${final.note}", the last audited version wrote "${last.note}"`)

    targets.push({
      key,
      start: startVersion,
      final: final.version,
      ok200: w.ok,
      conflicts: w.conflict,
      other: Object.fromEntries(w.other),
      auditRows: rows.length,
      unackedSaved,
      unackedNotSaved: unacked.length - unackedSaved,
      problems,
    })
  }

  const edited = new Set([...rec.writes.values()].map((w) => keyOf(w.target)))
  const foreignAuditRows = audit
    .filter((r) => !edited.has(`${r.entity}/${r.entity_id}`))
    .map((r) => `#${r.id} ${r.action} ${r.entity}/${r.entity_id} by ${r.actor}`)
  return { targets, foreignAuditRows, ok: foreignAuditRows.length === 0 && targets.every((t) => t.problems.length === 0) }
}
