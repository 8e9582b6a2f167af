import type maplibregl from 'maplibre-gl'

const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * A north arrow, as a maplibre control: an SVG that turns with the map's bearing so it always
 * points to grid north on screen (map documents are expected to carry one; the navigation
 * control's compass is a button, not a symbol a printout or screenshot would read as north).
 * `label` is its accessible name (北 / North), fixed at creation like the attribution.
 */
export class NorthArrow implements maplibregl.IControl {
  private map: maplibregl.Map | null = null
  private container: HTMLElement | null = null
  private arrow: SVGSVGElement | null = null

  constructor(private readonly label = '北 N') {}

  onAdd(map: maplibregl.Map): HTMLElement {
    this.map = map
    const container = document.createElement('div')
    container.className = 'maplibregl-ctrl north-arrow'
    container.setAttribute('role', 'img')
    container.setAttribute('aria-label', this.label)
    const svg = document.createElementNS(SVG_NS, 'svg')
    svg.setAttribute('viewBox', '0 0 32 32')
    svg.setAttribute('width', '29')
    svg.setAttribute('height', '29')
    svg.setAttribute('aria-hidden', 'true')
    // A disc (so it does not read as a mouse pointer), an N, and a split arrowhead (dark west
    // half, light east half), turning as one.
    svg.innerHTML =
      '<circle cx="16" cy="16" r="15" fill="rgba(255,255,255,0.9)" stroke="#c3ccd6" stroke-width="1"/>' +
      '<text x="16" y="11.5" text-anchor="middle" font-size="9" font-weight="700" font-family="sans-serif" fill="#1d2733">N</text>' +
      '<path d="M16 12.5 L21 27.5 L16 24 Z" fill="#ffffff" stroke="#1d2733" stroke-width="1.1" stroke-linejoin="round"/>' +
      '<path d="M16 12.5 L11 27.5 L16 24 Z" fill="#1d2733" stroke="#1d2733" stroke-width="1.1" stroke-linejoin="round"/>'
    container.append(svg)
    this.container = container
    this.arrow = svg
    map.on('rotate', this.turn)
    this.turn()
    return container
  }

  onRemove(): void {
    this.map?.off('rotate', this.turn)
    this.container?.remove()
    this.map = null
    this.container = null
    this.arrow = null
  }

  /** The arrow's angle on screen, in degrees clockwise: minus the bearing. */
  angle(): number {
    return -(this.map?.getBearing() ?? 0)
  }

  private readonly turn = (): void => {
    if (this.arrow) this.arrow.style.transform = `rotate(${this.angle()}deg)`
  }
}
