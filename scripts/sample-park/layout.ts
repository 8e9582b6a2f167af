/**
 * The park's hand-drawn plan in the grid frame (metres; see frame.ts): zone outlines, the road
 * grid, the chemical clusters, the river, forests and villages. Illustrative, not surveyed.
 */
import type { Ring, XY } from './frame'
import { ccw } from './geometry'

export const MAIN_ROAD_M = 40
export const SECONDARY_ROAD_M = 24
/** Parcels keep this far inside their zone's outline (a setback; also absorbs coordinate rounding). */
export const ZONE_SETBACK_M = 10

export interface GridLine {
  at: number
  width: number
}

export interface ZoneGrid {
  zoneId: 'fengtian' | 'huangxi' | 'south'
  /** Parcel id prefix: FT 冯田, HX 黄溪, NQ 南区. */
  prefix: 'FT' | 'HX' | 'NQ'
  outline: Ring
  u: GridLine[]
  v: GridLine[]
}

/** Grid lines west to east (or south to north): blocks are the cells between neighbours. */
const lines = (ats: number[], main: number[]): GridLine[] =>
  [...ats].sort((a, b) => a - b).map((at) => ({ at, width: main.includes(at) ? MAIN_ROAD_M : SECONDARY_ROAD_M }))

/** 冯田区: the built-out area west of 高新大道 (u = 0), north of the river. */
const FENGTIAN: Ring = ccw([
  [0, 0], [0, 2250], [-300, 2380], [-760, 2420], [-1200, 2400], [-1500, 2460], [-1950, 2440],
  [-2300, 2330], [-2600, 2120], [-2780, 1900], [-2980, 1760], [-3050, 1250], [-3000, 700],
  [-2940, 260], [-2780, 40], [-2300, -40], [-1500, 0], [-760, -20],
])

/** 黄溪新区: east of 高新大道. */
const HUANGXI: Ring = ccw([
  [0, 180], [700, 140], [1300, 200], [1900, 120], [2250, 300], [2320, 900], [2200, 1500],
  [2280, 1950], [1950, 2250], [1300, 2330], [600, 2300], [0, 2250],
])

/** 南区: south of the river, outside the approved boundary (hence 调区扩区). */
const SOUTH: Ring = ccw([
  [-300, -470], [-250, -1200], [-420, -1900], [-350, -2500], [-800, -2760], [-1500, -2700],
  [-2100, -2820], [-2550, -2500], [-2850, -2050], [-2780, -1300], [-2900, -700], [-2600, -460],
  [-1500, -450],
])

export const ZONE_GRIDS: ZoneGrid[] = [
  {
    zoneId: 'fengtian',
    prefix: 'FT',
    outline: FENGTIAN,
    u: lines([-3400, -3000, -2620, -2250, -1880, -1500, -1120, -760, -380, 0], [-1500, 0]),
    v: lines([-200, 0, 330, 640, 940, 1250, 1560, 1870, 2150, 2400, 2700], [0, 1250]),
  },
  {
    zoneId: 'huangxi',
    prefix: 'HX',
    outline: HUANGXI,
    u: lines([0, 400, 800, 1150, 1500, 1850, 2200, 2400], [0, 1150]),
    v: lines([0, 200, 560, 920, 1250, 1600, 1950, 2300, 2500], [0, 1250]),
  },
  {
    zoneId: 'south',
    prefix: 'NQ',
    outline: SOUTH,
    u: lines([-3000, -2800, -2400, -1950, -1500, -1100, -700, -300, -100], [-1500]),
    v: lines([-300, -450, -850, -1250, -1650, -2050, -2400, -2750, -2950], [-1650]),
  },
]

/** 高新园区批准范围: Fengtian and Huangxi with a margin; the south district lies outside it. */
export const APPROVED_BOUNDARY: Ring = ccw([
  [-2820, -90], [-1500, -70], [-300, -80], [700, 90], [1300, 150], [1900, 70], [2310, 260],
  [2380, 900], [2260, 1500], [2340, 1960], [1990, 2310], [1300, 2390], [600, 2360], [0, 2310],
  [-300, 2440], [-760, 2480], [-1200, 2460], [-1500, 2520], [-1950, 2500], [-2330, 2390],
  [-2650, 2170], [-2830, 1950], [-3040, 1800], [-3110, 1250], [-3060, 700], [-3000, 250],
])

