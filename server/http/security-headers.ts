import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import { basemapOrigins, type BasemapInfo } from '../../web/src/shared/api/basemap'

/**
 * Content-Security-Policy for the map client: everything from this origin; maplibre-gl starts its
 * workers from blob: URLs and decodes images and glyphs from data:/blob:; styles may be inline because
 * maplibre and React position elements with style attributes. No plug-ins, no framing.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'", 'data:', 'blob:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/**
 * helmet's headers (nosniff, frame-ancestors, referrer policy, HSTS…) with the map's CSP; an
 * online base map's tile servers are let in for images and fetches, and nothing else is.
 */
export async function registerSecurityHeaders(app: FastifyInstance, basemap: BasemapInfo): Promise<void> {
  const tileOrigins = basemapOrigins(basemap.tiles)
  const directives = {
    ...CSP_DIRECTIVES,
    imgSrc: [...CSP_DIRECTIVES.imgSrc, ...tileOrigins],
    connectSrc: [...CSP_DIRECTIVES.connectSrc, ...tileOrigins],
  }
  await app.register(fastifyHelmet, {
    // No upgrade-insecure-requests: the app is also served over plain http on 127.0.0.1.
    contentSecurityPolicy: { useDefaults: false, directives },
    crossOriginEmbedderPolicy: false,
  })
}
