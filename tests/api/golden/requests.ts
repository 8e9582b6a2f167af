import type { Role } from '../../../web/src/shared/access-policy'
import { LAYER_IDS } from '../../../web/src/shared/park-vocabulary'

/** One request of the golden run; its answer is kept in out/<name>.json. */
export interface GoldenRequest {
  name: string
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH'
  url: string
  as?: Role
  headers?: Record<string, string>
  body?: unknown
  /** Keep the answer's `id` under this key, for `{key}` in later urls. */
  remember?: string
}

const AUDIENCES = [['public', undefined], ['investor', 'investor'], ['planner', 'planner']] as const

/** A small square in the south district (about 0.3 km²), drawn clockwise from its south-west corner. */
const SOUTH_SQUARE = {
  type: 'Polygon',
  coordinates: [[[115.392, 28.683], [115.392, 28.688], [115.398, 28.688], [115.398, 28.683], [115.392, 28.683]]],
}
/** The same square grown 0.002° east and north. */
const SOUTH_SQUARE_BIGGER = {
  type: 'Polygon',
  coordinates: [[[115.392, 28.683], [115.392, 28.690], [115.400, 28.690], [115.400, 28.683], [115.392, 28.683]]],
}
const BOW_TIE = { type: 'Polygon', coordinates: [[[115.39, 28.68], [115.4, 28.69], [115.4, 28.68], [115.39, 28.69], [115.39, 28.68]]] }

const reads: GoldenRequest[] = [
  ...AUDIENCES.flatMap(([who, as]): GoldenRequest[] => [
    { name: `health.${who}`, url: '/api/health', ...(as ? { as } : {}) },
    { name: `me.${who}`, url: '/api/auth/me', ...(as ? { as } : {}) },
    { name: `layers.${who}`, url: '/api/layers', ...(as ? { as } : {}) },
    ...LAYER_IDS.map((layer) => ({ name: `features.${layer}.${who}`, url: `/api/layers/${layer}/features?limit=10000`, ...(as ? { as } : {}) })),
  ]),
  { name: 'features.parcels.bbox', url: '/api/layers/parcels/features?bbox=115.38,28.67,115.40,28.69&limit=20', as: 'land_officer' },
  { name: 'public-parcels.all', url: '/api/public/parcels' },
  { name: 'public-parcels.filtered', url: '/api/public/parcels?land_use=industrial&min_mu=20&max_mu=200&limit=5' },
  { name: 'public-parcels.zone', url: '/api/public/parcels?zone_id=huangxi', as: 'investor' },
  { name: 'public-parcels.sheet', url: '/api/public/parcels/HX-001' },
  { name: 'public-parcels.ready-price', url: '/api/public/parcels?ready=power,water_supply&min_price=15&max_price=25' },
  { name: 'public-parcels.chemical', url: '/api/public/parcels?chemical=true&industry=chemical_pharma', as: 'investor' },
  { name: 'readiness-thresholds', url: '/api/admin/readiness-thresholds', as: 'admin' },
  { name: 'conditions.HX-001', url: '/api/parcels/HX-001/conditions', as: 'land_officer' },
  { name: 'area.square', method: 'POST', url: '/api/analysis/area', body: SOUTH_SQUARE },
  { name: 'area.square-gk', method: 'POST', url: '/api/analysis/area?projected=gk', body: { type: 'Feature', properties: {}, geometry: SOUTH_SQUARE } },
  { name: 'overlap.square', method: 'POST', url: '/api/analysis/overlap', as: 'planner', body: { geometry: SOUTH_SQUARE, layers: ['parcels', 'projects', 'enterprises', 'basemap'] } },
  { name: 'overlap.boundary-all', method: 'POST', url: '/api/analysis/overlap', as: 'planner', body: { ref: { layer: 'zones', ids: ['approved-boundary'] }, layers: ['parcels', 'idle_plots', 'chemical_clusters'], include: 'all' } },
  { name: 'scenarios.list', url: '/api/scenarios', as: 'land_officer' },
  { name: 'scenarios.sample', url: '/api/scenarios/draft-2022-south', as: 'planner' },
  { name: 'scenarios.sample-version', url: '/api/scenarios/draft-2022-south/versions/1', as: 'planner' },
  { name: 'chemical-firms', url: '/api/analysis/chemical-firms-outside-cluster', as: 'land_officer' },
  { name: 'per-mu.latest', url: '/api/metrics/per-mu', as: 'land_officer' },
  { name: 'per-mu.2021', url: '/api/metrics/per-mu?year=2021', as: 'planner' },
  { name: 'per-mu.csv', url: '/api/metrics/per-mu.csv?year=2022', as: 'land_officer' },
  { name: 'grading', url: '/api/metrics/grading', as: 'planner' },
  { name: 'dashboard', url: '/api/metrics/dashboard', as: 'admin' },
  { name: 'admin-users', url: '/api/admin/users', as: 'admin' },
  { name: 'history.idle-case', url: '/api/idle-plots/IDLE-002/history', as: 'land_officer' },
  { name: 'idle.register', url: '/api/idle-plots', as: 'planner' },
  { name: 'idle.case', url: '/api/idle-plots/IDLE-003', as: 'land_officer' },
]