/** The draft's south part: deliberately rough, overlapping the approved boundary and taking in forest. */
export const DRAFT_SOUTH_PART: Ring = ccw([
  [-3000, -60], [-200, -60], [-80, -1300], [-250, -2650], [-900, -2950], [-2200, -3000],
  [-2800, -2700], [-3150, -2000], [-3100, -700],
])

/** 化工集中区A区 (built), on road centrelines inside Fengtian; the block at its north-east was taken out. */
export const CLUSTER_A: Ring = ccw([
  [-2620, 330], [-1500, 330], [-1500, 640], [-1880, 640], [-1880, 940], [-2620, 940],
])

/** 化工集中区B区 (planned): south-east Huangxi, between 黄溪大道 and the zone edge. */
export const CLUSTER_B: Ring = ccw([
  [1150, 185], [1300, 200], [1900, 120], [2250, 300], [2285, 640], [2200, 920], [1150, 920],
])

/** 冯水: centreline of the meandering river between the built areas and the south district. */
export function riverCentreline(): XY[] {
  const out: XY[] = []
  for (let u = -4300; u <= 3000; u += 50) {
    const v = -225 + 60 * Math.sin((2 * Math.PI * (u + 300)) / 1500) + 25 * Math.sin((2 * Math.PI * u) / 520 + 0.7)
    out.push([u, v])
  }
  return out
}
export const RIVER_HALF_WIDTH_M = 18

export interface AreaFeature {
  id: string
  name_zh: string | null
  name_en: string | null
  ring: Ring
}

export const FORESTS: AreaFeature[] = [
  { id: 'forest-01', name_zh: '南岭林地', name_en: 'Nanling woodland', ring: ccw([[-3350, -1750], [-2700, -1850], [-2350, -2250], [-2300, -2700], [-2500, -3150], [-3300, -3050], [-3500, -2400]]) },
  { id: 'forest-02', name_zh: '东坡林地', name_en: 'Dongpo woodland', ring: ccw([[-750, -2250], [-150, -2050], [250, -2500], [0, -3000], [-650, -3100], [-950, -2800]]) },
  { id: 'forest-03', name_zh: '官山林地', name_en: 'Guanshan woodland', ring: ccw([[-1150, -1000], [-650, -900], [-480, -1350], [-800, -1600], [-1200, -1420]]) },
  { id: 'forest-04', name_zh: '北山林地', name_en: 'Beishan woodland', ring: ccw([[-2500, 2600], [-1700, 2650], [-1600, 3000], [-2400, 3100]]) },
]

export const VILLAGES: AreaFeature[] = [
  { id: 'village-01', name_zh: '陶家村', name_en: 'Taojia village', ring: ccw([[-3150, 2000], [-2950, 1990], [-2870, 2180], [-2960, 2380], [-3180, 2300]]) },
  { id: 'village-02', name_zh: '黄溪村', name_en: 'Huangxi village', ring: ccw([[2450, 1050], [2700, 1000], [2760, 1350], [2520, 1420]]) },
  { id: 'village-03', name_zh: '塘下村', name_en: 'Tangxia village', ring: ccw([[-1750, -2950], [-1450, -2920], [-1380, -3150], [-1700, -3220]]) },
]

export interface MainRoad {
  name_zh: string
  name_en: string
  from: XY
  to: XY
}

/** Named main roads (centrelines). 天工南大道 is the report's; the others are invented for the sample. */
export const MAIN_ROADS: MainRoad[] = [
  { name_zh: '天工大道', name_en: 'Tiangong Avenue', from: [-1500, -225], to: [-1500, 2900] },
  { name_zh: '天工南大道', name_en: 'Tiangong South Avenue', from: [-1500, -225], to: [-1500, -2950] },
  { name_zh: '冯田大道', name_en: 'Fengtian Avenue', from: [-3400, 1250], to: [2600, 1250] },
  { name_zh: '高新大道', name_en: 'Gaoxin Avenue', from: [0, 0], to: [0, 2650] },
  { name_zh: '黄溪大道', name_en: 'Huangxi Avenue', from: [1150, 0], to: [1150, 2600] },
  { name_zh: '滨河大道', name_en: 'Binhe Avenue', from: [-3600, 0], to: [2400, 0] },
  { name_zh: '南区大道', name_en: 'Nanqu Avenue', from: [-3200, -1650], to: [100, -1650] },
]
