import type { Map as MaplibreMap } from 'maplibre-gl'
import { clusterHatch, HATCH_PIXEL_RATIO } from '../lib/hatch'
import { CLUSTER_STYLE } from '../lib/symbology'
import type { ClusterCode } from '../shared/park-vocabulary'

/** Registers the chemical cluster hatches under the names the style's fill-pattern uses. */
export function addHatchImages(map: MaplibreMap): void {
  for (const code of Object.keys(CLUSTER_STYLE) as ClusterCode[]) {
    const name = CLUSTER_STYLE[code].pattern
    if (!map.hasImage(name)) map.addImage(name, clusterHatch(code), { pixelRatio: HATCH_PIXEL_RATIO })
  }
}
