import { BadRequest } from '../errors'
import { parkToday } from '../../web/src/shared/idle-clock'
import type { OgcCrs } from './crs'
import type { OgcBbox } from './items-query'

/** `limit` of one page of items (OGC API – Features: default 10, at most 10,000). */
export const OGC_ITEMS_LIMIT = { min: 1, max: 10_000, fallback: 10 } as const

const DECIMAL = /^\s*-?\d+(?:\.\d+)?(?:[eE][-+]?\d{1,3})?\s*$/
/** Beyond any CGCS2000 Gauss-Krüger coordinate (a zone-prefixed easting is at most 45 999 999 m): PROJ is never asked for infinity. */
const PROJECTED_BOUND_M = 1e8

/**
 * `bbox`: four numbers in the bbox CRS's own axis order (CRS84 lon,lat; EPSG:4490 lat,lon; the
 * Gauss-Krüger zones northing,easting), lower corner first. Throws BadRequest (400) otherwise.
 * @example parseOgcBbox('115.3,28.6,115.5,28.8', crs84).values // [115.3, 28.6, 115.5, 28.8]
 */
export function parseOgcBbox(raw: string, crs: OgcCrs): OgcBbox {
  const parts = raw.split(',')
  if (parts.length === 6) throw new BadRequest('bbox with 6 numbers (a vertical axis) is not supported: send 4')
  if (parts.length !== 4) throw new BadRequest(`bbox must be 4 comma-separated numbers, got "${raw.slice(0, 100)}"`)
  const values = parts.map((p) => (DECIMAL.test(p) ? Number(p) : NaN)) as OgcBbox['values']
  if (values.some((n) => !Number.isFinite(n))) throw new BadRequest(`bbox values must be finite decimal numbers, got "${raw.slice(0, 100)}"`)
  const [a1, b1, a2, b2] = values
  if (crs.srid === 4326 && (a1 < -180 || a2 > 180 || b1 < -90 || b2 > 90)) throw new BadRequest(`bbox is outside lon −180…180 / lat −90…90: "${raw}"`)
  if (crs.srid === 4490 && (a1 < -90 || a2 > 90 || b1 < -180 || b2 > 180)) throw new BadRequest(`bbox in EPSG:4490 is lat,lon: outside lat −90…90 / lon −180…180: "${raw}"`)
  if (crs.decimals < 15 && values.some((v) => Math.abs(v) > PROJECTED_BOUND_M)) throw new BadRequest(`bbox in metres must lie within ±${PROJECTED_BOUND_M} m: "${raw}"`)
  if (a1 > a2 || b1 > b2) throw new BadRequest(`bbox's lower corner must not exceed its upper corner (a box across the antimeridian is not supported): "${raw}"`)
  return { values, crs }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/

/** A `datetime` as the days it spans in the park's calendar (YYYY-MM-DD, both ends inclusive); null: open. */
export interface DatetimeRange {
  start: string | null
  end: string | null
}

/**
 * The park's calendar day of an RFC 3339 instant: a date as written, a date-time as the day it
 * falls on in China Standard Time (the day the park's date columns mean, shared/idle-clock.ts).
 */
function parkDayOf(instant: string): string {
  return instant.length === 10 ? instant : parkToday(new Date(instant))
}

/**
 * `datetime`: an RFC 3339 instant, or an interval `start/end` with `..` (or nothing) for an open
 * end, as the park days it meets — a day column matches when its day meets the instant or the
 * interval. Throws BadRequest (400) otherwise, and for an interval that ends before it starts.
 * @example parseDatetime('2023-01-01/..') // { start: '2023-01-01', end: null }
 */
export function parseDatetime(raw: string): DatetimeRange {
  const ends = raw.split('/')
  const open = (e: string) => ends.length === 2 && (e === '..' || e === '')
  const ok = ends.length <= 2 && ends.every((e) => open(e) || (INSTANT.test(e) && !Number.isNaN(Date.parse(e)))) && !ends.every(open)
  if (!ok) throw new BadRequest(`datetime must be an RFC 3339 instant or an interval such as 2022-01-01/.., got "${raw.slice(0, 60)}"`)
  // A date that is not on the calendar (2023-02-30) parses in JS as the next month's day: refuse it.
  for (const e of ends) {
    if (!open(e) && e.length >= 10 && new Date(`${e.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) !== e.slice(0, 10)) {
      throw new BadRequest(`datetime holds a date that does not exist: "${e.slice(0, 10)}"`)
    }
  }
  const days = ends.map((e) => (open(e) ? null : parkDayOf(e)))
  const range = { start: days[0] ?? null, end: (days.length === 2 ? days[1] : days[0]) ?? null }
  if (range.start && range.end && range.start > range.end) throw new BadRequest(`datetime interval ends before it starts: "${raw.slice(0, 60)}"`)
  return range
}
