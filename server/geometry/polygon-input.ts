import gjv from 'geojson-validation'
import { GeometryError, polygonalGeometries, type AreaInput, type PolygonalGeometry } from '../../web/src/shared/geodesic-area'
import { InvalidGeometry } from '../errors'

export type AreaGeometry = PolygonalGeometry

function vertexCount(g: PolygonalGeometry): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  let n = 0
  for (const rings of polygons) for (const ring of rings) n += ring.length
  return n
}

/**
 * Checks that the input is polygonal GeoJSON (Geometry, Feature or FeatureCollection) with sane,
 * closed rings and lon/lat coordinates, and returns its geometries in input order.
 * Throws InvalidGeometry (422) naming where the problem is. The checks are the browser's own
 * (web/src/shared/geodesic-area.ts), so both sides refuse the same shapes; topology
 * (self-intersection) is PostGIS's job: see assertValidTopology. Counting the vertices against
 * the caller's budget (VERTEX_BUDGET) is the cheap check that keeps that expensive one bounded.
 * @example polygonsOf({ type: 'Feature', geometry: square, properties: {} }, vertexBudgetOf(req.user?.role)) // [square]
 */
export function polygonsOf(input: unknown, maxVertices: number): PolygonalGeometry[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidGeometry('expected a GeoJSON Geometry, Feature or FeatureCollection object')
  }
  let geometries: PolygonalGeometry[]
  try {
    geometries = polygonalGeometries(input as AreaInput)
  } catch (err) {
    if (err instanceof GeometryError) throw new InvalidGeometry(err.message, { path: err.path })
    throw err
  }
  if (geometries.length === 0) throw new InvalidGeometry('no geometry to measure: the FeatureCollection is empty')
  let vertices = 0
  for (const g of geometries) {
    vertices += vertexCount(g)
    if (vertices > maxVertices) throw new InvalidGeometry(`too many vertices: at most ${maxVertices} in one request for your role`, { max_vertices: maxVertices })
    const problems = gjv.isGeometryObject(g, true)
    if (problems.length) throw new InvalidGeometry(`not valid GeoJSON: ${problems.join('; ')}`)
  }
  return geometries
}
