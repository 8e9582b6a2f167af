import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../context'
import { ellipsoidalAreas } from '../analysis/area'
import { BadRequest, InvalidGeometry, InvalidParameter } from '../errors'
import { polygonsOf } from '../geometry/polygon-input'
import { assertValidTopology } from '../geometry/topology'
import { GeometryError } from '../../web/src/shared/geodesic-area'
import { gaussKrugerArea } from '../../web/src/shared/gauss-kruger'
import { areaSummary } from '../../web/src/shared/units'
import type { AreaAnswer, AreaQuery } from '../../web/src/shared/api/area'
import { vertexBudgetOf } from '../../web/src/shared/access-policy'

/** The shared module names its options; the API's caller wrote them as these query parameters. */
const QUERY_NAME_OF_OPTION: Record<string, string> = { 'options.centralMeridian': 'query.cm', 'options.epsg': 'query.epsg' }

/**
 * A refusal of the Gauss-Krüger computation in the API's words: a zone option the shape does not
 * lie in (or that contradicts the other) is the parameter's fault, anything else the geometry's.
 */
function gaussKrugerRefusal(err: GeometryError): Error {
  const param = QUERY_NAME_OF_OPTION[err.path]
  if (!param) return new InvalidGeometry(err.message)
  return new InvalidParameter(`${param}: ${err.message.slice(err.path.length + 2)}`)
}

/**
 * POST /api/analysis/area — ellipsoidal area (PostGIS geography) of a Geometry, Feature or
 * FeatureCollection of polygons, per feature and in total, in m², mu and ha.
 */
export async function analysisAreaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.post<{ Body: unknown; Querystring: AreaQuery }>(
    '/api/analysis/area',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            projected: { type: 'string', enum: ['gk'] },
            cm: { type: 'integer', minimum: 75, maximum: 135 },
            epsg: { type: 'integer', minimum: 4513, maximum: 4554 },
          },
          additionalProperties: false,
        },
      },
    },
    async (req) => {
      if (req.body === undefined || req.body === null) throw new BadRequest('send a GeoJSON body (Content-Type: application/json)')
      const geometries = polygonsOf(req.body, vertexBudgetOf(req.user?.role))
      await assertValidTopology(ctx.db.pool, geometries)
      const areas = await ellipsoidalAreas(ctx.db.pool, geometries)
      const total = areas.reduce((sum, m2) => sum + m2, 0)
      const result: AreaAnswer = {
        features: areas.map(areaSummary),
        total: areaSummary(total),
        method: 'ellipsoidal: PostGIS ST_Area(geography) on WGS84 / CGCS2000',
      }
      if (req.query.projected === 'gk') {
        try {
          const gk = await gaussKrugerArea(
            { type: 'FeatureCollection', features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })) },
            { centralMeridian: req.query.cm, epsg: req.query.epsg },
          )
          result.projected = { ...areaSummary(gk.m2), epsg: gk.epsg, centralMeridian: gk.centralMeridian }
        } catch (err) {
          if (err instanceof GeometryError) throw gaussKrugerRefusal(err)
          throw err
        }
      }
      return result
    },
  )
}
