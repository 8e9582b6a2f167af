/**
 * Utilities (utilities table): the networks and plants the report mentions, drawn along the
 * road corridors of layout.ts. Each line keeps its own lane (offset from the road centreline)
 * so parallel lines don't sit on top of each other. Capacities are samples.
 */
import type { Ring, XY } from './frame'
import { bbox, ccw, centroid, rect } from './geometry'
import type { Block } from './blocks'
import type { Parcel } from './parcels'
import type { UtilityKind } from '../../web/src/shared/park-vocabulary'

export type UtilityGeometry = { type: 'area'; rings: Ring[] } | { type: 'lines'; lines: XY[][] }

export interface Utility {
  id: string
  kind: UtilityKind
  name_zh: string
  name_en: string
  status: 'existing' | 'planned' | 'under_construction' | 'temporary'
  capacity: number | null
  capacity_unit: string | null
  operator: string | null
  note: string | null
  /** When a planned or half-built network is expected to serve (sample dates). */
  expected_date: string | null
  geometry: UtilityGeometry
}

export const UTILITY_COLUMNS = ['id', 'kind', 'name_zh', 'name_en', 'status', 'capacity', 'capacity_unit', 'operator', 'note', 'expected_date'] as const

/** Sample dates for the networks not built yet, by id. */
const EXPECTED: Record<string, string> = {
  'UT-002': '2027-06-30', 'UT-003': '2027-12-31', 'UT-004': '2027-12-31', 'UT-012': '2027-03-31', 'UT-013': '2027-09-30',
  'UT-016': '2027-06-30', 'UT-017': '2027-06-30', 'UT-020': '2027-06-30',
}

/** A convex ring shrunk towards its centroid (stays inside it). */
function shrink(ring: Ring, f: number): Ring {
  const [cx, cy] = centroid(ring)
  return ring.map(([x, y]) => [cx + f * (x - cx), cy + f * (y - cy)] as XY)
}

const POWER = '县供电公司'
const WATER = '县自来水公司（示例）'
const TELECOM = '县通信管线公司（示例）'

