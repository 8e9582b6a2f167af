import type pg from 'pg'
import { BrokenRule, InvalidParameter } from '../errors'
import { appendAudit } from '../edits/audit'
import { lockAtVersion, snapshot, updateAtVersion } from '../edits/versioned-row'
import type { DecisionRequest, NewScenarioComment, ScenarioComment, ScenarioVersion } from '../../web/src/shared/api/scenarios'
import { Q, scenarioComment, scenarioDetail, scenarioVersion } from './read'

/**
 * The review of a scenario's versions: a planner submits the latest version, an admin approves or
 * rejects it. Both act on the latest version only (the path's `n` must still be it: else 409
 * conflict naming the current one), each in the caller's transaction and audited. Approval makes
 * the version the zone's boundary (the old one stays in the zone's audit history) and freezes it.
 */

const audited = (v: ScenarioVersion) => ({ ...v, area_m2: undefined })

async function lockLatest(client: pg.PoolClient, id: string, n: number): Promise<ScenarioVersion> {
  await lockAtVersion(client, 'scenarios', id, n)
  return scenarioVersion(client, id, n)
}

/** draft → submitted; anything else is not a draft to submit (409 not_a_draft). */
export async function submitVersion(client: pg.PoolClient, id: string, n: number, comment: string | null, actor: string): Promise<ScenarioVersion> {
  const before = await lockLatest(client, id, n)
  if (before.status !== 'draft') throw new BrokenRule('not_a_draft', `version ${n} of "${id}" is ${before.status}: only a draft is submitted (save a new version to try again)`)
  await client.query(Q.submit, [id, n, actor])
  if (comment) await client.query(Q['insert-comment'], [id, n, comment, null, null, actor])
  const after = await scenarioVersion(client, id, n)
  await appendAudit(client, { actor, action: 'submit_scenario_version', entity: 'scenarios', entityId: id, before: audited(before), after: { ...audited(after), comment_added: comment } })
  return after
}

/** The boundary of the approved version becomes its zone's, or a new zone's when it revises none. */
async function adoptBoundary(client: pg.PoolClient, id: string, n: number, actor: string): Promise<string> {
  const { zone_id: zoneId } = await scenarioDetail(client, id)
  if (zoneId === null) {
    const newZone = `zone-${id.replace(/^scn-/, '')}`
    await client.query(Q['insert-zone'], [newZone, id, n])
    await client.query(Q['set-zone'], [id, newZone])
    await appendAudit(client, { actor, action: 'approve_scenario', entity: 'zones', entityId: newZone, before: null, after: { ...(await snapshot(client, 'zones', newZone)), scenario: { id, version: n } } })
    return newZone
  }
  const zone = await snapshot(client, 'zones', zoneId, true)
  const { rows } = await client.query<{ ewkb: string }>(Q['version-ewkb'], [id, n])
  // hex EWKB, so the zone gets the version's coordinates bit for bit
  await updateAtVersion(client, {
    table: 'zones', id: zoneId, expected: zone!.version as number, actor, action: 'approve_scenario',
    changes: { geom: rows[0]!.ewkb }, allowed: ['geom'], inputs: { geom: (p) => `${p}::geometry` },
  })
  return zoneId
}

/** submitted → approved | rejected, with the admin's comment. */
export async function decideVersion(client: pg.PoolClient, id: string, n: number, body: DecisionRequest, actor: string): Promise<ScenarioVersion & { zone_id: string | null }> {
  const before = await lockLatest(client, id, n)
  if (before.status !== 'submitted') throw new BrokenRule('not_submitted', `version ${n} of "${id}" is ${before.status}: only a submitted version is approved or rejected`)
  await client.query(Q.decide, [id, n, body.decision, actor, body.comment])
  const zoneId = body.decision === 'approved' ? await adoptBoundary(client, id, n, actor) : null
  const after = await scenarioVersion(client, id, n)
  await appendAudit(client, { actor, action: `${body.decision === 'approved' ? 'approve' : 'reject'}_scenario_version`, entity: 'scenarios', entityId: id, before: audited(before), after: { ...audited(after), zone_id: zoneId } })
  return { ...after, zone_id: zoneId }
}

/** A comment on the scenario, optionally on one of its versions and pinned to a point. */
export async function addComment(client: pg.PoolClient, id: string, fields: NewScenarioComment, actor: string): Promise<ScenarioComment> {
  await scenarioDetail(client, id) // 404 for an unknown scenario
  const version = fields.version ?? null
  if (version !== null) {
    const exists = await client.query(Q.version, [id, version])
    if (!exists.rows[0]) throw new InvalidParameter(`scenario "${id}" has no version ${version} to comment on`)
  }
  const [lon, lat] = fields.pin ?? [null, null]
  const { rows } = await client.query<{ id: number }>(Q['insert-comment'], [id, version, fields.body, lon, lat, actor])
  const after = await scenarioComment(client, id, rows[0]!.id)
  await appendAudit(client, { actor, action: 'comment_scenario', entity: 'scenarios', entityId: id, before: null, after })
  return after
}

/** Marks a comment resolved; resolving twice is a conflict (409 already_resolved). */
export async function resolveComment(client: pg.PoolClient, id: string, commentId: number, actor: string): Promise<ScenarioComment> {
  const before = await scenarioComment(client, id, commentId)
  const res = await client.query(Q['resolve-comment'], [id, commentId, actor])
  if (res.rowCount === 0) throw new BrokenRule('already_resolved', `comment ${commentId} was resolved by ${String(before.resolved_by)}`)
  const after = await scenarioComment(client, id, commentId)
  await appendAudit(client, { actor, action: 'resolve_scenario_comment', entity: 'scenarios', entityId: id, before, after })
  return after
}
