/** GeoJSON (RFC 7946): a FeatureCollection, Feature or bare geometry; written as a lon/lat FeatureCollection. */
import type { Feature, Geometry } from 'geojson'
import { cleanFeatures, type LabelledFeature } from './features-in'
import { decodeText, encodeText } from './text-encoding'
import { ConvertError, type Converter, type ReadOptions, type WriteOptions } from './types'

function labelled(value: unknown): LabelledFeature[] {
  if (value === null || typeof value !== 'object') throw new ConvertError('expected a GeoJSON object', '', 'malformed')
  const { type } = value as { type?: unknown }
  if (type === 'FeatureCollection') {
    const { features } = value as { features?: unknown }
    if (!Array.isArray(features)) throw new ConvertError('a FeatureCollection needs a features array', 'features', 'malformed')
    return features.map((f: unknown, i) => {
      if (f === null || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') throw new ConvertError('expected a Feature', `features[${i}]`, 'malformed')
      const feature = f as Feature
      return { geometry: feature.geometry, properties: feature.properties, where: `features[${i}]` }
    })
  }
  if (type === 'Feature') return [{ geometry: (value as Feature).geometry, properties: (value as Feature).properties, where: 'feature' }]
  if (typeof type === 'string' && 'coordinates' in value) return [{ geometry: value as Geometry, properties: {}, where: 'geometry' }]
  if (type === 'GeometryCollection') return [{ geometry: value as Geometry, properties: {}, where: 'geometry' }]
  throw new ConvertError(`expected a FeatureCollection, Feature or geometry, got type ${JSON.stringify(type)}`, '', 'malformed')
}

async function read(bytes: Uint8Array, options: ReadOptions = {}) {
  const { text } = decodeText(bytes)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new ConvertError(`not JSON (${err instanceof Error ? err.message : String(err)})`, '', 'malformed')
  }
  const notes: string[] = []
  const result = await cleanFeatures(labelled(value), options, notes)
  if (options.epsg !== undefined && result.crs_detected.source === 'default') notes.push(`epsg ${options.epsg} ignored: the coordinates are longitude/latitude`)
  return result
}

async function write(collection: Parameters<Converter['write']>[0], options: WriteOptions = {}) {
  // RFC 7946 GeoJSON is lon/lat only (WGS84, which CGCS2000 matches to the centimetre): an epsg option does not apply.
  const text = `${JSON.stringify({ type: 'FeatureCollection', features: collection.features.map((f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry })) }, null, 2)}\n`
  return { bytes: encodeText(text, 'utf-8').bytes, contentType: 'application/geo+json', filename: `${options.name ?? 'boundary'}.geojson` }
}

export const geojson: Converter = {
  name: 'geojson',
  label: 'GeoJSON',
  extensions: ['.geojson', '.json'],
  contentType: 'application/geo+json',
  read,
  write,
}
