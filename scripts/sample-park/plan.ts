/**
 * Where the named firms and facilities sit: blocks pinned by key (zone prefix, then the grid
 * lines at the block's west and south side, see blocks.ts), with how each block is cut and
 * the role of each of its parcels. Blocks not pinned are filled by parcels.ts.
 */
import type { Subdivision } from './blocks'
import type { LandUse, ParcelStatus } from '../../web/src/shared/park-vocabulary'

export type { LandUse, ParcelStatus }

export interface ParcelAttrs {
  zone_id: string
  land_use: LandUse
  status: ParcelStatus
  enterprise_id: string | null
  land_approval: 'approved' | 'pending' | 'not_started'
  forest_approval: 'not_required' | 'approved' | 'pending'
  demolished_buildings: number
  relocated_graves: number
  price_wan_per_mu: number | null
  note: string | null
  /** 出让合同 dates and what happened (migration 012); null where the sample has none */
  contract_signed_on: string | null
  land_delivered_on: string | null
  agreed_start_on: string | null
  agreed_completion_on: string | null
  actual_start_on: string | null
  actual_completion_on: string | null
  investment_wan_per_mu: number | null
  plot_ratio: number | null
}

/** A parcel's role: attributes to set, and a tag that projects, utilities and idle plots look up. */
export interface Role {
  attrs: Partial<ParcelAttrs>
  tag?: string
}

export interface Pin {
  parts?: Subdivision
  /** One role per parcel (the last repeats); null leaves that parcel to the zone's fill. */
  roles: (Role | null)[]
}

const own = (enterprise_id: string, tag?: string, attrs: Partial<ParcelAttrs> = {}): Role => ({
  attrs: { enterprise_id, land_use: 'industrial', status: 'occupied', ...attrs },
  ...(tag ? { tag } : {}),
})
const use = (land_use: LandUse, note: string, tag?: string, attrs: Partial<ParcelAttrs> = {}): Role => ({
  attrs: { land_use, status: 'occupied', enterprise_id: null, note, ...attrs },
  ...(tag ? { tag } : {}),
})
const site = (note: string, tag: string, status: ParcelStatus = 'reserved'): Role => ({
  attrs: { land_use: 'industrial', status, enterprise_id: null, note },
  tag,
})

const CHEM_A = '化工集中区A区'

