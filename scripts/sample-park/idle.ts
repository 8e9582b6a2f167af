/**
 * 闲置低效用地 cases (idle_plots.csv). The report names the holders and how each is being
 * disposed of; the dates, officers and the holders of the four leased factories are invented.
 * A case's parcel status follows its stage: flagged → idle / low_efficiency (the category),
 * disposing → revitalising, revitalised → revitalised.
 */

import { parcelStatusForCase, type ParcelStatus } from '../../web/src/shared/park-vocabulary'
import type { IdleCase as WireIdleCase } from '../../web/src/shared/api/edits'

/** A seed case: the wire's case without what the database assigns, keyed to its parcel by tag. */
export interface IdleCase extends Omit<WireIdleCase, 'id' | 'parcel_id' | 'version' | 'updated_at' | 'holder_zh' | 'holder_en'> {
  /** Parcel tag: the parcel allocation marks the plot's parcel with `idle:${key}`. */
  key: string
  holder_zh: string
  holder_en: string
  /** Who the parcel's enterprise_id points to now (holder, lessee or buyer), or null. */
  parcel_enterprise_id: string | null
}

const OFFICER_A = '园区自然资源分局 李明（示例）'
const OFFICER_B = '园区招商服务局 王芳（示例）'
const RULE_IDLE = '超过出让合同约定动工开发日期满一年未动工开发，认定为闲置土地（国土资源部令第53号第二条）'
const RULE_LOW = '企业停产、厂房闲置，土地利用粗放，列为城镇低效用地（国土资发〔2016〕147号）'

