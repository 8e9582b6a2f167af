import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { BrokenRule, Conflict, InvalidParameter } from '../errors'
import { checkedBoundary } from '../geometry/checked-boundary'
import { appendAudit } from '../edits/audit'
import { lockAtVersion } from '../edits/versioned-row'
import type { NewScenario, NewScenarioVersion, ScenarioDetail, ScenarioVersion } from '../../web/src/shared/api/scenarios'
import { Q, scenarioDetail, scenarioVersion } from './read'

/** The latest version's state decides what may be built on it. */
export function assertOpenForVersions(latest: ScenarioVersion): void {
  if (latest.status === 'approved') {
    throw new BrokenRule('scenario_approved', `version ${latest.n} of "${latest.scenario_id}" is approved and frozen: start a new scenario of the zone to revise it again`)
  }
  if (latest.status === 'submitted') {
    throw new BrokenRule('under_review', `version ${latest.n} of "${latest.scenario_id}" is under review: wait for the decision (a rejection opens it again)`)
  }
}

/** What the audit log keeps of a version: everything, geometry included. */
const audited = (v: ScenarioVersion) => ({ ...v, area_m2: undefined })

/**
 * Creates a scenario at version 1: the drawn geometry, or the revised zone's current boundary.
 * A zone that does not exist, or neither a zone nor a geometry, is refused (422). Audited.
 */
export async function createScenario(client: pg.PoolClient, fields: NewScenario, actor: string): Promise<ScenarioDetail> {
  const zoneId = fields.zone_id ?? null
  let geometry: unknown = fields.geometry
  if (zoneId !== null) {
    const zone = await client.query<{ geojson: string }>(Q['zone-boundary'], [zoneId])
    if (!zone.rows[0]) throw new InvalidParameter(`no zone "${zoneId}" to revise`)
    geometry ??= JSON.parse(zone.rows[0].geojson)
  }
  if (geometry === undefined) throw new InvalidParameter('a new boundary needs a geometry (or a zone_id whose boundary it revises)')
  const geojson = await checkedBoundary(client, geometry)
  const id = `scn-${randomBytes(4).toString('hex')}`
  await client.query(Q['insert-scenario'], [id, zoneId, fields.name_zh, fields.name_en ?? null, fields.note ?? null, actor])
  await client.query(Q['insert-version'], [id, 1, null, geojson, fields.comment ?? null, actor])
  const after = await scenarioDetail(client, id)
  await appendAudit(client, {
    actor, action: 'create_scenario', entity: 'scenarios', entityId: id, before: null,
    after: { ...after, versions: undefined, comments: undefined, version_1: audited(await scenarioVersion(client, id, 1)) },
  })
  return after
}

/**
 * Saves a new version drawn from version `base`, which must still be the latest: else 409 with
 * the current version, shape included, so the client can compare and re-apply (nothing is lost).
 * A version under review or approved takes nothing on top (409 under_review / scenario_approved).
 */
export async function saveVersion(client: pg.PoolClient, id: string, base: number, fields: NewScenarioVersion, actor: string): Promise<ScenarioVersion> {
  const geojson = await checkedBoundary(client, fields.geometry)
  try {
    await lockAtVersion(client, 'scenarios', id, base)
  } catch (err) {
    if (!(err instanceof Conflict)) throw err
    const current = (err.details as { current_version: number }).current_version
    throw new Conflict(err.message, { current_version: current, current: await scenarioVersion(client, id, current) })
  }
  const latest = await scenarioVersion(client, id, base)
  assertOpenForVersions(latest)
  const n = base + 1
  await client.query(Q['insert-version'], [id, n, base, geojson, fields.comment ?? null, actor])
  await client.query(Q.bump, [id, n])
  const saved = await scenarioVersion(client, id, n)
  await appendAudit(client, { actor, action: 'save_scenario_version', entity: 'scenarios', entityId: id, before: audited(latest), after: audited(saved) })
  return saved
}
