// shpjs ships no types: what shp.ts uses of it.
declare module 'shpjs' {
  interface ShapefileLayer {
    type: 'FeatureCollection'
    features: { type: 'Feature'; geometry: import('geojson').Geometry | null; properties: Record<string, unknown> | null }[]
    fileName?: string
  }
  /** A zipped Shapefile (bytes) → its layer, or its layers when there are several. Projects by the .prj. */
  export default function shp(zip: Uint8Array | ArrayBuffer): Promise<ShapefileLayer | ShapefileLayer[]>
}
