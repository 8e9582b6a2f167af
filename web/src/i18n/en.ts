import { sheetEn } from './sheet.en'
import { offerEn } from './offer.en'
import { printEn } from './print.en'
import { tableEn } from './table.en'
import { mapToolsEn } from './mapTools.en'
import { adminEn } from './admin.en'
import { analysisEn } from './analysis.en'
import { idleEn } from './idle.en'
import { perMuEn } from './perMu.en'
import type { Resources } from './zh-CN'

/** English UI strings; typed against the Chinese so a missing key fails the type check. */
export const en: Resources = {
  app: { title: 'Park Atlas', subtitle: 'Fengxin High-tech Industrial Park', sampleData: 'Illustrative sample data, not surveyed' },
  language: { label: 'Language', zh: '中文', en: 'English' },
  auth: {
    signIn: 'Sign in', signOut: 'Sign out', email: 'Email', password: 'Password', failed: 'Wrong email or password',
    role: { admin: 'Admin', planner: 'Planner', land_officer: 'Land officer', investor: 'Investor' },
  },
  layer: {
    zones: 'Park zones & boundaries',
    scenarios: 'Rezoning scenarios',
    chemical_clusters: 'Chemical cluster',
    parcels: 'Parcels',
    idle_plots: 'Idle & low-efficiency plots',
    projects: 'Projects',
    utilities: 'Utilities',
    enterprises: 'Enterprises',
    basemap: 'Base map',
  },
  noun: {
    zones: 'Zone', scenarios: 'Scenario', chemical_clusters: 'Chemical cluster', parcels: 'Parcel', idle_plots: 'Idle plot',
    projects: 'Project', utilities: 'Facility', enterprises: 'Enterprise', basemap: 'Base map feature',
  },
  legend: {
    title: 'Layers & legend',
    scenario: 'Rezoning scenario (under review)',
    count: '{{count}} features',
    empty: 'No features in this layer',
    truncated: 'Showing the first {{shown}} of {{count}}',
    clusterA: 'Area A (built)',
    clusterB: 'Area B (planned)',
    enterprise: 'Enterprise',
    chemicalEnterprise: 'Chemical enterprise',
    toggle: 'Show or hide {{layer}}',
    fit: 'Zoom to the whole park',
  },
  status: {
    loading: 'Loading layers…',
    loadingPart: 'Loading…',
    loadingLayer: 'Loading: {{layers}}',
    error: 'Could not load the map data',
    layerErrors: 'These layers failed to load: {{layers}}',
    retry: 'Retry',
    noLayers: 'The server returned no layers.',
    dismiss: 'Dismiss',
  },
  popup: { area: 'Area', areaValue: '{{mu}} ({{ha}} ha)', close: 'Close' },
  bool: { yes: 'Yes', no: 'No' },
  unit: { mu: 'mu', ha: 'ha', wanPerMu: '10k yuan/mu', yi: '100M yuan' },
  // 亩均效益 panel, dashboard and grading settings (web/src/components/perMu).
  perMu: perMuEn,
  // Boundary drawing and analysis panel (web/src/components/analysis).
  analysis: { ...analysisEn, tab: { label: 'Sidebar', layers: 'Layers', analysis: 'Analysis' } },
  // Accounts and roles, admins only (web/src/components/admin).
  admin: { ...adminEn, tab: 'Accounts' },
  // Idle and low-efficiency land cases (web/src/components/idle).
  idle: { ...idleEn, open: 'Idle / low-efficiency', openTitle: 'See or flag this parcel’s idle-land case', register: { ...idleEn.register, tab: 'Idle register' } },
  // Search, links, identify, measure, cursor coordinates (web/src/components/mapTools).
  mapTools: mapToolsEn,
  // The attribute table (web/src/components/table).
  table: { ...tableEn, open: 'Attribute table', openTitle: 'See every feature of a layer as a table (sort, filter, export)' },
  // Print layouts (web/src/components/print).
  print: { ...printEn, open: 'Print', openTitle: 'Lay the current view out on an A4/A3 sheet: export PNG or print to PDF' },
  // Land on offer, for investors and everyone (web/src/components/portal).
  offer: { ...offerEn, tab: 'Land on offer' },
  // The parcel sheet, inquiries and favourites (web/src/components/portal).
  sheet: { ...sheetEn, open: 'Parcel sheet', openTitle: 'Open the printable parcel sheet: area, services, planning conditions, price and inquiry', inquiries: { ...sheetEn.inquiries, tab: 'Inquiries' } },
  field: {
    id: 'ID', kind: 'Type', status: 'Status', note: 'Note', code: 'Area', stage: 'Stage',
    land_use: 'Land use', enterprise_id: 'Land user', zone_id: 'Zone', price_wan_per_mu: 'Indicative price',
    land_approval: 'Land approval', forest_approval: 'Forest land approval', demolished_buildings: 'Buildings demolished', relocated_graves: 'Graves relocated', site_state: 'Site preparation',
    version: 'Version', created_by: 'Drawn by',
    industry: 'Industry', is_chemical: 'Chemical firm', above_scale: 'Above designated size', started_year: 'In production since',
    investment_yi: 'Investment', is_major: '≥ 100M yuan project', capacity: 'Capacity', operator: 'Operator',
    category: 'Category', disposal: 'Disposal', successor: 'Taken over by', parcel_id: 'Parcel',
    agreed_start_date: 'Agreed start date', flagged_on: 'Flagged on', flagged_by: 'Flagged by', reason: 'Reason',
  },
  enum: {
    zones: {
      kind: { park_zone: 'Park zone', approved_boundary: 'Approved park boundary' },
      status: { current: 'Current', built_out: 'Built out', expanding: 'Expanding' },
    },
    scenarios: { status: { draft: 'Draft', submitted: 'Submitted for review', approved: 'Approved', rejected: 'Rejected' } },
    chemical_clusters: { stage: { built: 'Built', planned: 'Planned' } },
    parcels: {
      status: {
        occupied: 'Occupied', available: 'Available', idle: 'Idle', low_efficiency: 'Low efficiency',
        revitalising: 'Being revitalised', revitalised: 'Revitalised', reserved: 'Reserved', under_acquisition: 'Under acquisition',
      },
      land_use: { industrial: 'Industrial', warehouse: 'Warehousing', commercial: 'Commercial', public: 'Public services', residential: 'Residential', utility: 'Utilities', green: 'Green space' },
      land_approval: { approved: 'Approved', pending: 'Pending', not_started: 'Not started' },
      site_state: { leveled: 'Levelled', not_leveled: 'Not levelled' },
      forest_approval: { not_required: 'Not required', approved: 'Approved', pending: 'Pending' },
    },
    enterprises: { industry: { new_energy_materials: 'New energy & materials', textile: 'Textile', chemical_pharma: 'Chemical & pharma', other: 'Other' } },
    projects: {
      stage: { reserve: 'Reserve', negotiating: 'Negotiating', signed: 'Signed', under_construction: 'Under construction', in_production: 'In production', infrastructure: 'Infrastructure' },
    },
    utilities: {
      kind: {
        power_line: 'High-voltage line', substation: 'Substation', water_main: 'Water main', gas_pipeline: 'Gas pipeline', steam_pipeline: 'Steam pipeline',
        rain_sewer: 'Storm sewer', sewage_pipe: 'Sewage pipe', sewage_plant: 'Sewage plant', water_plant: 'Water plant', telecom_cable: 'Telecom cable',
      },
      status: { existing: 'Existing', planned: 'Planned', under_construction: 'Under construction', temporary: 'Temporary' },
    },
    idle_plots: {
      category: { idle: 'Idle land', low_efficiency: 'Low-efficiency land' },
      disposal: {
        extend_start: 'Start extended', change_use: 'Change of use', temporary_use: 'Temporary use', paid_recovery: 'Paid recovery', land_exchange: 'Land exchange',
        idle_fee: 'Idle-land fee', recovery_without_compensation: 'Recovered without compensation', court_auction: 'Court auction', lease: 'Lease',
        land_reserve_purchase: 'Land reserve purchase', swap_cage: 'New firm in old premises', swap_energy: 'Energy-quota swap', negotiation: 'Negotiated', reclaim: 'Reclaimed',
      },
      stage: { investigation: 'Investigation', notice: 'Notice', determination: 'Determination', disposal_plan: 'Disposal plan', implementing: 'Implementing', revitalised: 'Revitalised', closed: 'Closed' },
    },
    basemap: { kind: { road_main: 'Main road', road_secondary: 'Secondary road', river: 'River & water', water: 'Water', forest: 'Forest', village: 'Village' } },
  },
}
