/**
 * Projects (projects table): every project the report names, with its stage from the report's
 * wording. Investment figures are starred out in the report: the values here are samples.
 * A project's site is its tagged parcels (merged per block) or whole blocks.
 */
import type { Ring } from './frame'
import { unionRings } from './geometry'
import type { Block } from './blocks'
import type { Parcel } from './parcels'
import type { ProjectStage } from '../../web/src/shared/park-vocabulary'


export interface ProjectDef {
  id: string
  name_zh: string
  name_en: string
  enterprise_id: string | null
  stage: ProjectStage
  investment_yi: number | null
  zone_id: string
  note: string | null
  /** A parcel tag (see plan.ts), or block keys. */
  site: string | string[]
}

export const PROJECT_COLUMNS = ['id', 'name_zh', 'name_en', 'enterprise_id', 'stage', 'investment_yi', 'zone_id', 'note'] as const

const p = (
  n: number, name_zh: string, name_en: string, enterprise_id: string | null, stage: ProjectStage,
  investment_yi: number | null, zone_id: string, site: string | string[], note: string | null = null,
): ProjectDef => ({ id: `PRJ-${String(n).padStart(3, '0')}`, name_zh, name_en, enterprise_id, stage, investment_yi, zone_id, note, site })

const EARTHWORKS = ['-1500:-1650', '-1100:-1650', '-700:-1650', '-1500:-2050', '-1100:-2050', '-700:-2050'].map((c) => `NQ:${c}`)

export const PROJECTS: ProjectDef[] = [
  p(1, '宁德时代项目', 'CATL project', 'catl', 'signed', 100, 'south', 'project:catl', '土地报批中；用地已完成房屋拆迁、坟墓迁移、林木采伐'),
  p(2, '国轩高科一期', 'Gotion phase 1', 'gotion', 'signed', 50, 'south', 'project:gotion', '一期用地上市程序暂缓（企业自身需要）'),
  p(3, '璞泰来产业园', 'Putailai industrial park', 'putailai', 'in_production', 30, 'huangxi', 'project:putailai', '上半年建成达产'),
  p(4, '宁新新材料二期', 'Ningxin New Materials phase 2', 'ningxin', 'in_production', 10, 'huangxi', 'project:ningxin-2', '上半年建成达产'),
  p(5, '云威新材料', 'Yunwei New Materials', 'yunwei', 'in_production', 5, 'huangxi', 'project:yunwei', '上半年建成达产'),
  p(6, '飞宇新能源技改', 'Feiyu New Energy technical upgrade', 'feiyu', 'under_construction', 3, 'fengtian', 'project:feiyu-upgrade', '已顺利启动建设'),
  p(7, '宁昱鸿新材料', 'Ningyuhong New Materials', 'ningyuhong', 'under_construction', 5, 'huangxi', 'project:ningyuhong', '已顺利启动建设'),
  p(8, '深泓新材料', 'Shenhong New Materials', 'shenhong', 'under_construction', 5, 'huangxi', 'project:shenhong', '已顺利启动建设'),
  p(9, '博腾药业原料药及中间体项目', 'Boteng Pharmaceutical API and intermediates', 'boteng', 'under_construction', 6, 'fengtian', 'project:boteng-api', '已启动建设；位于化工集中区范围外，后续新改扩无法保障'),
  p(10, '同和药业原料药', 'Tonghe Pharmaceutical API', 'tonghe', 'under_construction', 8, 'fengtian', 'project:tonghe-api', '正常推进；化工集中区A区内'),
  p(11, '金源5G智能织造', 'Jinyuan 5G smart weaving', 'jinyuan', 'under_construction', 3, 'fengtian', 'project:jinyuan-5g', '正常推进（报告作“金源*G智能织造”）'),
  p(12, '先导新材料', 'Xiandao New Materials', 'xiandao', 'negotiating', 20, 'south', 'project:xiandao', '项目用地指标尚未取得'),
  p(13, '东慕科隆', 'Dongmu Kelong', 'dongmu', 'negotiating', 5, 'huangxi', 'project:dongmu', '重大项目；用地预留'),
  p(14, '亿利洁能南区集中供汽', 'Yili Clean Energy central steam supply for the south district', 'yili', 'signed', 3, 'fengtian', 'idle:oubiao', '计划盘活欧标闲置用地建设；保障未来南区用汽'),
  p(15, '污水处理厂扩容', 'Sewage plant expansion', 'lianxi', 'infrastructure', 1.2, 'huangxi', 'project:sewage-expansion', '协助联熙水务核准南区污水排放总量，合理规划启动扩容'),
  p(16, '新能源新材料产业园土方平整', 'Earthworks for the new energy & materials industrial park', null, 'infrastructure', 2, 'south', EARTHWORKS, '根据土地报批进度启动'),
  p(17, '欣旺达锂电材料项目', 'Sunwoda lithium materials project', null, 'negotiating', 100, 'south', 'project:xinwangda', '碳酸锂、正极材料、电池回收三个环节投资百亿，积极对接'),
  p(18, '亿纬锂能项目', 'EVE Energy project', null, 'negotiating', 30, 'south', 'project:eve', '积极洽谈'),
  p(19, '宝诚针织项目', 'Baocheng knitting project', null, 'reserve', 1.5, 'huangxi', 'project:baocheng', '紧密跟踪'),
  p(20, '盛扬纺织服装织布项目', 'Shengyang textile & garment weaving project', null, 'reserve', 1, 'huangxi', 'project:shengyang', '紧密跟踪'),
]

/** A site's rings: whole blocks where the site takes a whole block, merged parcels otherwise. */
export function projectSite(def: ProjectDef, parcels: Parcel[], blocks: Block[]): Ring[] {
  if (Array.isArray(def.site)) {
    return def.site.map((key) => {
      const b = blocks.find((x) => x.key === key)
      if (!b) throw new Error(`${def.id}: no block ${key}`)
      return b.ring
    })
  }
  const tagged = parcels.filter((q) => q.tag === def.site)
  if (!tagged.length) throw new Error(`${def.id}: no parcel tagged ${def.site}`)
  const byBlock = new Map<Block, Parcel[]>()
  for (const q of tagged) byBlock.set(q.block, [...(byBlock.get(q.block) ?? []), q])
  return [...byBlock].map(([block, ps]) => {
    if (ps.length === parcels.filter((q) => q.block === block).length) return block.ring
    return ps.slice(1).reduce((acc, q) => unionRings(acc, q.ring), ps[0]!.ring)
  })
}