export const PINS: Record<string, Pin> = {
  // 冯田区 — built out.
  'FT:-1880:0': { parts: 2, roles: [{ attrs: {}, tag: 'idle:oubiao' }, null] },
  'FT:-1500:0': { parts: 2, roles: [use('utility', '高新园区110kV变电站用地', 'substation'), null] },
  'FT:-380:0': { parts: 1, roles: [use('green', '滨河防护绿地')] },
  'FT:-2620:330': { parts: 2, roles: [own('sample-chem-01', undefined, { note: CHEM_A })] },
  'FT:-2250:330': { parts: 2, roles: [own('tonghe', undefined, { note: CHEM_A }), own('tonghe', 'project:tonghe-api', { note: `${CHEM_A}；原料药项目用地` })] },
  'FT:-1880:330': { parts: 2, roles: [own('sample-chem-02', undefined, { note: CHEM_A }), use('public', `${CHEM_A}应急救援站`)] },
  'FT:-1500:330': { parts: 2, roles: [own('boteng'), own('boteng', 'project:boteng-api', { note: '原料药/中间体项目用地，不在化工集中区内' })] },
  'FT:-1120:330': { parts: 1, roles: [own('feiyu', 'project:feiyu-upgrade')] },
  'FT:-760:330': { parts: 2, roles: [own('zhongjiang')] },
  'FT:-2620:640': { parts: 1, roles: [own('sample-chem-03', undefined, { note: CHEM_A })] },
  'FT:-2250:640': { parts: 2, roles: [use('utility', `${CHEM_A}污水预处理站及应急事故池`), own('sample-chem-03', undefined, { note: CHEM_A })] },
  'FT:-1880:640': { parts: 1, roles: [use('residential', '企业职工宿舍；化工集中区A区调整边界时划出，拟制定搬迁计划')] },
  'FT:-1120:940': { parts: 2, roles: [own('zichen')] },
  'FT:-760:940': { parts: 2, roles: [own('zichen')] },
  'FT:-380:940': { parts: 1, roles: [own('jinda')] },
  'FT:-2620:1250': { parts: 2, roles: [own('baoyuan')] },
  'FT:-2250:1250': { parts: 1, roles: [own('baoyuan')] },
  'FT:-1500:1250': { parts: 2, roles: [use('public', '高新园区管委会'), use('commercial', '园区综合服务中心（就业服务平台）')] },
  'FT:-1120:1250': { parts: 2, roles: [own('jinyuan'), own('jinyuan', 'project:jinyuan-5g', { note: '5G智能织造项目用地' })] },
  'FT:-760:1250': { parts: 1, roles: [own('jinyuan')] },
  'FT:-380:1250': { parts: 1, roles: [own('ningxin', undefined, { note: '宁新新材料一期' })] },
  'FT:-2620:1560': { parts: 2, roles: [own('huachun')] },
  'FT:-2250:1560': { parts: 1, roles: [own('huachun')] },
  'FT:-1120:1560': { parts: 2, roles: [own('jiuling')] },
  'FT:-760:1560': { parts: 2, roles: [own('jinli')] },
  'FT:-380:1560': { parts: 2, roles: [own('tianen'), null] },
  'FT:-2250:1870': {
    parts: 'smallLots',
    roles: [
      use('industrial', '小微企业园标准厂房（园区平台公司持有，多家小微企业租用）'),
      own('sample-small-01'), own('sample-small-02'), use('industrial', '小微企业园标准厂房'),
      own('sample-small-03'), own('sample-small-04'), use('industrial', '小微企业园标准厂房'),
    ],
  },
  'FT:-1880:1870': { parts: 2, roles: [own('ganfeng')] },
  'FT:-1500:1870': { parts: 2, roles: [own('ganfeng')] },

  // 黄溪新区 — new area.
  'HX:0:200': { parts: 2, roles: [own('lianxi', 'sewage-plant', { land_use: 'utility', note: '联熙水务污水处理厂' }), own('lianxi', 'project:sewage-expansion', { land_use: 'utility', status: 'reserved', note: '污水处理厂扩容预留用地' })] },
  'HX:400:560': { parts: 1, roles: [own('sample-chem-04', undefined, { note: '化工企业，不在化工集中区范围内' })] },
  'HX:0:920': { parts: 1, roles: [own('ningxin', 'project:ningxin-2', { note: '宁新新材料二期' })] },
  'HX:800:920': { parts: 1, roles: [site('拟供东慕科隆（在谈）', 'project:dongmu')] },
  'HX:0:1250': { parts: 1, roles: [own('yunwei', 'project:yunwei')] },
  'HX:400:1250': { parts: 2, roles: [own('putailai', 'project:putailai')] },
  'HX:800:1250': { parts: 1, roles: [own('putailai', 'project:putailai')] },
  'HX:400:1600': { parts: 2, roles: [own('putailai', 'project:putailai')] },
  'HX:800:1600': { parts: 1, roles: [own('putailai', 'project:putailai')] },
  'HX:1150:1250': { parts: 1, roles: [own('shenhong', 'project:shenhong')] },
  'HX:0:1600': { parts: 1, roles: [own('ningyuhong', 'project:ningyuhong')] },
  'HX:1500:1250': { parts: 1, roles: [site('宝诚针织项目跟踪中，用地可供', 'project:baocheng', 'available')] },
  'HX:1850:1250': { parts: 1, roles: [site('盛扬纺织服装织布项目跟踪中，用地可供', 'project:shengyang', 'available')] },
}

/** South-district pins: whose site each block is (tags become project sites). */
const SOUTH_SITES: [string, string, string][] = [
  // [tag, enterprise or '', cells "u0:v0"]
  ['catl', 'catl', '-2800:-850 -2400:-850 -1950:-850 -2800:-1250 -2400:-1250 -1950:-1250 -2800:-1650 -2400:-1650 -1950:-1650'],
  ['gotion', 'gotion', '-1500:-850 -1100:-850 -1500:-1250 -1100:-1250'],
  ['xiandao', '', '-700:-850 -700:-1250'],
  ['xinwangda', '', '-2800:-2050 -2400:-2050'],
  ['eve', '', '-1950:-2050'],
]

const SOUTH_NOTES: Record<string, string> = {
  catl: '宁德时代项目用地：已完成房屋拆迁、坟墓迁移、林木采伐，正在土地报批',
  gotion: '国轩高科一期用地：上市程序暂缓',
  xiandao: '拟供先导新材料（用地指标尚未取得）',
  xinwangda: '拟供欣旺达（洽谈中）',
  eve: '拟供亿纬锂能（洽谈中）',
}

for (const [tag, enterprise, cells] of SOUTH_SITES) {
  for (const cell of cells.split(' ')) {
    const reserved = enterprise !== '' || tag === 'xiandao'
    PINS[`NQ:${cell}`] = {
      parts: tag === 'catl' || tag === 'gotion' ? 2 : 1,
      roles: [{
        attrs: { land_use: 'industrial', status: reserved ? 'reserved' : 'under_acquisition', enterprise_id: enterprise || null, note: SOUTH_NOTES[tag]! },
        tag: `project:${tag}`,
      }],
    }
  }
}
