import { InvalidParameter } from '../errors'

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number]

/**
 * Parses `bbox=minLon,minLat,maxLon,maxLat` (OGC API – Features order, WGS84 degrees).
 * Throws InvalidParameter (422) naming the bad value; undefined/empty means no filter.
 * @example parseBbox('115.3,28.6,115.5,28.8') // [115.3, 28.6, 115.5, 28.8]
 */
export function parseBbox(raw: string | undefined): BBox | undefined {
  if (raw === undefined || raw === '') return undefined
  const parts = raw.split(',')
  if (parts.length !== 4) throw new InvalidParameter(`bbox must be 4 numbers "minLon,minLat,maxLon,maxLat", got "${raw}"`)
  const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)))
  if (nums.some((n) => !Number.isFinite(n))) throw new InvalidParameter(`bbox values must be finite numbers, got "${raw}"`)
  const [minLon, minLat, maxLon, maxLat] = nums as BBox
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
    throw new InvalidParameter(`bbox is outside lon −180…180 / lat −90…90: "${raw}"`)
  }
  if (minLon > maxLon || minLat > maxLat) throw new InvalidParameter(`bbox min must not exceed max: "${raw}"`)
  return [minLon, minLat, maxLon, maxLat]
}