/** All utilities; needs the parcels tagged substation, sewage-plant and idle:oubiao, and the CATL block. */
export function buildUtilities(parcels: Parcel[], blocks: Block[]): Utility[] {
  const tagged = (tag: string): Parcel => {
    const p = parcels.find((q) => q.tag === tag)
    if (!p) throw new Error(`no parcel tagged ${tag}`)
    return p
  }
  const substation = shrink(tagged('substation').ring, 0.6)
  const sub = centroid(substation)
  const plant = shrink(tagged('sewage-plant').ring, 0.8)
  const plantC = centroid(plant)
  const steamSource = centroid(tagged('idle:oubiao').ring)
  const catlBlock = blocks.find((b) => b.key === 'NQ:-1950:-1650')
  if (!catlBlock) throw new Error('no CATL substation block')
  const [, minV, maxU] = bbox(catlBlock.ring)
  const catlSub = rect(maxU - 110, minV + 10, maxU - 10, minV + 90)
  const catlSubEast: XY = [maxU - 10, minV + 50]

  let n = 0
  const u = (
    kind: UtilityKind, name_zh: string, name_en: string, status: Utility['status'], capacity: number | null,
    capacity_unit: string | null, operator: string | null, note: string | null, geometry: UtilityGeometry,
  ): Utility => {
    const id = `UT-${String(++n).padStart(3, '0')}`
    return { id, kind, name_zh, name_en, status, capacity, capacity_unit, operator, note, expected_date: EXPECTED[id] ?? null, geometry }
  }
  const lines = (...ls: XY[][]): UtilityGeometry => ({ type: 'lines', lines: ls })
  const area = (r: Ring): UtilityGeometry => ({ type: 'area', rings: [ccw(r)] })

  // Lanes on 天工南大道 (centreline u = -1500): HV +16, temporary power +11, steam +6, gas -6, temporary water -11, CATL feeder -16.
  return [
    u('substation', '高新园区110kV变电站', 'Park 110 kV substation', 'existing', 100000, 'kVA', POWER, '2×50 MVA（示例容量）', area(substation)),
    u('power_line', '天工南大道高压线', 'High-voltage line along Tiangong South Avenue', 'planned', 110, 'kV', POWER, '南区基础保障项目，拟投资启动',
      lines([sub, [-1484, sub[1]], [-1484, -2700]])),
    u('substation', '宁德时代专用变电站', 'CATL dedicated substation', 'planned', 126000, 'kVA', POWER, '方案设计已完成（报告作“*KVA变电站”；容量为示例）', area(catlSub)),
    u('power_line', '宁德时代变电站输电线路', 'Transmission line to the CATL substation', 'planned', 110, 'kV', POWER, '方案设计已完成（报告作“*公里输电线路”）；示意路径',
      lines([sub, [-1516, sub[1]], [-1516, catlSubEast[1]], catlSubEast])),
    u('power_line', '陶家线', 'Taojia 10 kV line', 'existing', 10, 'kV', POWER, '计划迁改部分杆段（报告作“*kV陶家线*#~*#杆线路迁改”），保障紫宸科技、金大高科、金源纺织、宁昱鸿等项目建设运行',
      lines([[-3100, 1262], [-12, 1262], [-12, 1596], [380, 1596]])),
    u('power_line', '南区临时用电线路', 'Temporary power line, south district', 'temporary', 10, 'kV', POWER, '已完成宁德时代、国轩高科等南区项目施工临时用电线路架设',
      lines([sub, [-1489, sub[1]], [-1489, -844]], [[-2300, -844], [-1100, -844]])),
    u('water_main', '南区临时供水管', 'Temporary water main, south district', 'temporary', 300, 'DN', WATER, '已完成宁德时代、国轩高科等南区项目施工临时用水管道铺设',
      lines([[-1511, -8], [-1511, -856]], [[-2300, -856], [-1100, -856]])),
    u('water_plant', '高新园区供水厂', 'Park water plant', 'existing', 50000, 't/d', WATER, '示例设施', area([[-3450, -60], [-3290, -70], [-3280, 60], [-3440, 70]])),
    u('water_main', '滨河大道给水主管', 'Binhe Avenue water main', 'existing', 800, 'DN', WATER, null, lines([[-3285, -8], [2300, -8]])),
    u('water_main', '冯田大道给水管', 'Fengtian Avenue water main', 'existing', 500, 'DN', WATER, null, lines([[-3000, 1242], [2250, 1242]])),
    u('water_main', '高新大道、黄溪大道给水管', 'Gaoxin & Huangxi Avenue water mains', 'existing', 400, 'DN', WATER, null, lines([[-8, -8], [-8, 2250]], [[1142, -8], [1142, 2250]])),
    u('gas_pipeline', '天然气一期管道', 'Natural gas pipeline, phase 1', 'planned', 300, 'DN', null, '材料购置、施工正在招标', lines([[2400, 9], [-1506, 9], [-1506, -1640]])),
    u('steam_pipeline', '亿利洁能集中供汽管网', 'Yili Clean Energy central steam network', 'planned', 100, 't/h', '亿利洁能', '督促亿利洁能尽快启动南区供热项目建设，保障未来南区用汽；汽源为欧标地块（盘活后）',
      lines([steamSource, [steamSource[0], -14], [-1494, -14], [-1494, -1644]], [[-2600, -1644], [-700, -1644]])),
    u('rain_sewer', '冯田区雨水管网', 'Fengtian rain sewers', 'existing', 1200, 'DN', null, '就近排入冯水', lines([[-3000, 1234], [-16, 1234]], [[-1516, 2400], [-1516, -40]], [[16, 2250], [16, -40]])),
    u('sewage_pipe', '冯田区污水管网', 'Fengtian sewage network', 'existing', 600, 'DN', '联熙水务', null,
      lines([[-3000, 1246], [4, 1246], [4, 380], plantC], [[-3000, 4], [4, 4], [4, 380]], [[1154, 2250], [1154, 196], [plantC[0], 196], plantC])),
    u('rain_sewer', '南区雨水管网（规划）', 'South district rain sewers (planned)', 'planned', 1000, 'DN', null, '南区雨污管网排水及强弱电综合管线项目',
      lines([[-1519, -470], [-1519, -2700]], [[-2800, -1661], [-300, -1661]])),
    u('sewage_pipe', '南区污水管网（规划）', 'South district sewage network (planned)', 'planned', 500, 'DN', '联熙水务', '接入冯田区污水管网，送联熙水务污水处理厂',
      lines([[-2800, -1656], [-300, -1656]], [[-1499, -1656], [-1499, 4]])),
    u('sewage_plant', '联熙水务污水处理厂', 'Lianxi Water sewage plant', 'existing', 20000, 't/d', '联熙水务', '计划扩容（核准南区项目污水排放总量后启动）；容量为示例', area(plant)),
    // 通讯: added for the portal's readiness (七通一平); appended so the older ids stay put.
    u('telecom_cable', '冯田大道、高新大道通信管线', 'Fengtian & Gaoxin Avenue telecom ducts', 'existing', 24, 'holes', TELECOM, null,
      lines([[-3000, 1238], [2250, 1238]], [[-4, -4], [-4, 2250]])),
    u('telecom_cable', '南区强弱电综合管线（在建）', 'South district power and telecom ducts (under construction)', 'under_construction', 12, 'holes', TELECOM,
      '南区雨污管网排水及强弱电综合管线项目', lines([[-1503, -470], [-1503, -2700]])),
    u('power_line', '黄溪大道10kV配电线路', 'Huangxi Avenue 10 kV feeder', 'existing', 10, 'kV', POWER, '示例线路', lines([[sub[0], sub[1]], [1132, sub[1]], [1132, 2250]])),
  ]
}
