/**
 * 界址点 exchange file of the Ministry of Natural Resources (建设用地报批 / 勘测定界):
 *
 *   [属性描述]            坐标系=2000国家大地坐标系, 几度分带=3, 投影类型=高斯克吕格, 计量单位=米, 带号=38, 精度=0.001, 转换参数=…
 *   [地块坐标]
 *   点数,面积(公顷),地块编号,地块名称,面,图幅号,地块用途,地类编码,@      one header per parcel (9 fields; local variants 12)
 *   J1,1,3176822.130,38636813.880                                      点号,圈号,X (northing),Y (easting)
 *
 * Each 圈号 is one ring, closed by repeating its first point; a parcel's rings become its outer
 * ring, holes (a ring inside another) and further parts. Written back the same way, in GBK or UTF-8.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { decodeText, encodeText } from './text-encoding'
import { planePositions, planeToLonLat, planeZone } from './plane'
import { numberedPoints, planeFeatures } from './plane-write'
import { polygonFromRings, repairRing } from './rings'
import { ConvertError, type Converter, type ReadOptions, type WriteOptions } from './types'

/** Property keys of an imported parcel: ≤ 10 bytes in UTF-8, so they survive a Shapefile's DBF too. */
export const PARCEL_KEYS = { code: '编号', name: '名称', use: '用途', landClass: '地类码', sheet: '图幅号', hectares: '公顷' } as const

interface ParcelBlock {
  line: number
  fields: string[]
  /** 圈号 → its points with their line numbers. */
  rings: Map<string, { points: [number, number][]; line: number }>
  pointCount: number
}

const numberOf = (s: string | undefined): number => (s !== undefined && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(s) ? Number(s) : NaN)

/** `key=value` lines of [属性描述]. */
function attributeBlock(lines: string[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const line of lines) {
    const at = line.indexOf('=')
    if (at > 0) out.set(line.slice(0, at).trim(), line.slice(at + 1).trim())
  }
  return out
}

/** Refuses what the file's own description rules out: another datum, 6° zones, feet. */
function checkDescription(attributes: Map<string, string>, notes: string[]): number | undefined {
  const crs = attributes.get('坐标系')
  if (crs && !/2000|CGCS/i.test(crs)) {
    throw new ConvertError(`坐标系=${crs}: only CGCS2000 (2000国家大地坐标系) is read; convert 西安80 / 北京54 coordinates first`, '[属性描述]')
  }
  const width = attributes.get('几度分带')
  if (width && numberOf(width) !== 3) throw new ConvertError(`几度分带=${width}: only 3° Gauss-Krüger zones are read`, '[属性描述]')
  const unit = attributes.get('计量单位')
  if (unit && !/^(米|m|metre|meter)$/i.test(unit)) throw new ConvertError(`计量单位=${unit}: coordinates must be in metres (米)`, '[属性描述]')
  const band = attributes.get('带号')
  if (band === undefined || band === '') return undefined
  const value = numberOf(band)
  if (!Number.isInteger(value)) throw new ConvertError(`带号=${band} is not a zone number`, '[属性描述]')
  if (!crs) notes.push('[属性描述] names no 坐标系: read as CGCS2000')
  return value
}

/** The [地块坐标] block as parcels: a header line (ends in @) and its point lines. */
function parcelBlocks(lines: { text: string; line: number }[]): ParcelBlock[] {
  const parcels: ParcelBlock[] = []
  for (const { text, line } of lines) {
    const fields = text.split(/[,，]/).map((f) => f.trim())
    if (fields[fields.length - 1] === '@') {
      if (fields.length < 5) throw new ConvertError(`a parcel header needs 点数,面积,地块编号,地块名称,…,@ — got ${fields.length} fields`, `line ${line}`, 'malformed')
      parcels.push({ line, fields: fields.slice(0, -1), rings: new Map(), pointCount: 0 })
      continue
    }
    const parcel = parcels[parcels.length - 1]
    if (!parcel) throw new ConvertError(`"${text.slice(0, 40)}" comes before any parcel header (点数,面积,…,@)`, `line ${line}`, 'malformed')
    const [, ring, x, y] = fields
    const northing = numberOf(x)
    const easting = numberOf(y)
    if (fields.length < 4 || !ring || !Number.isFinite(northing) || !Number.isFinite(easting)) {
      throw new ConvertError(`expected a point line 点号,圈号,X,Y — got "${text.slice(0, 60)}"`, `line ${line}`, 'malformed')
    }
    const entry = parcel.rings.get(ring) ?? { points: [], line }
    entry.points.push([northing, easting])
    parcel.rings.set(ring, entry)
    parcel.pointCount++
  }
  return parcels
}

function parcelProperties(fields: string[]): Record<string, unknown> {
  const [, hectares, code, name, , sheet, use, landClass] = fields
  const props: Record<string, unknown> = { [PARCEL_KEYS.code]: code ?? '', [PARCEL_KEYS.name]: name ?? '' }
  if (use) props[PARCEL_KEYS.use] = use
  if (landClass) props[PARCEL_KEYS.landClass] = landClass
  if (sheet) props[PARCEL_KEYS.sheet] = sheet
  const ha = numberOf(hectares)
  if (Number.isFinite(ha)) props[PARCEL_KEYS.hectares] = ha
  return props
}

