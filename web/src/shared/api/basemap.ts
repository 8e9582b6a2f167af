/**
 * GET /api/basemap — the optional online base map, set on the server by BASEMAP_TILES (README,
 * "Configuration"): raster tile URL templates drawn under the park's own layers, in order (a
 * 天地图 vector layer, then its annotation layer). No tiles: the offline base map alone.
 */
export interface BasemapInfo {
  /** XYZ or WMTS-KVP templates with {z}, {x} and {y}; 256 px tiles in Web Mercator. */
  tiles: string[]
  attribution: string | null
}

/**
 * The origins of the tile URLs: what the Content-Security-Policy must let the map fetch from.
 * @example basemapOrigins(['https://t0.example.cn/vec_w/wmts?TILEMATRIX={z}']) // ['https://t0.example.cn']
 */
export function basemapOrigins(tiles: readonly string[]): string[] {
  return [...new Set(tiles.flatMap((t) => originOf(t) ?? []))]
}

/** Scheme and host[:port] of an http(s) URL, lower-cased; null for anything else (no URL class here: this module runs without DOM or Node types). */
function originOf(template: string): string | null {
  const m = /^(https?):\/\/([A-Za-z0-9.-]+(?::\d{1,5})?)(?:[/?#]|$)/.exec(template.trim())
  return m ? `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}` : null
}

/**
 * Throws unless the template is an http(s) URL with {z}, {x} and {y}: a typo in the variable
 * fails the start, not every tile request.
 */
export function checkTileTemplate(template: string): void {
  if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(template)) throw new Error(`BASEMAP_TILES: "${template}" is not a URL`)
  if (originOf(template) === null) throw new Error(`BASEMAP_TILES: "${template}" must be an http(s) URL with a host`)
  for (const part of ['{z}', '{x}', '{y}']) if (!template.includes(part)) throw new Error(`BASEMAP_TILES: "${template}" lacks ${part}`)
}
