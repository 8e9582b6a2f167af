import type { ClusterCode } from '../shared/park-vocabulary'
import { CLUSTER_STYLE } from './symbology'

/**
 * A seamless tile of anti-aliased parallel lines, as RGBA pixels for `map.addImage` and the legend swatch.
 * Lines run at 45° or 135°; `size` must be a multiple of `spacing` so the tile repeats without seams.
 *
 * @example hatchPattern({ size: 64, spacing: 16, lineWidth: 2.5, angle: 45, rgb: [196, 62, 0] })
 */
export function hatchPattern(options: {
  size: number
  spacing: number
  lineWidth: number
  angle: 45 | 135
  rgb: [number, number, number]
  alpha?: number
}): { width: number; height: number; data: Uint8ClampedArray } {
  const { size, spacing, lineWidth, angle, rgb } = options
  if (size % spacing !== 0) throw new RangeError(`hatch size ${size} is not a multiple of spacing ${spacing}`)
  const alpha = options.alpha ?? 1
  const data = new Uint8ClampedArray(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Lines are x ± y ≡ 0 (mod spacing); distance to the nearest one, measured across the line.
      const u = angle === 45 ? x + y + 1 : x - y + size
      const offset = ((u % spacing) + spacing) % spacing
      const distance = Math.min(offset, spacing - offset) / Math.SQRT2
      const coverage = Math.max(0, Math.min(1, lineWidth / 2 + 0.5 - distance))
      const i = (y * size + x) * 4
      data[i] = rgb[0]
      data[i + 1] = rgb[1]
      data[i + 2] = rgb[2]
      data[i + 3] = Math.round(255 * alpha * coverage)
    }
  }
  return { width: size, height: size, data }
}

/** `#rrggbb` → [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new RangeError(`not a #rrggbb colour: ${hex}`)
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)]
}

/** Hatch tiles are drawn at twice the CSS size so they stay crisp on high-density screens. */
export const HATCH_PIXEL_RATIO = 2
// A multiple of every cluster's spacing (14 and 28), so each tile repeats seamlessly.
const HATCH_TILE = 56

/** The hatch of a chemical cluster area, shared by the map's fill-pattern and the legend swatch. */
export function clusterHatch(code: ClusterCode): { width: number; height: number; data: Uint8ClampedArray } {
  const style = CLUSTER_STYLE[code]
  return hatchPattern({ size: HATCH_TILE, spacing: style.spacing, lineWidth: style.lineWidth, angle: style.angle, rgb: hexToRgb(style.color) })
}
