import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../app'
import { healthRoutes } from './health'
import { layerRoutes } from './layers'
import { analysisAreaRoutes } from './analysis-area'
import { analysisOverlapRoutes } from './analysis-overlap'
import { authRoutes } from './auth'
import { adminUserRoutes } from './admin-users'
import { publicParcelRoutes } from './public-parcels'
import { editRoutes } from './edits'
import { metricsRoutes } from './metrics'

export type RouteModule = (app: FastifyInstance, ctx: RouteContext) => Promise<void>

/** Every route module, registered in this order. */
export const ROUTE_MODULES: readonly RouteModule[] = [healthRoutes, layerRoutes, analysisAreaRoutes, analysisOverlapRoutes, authRoutes, adminUserRoutes, publicParcelRoutes, editRoutes, metricsRoutes]
