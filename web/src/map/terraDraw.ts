/**
 * terra-draw, set up for the park's boundaries: a polygon mode with snapping to parcel corners and
 * a select mode for corner editing, in the planners' colours. Loaded on first use by DrawingTool
 * (its own chunk: the first view does not carry the drawing code).
 */
import type maplibregl from 'maplibre-gl'
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, type HexColor, type SnapToCustom } from 'terra-draw'
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter'
import { PRECISION } from './terraDrawPrecision'

const BOUNDARY_COLOR: HexColor = '#c2185b'
const VERTEX_COLOR: HexColor = '#ffffff'
const SNAP_COLOR: HexColor = '#f59f00'

export function createTerraDraw(map: maplibregl.Map, snapToCorner: SnapToCustom): { draw: TerraDraw; polygonMode: TerraDrawPolygonMode } {
  const snapping = { toCustom: snapToCorner }
  const polygonMode = new TerraDrawPolygonMode({
    snapping,
    // Escape is the app's (a window-wide shortcut that also works when a button has focus); Enter closes.
    keyEvents: { cancel: null, finish: 'Enter' },
    styles: {
      fillColor: BOUNDARY_COLOR, fillOpacity: 0.14, outlineColor: BOUNDARY_COLOR, outlineWidth: 2.5,
      closingPointColor: VERTEX_COLOR, closingPointOutlineColor: BOUNDARY_COLOR, closingPointWidth: 6, closingPointOutlineWidth: 2.5,
      snappingPointColor: SNAP_COLOR, snappingPointOutlineColor: VERTEX_COLOR, snappingPointWidth: 6, snappingPointOutlineWidth: 2,
    },
  })
  const selectMode = new TerraDrawSelectMode({
    keyEvents: null, // Delete and Escape are handled by the app, with undo
    flags: {
      polygon: {
        feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true, snappable: snapping } },
      },
    },
    styles: {
      selectedPolygonColor: BOUNDARY_COLOR, selectedPolygonFillOpacity: 0.18, selectedPolygonOutlineColor: BOUNDARY_COLOR, selectedPolygonOutlineWidth: 3,
      selectionPointColor: VERTEX_COLOR, selectionPointOutlineColor: BOUNDARY_COLOR, selectionPointWidth: 5, selectionPointOutlineWidth: 2.5,
      midPointColor: BOUNDARY_COLOR, midPointOutlineColor: VERTEX_COLOR, midPointWidth: 3.5, midPointOutlineWidth: 1.5,
    },
  })
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: PRECISION }),
    modes: [polygonMode, selectMode],
  })
  return { draw, polygonMode }
}
