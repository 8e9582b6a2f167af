import { lazy, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLength } from '../lib/measureFormat'
import type { MeasureState } from '../map/MeasureTool'
import type { ParkMap } from '../map/ParkMap'
import { formatMu } from '../shared/units'
import { Deferred } from './Deferred'

// The measure panel loads with the first measurement (its own chunk).
const MeasurePanel = lazy(() => import('./MeasurePanel').then((m) => ({ default: m.MeasurePanel })))

/** The measure tool's state as React sees it: follows the adapter's emissions. */
function useMeasureState(parkMap: ParkMap | null): MeasureState | null {
  const [state, setState] = useState<MeasureState | null>(null)
  useEffect(() => {
    if (!parkMap) return
    setState(parkMap.measure.getState())
    return parkMap.measure.onChange(setState)
  }, [parkMap])
  return state
}

/**
 * The tools over the map's top-left corner, for everyone: the attribute table, print, copy a
 * link that keeps the view (the URL always holds it, hooks/useUrlView.ts), and measure distances
 * and areas (geodesic, see map/MeasureTool.ts) with a panel for the live figure. Where the
 * clipboard is refused (plain http on another host), the link is shown selected so it can be
 * copied by hand.
 */
interface MapToolsProps {
  parkMap: ParkMap | null
  tableOpen: boolean
  onToggleTable: () => void
  onPrint: () => void
}

export function MapTools({ parkMap, tableOpen, onToggleTable, onPrint }: MapToolsProps) {
  const { t, i18n } = useTranslation()
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
  const measure = useMeasureState(parkMap)
  const measuring = measure?.active ?? false
  const measureButton = useRef<HTMLButtonElement>(null)
  const wasMeasuring = useRef(false)

  // The figure beside the pointer on the map, in the panel's language.
  const m = measure?.measurement
  const label = !measuring || !m ? null
    : measure.mode === 'area' ? (m.area ? formatMu(m.area.m2, i18n.language) : null)
      : m.points >= 2 ? formatLength(m.lengthM, i18n.language) : null
  useEffect(() => parkMap?.measure.setLabel(label), [parkMap, label])

  // Esc or Stop removes the panel; a keyboard user whose focus was in it goes back to its button.
  useEffect(() => {
    if (wasMeasuring.current && !measuring && (document.activeElement === document.body || !document.activeElement)) measureButton.current?.focus()
    wasMeasuring.current = measuring
  }, [measuring])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href)
      setCopied('done')
    } catch {
      setCopied('failed')
    }
    window.setTimeout(() => setCopied('idle'), 4000)
  }
  return (
    <div className="map-tools">
      <div className="map-tools__bar" role="toolbar" aria-label={t('mapTools.toolbar')}>
        <button type="button" className="map-tools__button" title={t('table.openTitle')} aria-pressed={tableOpen} onClick={onToggleTable}>
          <TableIcon /> {t('table.open')}
        </button>
        <button type="button" className="map-tools__button" title={t('print.openTitle')} onClick={onPrint} aria-haspopup="dialog">
          <PrintIcon /> {t('print.open')}
        </button>
        <button type="button" className="map-tools__button" title={t('mapTools.copyLinkTitle')} onClick={() => void copy()}>
          <LinkIcon /> {t('mapTools.copyLink')}
        </button>
        <button type="button" ref={measureButton} className="map-tools__button" title={t('mapTools.measure.title')} aria-pressed={measuring}
          disabled={!parkMap} onClick={() => (measuring ? parkMap?.measure.stop() : parkMap?.measure.start(measure?.mode ?? 'distance'))}>
          <RulerIcon /> {t('mapTools.measure.start')}
        </button>
        {copied === 'done' && <span className="map-tools__note" role="status">{t('mapTools.copied')}</span>}
        {copied === 'failed' && (
          <span className="map-tools__note" role="alert">
            {t('mapTools.copyFailed')} <input readOnly value={window.location.href} onFocus={(e) => e.currentTarget.select()} autoFocus />
          </span>
        )}
      </div>
      {measuring && measure && parkMap && (
        <Deferred>
          <MeasurePanel state={measure}
            onMode={(mode) => parkMap.measure.start(mode)}
            onFinish={() => parkMap.measure.finish()}
            onUndo={() => parkMap.measure.undo()}
            onClear={() => parkMap.measure.clear()}
            onStop={() => parkMap.measure.stop()} />
        </Deferred>
      )}
    </div>
  )
}

function RulerIcon() {
  return (
    <svg className="map-tools__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round">
      <path d="M1.8 10.6l8.8-8.8 3.6 3.6-8.8 8.8z" />
      <path d="M4.6 7.8l1.4 1.4M6.6 5.8l1 1M8.6 3.8l1.4 1.4" strokeLinecap="round" />
    </svg>
  )
}

function LinkIcon() {
  return (
    <svg className="map-tools__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.7-3.7L5.3 7.8" />
    </svg>
  )
}

function TableIcon() {
  return (
    <svg className="map-tools__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
      <rect x="2" y="3" width="12" height="10" rx="1" /><path d="M2 6.5h12M2 9.8h12M6.5 6.5V13" />
    </svg>
  )
}

function PrintIcon() {
  return (
    <svg className="map-tools__icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round">
      <path d="M4.5 6V2.5h7V6M4.5 11.5h-2v-5h11v5h-2" /><rect x="4.5" y="9.5" width="7" height="4" />
    </svg>
  )
}
