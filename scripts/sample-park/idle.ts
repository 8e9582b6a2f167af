/**
 * 闲置低效用地 case files (idle_plots.csv, idle_case_steps.csv). The report names the holders and
 * how each is being disposed of; the steps' dates, document numbers, officers and the holders of the
 * four leased factories are invented (every step is marked is_sample, its document numbers say 示例).
 * A case's parcel status follows its stage (parcelStatusForCase); its steps follow the statutory
 * path of its category (allowedNextStages), which tests/data checks.
 */

import { IDLE_PATHS, parcelStatusForCase, type IdleDisposal, type IdleStage, type ParcelStatus } from '../../web/src/shared/park-vocabulary'
import type { IdleCase as WireIdleCase } from '../../web/src/shared/api/edits'
import { STEP_FIELD_NAMES, type StepFields } from '../../web/src/shared/api/idle-cases'

/** A step of a seed case after the opening one: the stage it reaches, the day, the note and its fields. */
export interface SeedStep extends StepFields {
  on: string
  note: string
}

/** A seed case: the wire's case without what the database assigns, keyed to its parcel by tag. */
export interface IdleCase extends Omit<WireIdleCase, 'id' | 'parcel_id' | 'version' | 'updated_at' | 'holder_zh' | 'holder_en' | 'stage'> {
  /** Parcel tag: the parcel allocation marks the plot's parcel with `idle:${key}`. */
  key: string
  holder_zh: string
  holder_en: string
  /** Who the parcel's enterprise_id points to now (holder, lessee or buyer), or null. */
  parcel_enterprise_id: string | null
  /** The contract's land price (万元/亩) where the case needs one for the fee; else null. */
  grant_price_wan_per_mu: number | null
  /** The steps after investigation, in order along the category's path: the last is the stage. */
  steps: SeedStep[]
}

const OFFICER_A = '园区自然资源分局 李明（示例）'
const OFFICER_B = '园区招商服务局 王芳（示例）'
const RULE_IDLE = '超过出让合同约定动工开发日期满一年未动工开发，认定为闲置土地（国土资源部令第53号第二条）'
const RULE_LOW = '企业停产、厂房闲置，土地利用粗放，列为城镇低效用地（国土资发〔2016〕147号）'
const doc = (kind: string, year: string, n: number) => `奉自然资${kind}〔${year}〕${n}号（示例）`
const plusDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
/** 告知书 (53号令第十四条): its number that year, the day, and the hearing window of seven days. */
const notice = (on: string, n: number, note = '下达告知书'): SeedStep => ({ on, note, doc_no: doc('告', on.slice(0, 4), n), doc_date: on, hearing_deadline: plusDays(on, 7) })
/** 认定书: the case's determination, numbered in its year's series (认 for idle land, 低认 for low-efficiency). */
const determination = (on: string, n: number, note: string, series = '认', year = on.slice(0, 4)): SeedStep => ({ on, note, doc_no: doc(series, year, n), doc_date: on })

