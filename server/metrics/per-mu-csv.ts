import { toCsv, type CsvColumn } from '../../web/src/shared/csv'
import { INDICATORS } from './indicators'
import type { FirmResult, PerMuReport } from '../../web/src/shared/api/per-mu'

/**
 * GET /api/metrics/per-mu.csv: the JSON report's enterprises, one row each, same numbers
 * (unrounded: the spreadsheet rounds for display). Headers are "中文 English (unit)".
 */

const PER_MU_COLUMNS: readonly CsvColumn<FirmResult>[] = [
  { header: '排名 rank', value: (f) => f.rank },
  { header: '等级 grade', value: (f) => f.grade },
  { header: '综合得分 score', value: (f) => f.score },
  { header: '评价组 group', value: (f) => f.group },
  { header: '企业编号 id', value: (f) => f.id },
  { header: '企业名称 name_zh', value: (f) => f.name_zh },
  { header: '英文名称 name_en', value: (f) => f.name_en },
  { header: '行业 industry', value: (f) => f.industry },
  { header: '规上企业 above_scale', value: (f) => f.above_scale },
  { header: '投产年份 started_year', value: (f) => f.started_year },
  // One cell, separated by spaces: parcel ids hold no spaces.
  { header: '宗地 parcel_ids', value: (f) => f.parcel_ids.join(' ') },
  { header: '用地面积（亩） mu', value: (f) => f.mu },
  { header: '亩均营业收入（万元/亩） revenue_per_mu', value: (f) => f.revenue_per_mu },
  { header: '亩均税收（万元/亩） tax_per_mu', value: (f) => f.tax_per_mu },
  { header: '亩均利润（万元/亩） profit_per_mu', value: (f) => f.profit_per_mu },
  { header: '亩均增加值（万元/亩） value_added_per_mu', value: (f) => f.value_added_per_mu },
  { header: '亩均用电（kWh/亩） electricity_kwh_per_mu', value: (f) => f.electricity_kwh_per_mu },
  { header: '单位电耗营业收入（元/kWh） revenue_per_kwh', value: (f) => f.revenue_per_kwh },
  { header: '单位能耗增加值（万元/tce） value_added_per_tce', value: (f) => f.value_added_per_tce },
  ...INDICATORS.filter((d) => d.code !== 'tax_per_mu' && d.code !== 'value_added_per_mu' && d.code !== 'value_added_per_tce').map(
    (d): CsvColumn<FirmResult> => ({ header: `${d.name_zh}（${d.unit}） ${d.code}`, value: (f) => f.indicators[d.code] }),
  ),
  { header: '未评级原因 reason', value: (f) => f.reason },
  { header: '缺少数据 missing', value: (f) => f.missing?.join(' ') },
]

/** The CSV document (with BOM) of a report. */
export function perMuCsv(report: PerMuReport): string {
  return toCsv(PER_MU_COLUMNS, report.enterprises)
}
