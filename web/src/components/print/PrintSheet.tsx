import { forwardRef, type CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { GridLine } from '../../lib/print/gkGrid'
import { scaleBarLabel, formatScale, mmPerPixel, scaleBar, scaleDenominator, type Box, type SheetLayout } from '../../lib/print/printLayout'
import type { MapSnapshot } from '../../map/ParkMap'
import type { GaussKrugerZone } from '../../shared/gauss-kruger'
import type { LayerId } from '../../shared/park-vocabulary'
import { Legend } from '../Legend'
import { addPanelStrings } from '../../i18n/panelStrings'
import { printZhCN } from '../../i18n/print.zh-CN'

addPanelStrings('print', printZhCN)

export interface PrintSheetProps {
  layout: SheetLayout
  title: string
  snapshot: MapSnapshot
  /** The layers drawn on the map, in the layer panel's order: the legend lists these only. */
  layers: readonly LayerId[]
  grid: { zone: GaussKrugerZone; lines: GridLine[] } | null
  date: string
}

const mm = (box: Box): CSSProperties => ({ left: `${box.x}mm`, top: `${box.y}mm`, width: `${box.width}mm`, height: `${box.height}mm` })
const SCALE_BAR_MAX_MM = 40

/**
 * One sheet of paper in millimetres: title, the map's image with its names (and a GK grid) drawn
 * over it, north arrow, scale bar, the legend of the layers shown, and a footer with the scale,
 * date, source and CRS. The same node is printed (PDF) and rasterised (PNG), so the two agree.
 */
export const PrintSheet = forwardRef<HTMLDivElement, PrintSheetProps>(function PrintSheet({ layout, title, snapshot, layers, grid, date }, ref) {
  const { t } = useTranslation()
  const { width: w, height: h } = snapshot
  const mmpp = mmPerPixel(layout.map, snapshot)
  const denominator = scaleDenominator(snapshot.metresPerPixel, mmpp)
  const bar = scaleBar(denominator, SCALE_BAR_MAX_MM)
  // The part of the image the frame shows (cover: centred, overflow cropped), in the map's px.
  const seen = { x: (w - layout.map.width / mmpp) / 2, y: (h - layout.map.height / mmpp) / 2 }
  // The overlay is drawn in the map's px; 1 px is `mmpp` mm, so a 3.2 mm name is 3.2 / mmpp px.
  const px = (millimetres: number) => millimetres / mmpp

  return (
    <div ref={ref} className="print-sheet" style={{ width: `${layout.paper.width}mm`, height: `${layout.paper.height}mm` }}>
      <header className="print-sheet__title" style={mm(layout.title)}>
        <h1>{title}</h1>
        <p>{t('app.subtitle')}</p>
      </header>
      <div className="print-sheet__map" style={mm(layout.map)}>
        <img src={snapshot.image} alt="" />
        <svg className="print-sheet__overlay" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="xMidYMid slice" aria-hidden="true">
          {grid?.lines.map((line) => (
            <polyline key={`${line.axis}${line.value}`} points={line.points.map((p) => p.join(',')).join(' ')}
              fill="none" stroke="#1f3b57" strokeOpacity={0.55} strokeWidth={px(0.25)} />
          ))}
          {grid?.lines.map((line) => {
            const at = line.axis === 'easting' ? pointAt(line.points, 1, seen.y) : pointAt(line.points, 0, seen.x)
            if (!at) return null
            const [x, y] = line.axis === 'easting' ? [at[0] + px(0.8), seen.y + px(3)] : [seen.x + px(0.8), at[1] - px(0.8)]
            return <text key={`l${line.axis}${line.value}`} x={x} y={y} className="print-sheet__grid-label" fontSize={px(2.4)} strokeWidth={px(0.6)}>{line.label}</text>
          })}
          {snapshot.labels.map((label, i) => (
            <text key={i} x={label.x} y={label.y} dominantBaseline="central" textAnchor={label.beside ? 'start' : 'middle'}
              className={`print-sheet__label print-sheet__label--${label.kind}`} fontSize={px(label.kind === 'parcel' ? 2.2 : 2.8)} strokeWidth={px(0.7)}>
              {label.text}
            </text>
          ))}
        </svg>
        <svg className="print-sheet__north" viewBox="-10 -13 20 26" role="img" aria-label={t('print.north')}>
          <g transform={`rotate(${-snapshot.bearing})`}>
            <path d="M0 -11 L6 7 L0 3 L-6 7 Z" fill="#1f2933" stroke="#fff" strokeWidth="1" />
            <text x="0" y="12.5" textAnchor="middle" fontSize="6" fontWeight="700">{t('print.north')}</text>
          </g>
        </svg>
        <div className="print-sheet__scalebar">
          <div className="print-sheet__bar" style={{ width: `${bar.mm}mm` }}><span /><span /></div>
          <div className="print-sheet__bar-labels" style={{ width: `${bar.mm}mm` }}><span>0</span><span>{scaleBarLabel(bar.metres)}</span></div>
        </div>
      </div>
      <aside className="print-sheet__legend" style={mm(layout.legend)}>
        <h2>{t('print.legend')}</h2>
        {layers.length === 0 && <p>{t('print.noLayers')}</p>}
        <div className="print-sheet__legend-layers">
          {layers.map((layer) => (
            <section key={layer}>
              <h3>{t(`layer.${layer}`)}</h3>
              <Legend layer={layer} />
            </section>
          ))}
        </div>
      </aside>
      <footer className="print-sheet__footer" style={mm(layout.footer)}>
        <p><strong>{t('print.scale', { scale: formatScale(denominator) })}</strong> · {t('print.date', { date })}{grid && <> · {t('print.crs', { zone: grid.zone.zone, epsg: grid.zone.epsg })}</>}</p>
        <p>{t('print.source')}</p>
      </footer>
    </div>
  )
})

/**
 * Where a polyline crosses `value` on one axis (0: x, 1: y), interpolated; null if it does not.
 * Grid labels sit where their line meets the frame's edge.
 */
function pointAt(points: readonly [number, number][], axis: 0 | 1, value: number): [number, number] | null {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    if ((a[axis] - value) * (b[axis] - value) <= 0 && a[axis] !== b[axis]) {
      const f = (value - a[axis]) / (b[axis] - a[axis])
      return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])]
    }
  }
  return null
}
