import type pg from 'pg'
import { appendAudit } from './audit'
import { assignments, lockAtVersion, snapshot } from './versioned-row'

/** What a land officer may change on a parcel. Geometry is the survey's and is not edited here. */
export const PARCEL_EDITABLE = ['status', 'land_use', 'enterprise_id', 'price_wan_per_mu', 'land_approval', 'forest_approval', 'note'] as const
export type ParcelChanges = Partial<Record<(typeof PARCEL_EDITABLE)[number], unknown>>

/** Saves a parcel's new attributes at `expected` version (409 if stale); audited with before/after. */
export async function updateParcel(client: pg.PoolClient, id: string, expected: number, changes: ParcelChanges, actor: string) {
  const before = await lockAtVersion(client, 'parcels', id, expected)
  const values: unknown[] = []
  const sets = assignments(changes, PARCEL_EDITABLE, values)
  values.push(id)
  await client.query(`UPDATE parcels SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $${values.length}`, values)
  const after = await snapshot(client, 'parcels', id)
  await appendAudit(client, { actor, action: 'update_parcel', entity: 'parcels', entityId: id, before, after })
  return after!
}
