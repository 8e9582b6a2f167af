/**
 * Yearly figures (enterprise_figures.csv): plausible sample values, not reported ones. Revenue
 * scales with the mu a firm operates on; the other indicators follow from revenue with
 * per-industry ratios. Money in 万元, electricity in kWh, energy in tce.
 */
import { createRng, type Rng } from './frame'
import type { EnterpriseDef, Industry } from './enterprises'
import type { Parcel } from './parcels'
import { HELD_PARCEL_STATUSES, type ParcelStatus } from '../../web/src/shared/park-vocabulary'

export const FIGURE_COLUMNS = [
  'enterprise_id', 'year', 'revenue_wan', 'value_added_wan', 'profit_wan', 'tax_wan', 'electricity_kwh',
  'energy_tce', 'rnd_wan', 'employees', 'is_sample',
] as const
export type FigureRow = Record<(typeof FIGURE_COLUMNS)[number], string | number | boolean | null>

type Span = [number, number]
interface Profile {
  revenuePerMu: Span
  valueAdded: Span
  margin2021: Span
  margin2022: Span
  tax: Span
  kwhPerWan: Span
  /** Other fuels (steam, gas, coal) as a multiple of electricity's tce. */
  fuelFactor: Span
  rnd: Span
  wanPerEmployee: Span
  growth: Span
}

const PROFILES: Record<Industry, Profile> = {
  new_energy_materials: { revenuePerMu: [250, 700], valueAdded: [0.2, 0.3], margin2021: [0.05, 0.12], margin2022: [0.04, 0.12], tax: [0.02, 0.045], kwhPerWan: [300, 1200], fuelFactor: [1.1, 1.4], rnd: [0.025, 0.045], wanPerEmployee: [150, 300], growth: [1.15, 1.6] },
  textile: { revenuePerMu: [120, 300], valueAdded: [0.15, 0.22], margin2021: [0.02, 0.06], margin2022: [-0.03, 0.03], tax: [0.01, 0.025], kwhPerWan: [1500, 3000], fuelFactor: [1.2, 1.6], rnd: [0.008, 0.015], wanPerEmployee: [40, 80], growth: [0.8, 0.95] },
  chemical_pharma: { revenuePerMu: [150, 450], valueAdded: [0.25, 0.35], margin2021: [0.06, 0.15], margin2022: [0.05, 0.14], tax: [0.03, 0.06], kwhPerWan: [400, 900], fuelFactor: [1.5, 2.2], rnd: [0.03, 0.05], wanPerEmployee: [100, 200], growth: [0.95, 1.15] },
  other: { revenuePerMu: [60, 200], valueAdded: [0.18, 0.28], margin2021: [0.02, 0.08], margin2022: [0.0, 0.07], tax: [0.015, 0.04], kwhPerWan: [200, 600], fuelFactor: [1.05, 1.3], rnd: [0.005, 0.02], wanPerEmployee: [40, 100], growth: [0.9, 1.1] },
}

/** Firm-specific departures from the industry profile. */
const OVERRIDES: Record<string, Partial<Profile>> = {
  zichen: { kwhPerWan: [2500, 3500] }, // anode graphitisation is power-hungry
  hongwei: { revenuePerMu: [8, 20], margin2021: [-0.06, 0.01], margin2022: [-0.08, 0], tax: [0.005, 0.012] }, // low-efficiency plot
  lianxi: { revenuePerMu: [12, 18], kwhPerWan: [2000, 3000], margin2021: [0.05, 0.1], margin2022: [0.05, 0.1], rnd: [0, 0.005], wanPerEmployee: [25, 40] },
}

/** The one operating firm whose 2022 return is deliberately missing, for the per-mu evaluation to cope with. */
export const MISSING_2022 = 'sample-01'
const REGULATED = 2000 // 规上: annual revenue ≥ 20 million yuan = 2000 万元
/** Firms on these parcels produce (a plot flagged idle or being revitalised does not). */
const OPERATING = new Set<ParcelStatus>(HELD_PARCEL_STATUSES.filter((s) => s !== 'idle' && s !== 'revitalising'))

const draw = (rng: Rng, [lo, hi]: Span): number => rng.range(lo, hi)
const r1 = (x: number): number => Math.round(x * 10) / 10

/** Revenue for 2021 and 2022 (null when the firm was not producing), consistent with its above_scale flag. */
function revenues(e: EnterpriseDef, mu: number, p: Profile, rng: Rng): [number | null, number | null] {
  const started = e.started_year!
  let r2022 = mu * draw(rng, p.revenuePerMu) * (started === 2022 ? 0.3 : 1)
  let r2021: number | null = started <= 2021 ? r2022 / draw(rng, p.growth) : null
  if (e.id === 'tianen') return [r1(rng.range(1700, 1950)), r1(rng.range(2150, 2600))] // 入规 in 2022
  const fit = (r: number): number =>
    e.above_scale ? (r < REGULATED * 1.1 ? rng.range(2200, 3500) : r) : r >= REGULATED * 0.95 ? rng.range(500, 1800) : r
  r2022 = fit(r2022)
  if (r2021 !== null) r2021 = fit(r2021)
  return [r2021 === null ? null : r1(r2021), r1(r2022)]
}

function row(e: EnterpriseDef, year: number, revenue: number, p: Profile, rng: Rng): FigureRow {
  const kwh = Math.round((revenue * draw(rng, p.kwhPerWan)) / 100) * 100
  return {
    enterprise_id: e.id,
    year,
    revenue_wan: revenue,
    value_added_wan: r1(revenue * draw(rng, p.valueAdded)),
    profit_wan: r1(revenue * draw(rng, year === 2021 ? p.margin2021 : p.margin2022)),
    tax_wan: r1(revenue * draw(rng, p.tax)),
    electricity_kwh: kwh,
    // 0.1229 kgce/kWh: electricity's equivalent-value coefficient (GB/T 2589).
    energy_tce: r1((kwh * 0.1229 * draw(rng, p.fuelFactor)) / 1000),
    rnd_wan: r1(revenue * draw(rng, p.rnd)),
    employees: Math.max(3, Math.round(revenue / draw(rng, p.wanPerEmployee))),
    is_sample: true,
  }
}

/** Figures for every producing firm with land: 2021 if it started by then, 2022 unless deliberately missing. */
export function buildFigures(enterprises: EnterpriseDef[], parcels: Parcel[]): FigureRow[] {
  const rng = createRng('figures')
  const rows: FigureRow[] = []
  for (const e of enterprises) {
    if (e.started_year === null) continue
    const mu = parcels.filter((q) => q.enterprise_id === e.id && OPERATING.has(q.status)).reduce((s, q) => s + q.mu, 0)
    if (mu === 0) continue
    const p = { ...PROFILES[e.industry], ...OVERRIDES[e.id] }
    const [r2021, r2022] = revenues(e, mu, p, rng)
    if (r2021 !== null) rows.push(row(e, 2021, r2021, p, rng))
    if (r2022 !== null && e.id !== MISSING_2022) rows.push(row(e, 2022, r2022, p, rng))
  }
  return rows
}
