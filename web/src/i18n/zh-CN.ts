import type { PerMuResources } from './perMu.zh-CN'
import type { AnalysisResources } from './analysis.zh-CN'
import type { AdminResources } from './admin.zh-CN'
import type { IdleResources } from './idle.zh-CN'
import type { TableResources } from './table.zh-CN'
import type { PrintResources } from './print.zh-CN'
import type { OfferResources } from './offer.zh-CN'
import type { SheetResources } from './sheet.zh-CN'
import { mapToolsZhCN } from './mapTools.zh-CN'

/** 界面文字（简体中文，默认）。Keys mirror en.ts; enum keys are `enum.<layer>.<column>.<value>` from the schema. */
export const zhCN = {
  app: { title: '园区地图', subtitle: '奉新高新技术产业园区', sampleData: '示意数据，非测绘成果' },
  language: { label: '语言', zh: '中文', en: 'English' },
  auth: {
    signIn: '登录', signOut: '退出', email: '邮箱', password: '密码', failed: '邮箱或密码错误',
    role: { admin: '管理员', planner: '规划', land_officer: '国土招商', investor: '投资者' },
  },
  layer: {
    zones: '园区片区与边界',
    scenarios: '调区扩区方案',
    chemical_clusters: '化工集中区',
    parcels: '地块',
    idle_plots: '闲置低效用地',
    projects: '项目',
    utilities: '市政设施',
    enterprises: '企业',
    basemap: '底图',
  },
  // One feature of a layer, for titles of unnamed features ("地块 FT-001").
  noun: {
    zones: '片区', scenarios: '方案', chemical_clusters: '化工集中区', parcels: '地块', idle_plots: '闲置低效地块',
    projects: '项目', utilities: '设施', enterprises: '企业', basemap: '底图要素',
  },
  legend: {
    title: '图层与图例',
    scenario: '调区扩区方案（审查中）',
    count: '{{count}} 个要素',
    empty: '该图层暂无数据',
    truncated: '仅显示前 {{shown}} 个（共 {{count}} 个）',
    clusterA: 'A区（已建成）',
    clusterB: 'B区（规划发展）',
    enterprise: '企业',
    chemicalEnterprise: '化工企业',
    toggle: '显示或隐藏 {{layer}}',
    fit: '回到园区全貌',
  },
  status: {
    loading: '正在加载图层…',
    loadingPart: '正在载入…',
    loadingLayer: '正在加载：{{layers}}',
    error: '无法加载地图数据',
    layerErrors: '以下图层加载失败：{{layers}}',
    retry: '重试',
    noLayers: '服务器没有返回任何图层。',
    dismiss: '关闭',
  },
  popup: { area: '面积', areaValue: '{{mu}}（{{ha}} 公顷）', close: '关闭' },
  bool: { yes: '是', no: '否' },
  unit: { mu: '亩', ha: '公顷', wanPerMu: '万元/亩', yi: '亿元' },
  // The panels that load on demand: here only what the first view shows of them (their tabs and
  // buttons); the rest comes with each panel's chunk (panelStrings.ts). 亩均效益 (web/src/components/perMu) has none here.
  // Boundary drawing and analysis panel (web/src/components/analysis).
  analysis: { tab: { label: '侧栏', layers: '图层', analysis: '分析' } },
  // Accounts and roles, admins only (web/src/components/admin).
  admin: { tab: '账户' },
  // Idle and low-efficiency land cases (web/src/components/idle).
  idle: { open: '闲置/低效用地', openTitle: '查看或标记该地块的闲置低效用地案件', register: { tab: '闲置台账' } },
  // Search, links, identify, measure, cursor coordinates (web/src/components/mapTools).
  mapTools: mapToolsZhCN,
  // The attribute table (web/src/components/table).
  table: { open: '属性表', openTitle: '以表格查看图层的全部要素（排序、筛选、导出）' },
  // Print layouts (web/src/components/print).
  print: { open: '打印', openTitle: '把当前视图排成 A4/A3 图纸：导出 PNG 或打印为 PDF' },
  // Land on offer, for investors and everyone (web/src/components/portal).
  offer: { tab: '可供地块' },
  // The parcel sheet, inquiries and favourites (web/src/components/portal).
  sheet: { open: '地块详情', openTitle: '打开可打印的地块详情：面积、配套、控制指标、地价与咨询', inquiries: { tab: '咨询' } },
  field: {
    id: '编号', kind: '类型', status: '状态', note: '备注', code: '分区', stage: '阶段',
    land_use: '用地性质', enterprise_id: '用地企业', zone_id: '所在片区', price_wan_per_mu: '参考地价',
    land_approval: '土地报批', forest_approval: '林地报批', demolished_buildings: '拆迁房屋（栋）', relocated_graves: '迁坟（座）', site_state: '场地平整',
    version: '版本', created_by: '编制人',
    industry: '产业类别', is_chemical: '化工企业', above_scale: '规上企业', started_year: '投产年份',
    investment_yi: '总投资', is_major: '亿元以上项目', capacity: '规模', operator: '运营单位',
    category: '类别', disposal: '处置方式', successor: '承接单位', parcel_id: '地块编号',
    agreed_start_date: '约定开工日期', flagged_on: '认定日期', flagged_by: '认定人', reason: '认定原因',
  },
  enum: {
    zones: {
      kind: { park_zone: '园区片区', approved_boundary: '批复园区边界' },
      status: { current: '现状', built_out: '已建成', expanding: '扩区建设中' },
    },
    scenarios: { status: { draft: '草案', submitted: '已提交审查', approved: '已批准', rejected: '已退回' } },
    chemical_clusters: { stage: { built: '已建成', planned: '规划发展' } },
    parcels: {
      status: {
        occupied: '已使用', available: '可供地', idle: '闲置', low_efficiency: '低效用地',
        revitalising: '盘活中', revitalised: '已盘活', reserved: '储备用地', under_acquisition: '征收中',
      },
      land_use: { industrial: '工业用地', warehouse: '仓储用地', commercial: '商业用地', public: '公共管理与服务用地', residential: '居住用地', utility: '公用设施用地', green: '绿地' },
      land_approval: { approved: '已获批', pending: '报批中', not_started: '未启动' },
      site_state: { leveled: '已平整', not_leveled: '未平整' },
      forest_approval: { not_required: '无需报批', approved: '已获批', pending: '报批中' },
    },
    enterprises: { industry: { new_energy_materials: '新能源新材料', textile: '纺织服装', chemical_pharma: '化工医药', other: '其他' } },
    projects: {
      stage: { reserve: '储备', negotiating: '在谈', signed: '已签约', under_construction: '在建', in_production: '已投产', infrastructure: '基础设施' },
    },
    utilities: {
      kind: {
        power_line: '高压电力线', substation: '变电站', water_main: '供水主管', gas_pipeline: '天然气管道', steam_pipeline: '供热蒸汽管',
        rain_sewer: '雨水管网', sewage_pipe: '污水管网', sewage_plant: '污水处理厂', water_plant: '水厂', telecom_cable: '通信管线',
      },
      status: { existing: '现状', planned: '规划', under_construction: '在建', temporary: '临时' },
    },
    idle_plots: {
      category: { idle: '闲置土地', low_efficiency: '低效用地' },
      disposal: {
        extend_start: '延长动工开发期限', change_use: '调整用途', temporary_use: '临时使用', paid_recovery: '协议有偿收回', land_exchange: '置换土地',
        idle_fee: '征缴土地闲置费', recovery_without_compensation: '无偿收回', court_auction: '司法拍卖', lease: '租赁盘活', land_reserve_purchase: '收购储备',
        swap_cage: '腾笼换鸟', swap_energy: '能耗换鸟', negotiation: '协商处置', reclaim: '依法收回',
      },
      stage: { investigation: '调查', notice: '告知', determination: '认定', disposal_plan: '处置方案', implementing: '实施处置', revitalised: '已盘活', closed: '已结案' },
    },
    basemap: { kind: { road_main: '主干道', road_secondary: '次干道', river: '河流水域', water: '水面', forest: '林地', village: '村庄' } },
  },
}

/** Each on-demand panel's own strings, which arrive in Chinese with its chunk (panelStrings.ts). */
export interface PanelResources {
  perMu: PerMuResources
  analysis: AnalysisResources
  admin: AdminResources
  idle: IdleResources
  table: TableResources
  print: PrintResources
  offer: OfferResources
  sheet: SheetResources
}

/** Every string of the UI, as en.ts must give them all: the first view's (above) and the panels'. */
export type Resources = typeof zhCN & PanelResources