export const IDLE_CASES: IdleCase[] = [
  {
    key: 'xiangtian', holder_zh: '翔天木业', holder_en: 'Xiangtian Wood', category: 'idle', disposal: 'court_auction',
    stage: 'revitalised', agreed_start_date: '2018-06-30', flagged_on: '2020-03-16', flagged_by: OFFICER_A,
    reason: `${RULE_IDLE}；企业涉诉，2022年上半年经法院拍卖盘活`, successor_zh: '锦华家居（示例）', successor_en: 'Jinhua Home Furnishing (sample)',
    parcel_enterprise_id: 'sample-buyer-01',
  },
  {
    key: 'yingsheng', holder_zh: '颖盛纺织', holder_en: 'Yingsheng Textile', category: 'idle', disposal: 'negotiation',
    stage: 'disposing', agreed_start_date: '2019-03-31', flagged_on: '2020-09-08', flagged_by: OFFICER_A,
    reason: `${RULE_IDLE}；正在对接跟踪盘活`, successor_zh: null, successor_en: null, parcel_enterprise_id: 'yingsheng',
  },
  {
    key: 'oubiao', holder_zh: '欧标', holder_en: 'Oubiao', category: 'idle', disposal: 'swap_cage',
    stage: 'disposing', agreed_start_date: '2019-10-31', flagged_on: '2021-01-12', flagged_by: OFFICER_B,
    reason: `${RULE_IDLE}；腾笼换鸟：计划由亿利洁能盘活用于南区集中供汽项目建设`,
    successor_zh: '亿利洁能', successor_en: 'Yili Clean Energy', parcel_enterprise_id: 'oubiao',
  },
  {
    key: 'qingfeng', holder_zh: '庆丰包装', holder_en: 'Qingfeng Packaging', category: 'idle', disposal: null,
    stage: 'flagged', agreed_start_date: '2020-05-31', flagged_on: '2022-03-21', flagged_by: OFFICER_B,
    reason: `${RULE_IDLE}；继续对接土地盘活事宜`, successor_zh: null, successor_en: null, parcel_enterprise_id: 'qingfeng',
  },
  {
    key: 'hongwei', holder_zh: '宏伟汽配', holder_en: 'Hongwei Auto Parts', category: 'low_efficiency', disposal: null,
    stage: 'flagged', agreed_start_date: null, flagged_on: '2022-04-18', flagged_by: OFFICER_B,
    reason: '亩均税收远低于园区平均，厂房大部分闲置，土地利用粗放，列为城镇低效用地（国土资发〔2016〕147号）；继续对接土地盘活事宜',
    successor_zh: null, successor_en: null, parcel_enterprise_id: 'hongwei',
  },
  {
    key: 'lease-haoneng', holder_zh: '恒盛纺织（示例）', holder_en: 'Hengsheng Textile (sample)', category: 'low_efficiency', disposal: 'lease',
    stage: 'revitalised', agreed_start_date: null, flagged_on: '2020-11-05', flagged_by: OFFICER_A,
    reason: `${RULE_LOW}；闲置厂房租赁给昊能新材料进行建设`, successor_zh: '昊能新材料', successor_en: 'Haoneng New Materials',
    parcel_enterprise_id: 'haoneng',
  },
  {
    key: 'lease-jinsaiyi', holder_zh: '金帆服饰（示例）', holder_en: 'Jinfan Apparel (sample)', category: 'low_efficiency', disposal: 'lease',
    stage: 'revitalised', agreed_start_date: null, flagged_on: '2021-02-22', flagged_by: OFFICER_A,
    reason: `${RULE_LOW}；闲置厂房租赁给锦赛义纺织进行建设`, successor_zh: '锦赛义纺织', successor_en: 'Jinsaiyi Textile',
    parcel_enterprise_id: 'jinsaiyi',
  },
  {
    key: 'lease-yuanrui', holder_zh: '立达机械（示例）', holder_en: 'Lida Machinery (sample)', category: 'low_efficiency', disposal: 'lease',
    stage: 'disposing', agreed_start_date: null, flagged_on: '2021-06-15', flagged_by: OFFICER_B,
    reason: `${RULE_LOW}；闲置厂房租赁给远瑞工艺制品进行建设`, successor_zh: '远瑞工艺制品', successor_en: 'Yuanrui Craft Products',
    parcel_enterprise_id: 'yuanrui',
  },
  {
    key: 'lease-dongdao', holder_zh: '兴旺电子（示例）', holder_en: 'Xingwang Electronics (sample)', category: 'low_efficiency', disposal: 'lease',
    stage: 'disposing', agreed_start_date: null, flagged_on: '2021-09-27', flagged_by: OFFICER_B,
    reason: `${RULE_LOW}；闲置厂房租赁给东岛新能源进行建设`, successor_zh: '东岛新能源', successor_en: 'Dongdao New Energy',
    parcel_enterprise_id: 'dongdao',
  },
]

/** The parcel status a case's stage implies. */
export function idleParcelStatus(c: IdleCase): ParcelStatus {
  return parcelStatusForCase(c.stage, c.category)
}

export const IDLE_PLOT_COLUMNS = [
  'id', 'parcel_id', 'holder_zh', 'holder_en', 'category', 'disposal', 'stage', 'agreed_start_date',
  'flagged_on', 'flagged_by', 'reason', 'successor_zh', 'successor_en',
] as const

/** idle_plots rows, ids IDLE-001…, given the parcel id that carries each case's tag. */
export function idlePlotRows(parcelIdByTag: Map<string, string>): Record<(typeof IDLE_PLOT_COLUMNS)[number], string | null>[] {
  return IDLE_CASES.map((c, i) => {
    const parcelId = parcelIdByTag.get(`idle:${c.key}`)
    if (!parcelId) throw new Error(`no parcel for idle case ${c.key}`)
    return {
      id: `IDLE-${String(i + 1).padStart(3, '0')}`, parcel_id: parcelId, holder_zh: c.holder_zh, holder_en: c.holder_en,
      category: c.category, disposal: c.disposal, stage: c.stage, agreed_start_date: c.agreed_start_date,
      flagged_on: c.flagged_on, flagged_by: c.flagged_by, reason: c.reason, successor_zh: c.successor_zh, successor_en: c.successor_en,
    }
  })
}
