/**
 * KML (Google Earth, 奥维互动地图, 91卫图) and KMZ (a zip holding doc.kml): lon/lat on WGS84, which
 * CGCS2000 matches to the centimetre. Read with @tmcw/togeojson over @xmldom/xmldom (the same
 * XML parser in the browser and in Node), written with @placemarkio/tokml; zipped with fflate.
 * Each feature's name (featureName) becomes the placemark's <name>; every property rides along as
 * ExtendedData and comes back as properties.
 */
import { cleanFeatures } from './features-in'
import { featureName } from './plane-write'
import { decodeText, encodeText } from './text-encoding'
import { ConvertError, type Converter, type ReadOptions, type WriteOptions } from './types'

async function readKmlText(text: string, options: ReadOptions, notes: string[]) {
  const [{ DOMParser }, { kml: toGeoJson }] = await Promise.all([import('@xmldom/xmldom'), import('@tmcw/togeojson')])
  let doc
  try {
    doc = new DOMParser({ onError: (level, message) => { if (level === 'fatalError') throw new Error(message) } }).parseFromString(text, 'text/xml')
  } catch (err) {
    throw new ConvertError(`not XML (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`, '', 'malformed')
  }
  if (doc.getElementsByTagName('kml').length === 0) throw new ConvertError('no <kml> element: not a KML document', '', 'malformed')
  const collection = toGeoJson(doc as never)
  const labelled = collection.features.map((f, i) => {
    const name = typeof f.properties?.name === 'string' ? f.properties.name : ''
    return { geometry: f.geometry, properties: f.properties, where: `placemark ${i + 1}${name ? ` (${name})` : ''}` }
  })
  return cleanFeatures(labelled, options, notes)
}

async function kmlText(collection: Parameters<Converter['write']>[0]): Promise<string> {
  const { toKML } = await import('@placemarkio/tokml')
  const features = collection.features.map((f, i) => {
    const properties = { ...(f.properties ?? {}) }
    properties.name ??= featureName(properties, `boundary ${i + 1}`)
    return { ...f, properties }
  })
  return toKML({ type: 'FeatureCollection', features })
}

export const kml: Converter = {
  name: 'kml',
  label: 'KML (Google Earth, 奥维)',
  extensions: ['.kml'],
  contentType: 'application/vnd.google-earth.kml+xml',
  async read(bytes, options = {}) {
    return readKmlText(decodeText(bytes).text, options, [])
  },
  async write(collection, options: WriteOptions = {}) {
    return { bytes: encodeText(await kmlText(collection), 'utf-8').bytes, contentType: this.contentType, filename: `${options.name ?? 'boundary'}.kml` }
  },
}

export const kmz: Converter = {
  name: 'kmz',
  label: 'KMZ (zipped KML)',
  extensions: ['.kmz'],
  contentType: 'application/vnd.google-earth.kmz',
  async read(bytes, options = {}) {
    const { unzipSync } = await import('fflate')
    let files: Record<string, Uint8Array>
    try {
      files = unzipSync(bytes)
    } catch (err) {
      throw new ConvertError(`not a zip archive (${err instanceof Error ? err.message : String(err)})`, '', 'malformed')
    }
    // The KML spec: the first .kml at the root is the document (usually doc.kml).
    const name = Object.keys(files).filter((n) => n.toLowerCase().endsWith('.kml')).sort((a, b) => a.split('/').length - b.split('/').length)[0]
    if (!name) throw new ConvertError('the KMZ holds no .kml document', '', 'malformed')
    return readKmlText(decodeText(files[name]!).text, options, [`read ${name} from the KMZ`])
  },
  async write(collection, options: WriteOptions = {}) {
    const { zipSync } = await import('fflate')
    const bytes = zipSync({ 'doc.kml': encodeText(await kmlText(collection), 'utf-8').bytes })
    return { bytes, contentType: this.contentType, filename: `${options.name ?? 'boundary'}.kmz` }
  },
}