const writes: GoldenRequest[] = [
  { name: 'scenarios.create', method: 'POST', url: '/api/scenarios', as: 'planner', remember: 'scenario', body: { name_zh: '南区扩区（试）', note: '试算', geometry: SOUTH_SQUARE, comment: '初稿' } },
  { name: 'scenarios.save', method: 'POST', url: '/api/scenarios/{scenario}/versions', as: 'planner', headers: { 'if-match': '"1"' }, body: { geometry: SOUTH_SQUARE_BIGGER, comment: '第二稿：向东向北扩' } },
  { name: 'scenarios.diff', url: '/api/scenarios/{scenario}/diff?from=1&to=2', as: 'planner' },
  { name: 'scenarios.comment', method: 'POST', url: '/api/scenarios/{scenario}/comments', as: 'admin', body: { body: '东侧林地需报批', version: 2, pin: [115.399, 28.687] } },
  { name: 'scenarios.submit', method: 'POST', url: '/api/scenarios/{scenario}/versions/2/submit', as: 'planner', body: { comment: '请审查' } },
  { name: 'scenarios.approve', method: 'POST', url: '/api/scenarios/{scenario}/versions/2/decision', as: 'admin', body: { decision: 'approved', comment: '同意' } },
  { name: 'scenarios.detail', url: '/api/scenarios/{scenario}', as: 'land_officer' },
  { name: 'parcels.update', method: 'PATCH', url: '/api/parcels/HX-001', as: 'land_officer', headers: { 'if-match': '"1"' }, body: { price_wan_per_mu: 18.5, note: '挂牌价调整' } },
  { name: 'idle.flag', method: 'POST', url: '/api/idle-plots', as: 'land_officer', remember: 'case', body: { parcel_id: 'FT-002', category: 'low_efficiency', reason: '容积率低于合同约定', agreed_start_date: '2020-05-01' } },
  { name: 'idle.transition', method: 'POST', url: '/api/idle-plots/{case}/transitions', as: 'land_officer', headers: { 'if-match': '"1"' }, body: { to: 'determination', note: '认定为低效用地', doc_no: '低认〔2022〕9号', doc_date: '2022-06-01' } },
  { name: 'idle.register.after', url: '/api/idle-plots?category=low_efficiency', as: 'land_officer' },
  { name: 'parcels.history', url: '/api/parcels/FT-002/history', as: 'land_officer' },
  { name: 'conditions.update', method: 'PUT', url: '/api/parcels/HX-002/conditions', as: 'land_officer', headers: { 'if-match': '"1"' }, body: {
    min_investment_wan_per_mu: 330, min_plot_ratio: 1.2, max_plot_ratio: 2.8, max_building_coverage_pct: 60, min_tax_wan_per_mu: 24,
    max_energy_tce_per_wan: 0.25, industries: ['new_energy_materials'],
  } },
  { name: 'inquiries.send', method: 'POST', url: '/api/public/parcels/HX-002/inquiries', body: { name: '李女士', contact: 'li@example.com', message: '可否实地踏勘？' } },
  { name: 'inquiries.list', url: '/api/inquiries', as: 'land_officer' },
  { name: 'features.parcels.after-writes', url: '/api/layers/parcels/features?bbox=115.36,28.70,115.42,28.74&limit=50', as: 'land_officer' },
]

/** Refusals whose words and codes stay as they are. */
const refusals: GoldenRequest[] = [
  { name: 'error.unknown-layer', url: '/api/layers/nope/features' },
  { name: 'error.hidden-layer', url: '/api/layers/idle_plots/features' },
  { name: 'error.bbox', url: '/api/layers/parcels/features?bbox=1,2,3' },
  { name: 'error.bow-tie', method: 'POST', url: '/api/analysis/area', body: BOW_TIE },
  { name: 'error.sheet-not-on-offer', url: '/api/public/parcels/FT-001' },
  { name: 'error.sign-in', url: '/api/metrics/per-mu' },
  { name: 'error.role', url: '/api/admin/users', as: 'planner' },
  { name: 'error.stale', method: 'POST', url: '/api/scenarios/draft-2022-south/versions', as: 'planner', headers: { 'if-match': '"0"' }, body: { geometry: SOUTH_SQUARE } },
  { name: 'error.frozen', method: 'POST', url: '/api/scenarios/{scenario}/versions', as: 'planner', headers: { 'if-match': '"2"' }, body: { geometry: SOUTH_SQUARE } },
  { name: 'error.scenario-hidden', url: '/api/scenarios', as: 'investor' },
]

export const GOLDEN_REQUESTS: readonly GoldenRequest[] = [...reads, ...writes, ...refusals]
