import type { MultiPolygon, Polygon } from 'geojson'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useTask } from '../../hooks/useTask'
import { parkBounds } from '../../lib/bounds'
import { importFile } from '../../lib/convert/api'
import type { Language } from '../../lib/featureDetails'
import type { ParkMap } from '../../map/ParkMap'
import { CONVERT_FORMATS, type ConvertFormat, type ConvertImportAnswer } from '../../shared/api/convert'
import { formatOfFileName } from '../../shared/convert/index'
import { featureName } from '../../shared/convert/plane-write'
import { geodesicArea } from '../../shared/geodesic-area'
import { formatMu } from '../../shared/units'
import { AccessNotice, type AnalysisAccess } from './AccessNotice'
import { Icon } from './Icon'
import { TaskError } from './TaskError'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

interface Props {
  parkMap: ParkMap | null
  access: AnalysisAccess
  role: string | undefined
  /** The panel is on screen: files dropped on the map come here. */
  active: boolean
  lang: Language
  /** The planner accepted a shape: it becomes the drawing's boundary. */
  onAccept: (geometry: Polygon | MultiPolygon) => void
}

const ACCEPT = '.txt,.csv,.tsv,.geojson,.json,.kml,.kmz,.zip,.dxf'

/**
 * Step 0: a survey or CAD file (open, drop on the map, or paste a coordinate table) read by the
 * server, shown on the map with its area in mu and the notes on what was repaired — nothing is
 * saved until the planner accepts it into the drawing, and saves that as a draft.
 */
export function ImportSection({ parkMap, access, role, active, lang, onAccept }: Props) {
  const { t } = useTranslation()
  const task = useTask<ConvertImportAnswer>()
  const [format, setFormat] = useState<ConvertFormat | ''>('')
  const [epsg, setEpsg] = useState('')
  const [pasted, setPasted] = useState('')
  const [fileName, setFileName] = useState<string | null>(null)
  const [chosen, setChosen] = useState(0)
  const { state } = task
  const result = state.status === 'done' ? state.value : null

  const send = useCallback((bytes: Uint8Array, as: ConvertFormat) => {
    setChosen(0)
    const zone = /^\d{4}$/.test(epsg.trim()) ? Number(epsg.trim()) : undefined
    void task.run(() => importFile(bytes, as, zone))
  }, [epsg, task])

  const openFile = useCallback(async (file: File) => {
    setFileName(file.name)
    const as = format || formatOfFileName(file.name) || 'jzd-txt'
    setFormat(as)
    send(new Uint8Array(await file.arrayBuffer()), as)
  }, [format, send])

  useEffect(() => {
    if (!active || access !== 'allowed' || !parkMap) return
    return parkMap.onFileDrop((file) => void openFile(file))
  }, [active, access, parkMap, openFile])

  useEffect(() => {
    parkMap?.analysis.showPreview(result, chosen)
  }, [parkMap, result, chosen])
  useEffect(() => {
    if (result && result.features.length > 0) parkMap?.fitToPark(parkBounds([{ type: 'FeatureCollection', features: result.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} })) }]), true)
  }, [parkMap, result])
  useEffect(() => () => parkMap?.analysis.showPreview(null), [parkMap])

  if (access !== 'allowed') return <AccessNotice access={access} role={role} compact />

  const discard = () => {
    task.reset()
    setFileName(null)
  }
  const accept = () => {
    const feature = result?.features[chosen]
    if (!feature) return
    onAccept(feature.geometry)
    discard()
  }

  return (
    <div className="import" data-state={state.status}>
      <div className="import__row">
        <label className="button import__open">
          <Icon name="upload" /> {t('analysis.import.open')}
          <input type="file" accept={ACCEPT} data-action="import-file" className="visually-hidden"
            onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void openFile(file) }} />
        </label>
        <select aria-label={t('analysis.import.format')} value={format} onChange={(e) => setFormat(e.target.value as ConvertFormat | '')}>
          <option value="">{t('analysis.import.formatAuto')}</option>
          {CONVERT_FORMATS.map((f) => <option key={f} value={f}>{t(`analysis.format.${f}`)}</option>)}
        </select>
        <input className="import__epsg" inputMode="numeric" placeholder="EPSG" aria-label={t('analysis.import.epsg')} title={t('analysis.import.epsgTitle')}
          value={epsg} onChange={(e) => setEpsg(e.target.value)} />
      </div>
      <p className="hint">{t('analysis.import.dropHint')}</p>
      <details className="import__paste">
        <summary>{t('analysis.import.paste')}</summary>
        <textarea rows={4} value={pasted} placeholder={'J1,3178613.898,38634117.078\nJ2,3178695.891,38634258.451\n…'} aria-label={t('analysis.import.paste')}
          onChange={(e) => setPasted(e.target.value)} />
        <button type="button" className="button" data-action="import-paste" disabled={!pasted.trim() || state.status === 'running'}
          onClick={() => { setFileName(null); send(new TextEncoder().encode(pasted), 'coords-csv') }}>{t('analysis.import.read')}</button>
      </details>
      {state.status === 'running' && <p className="progress" role="status"><span className="spinner" aria-hidden="true" />{t('analysis.import.reading')}</p>}
      {state.status === 'error' && <TaskError error={state.error} />}
      {result && (
        <div className="import__preview" data-preview="ready">
          <p className="note" data-epsg={result.crs_detected.epsg}>
            {fileName && <strong>{fileName} · </strong>}{result.crs_detected.name}
          </p>
          <ul className="import__shapes">
            {result.features.map((f, i) => (
              <li key={i}>
                <label>
                  <input type="radio" name="import-shape" checked={i === chosen} onChange={() => setChosen(i)} />
                  <span>{featureName(f.properties, t('analysis.import.shape', { n: i + 1 }))}</span>
                  <span className="import__area" data-area-m2={geodesicArea(f.geometry)}>{formatMu(geodesicArea(f.geometry), lang)}</span>
                </label>
              </li>
            ))}
          </ul>
          {result.notes.length > 0 && (
            <ul className="import__notes" aria-label={t('analysis.import.notes')}>
              {result.notes.map((note, i) => <li key={i}>{note}</li>)}
            </ul>
          )}
          <p className="hint">{t('analysis.import.notSaved')}</p>
          <div className="actions">
            <button type="button" className="primary-button" data-action="import-accept" onClick={accept}>{t('analysis.import.accept')}</button>
            <button type="button" className="link-button" data-action="import-discard" onClick={discard}>{t('analysis.import.discard')}</button>
          </div>
        </div>
      )}
    </div>
  )
}
