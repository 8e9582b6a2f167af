import type { RouteModule } from '../context'
import { healthRoutes } from './health'
import { layerRoutes } from './layers'
import { analysisAreaRoutes } from './analysis-area'
import { analysisOverlapRoutes } from './analysis-overlap'
import { authRoutes } from './auth'
import { adminUserRoutes } from './admin-users'
import { publicParcelRoutes } from './public-parcels'
import { editRoutes } from './edits'
import { idleCaseRoutes } from './idle-cases'
import { metricsRoutes } from './metrics'
import { ogcRoutes } from './ogc'
import { parcelPageRoutes } from './parcel-page'
import { portalRoutes } from './portal'
import { tileRoutes } from './tiles'
import { convertRoutes } from './convert'

/** Every route module, registered in this order. */
export const ROUTE_MODULES: readonly RouteModule[] = [healthRoutes, layerRoutes, analysisAreaRoutes, analysisOverlapRoutes, convertRoutes, authRoutes, adminUserRoutes, publicParcelRoutes, editRoutes, idleCaseRoutes, metricsRoutes, portalRoutes, tileRoutes, parcelPageRoutes, ogcRoutes]