async function read(bytes: Uint8Array, options: ReadOptions = {}) {
  const notes: string[] = []
  const { text, encoding } = decodeText(bytes)
  const all = text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t.trim(), line: i + 1 }))
  const start = all.findIndex((l) => l.text === '[地块坐标]')
  if (start < 0) throw new ConvertError('no [地块坐标] section: this is not a 界址点 exchange file', '', 'malformed')
  const describeAt = all.findIndex((l) => l.text === '[属性描述]')
  const descriptionLines = describeAt >= 0 && describeAt < start ? all.slice(describeAt + 1, start).map((l) => l.text) : []
  if (describeAt < 0) notes.push('no [属性描述] section: CGCS2000 3° Gauss-Krüger assumed')
  const band = checkDescription(attributeBlock(descriptionLines), notes)
  const parcels = parcelBlocks(all.slice(start + 1).filter((l) => l.text !== ''))
  if (parcels.length === 0) throw new ConvertError('the [地块坐标] section holds no parcel', `line ${all[start]!.line}`)

  const rings = parcels.flatMap((parcel, p) => {
    const label = `parcel ${p + 1}${parcel.fields[2] ? ` (${parcel.fields[2]})` : ''}`
    const declared = numberOf(parcel.fields[0])
    if (Number.isFinite(declared) && declared !== parcel.pointCount) {
      notes.push(`${label}: header (line ${parcel.line}) says ${declared} points, the file lists ${parcel.pointCount}`)
    }
    if (parcel.rings.size === 0) throw new ConvertError(`${label} has no point lines`, `line ${parcel.line}`)
    return [...parcel.rings].map(([ringNo, { points, line }]) => ({ parcel: p, where: `${label}, ring ${ringNo} (line ${line})`, xy: points }))
  })
  const planeRings = rings.map((r) => ({ parcel: r.parcel, where: r.where, points: planePositions(r.xy, r.where, notes) }))
  const { zone, crs } = planeZone(planeRings.flatMap((r) => r.points.map((p) => p[0] as number)), { epsg: options.epsg, band })
  const repaired = planeRings.map((r) => ({ ...r, points: repairRing(r, notes) }))
  const lonLat = await planeToLonLat(zone, repaired)
  const features: Feature<Polygon | MultiPolygon>[] = parcels.map((parcel, p) => ({
    type: 'Feature',
    properties: parcelProperties(parcel.fields),
    geometry: polygonFromRings(lonLat.filter((_, i) => repaired[i]!.parcel === p)),
  }))
  if (encoding === 'gbk') notes.push('read as GBK')
  return { features: { type: 'FeatureCollection' as const, features }, crs_detected: crs, notes }
}

const mm = (v: number): string => v.toFixed(3)
const field = (v: unknown): string => (v === undefined || v === null ? '' : String(v).replace(/[,，\r\n@]/g, ' '))

async function write(collection: Parameters<Converter['write']>[0], options: WriteOptions = {}) {
  const { zone, features } = await planeFeatures(collection, { epsg: options.epsg })
  const lines = [
    '[属性描述]',
    '格式版本号=1.01版本',
    '数据产生单位=Park Atlas',
    `数据产生日期=${new Date().toISOString().slice(0, 10)}`,
    '坐标系=2000国家大地坐标系',
    '几度分带=3',
    '投影类型=高斯克吕格',
    '计量单位=米',
    `带号=${zone.zone}`,
    '精度=0.001',
    '转换参数=,,,,,,',
    '[地块坐标]',
  ]
  features.forEach((feature, f) => {
    const props = feature.properties
    // Each 地块 numbered from J1 on its own.
    const points = numberedPoints(feature.parts).map(({ no, ring, e, n }) => `J${no},${ring},${mm(n)},${mm(e)}`)
    // 面积 in 公顷 is the GK plane area, as survey files quote it (see plane-write.ts), 4 decimals (1 m²).
    const hectares = (feature.planeM2 / 10_000).toFixed(4)
    const code = field(props[PARCEL_KEYS.code]) || String(f + 1)
    const name = field(props[PARCEL_KEYS.name] ?? props.name_zh ?? props.name)
    lines.push(`${points.length},${hectares},${code},${name},面,${field(props[PARCEL_KEYS.sheet])},${field(props[PARCEL_KEYS.use])},${field(props[PARCEL_KEYS.landClass])},@`, ...points)
  })
  const encoding = options.encoding ?? 'utf-8'
  const { bytes } = encodeText(`${lines.join('\r\n')}\r\n`, encoding)
  return { bytes, contentType: `text/plain; charset=${encoding === 'gbk' ? 'GBK' : 'utf-8'}`, filename: `${options.name ?? 'boundary'}.txt` }
}

export const jzdTxt: Converter = {
  name: 'jzd-txt',
  label: '界址点交换文件 TXT (MNR exchange format)',
  extensions: ['.txt'],
  contentType: 'text/plain',
  read,
  write,
}
