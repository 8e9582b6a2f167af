import { LAYER_IDS, type LayerId } from '../shared/park-vocabulary'
import { CLASS_METHODS } from './perMu/classify'
import { THEMATIC_FIGURES } from './perMu/figures'
import type { ThemeChoice } from './perMu/parcelTheme'
import { isLayerId } from './layers'

/**
 * What a link to the map keeps: where it looks, which layers are off, the selected feature, the
 * side panel shown and the parcels' theme. It lives in the URL's fragment, so a link is shareable
 * and back/forward walk through it, and the server never sees it (nothing to leak, nothing to parse).
 *
 * `#map=15.20/28.70123/115.40123&off=basemap,utilities&sel=parcels:HX-001&tab=analysis&theme=grade`
 * (`map=` is zoom/lat/lon, the order maplibre's own hash and most web maps use).
 */
export interface Camera {
  lng: number
  lat: number
  zoom: number
}

export interface ViewState {
  camera: Camera | null
  /** Layers switched off (the default is every layer on, so a short link shows the usual map). */
  off: LayerId[]
  selected: { layer: LayerId; id: string } | null
  tab: string | null
  theme: ThemeChoice | null
}

export const EMPTY_VIEW: ViewState = { camera: null, off: [], selected: null, tab: null, theme: null }

/** Camera precision: 5 decimals of a degree ≈ 1 m, 2 of a zoom level. */
function formatCamera({ lng, lat, zoom }: Camera): string {
  return `${zoom.toFixed(2)}/${lat.toFixed(5)}/${lng.toFixed(5)}`
}

function parseCamera(text: string | null): Camera | null {
  if (!text) return null
  const parts = text.split('/')
  if (parts.length !== 3 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number]
  if (zoom < 0 || zoom > 24 || Math.abs(lat) > 85 || Math.abs(lng) > 180) return null
  return { lng, lat, zoom }
}

export function formatTheme(theme: ThemeChoice | null): string | null {
  if (!theme) return null
  return theme.kind === 'grade' ? 'grade' : `${theme.figure}.${theme.method}`
}

export function parseTheme(text: string | null): ThemeChoice | null {
  if (text === 'grade') return { kind: 'grade' }
  const [figure, method] = (text ?? '').split('.')
  const f = THEMATIC_FIGURES.find((x) => x === figure)
  const m = CLASS_METHODS.find((x) => x === method)
  return f && m ? { kind: 'figure', figure: f, method: m } : null
}

/** Reads a fragment (with or without '#'); what it cannot read is left at the default, never an error. */
export function parseView(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const off = (params.get('off') ?? '').split(',').filter(isLayerId)
  const sel = params.get('sel')
  const colon = sel ? sel.indexOf(':') : -1
  const selLayer = sel && colon > 0 ? sel.slice(0, colon) : ''
  const selId = sel && colon > 0 ? sel.slice(colon + 1) : ''
  const tab = params.get('tab')
  return {
    camera: parseCamera(params.get('map')),
    off: LAYER_IDS.filter((id) => off.includes(id)),
    selected: isLayerId(selLayer) && selId ? { layer: selLayer, id: selId } : null,
    tab: tab && /^[a-z][a-z0-9_-]{0,31}$/.test(tab) ? tab : null,
    theme: parseTheme(params.get('theme')),
  }
}

/** The fragment for a view, '#…'; the parts at their default are left out. */
export function formatView(view: ViewState): string {
  const parts: string[] = []
  if (view.camera) parts.push(`map=${formatCamera(view.camera)}`)
  const off = LAYER_IDS.filter((id) => view.off.includes(id))
  if (off.length) parts.push(`off=${off.join(',')}`)
  if (view.selected) parts.push(`sel=${view.selected.layer}:${encodeURIComponent(view.selected.id)}`)
  if (view.tab) parts.push(`tab=${view.tab}`)
  const theme = formatTheme(view.theme)
  if (theme) parts.push(`theme=${theme}`)
  return parts.length ? `#${parts.join('&')}` : ''
}

/** Whether two views differ in anything but the camera (the changes that make a history entry). */
export function differsBeyondCamera(a: ViewState, b: ViewState): boolean {
  return formatView({ ...a, camera: null }) !== formatView({ ...b, camera: null })
}
