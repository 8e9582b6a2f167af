import type pg from 'pg'
import type { ParcelChanges } from '../../web/src/shared/api/edits'
import { assertStatusFollowsCase } from './idle-plots'
import { updateAtVersion } from './versioned-row'

/** What a land officer may change on a parcel. Geometry is the survey's and is not edited here. */
export const PARCEL_EDITABLE = ['status', 'land_use', 'enterprise_id', 'price_wan_per_mu', 'land_approval', 'forest_approval', 'note'] as const satisfies readonly (keyof ParcelChanges)[]

/**
 * Saves a parcel's new attributes at `expected` version (409 if stale); audited with before/after.
 * A parcel under an open idle-land case keeps the status the case gives it (409 otherwise).
 */
export async function updateParcel(client: pg.PoolClient, id: string, expected: number, changes: Omit<ParcelChanges, 'version'>, actor: string) {
  const { status } = changes
  return updateAtVersion(client, {
    table: 'parcels', id, expected, changes, allowed: PARCEL_EDITABLE, actor, action: 'update_parcel',
    precondition: status === undefined ? undefined : () => assertStatusFollowsCase(client, id, status),
  })
}
