import type pg from 'pg'
import { Conflict, InvalidParameter, NotFound } from '../errors'
import { appendAudit } from '../edits/audit'
import { PORTAL_SQL as Q } from './portal-sql'
import type { ConditionsRow, PlanningConditions } from '../../web/src/shared/api/portal'

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

interface Row extends Omit<ConditionsRow, 'updated_at'> {
  updated_at: Date
}

const asRow = (r: Row): ConditionsRow => ({ ...r, updated_at: r.updated_at.toISOString() })

/** A parcel's planning conditions as land officers see them (with version), or null when none are set. */
export async function loadConditions(db: Queryable, parcelId: string): Promise<ConditionsRow | null> {
  const { rows } = await db.query<Row>(Q.conditions, [parcelId])
  return rows[0] ? asRow(rows[0]) : null
}

/** Rules across fields, which a JSON schema cannot say: refused (422) before anything is written. */
export function checkConditions(c: PlanningConditions): PlanningConditions {
  if (c.min_plot_ratio > c.max_plot_ratio) {
    throw new InvalidParameter(`min_plot_ratio ${c.min_plot_ratio} is above max_plot_ratio ${c.max_plot_ratio}`)
  }
  if (new Set(c.industries).size !== c.industries.length) throw new InvalidParameter('industries lists an industry twice')
  return c
}

/**
 * Sets a parcel's planning conditions at `expected` version — 0 when it has none yet — in the
 * caller's transaction, audited as parcel_conditions with before and after. 404 for an unknown
 * parcel, 409 when someone saved in between.
 */
export async function saveConditions(client: pg.PoolClient, parcelId: string, expected: number, c: PlanningConditions, actor: string): Promise<ConditionsRow> {
  const parcel = await client.query(Q['parcel-lock'], [parcelId])
  if (parcel.rows.length === 0) throw new NotFound(`no parcel "${parcelId}"`)
  const current = (await client.query<{ version: number }>(Q['conditions-lock'], [parcelId])).rows[0]?.version ?? 0
  if (current !== expected) {
    throw new Conflict(`version ${expected} is stale: the conditions of "${parcelId}" are at version ${current}; reload and apply your change again`, {
      current_version: current,
    })
  }
  const before = await loadConditions(client, parcelId)
  await client.query(Q['conditions-upsert'], [
    parcelId, c.min_investment_wan_per_mu, c.min_plot_ratio, c.max_plot_ratio, c.max_building_coverage_pct,
    c.min_tax_wan_per_mu, c.max_energy_tce_per_wan, c.industries,
  ])
  const after = (await loadConditions(client, parcelId))!
  await appendAudit(client, { actor, action: before ? 'update_conditions' : 'create_conditions', entity: 'parcel_conditions', entityId: parcelId, before, after })
  return after
}
