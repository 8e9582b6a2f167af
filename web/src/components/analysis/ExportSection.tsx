import type { Polygon } from 'geojson'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { buildCoordinateTable, coordinateTableCsv, type CoordinateTable } from '../../lib/boundary/coordinateTable'
import { boundaryFeatureCollection, boundaryFileName } from '../../lib/boundary/geojsonExport'
import { measureBoundary } from '../../lib/boundary/measure'
import type { Draft } from '../../lib/analysis/types'
import { downloadText, isoToday } from '../../lib/download'
import type { Language } from '../../lib/featureDetails'
import { Banner } from './Banner'
import { errorMessage } from './errorMessage'
import { Icon } from './Icon'

const plain = (value: number, digits: number) => value.toFixed(digits)

/** Step 5: the boundary as GeoJSON, and as the 界址点坐标表 survey form in CGCS2000 3° Gauss-Krüger. */
export function ExportSection({ boundary, draft, lang }: { boundary: Polygon | null; draft: Draft | null; lang: Language }) {
  const { t } = useTranslation()
  const [zonePrefix, setZonePrefix] = useState(false)
  const [table, setTable] = useState<CoordinateTable | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    setTable(null)
    setError(null)
    if (!boundary) return
    let cancelled = false
    buildCoordinateTable(boundary, zonePrefix)
      .then((built) => !cancelled && setTable(built))
      .catch((cause: unknown) => !cancelled && setError(cause))
    return () => {
      cancelled = true
    }
  }, [boundary, zonePrefix])

  if (!boundary) return <p className="hint">{t('analysis.export.needBoundary')}</p>
  const name = draft ? (lang === 'en' ? draft.name_en : draft.name_zh) : null

  function saveGeoJson() {
    const collection = boundaryFeatureCollection(boundary!, {
      name_zh: draft?.name_zh ?? null, name_en: draft?.name_en ?? null, draft_id: draft?.id ?? null, version: draft?.version ?? null,
      exported_at: new Date().toISOString(),
    })
    downloadText(boundaryFileName(name, isoToday(), 'geojson'), `${JSON.stringify(collection, null, 2)}\n`, 'application/geo+json')
  }

  function saveTable() {
    if (!table) return
    const measure = measureBoundary(boundary)
    const notes = [
      ...(name ? [t('analysis.export.csvName', { name })] : []),
      t('analysis.export.csvCrs', { cm: table.zone.centralMeridian, epsg: table.zone.epsg }),
      t('analysis.export.csvArea', { m2: plain(measure?.m2 ?? NaN, 2), mu: plain(measure?.mu ?? NaN, 2), plane: plain(table.planeM2, 2) }),
      t('analysis.export.csvNote'),
    ]
    const csv = coordinateTableCsv(table.points, {
      title: t('analysis.export.csvTitle'),
      notes,
      columns: [t('analysis.export.colNo'), t('analysis.export.colX'), t('analysis.export.colY'), t('analysis.export.colSide')],
    })
    downloadText(boundaryFileName(`${name ? `${name}-` : ''}${t('analysis.export.csvFile')}`, isoToday(), 'csv'), csv, 'text/csv;charset=utf-8')
  }

  return (
    <div className="export">
      <div className="actions">
        <button type="button" className="button" data-action="export-geojson" onClick={saveGeoJson}><Icon name="download" /> {t('analysis.export.geojson')}</button>
        <button type="button" className="button" data-action="export-table" disabled={!table} onClick={saveTable}><Icon name="download" /> {t('analysis.export.table')}</button>
      </div>
      <label className="check" title={t('analysis.export.prefixTitle')}>
        <input type="checkbox" checked={zonePrefix} onChange={(e) => setZonePrefix(e.target.checked)} />
        {t('analysis.export.prefix')}
      </label>
      {table && (
        <p className="note export__crs" data-epsg={table.zone.epsg}>
          {t('analysis.export.crsLine', { count: table.points.length, cm: table.zone.centralMeridian, epsg: table.zone.epsg })}
        </p>
      )}
      {error !== null && <Banner kind="error">{t('analysis.export.failed', { message: errorMessage(error) })}</Banner>}
    </div>
  )
}
