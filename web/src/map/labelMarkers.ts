import maplibregl, { type Map as MaplibreMap } from 'maplibre-gl'
import { type LayerId } from '../shared/park-vocabulary'
import type { LabelSpec } from '../lib/labels'

/** A label as a print layout draws it: `beside` labels start at x, the others are centred on it. */
export interface PrintedLabel {
  text: string
  kind: LabelSpec['kind']
  x: number
  y: number
  beside: boolean
}

interface Placed {
  spec: LabelSpec
  marker: maplibregl.Marker
  element: HTMLElement
}

// Pixels kept free around each label, so neighbours don't touch.
const PADDING = 3
// How far a name beside a point symbol starts from the point: the dot's radius and a gap.
const BESIDE_PX = 8

/**
 * Names drawn as HTML markers (the browser's CJK fonts; no glyph server offline), with greedy
 * collision: after each move, labels are placed by priority and any that would overlap one already
 * placed is hidden — the way symbol layers behave, at a scale (dozens of names) where DOM is cheap.
 */
export class LabelMarkers {
  private readonly byLayer = new Map<LayerId, Placed[]>()
  private readonly hiddenLayers = new Set<LayerId>()
  private frame = 0

  constructor(private readonly map: MaplibreMap) {
    map.on('move', this.schedule)
    map.on('resize', this.schedule)
  }

  setLabels(layer: LayerId, specs: readonly LabelSpec[]): void {
    for (const placed of this.byLayer.get(layer) ?? []) placed.marker.remove()
    this.byLayer.set(layer, specs.map((spec) => this.place(spec)))
    this.schedule()
  }

  setLayerVisible(layer: LayerId, visible: boolean): void {
    if (visible) this.hiddenLayers.delete(layer)
    else this.hiddenLayers.add(layer)
    this.schedule()
  }

  /**
   * The names now shown, where they are (CSS px in the map's container, at the label's anchor
   * point): what a print layout draws over the map's image, which holds no HTML markers.
   */
  visibleLabels(): PrintedLabel[] {
    return [...this.byLayer.values()].flat()
      .filter((p) => p.element.style.visibility === 'visible')
      .map(({ spec }) => {
        const { x, y } = this.map.project(spec.lngLat)
        return { text: spec.text, kind: spec.kind, x: spec.placement === 'right' ? x + BESIDE_PX : x, y, beside: spec.placement === 'right' }
      })
  }

  destroy(): void {
    cancelAnimationFrame(this.frame)
    this.map.off('move', this.schedule)
    this.map.off('resize', this.schedule)
    for (const placed of [...this.byLayer.values()].flat()) placed.marker.remove()
    this.byLayer.clear()
  }

  private place(spec: LabelSpec): Placed {
    const element = document.createElement('div')
    element.className = `map-label map-label--${spec.kind}`
    element.textContent = spec.text
    // Labels never catch clicks: the feature under them should get the click.
    element.style.pointerEvents = 'none'
    const beside = spec.placement === 'right'
    const marker = new maplibregl.Marker({ element, anchor: beside ? 'left' : 'center', offset: beside ? [BESIDE_PX, 0] : [0, 0] })
      .setLngLat(spec.lngLat).addTo(this.map)
    return { spec, marker, element }
  }

  private readonly schedule = (): void => {
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => this.layout())
  }

  private layout(): void {
    const zoom = this.map.getZoom()
    const { clientWidth, clientHeight } = this.map.getContainer()
    const taken: { x0: number; y0: number; x1: number; y1: number }[] = []
    const all = [...this.byLayer.entries()].flatMap(([layer, placed]) => placed.map((p) => ({ layer, ...p })))
    all.sort((a, b) => b.spec.priority - a.spec.priority)
    for (const { layer, spec, element } of all) {
      let show = !this.hiddenLayers.has(layer) && zoom >= spec.minZoom
      if (show) {
        const { x, y } = this.map.project(spec.lngLat)
        const w = element.offsetWidth
        const h = element.offsetHeight / 2 + PADDING
        const box = spec.placement === 'right'
          ? { x0: x + BESIDE_PX - PADDING, y0: y - h, x1: x + BESIDE_PX + w + PADDING, y1: y + h }
          : { x0: x - w / 2 - PADDING, y0: y - h, x1: x + w / 2 + PADDING, y1: y + h }
        const offScreen = box.x1 < 0 || box.y1 < 0 || box.x0 > clientWidth || box.y0 > clientHeight
        show = !offScreen && !taken.some((t) => box.x0 < t.x1 && box.x1 > t.x0 && box.y0 < t.y1 && box.y1 > t.y0)
        if (show) taken.push(box)
      }
      element.style.visibility = show ? 'visible' : 'hidden'
    }
  }
}
