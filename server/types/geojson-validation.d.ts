// geojson-validation ships no types. `valid(obj, true)` returns the list of problems instead of a boolean.
declare module 'geojson-validation' {
  export function valid(geojson: unknown): boolean
  export function valid(geojson: unknown, trace: true): string[]
  export function isFeatureCollection(geojson: unknown, trace: true): string[]
  export function isGeometryObject(geojson: unknown, trace: true): string[]
}
