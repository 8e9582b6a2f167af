/**
 * The converters by format name, each loaded on first use: a format's libraries (togeojson,
 * shpjs, dxf-parser, fflate …) come with its module, so a visit that converts nothing loads none.
 */
import { CONVERT_FORMATS, type ConvertFormat } from '../api/convert'
import type { Converter } from './types'

const LOADERS: Record<ConvertFormat, () => Promise<Converter>> = {
  'jzd-txt': () => import('./jzd-txt').then((m) => m.jzdTxt),
  'coords-csv': () => import('./coords-csv').then((m) => m.coordsCsv),
  geojson: () => import('./geojson').then((m) => m.geojson),
  kml: () => import('./kml').then((m) => m.kml),
  kmz: () => import('./kml').then((m) => m.kmz),
  shp: () => import('./shp').then((m) => m.shp),
  dxf: () => import('./dxf').then((m) => m.dxf),
}

/** The converter of a format name. */
export function loadConverter(format: ConvertFormat): Promise<Converter> {
  return LOADERS[format]()
}

const EXTENSIONS: Record<string, ConvertFormat> = {
  '.txt': 'jzd-txt',
  '.csv': 'coords-csv',
  '.tsv': 'coords-csv',
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.kml': 'kml',
  '.kmz': 'kmz',
  '.zip': 'shp',
  '.shp': 'shp',
  '.dxf': 'dxf',
}

/**
 * The format a file name's ending says, or undefined.
 * @example formatOfFileName('南区界址点.TXT') // 'jzd-txt'
 */
export function formatOfFileName(name: string): ConvertFormat | undefined {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0]
  return ext ? EXTENSIONS[ext] : undefined
}

export const isConvertFormat = (value: string): value is ConvertFormat => (CONVERT_FORMATS as readonly string[]).includes(value)
