/**
 * The overlap and chemical-firm answers as CSV for Excel (shared/csv.ts: BOM, CRLF, RFC 4180):
 * one row per feature or firm, figures unrounded in m² and mu so a spreadsheet can sum them.
 */
import type { ChemicalFirm, OverlapResult } from '../../shared/api/overlap'
import { toCsv, type CsvColumn } from '../../shared/csv'
import { M2_PER_MU } from '../../shared/units'
import type { Language } from '../featureDetails'
import { featureLabel, type Translate } from './overlapFormat'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

interface OverlapCsvRow {
  layer: string
  id: string
  name: string
  detail: string | null
  cls: string
  overlapM2: number | null
  share: number
}

/** Every feature of every layer of an overlap answer. */
export function overlapCsv(result: OverlapResult, lang: Language, t: Translate): string {
  const rows: OverlapCsvRow[] = result.layers.flatMap((layer) =>
    layer.features.map((f) => ({ layer: t(`layer.${layer.id}`), id: f.id, ...featureLabel(layer.id, f.id, f.properties, lang, t), cls: t(`analysis.overlap.class.${f.class}`), overlapM2: f.overlap_m2, share: f.share })),
  )
  const columns: CsvColumn<OverlapCsvRow>[] = [
    { header: t('analysis.csv.layer'), value: (r) => r.layer },
    { header: 'id', value: (r) => r.id },
    { header: t('analysis.overlap.column.name'), value: (r) => r.name },
    { header: t('analysis.csv.detail'), value: (r) => r.detail },
    { header: t('analysis.overlap.column.class'), value: (r) => r.cls },
    { header: t('analysis.csv.overlapM2'), value: (r) => r.overlapM2 },
    { header: t('analysis.csv.overlapMu'), value: (r) => (r.overlapM2 === null ? null : r.overlapM2 / M2_PER_MU) },
    { header: t('analysis.csv.share'), value: (r) => r.share },
  ]
  return toCsv(columns, rows)
}

/** The chemical firms and how much of their land lies in cluster A ∪ B. */
export function chemicalFirmsCsv(firms: readonly ChemicalFirm[], lang: Language, t: Translate): string {
  const columns: CsvColumn<ChemicalFirm>[] = [
    { header: 'id', value: (f) => f.id },
    { header: t('analysis.chemical.column.firm'), value: (f) => (lang === 'en' ? f.name_en || f.name_zh : f.name_zh || f.name_en) },
    { header: t('analysis.chemical.column.class'), value: (f) => t(`analysis.chemical.class.${f.class}`) },
    { header: t('analysis.csv.parcels'), value: (f) => f.parcel_ids.join(' ') },
    { header: t('analysis.csv.heldMu'), value: (f) => f.held_mu },
    { header: t('analysis.csv.insideMu'), value: (f) => f.inside_mu },
  ]
  return toCsv(columns, firms)
}
