/**
 * Parcels: blocks cut into parcel shapes, the pinned roles of plan.ts applied, and the rest
 * filled zone by zone — Fengtian with idle plots and sample firms, Huangxi with a mix of
 * available / reserved / occupied land, the south district as land under acquisition.
 */
import { createRng, type Ring } from './frame'
import { M2_PER_MU } from '../../web/src/shared/units'
import { area, centroid, intersectRings, pointInRing, thickness } from './geometry'
import { buildBlocks, randomParts, subdivide, type Block } from './blocks'
import { CLUSTER_B, FORESTS, ZONE_GRIDS } from './layout'
import { PINS, type ParcelAttrs, type Role } from './plan'
import { IDLE_CASES, idleParcelStatus } from './idle'
import { FT_SAMPLES, HX_SAMPLES } from './enterprises'

export interface Parcel extends ParcelAttrs {
  id: string
  ring: Ring
  block: Block
  tag: string | null
  mu: number
}

interface Draft {
  ring: Ring
  block: Block
  role: Role | null
}

const NO_CONTRACT = {
  contract_signed_on: null, land_delivered_on: null, agreed_start_on: null, agreed_completion_on: null,
  actual_start_on: null, actual_completion_on: null, investment_wan_per_mu: null, plot_ratio: null,
} as const

const baseAttrs = (zone_id: string): ParcelAttrs => ({
  zone_id, land_use: 'industrial', status: 'occupied', enterprise_id: null, land_approval: 'approved',
  forest_approval: 'not_required', demolished_buildings: 0, relocated_graves: 0, price_wan_per_mu: null, note: null,
  ...NO_CONTRACT,
})

/** All parcels, numbered FT-001…, HX-001…, NQ-001… north to south, west to east. */
export function buildParcels(): { parcels: Parcel[]; blocks: Block[] } {
  const rng = createRng('parcels')
  const blocks = ZONE_GRIDS.flatMap(buildBlocks)
  const missing = Object.keys(PINS).filter((k) => !blocks.some((b) => b.key === k))
  if (missing.length) throw new Error(`pinned blocks not found: ${missing.join(', ')}`)
  const drafts: Draft[] = blocks.flatMap((block) => {
    const pin = PINS[block.key]
    const rings = subdivide(block, pin?.parts ?? randomParts(block, rng), rng)
    return rings.map((ring, i) => ({ ring, block, role: pin ? (pin.roles[Math.min(i, pin.roles.length - 1)] ?? null) : null }))
  })
  const counters = new Map<string, number>()
  const parcels: (Parcel & { needsFill: boolean })[] = drafts.map((d) => {
    const prefix = d.block.grid.prefix
    const n = (counters.get(prefix) ?? 0) + 1
    counters.set(prefix, n)
    return {
      ...baseAttrs(d.block.grid.zoneId), ...d.role?.attrs, id: `${prefix}-${String(n).padStart(3, '0')}`,
      ring: d.ring, block: d.block, tag: d.role?.tag ?? null, mu: area(d.ring) / M2_PER_MU, needsFill: d.role === null,
    }
  })
  fillFengtian(parcels.filter((p) => p.zone_id === 'fengtian'))
  fillHuangxi(parcels.filter((p) => p.zone_id === 'huangxi'))
  fillSouth(parcels.filter((p) => p.zone_id === 'south'))
  applyIdleCases(parcels)
  applyContracts(parcels)
  return { parcels: parcels.map(({ needsFill: _, ...p }) => p), blocks }
}

type Fillable = Parcel & { needsFill: boolean }

/** Idle plots: the tagged parcel takes the holder (or lessee / buyer) and the status the case's stage implies. */
function applyIdleCases(parcels: Fillable[]): void {
  for (const c of IDLE_CASES) {
    const p = parcels.find((q) => q.tag === `idle:${c.key}`)
    if (!p) throw new Error(`idle case ${c.key} has no parcel`)
    Object.assign(p, { land_use: 'industrial', status: idleParcelStatus(c), enterprise_id: c.parcel_enterprise_id, note: `闲置低效用地：${c.holder_zh}` })
    if (c.grant_price_wan_per_mu !== null) p.price_wan_per_mu = c.grant_price_wan_per_mu
    if (c.agreed_start_date) {
      // The contract behind the idle-land clock: signed a year before the agreed start, land delivered in between.
      const y = Number(c.agreed_start_date.slice(0, 4))
      Object.assign(p, {
        contract_signed_on: `${y - 1}${c.agreed_start_date.slice(4)}`, land_delivered_on: `${y - 1}-12-31`,
        agreed_start_on: c.agreed_start_date, agreed_completion_on: `${y + 2}${c.agreed_start_date.slice(4)}`,
        // a revitalised plot's successor has started: the watch list has nothing more to say about it
        actual_start_on: c.steps.find((s) => s.successor_start_date)?.successor_start_date ?? null,
      })
    }
  }
}

/**
 * Sample land-grant contracts (示例) on the Fengtian sample firms' parcels, for 动态巡查: most
 * started and finished on time, one started but is past its agreed completion, and one is past its
 * agreed start without having started — the parcels the watch list shows.
 */
