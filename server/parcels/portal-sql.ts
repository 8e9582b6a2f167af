import { namedSql } from '../db/named-sql'

/** The portal's fixed queries (sql/portal.sql), shared by its stores. */
export const PORTAL_SQL = namedSql(new URL('./sql/portal.sql', import.meta.url), [
  'thresholds-settings', 'thresholds', 'thresholds-lock', 'thresholds-update', 'thresholds-bump',
  'conditions', 'conditions-lock', 'parcel-lock', 'conditions-upsert',
  'inquiry-insert', 'inquiries-all', 'inquiries-own', 'inquiry', 'inquiry-lock', 'inquiry-update',
  'favourites', 'favourite-count', 'favourite-insert', 'favourite-on-offer', 'favourite-delete',
])
