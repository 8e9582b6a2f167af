import type { Polygon } from 'geojson'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { boundaryFeatureCollection, boundaryFileName } from '../../lib/boundary/geojsonExport'
import { measureBoundary } from '../../lib/boundary/measure'
import type { Draft } from '../../lib/analysis/types'
import { downloadBlob, isoToday } from '../../lib/download'
import type { Language } from '../../lib/featureDetails'
import { CONVERT_FORMATS, type ConvertFormat } from '../../shared/api/convert'
import type { CoordinateTable, CoordinateTableLabels } from '../../shared/convert/coords-csv'
import { loadConverter } from '../../shared/convert/index'
import type { WriteOptions } from '../../shared/convert/types'
import { Banner } from './Banner'
import { errorMessage } from './errorMessage'
import { Icon } from './Icon'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

const plain = (value: number, digits: number) => value.toFixed(digits)
/** Formats in GK metres: they take the zone (and its prefix) of the table shown. */
const PLANE_FORMATS: readonly ConvertFormat[] = ['jzd-txt', 'coords-csv', 'dxf']
/** Text formats a survey tool on Chinese Windows may want in GBK. */
const TEXT_FORMATS: readonly ConvertFormat[] = ['jzd-txt', 'coords-csv']

interface Props {
  boundary: Polygon | null
  /** The boundary crosses itself: no file of it leaves (the server would refuse it as well). */
  boundaryInvalid: boolean
  draft: Draft | null
  lang: Language
}

/**
 * Step 5: the boundary in every format the converters speak (web/src/shared/convert, written in
 * the browser): GeoJSON, the 界址点坐标表 CSV and exchange TXT in CGCS2000 3° Gauss-Krüger, KML/KMZ,
 * a zipped Shapefile and DXF.
 */
export function ExportSection({ boundary, boundaryInvalid, draft, lang }: Props) {
  const { t } = useTranslation()
  const [zonePrefix, setZonePrefix] = useState(false)
  const [format, setFormat] = useState<ConvertFormat>('jzd-txt')
  const [encoding, setEncoding] = useState<'utf-8' | 'gbk'>('utf-8')
  const [table, setTable] = useState<CoordinateTable | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    setTable(null)
    setError(null)
    if (!boundary || boundaryInvalid) return
    let cancelled = false
    // The coordinate-table module is the CSV converter's chunk, loaded on first use like every converter.
    import('../../shared/convert/coords-csv')
      .then(({ coordinateTable }) => coordinateTable({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: boundary }] }, { zonePrefix }))
      .then((built) => !cancelled && setTable(built))
      .catch((cause: unknown) => !cancelled && setError(cause))
    return () => {
      cancelled = true
    }
  }, [boundary, boundaryInvalid, zonePrefix])

  if (!boundary) return <p className="hint">{t('analysis.export.needBoundary')}</p>
  if (boundaryInvalid) return <Banner kind="warning">{t('analysis.export.invalid')}</Banner>
  const name = draft ? (lang === 'en' ? draft.name_en || draft.name_zh : draft.name_zh) : null

  function tableLabels(plane: CoordinateTable): CoordinateTableLabels {
    const measure = measureBoundary(boundary)
    return {
      title: t('analysis.export.csvTitle'),
      notes: [
        ...(name ? [t('analysis.export.csvName', { name })] : []),
        t('analysis.export.csvCrs', { cm: plane.zone.centralMeridian, epsg: plane.zone.epsg }),
        t('analysis.export.csvArea', { m2: plain(measure?.m2 ?? NaN, 2), mu: plain(measure?.mu ?? NaN, 2), plane: plain(plane.planeM2, 2) }),
        t('analysis.export.csvNote'),
      ],
      columns: [t('analysis.export.colNo'), t('analysis.export.colX'), t('analysis.export.colY'), t('analysis.export.colSide'), t('analysis.export.colRing')],
    }
  }

  async function save(as: ConvertFormat) {
    if (!table) return
    setError(null)
    try {
      const collection = boundaryFeatureCollection(boundary!, {
        name_zh: draft?.name_zh ?? null, name_en: draft?.name_en ?? null, draft_id: draft?.id ?? null, version: draft?.version ?? null,
        exported_at: new Date().toISOString(),
      })
      // 名称 is the name survey files, KML placemarks and DXF layers carry (featureName).
      collection.features[0]!.properties = { 名称: name ?? t('analysis.export.boundaryName'), ...collection.features[0]!.properties }
      const fileBase = as === 'coords-csv' ? `${name ? `${name}-` : ''}${t('analysis.export.csvFile')}` : name
      const options: WriteOptions = {
        name: boundaryFileName(fileBase, isoToday(), 'x').slice(0, -2),
        ...(PLANE_FORMATS.includes(as) ? { epsg: table.zone.epsg } : {}),
        ...(TEXT_FORMATS.includes(as) ? { encoding } : {}),
        ...(as === 'coords-csv' ? { tableLabels: tableLabels(table) } : {}),
      }
      const file = await (await loadConverter(as)).write(collection, options)
      downloadBlob(file.filename, new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.contentType }))
    } catch (cause) {
      setError(cause)
    }
  }

  return (
    <div className="export">
      <div className="actions">
        <button type="button" className="button" data-action="export-geojson" disabled={!table} onClick={() => void save('geojson')}><Icon name="download" /> {t('analysis.export.geojson')}</button>
        <button type="button" className="button" data-action="export-table" disabled={!table} onClick={() => void save('coords-csv')}><Icon name="download" /> {t('analysis.export.table')}</button>
      </div>
      <div className="actions export__other">
        <select aria-label={t('analysis.export.format')} value={format} onChange={(e) => setFormat(e.target.value as ConvertFormat)}>
          {CONVERT_FORMATS.map((f) => <option key={f} value={f}>{t(`analysis.format.${f}`)}</option>)}
        </select>
        {TEXT_FORMATS.includes(format) && (
          <select aria-label={t('analysis.export.encoding')} value={encoding} onChange={(e) => setEncoding(e.target.value as 'utf-8' | 'gbk')}>
            <option value="utf-8">UTF-8</option>
            <option value="gbk">GBK</option>
          </select>
        )}
        <button type="button" className="button" data-action="export-file" disabled={!table} onClick={() => void save(format)}><Icon name="download" /> {t('analysis.export.file')}</button>
      </div>
      <label className="check" title={t('analysis.export.prefixTitle')}>
        <input type="checkbox" checked={zonePrefix} onChange={(e) => setZonePrefix(e.target.checked)} />
        {t('analysis.export.prefix')}
      </label>
      {table && (
        <p className="note export__crs" data-epsg={table.zone.epsg}>
          {t('analysis.export.crsLine', { count: table.points.length - 1, cm: table.zone.centralMeridian, epsg: table.zone.epsg })}
        </p>
      )}
      {error !== null && <Banner kind="error">{t('analysis.export.failed', { message: errorMessage(error) })}</Banner>}
    </div>
  )
}