function applyContracts(parcels: Fillable[]): void {
  const held = parcels.filter((p) => p.zone_id === 'fengtian' && p.status === 'occupied' && p.enterprise_id && !p.tag).slice(0, 6)
  held.forEach((p, i) => {
    const y = 2018 + (i % 4)
    Object.assign(p, {
      contract_signed_on: `${y}-03-15`, land_delivered_on: `${y}-05-01`, agreed_start_on: `${y}-09-30`, agreed_completion_on: `${y + 2}-09-30`,
      actual_start_on: i === 5 ? null : `${y}-09-12`, actual_completion_on: i >= 4 ? null : `${y + 2}-06-30`,
    })
  })
}

function groupByBlock(parcels: Fillable[]): Fillable[][] {
  const groups = new Map<string, Fillable[]>()
  for (const p of parcels) groups.set(p.block.key, [...(groups.get(p.block.key) ?? []), p])
  return [...groups.values()]
}

/**
 * Fengtian: idle plots spread over the fill, then one sample firm per block — twice round the
 * list, the second block being a firm's later phase — then park-owned standard factories.
 */
function fillFengtian(zone: Fillable[]): void {
  const open = zone.filter((p) => p.needsFill)
  const cases = IDLE_CASES.filter((c) => !zone.some((p) => p.tag === `idle:${c.key}`))
  cases.forEach((c, k) => {
    const p = open[Math.floor(((k + 0.5) * open.length) / cases.length)]!
    p.tag = `idle:${c.key}`
    p.needsFill = false
  })
  const samples = [...FT_SAMPLES, ...FT_SAMPLES]
  let spare = 0
  for (const group of groupByBlock(open.filter((p) => p.needsFill))) {
    const built = group.filter((p) => thickness(p.ring) >= 60)
    const firm = built.length ? samples.shift() : undefined
    for (const p of group) {
      p.needsFill = false
      if (!built.includes(p)) Object.assign(p, { land_use: 'green', note: '防护绿地' })
      else if (firm) Object.assign(p, { enterprise_id: firm.id, land_use: firm.id === 'sample-07' ? 'warehouse' : 'industrial' })
      else if (spare++ % 3 === 2) Object.assign(p, { land_use: 'warehouse', note: '仓储物流用地（园区平台公司持有）' })
      else p.note = '园区标准厂房（平台公司持有，多家企业租用，未逐户列出）'
    }
  }
}

/** Huangxi: cluster B land kept for chemical projects; elsewhere available, reserved and a few sample firms. */
function fillHuangxi(zone: Fillable[]): void {
  const rng = createRng('huangxi')
  const samples = [...HX_SAMPLES]
  const price = (lo: number, hi: number): number => Math.round(rng.range(lo, hi) * 2) / 2
  for (const p of zone) {
    if (p.status === 'available' && p.price_wan_per_mu === null) p.price_wan_per_mu = price(15, 25)
    if (!p.needsFill) continue
    p.needsFill = false
    const r = rng.next()
    if (pointInRing(centroid(p.ring), CLUSTER_B)) {
      if (r < 0.65) Object.assign(p, { status: 'available', price_wan_per_mu: price(12, 16), note: '化工集中区B区（规划发展区）用地，限化工项目' })
      else Object.assign(p, { status: 'reserved', note: '化工集中区B区预留用地' })
    } else if (thickness(p.ring) < 60) {
      Object.assign(p, { land_use: 'green', note: '防护绿地' })
    } else if (r < 0.25 && samples.length) {
      const firm = samples.shift()!
      Object.assign(p, { enterprise_id: firm.id, land_use: firm.id === 'sample-hx-03' ? 'warehouse' : 'industrial' })
    } else if (r < 0.75) {
      Object.assign(p, { status: 'available', price_wan_per_mu: price(15, 25) })
    } else {
      Object.assign(p, { status: 'reserved', note: '园区储备用地' })
    }
  }
  if (samples.length) throw new Error(`Huangxi sample firms left without land: ${samples.map((s) => s.id).join(', ')}`)
}

/** South district: approvals, demolition and grave counts; unpinned land is under acquisition. */
function fillSouth(zone: Fillable[]): void {
  const rng = createRng('south')
  for (const p of zone) {
    if (p.needsFill) {
      p.needsFill = false
      Object.assign(p, thickness(p.ring) < 60 ? { status: 'under_acquisition', land_use: 'green', note: '防护绿地（征收中）' } : { status: 'under_acquisition' })
    }
    const forested = FORESTS.some((f) => intersectRings(p.ring, f.ring).some((r) => area(r) > 2000))
    const catl = p.enterprise_id === 'catl'
    p.land_approval = p.status === 'reserved' || p.block.v0 >= -2050 ? 'pending' : 'not_started'
    p.forest_approval = catl ? 'approved' : forested ? 'pending' : p.status === 'reserved' ? 'approved' : 'not_required'
    p.demolished_buildings = catl ? rng.int(1, 8) : rng.chance(0.35) ? rng.int(1, 6) : 0
    p.relocated_graves = catl ? rng.int(4, 30) : rng.chance(0.4) ? rng.int(1, 20) : 0
  }
}
