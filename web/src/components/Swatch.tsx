import { clusterHatch, HATCH_PIXEL_RATIO } from '../lib/hatch'
import type { Swatch as SwatchModel } from '../lib/legend'
import { CLUSTER_STYLE } from '../lib/symbology'
import type { ClusterCode } from '../shared/park-vocabulary'

const W = 24
const H = 14

// The legend shows the very pixels the map uses for the hatch, rendered once per cluster.
const hatchUrls = new Map<ClusterCode, string>()
function hatchUrl(code: ClusterCode): string {
  let url = hatchUrls.get(code)
  if (!url) {
    const image = clusterHatch(code)
    const canvas = document.createElement('canvas')
    canvas.width = image.width
    canvas.height = image.height
    canvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0)
    url = canvas.toDataURL()
    hatchUrls.set(code, url)
  }
  return url
}

/** A small picture of a map symbol, for the legend. */
export function Swatch({ swatch }: { swatch: SwatchModel }) {
  switch (swatch.type) {
    case 'fill':
      return (
        <svg className="swatch" width={W} height={H} aria-hidden="true">
          <rect x={1.5} y={1.5} width={W - 3} height={H - 3} rx={2} fill={swatch.fill} fillOpacity={swatch.fillOpacity}
            stroke={swatch.stroke} strokeWidth={swatch.strokeWidth} strokeDasharray={swatch.dash?.map((d) => d * swatch.strokeWidth).join(' ')} />
        </svg>
      )
    case 'line':
      return (
        <svg className="swatch" width={W} height={H} aria-hidden="true">
          {swatch.casing && <line x1={3} y1={H / 2} x2={W - 3} y2={H / 2} stroke={swatch.casing} strokeWidth={swatch.casingWidth ?? swatch.width + 2} strokeLinecap="round" />}
          <line x1={3} y1={H / 2} x2={W - 3} y2={H / 2} stroke={swatch.color} strokeWidth={swatch.width} strokeLinecap={swatch.dash ? 'butt' : 'round'}
            strokeDasharray={swatch.dash?.map((d) => d * swatch.width).join(' ')} />
        </svg>
      )
    case 'circle':
      return (
        <svg className="swatch" width={W} height={H} aria-hidden="true">
          <circle cx={W / 2} cy={H / 2} r={swatch.radius} fill={swatch.fill} stroke={swatch.stroke} strokeWidth={1.5} />
        </svg>
      )
    case 'hatch': {
      const style = CLUSTER_STYLE[swatch.cluster]
      const tile = clusterHatch(swatch.cluster).width / HATCH_PIXEL_RATIO
      return (
        <span
          className="swatch swatch--hatch"
          aria-hidden="true"
          style={{
            width: W,
            height: H,
            backgroundImage: `url(${hatchUrl(swatch.cluster)})`,
            backgroundSize: `${tile}px ${tile}px`,
            border: `2px ${style.dash ? 'dashed' : 'solid'} ${style.color}`,
          }}
        />
      )
    }
  }
}