export const IDLE_CASES: IdleCase[] = [
  {
    key: 'xiangtian', holder_zh: '翔天木业', holder_en: 'Xiangtian Wood', category: 'idle', disposal: 'court_auction',
    agreed_start_date: '2018-06-30', flagged_on: '2020-03-16', flagged_by: OFFICER_A, grant_price_wan_per_mu: 10,
    reason: `${RULE_IDLE}；企业涉诉`, successor_zh: '锦华家居（示例）', successor_en: 'Jinhua Home Furnishing (sample)',
    parcel_enterprise_id: 'sample-buyer-01',
    steps: [
      notice('2020-05-11', 3, '下达告知书，告知拟征缴土地闲置费及听证权利'),
      determination('2020-06-22', 2, '未申请听证，认定为闲置土地'),
      { on: '2021-03-15', note: '企业涉诉，土地使用权经法院司法拍卖处置', disposal: 'court_auction', due_date: '2022-06-30' },
      { on: '2021-11-08', note: '法院发布拍卖公告', doc_no: '（2021）赣0921执恢（示例）号', doc_date: '2021-11-08', due_date: '2022-06-30' },
      { on: '2022-05-20', note: '今年上半年已通过法院拍卖盘活', successor_zh: '锦华家居（示例）', successor_en: 'Jinhua Home Furnishing (sample)', successor_start_date: '2022-07-01' },
    ],
  },
  {
    key: 'yingsheng', holder_zh: '颖盛纺织', holder_en: 'Yingsheng Textile', category: 'idle', disposal: 'negotiation',
    agreed_start_date: '2019-03-31', flagged_on: '2020-09-08', flagged_by: OFFICER_A, grant_price_wan_per_mu: 12,
    reason: RULE_IDLE, successor_zh: null, successor_en: null, parcel_enterprise_id: 'yingsheng',
    steps: [
      notice('2020-10-12', 7),
      determination('2020-11-30', 5, '认定为闲置土地'),
      { on: '2021-04-06', note: '与企业协商盘活，正在对接跟踪', disposal: 'negotiation', due_date: '2023-06-30' },
    ],
  },
  {
    key: 'oubiao', holder_zh: '欧标', holder_en: 'Oubiao', category: 'idle', disposal: 'swap_cage',
    agreed_start_date: '2019-10-31', flagged_on: '2021-01-12', flagged_by: OFFICER_B, grant_price_wan_per_mu: 12,
    reason: RULE_IDLE, successor_zh: null, successor_en: null, parcel_enterprise_id: 'oubiao',
    steps: [
      notice('2021-02-22', 2),
      determination('2021-04-02', 1, '认定为闲置土地'),
      { on: '2021-09-15', note: '腾笼换鸟：计划由亿利洁能盘活用于南区集中供汽项目建设', disposal: 'swap_cage', due_date: '2023-12-31' },
      { on: '2022-03-01', note: '亿利洁能集中供汽项目前期工作推进中', due_date: '2023-12-31' },
    ],
  },
  {
    key: 'qingfeng', holder_zh: '庆丰包装', holder_en: 'Qingfeng Packaging', category: 'idle', disposal: null,
    agreed_start_date: '2020-05-31', flagged_on: '2022-03-21', flagged_by: OFFICER_B, grant_price_wan_per_mu: 12,
    reason: RULE_IDLE, successor_zh: null, successor_en: null, parcel_enterprise_id: 'qingfeng',
    steps: [
      notice('2022-05-09', 4, '下达告知书，继续对接土地盘活事宜'),
    ],
  },
  {
    key: 'hongwei', holder_zh: '宏伟汽配', holder_en: 'Hongwei Auto Parts', category: 'low_efficiency', disposal: null,
    agreed_start_date: null, flagged_on: '2022-04-18', flagged_by: OFFICER_B, grant_price_wan_per_mu: null,
    reason: '亩均税收远低于园区平均，厂房大部分闲置，土地利用粗放，列为城镇低效用地（国土资发〔2016〕147号）',
    successor_zh: null, successor_en: null, parcel_enterprise_id: 'hongwei',
    steps: [
      determination('2022-06-10', 1, '认定为低效用地，继续对接土地盘活事宜', '低认'),
    ],
  },
  ...([
    ['haoneng', '恒盛纺织（示例）', 'Hengsheng Textile (sample)', '昊能新材料', 'Haoneng New Materials', '2020-11-05', OFFICER_A, 'revitalised'],
    ['jinsaiyi', '金帆服饰（示例）', 'Jinfan Apparel (sample)', '锦赛义纺织', 'Jinsaiyi Textile', '2021-02-22', OFFICER_A, 'revitalised'],
    ['yuanrui', '立达机械（示例）', 'Lida Machinery (sample)', '远瑞工艺制品', 'Yuanrui Craft Products', '2021-06-15', OFFICER_B, 'implementing'],
    ['dongdao', '兴旺电子（示例）', 'Xingwang Electronics (sample)', '东岛新能源', 'Dongdao New Energy', '2021-09-27', OFFICER_B, 'implementing'],
  ] as const).map(([lessee, holder_zh, holder_en, successor_zh, successor_en, flagged_on, flagged_by, stage], i): IdleCase => {
    const year = flagged_on.slice(0, 4)
    const later = (months: number) => {
      const d = new Date(`${flagged_on}T00:00:00Z`)
      d.setUTCMonth(d.getUTCMonth() + months)
      return d.toISOString().slice(0, 10)
    }
    const steps: SeedStep[] = [
      determination(later(2), 10 + i, '认定为低效用地', '低认', year),
      { on: later(3), note: `闲置厂房租赁给${successor_zh}进行建设`, disposal: 'lease', due_date: later(15) },
      { on: later(4), note: `租赁合同签订，${successor_zh}进场建设`, due_date: later(15) },
    ]
    if (stage === 'revitalised') steps.push({ on: later(14), note: `${successor_zh}租赁闲置厂房投产`, successor_zh, successor_en, successor_start_date: later(15) })
    return {
      key: `lease-${lessee}`, holder_zh, holder_en, category: 'low_efficiency', disposal: 'lease' as IdleDisposal, agreed_start_date: null,
      flagged_on, flagged_by, grant_price_wan_per_mu: null, reason: RULE_LOW,
      successor_zh: stage === 'revitalised' ? successor_zh : null, successor_en: stage === 'revitalised' ? successor_en : null,
      parcel_enterprise_id: lessee, steps,
    }
  }),
]

