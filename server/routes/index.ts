import type { FastifyInstance } from 'fastify'
import type { AppContext } from '../app'
import { healthRoutes } from './health'
import { layerRoutes } from './layers'
import { analysisAreaRoutes } from './analysis-area'
import { analysisOverlapRoutes } from './analysis-overlap'

export type RouteModule = (app: FastifyInstance, ctx: AppContext) => Promise<void>

/** Every route module, registered in this order. */
export const ROUTE_MODULES: readonly RouteModule[] = [healthRoutes, layerRoutes, analysisAreaRoutes, analysisOverlapRoutes]