/** The stage a seed case is at: the path position its steps reach. */
export function seedStage(c: IdleCase): IdleStage {
  return IDLE_PATHS[c.category][c.steps.length]!
}

/** The parcel status a case's stage implies. */
export function idleParcelStatus(c: IdleCase): ParcelStatus {
  return parcelStatusForCase(seedStage(c), c.category)
}

export const IDLE_PLOT_COLUMNS = [
  'id', 'parcel_id', 'holder_zh', 'holder_en', 'category', 'disposal', 'stage', 'agreed_start_date',
  'flagged_on', 'flagged_by', 'reason', 'successor_zh', 'successor_en',
] as const

const caseId = (i: number) => `IDLE-${String(i + 1).padStart(3, '0')}`

/** idle_plots rows, ids IDLE-001…, given the parcel id that carries each case's tag. */
export function idlePlotRows(parcelIdByTag: Map<string, string>): Record<(typeof IDLE_PLOT_COLUMNS)[number], string | null>[] {
  return IDLE_CASES.map((c, i) => {
    const parcelId = parcelIdByTag.get(`idle:${c.key}`)
    if (!parcelId) throw new Error(`no parcel for idle case ${c.key}`)
    return {
      id: caseId(i), parcel_id: parcelId, holder_zh: c.holder_zh, holder_en: c.holder_en,
      category: c.category, disposal: c.disposal, stage: seedStage(c), agreed_start_date: c.agreed_start_date,
      flagged_on: c.flagged_on, flagged_by: c.flagged_by, reason: c.reason, successor_zh: c.successor_zh, successor_en: c.successor_en,
    }
  })
}

export const IDLE_STEP_COLUMNS = ['case_id', 'seq', 'stage', 'happened_on', 'recorded_at', 'by', 'note', ...STEP_FIELD_NAMES, 'is_sample'] as const

/** idle_case_steps rows: the opening (investigation, on the day the case was flagged) and each seed step. */
export function idleStepRows(): Record<(typeof IDLE_STEP_COLUMNS)[number], string | number | boolean | null>[] {
  return IDLE_CASES.flatMap((c, i) => {
    const path = IDLE_PATHS[c.category]
    const all: (SeedStep & { stage: IdleStage })[] = [
      { stage: 'investigation', on: c.flagged_on, note: c.reason, doc_no: `奉自然资调〔${c.flagged_on.slice(0, 4)}〕${i + 1}号（示例）`, doc_date: c.flagged_on },
      ...c.steps.map((s, k) => ({ ...s, stage: path[k + 1]! })),
    ]
    return all.map((s, k) => ({
      case_id: caseId(i), seq: k + 1, stage: s.stage, happened_on: s.on, recorded_at: `${s.on}T17:00:00+08:00`,
      by: k === 0 ? c.flagged_by : c.flagged_by, note: s.note,
      ...Object.fromEntries(STEP_FIELD_NAMES.map((f) => [f, s[f] ?? null])),
      is_sample: true,
    }) as Record<(typeof IDLE_STEP_COLUMNS)[number], string | number | boolean | null>)
  })
}
