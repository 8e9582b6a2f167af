import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeasureMode } from '../lib/measure'
import { formatAreaFigures, formatLength } from '../lib/measureFormat'
import type { MeasureState } from '../map/MeasureTool'

/** The tool's state to show, and what the panel's controls ask of the tool. */
export interface MeasurePanelProps {
  state: MeasureState
  onMode: (mode: MeasureMode) => void
  onFinish: () => void
  onUndo: () => void
  onClear: () => void
  onStop: () => void
}

/**
 * The measure tool's panel under the map tools: distance | area, the live figure (length; or
 * area in 亩, ha and m² with the perimeter), and buttons for what the keyboard and double-click
 * also do — a touch screen has neither. The figure carries its raw values in data-* attributes
 * (metres, square metres) for tests and whoever reads the DOM.
 */
export function MeasurePanel({ state, onMode, onFinish, onUndo, onClear, onStop }: MeasurePanelProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { measurement, mode } = state
  const hasPoints = state.points.length > 0

  let figure: ReactNode = t('mapTools.measure.none')
  if (mode === 'distance' && measurement && measurement.points >= 2) {
    figure = t('mapTools.measure.length', { value: formatLength(measurement.lengthM, locale) })
  } else if (mode === 'area' && measurement?.area && measurement.perimeterM !== null) {
    figure = (
      <>
        <span className="measure-panel__area">{t('mapTools.measure.areaValue', { ...formatAreaFigures(measurement.area, locale) })}</span>
        <span className="measure-panel__perimeter">{t('mapTools.measure.perimeter', { value: formatLength(measurement.perimeterM, locale) })}</span>
      </>
    )
  } else if (mode === 'area' && hasPoints) {
    figure = t('mapTools.measure.areaHint')
  }

  return (
    <section className="measure-panel" aria-label={t('mapTools.measure.title')} data-mode={mode} data-finished={state.finished}>
      <div className="measure-panel__modes" role="group" aria-label={t('mapTools.measure.modes')}>
        {(['distance', 'area'] as const).map((m) => (
          <button key={m} type="button" className="measure-panel__mode" data-mode={m} aria-pressed={mode === m} onClick={() => onMode(m)}>
            {t(`mapTools.measure.${m}`)}
          </button>
        ))}
      </div>
      <p
        className="measure-panel__figure"
        role="status"
        aria-live="polite"
        data-points={measurement?.points ?? 0}
        data-length-m={measurement ? measurement.lengthM : undefined}
        data-area-m2={measurement?.area ? measurement.area.m2 : undefined}
        data-perimeter-m={measurement?.perimeterM ?? undefined}
      >
        {figure}
      </p>
      <p className="measure-panel__hint">{t('mapTools.measure.hint')}</p>
      <div className="measure-panel__actions">
        <button type="button" className="map-tools__button" title={t('mapTools.measure.finishTitle')} disabled={!hasPoints || state.finished} onClick={onFinish}>
          {t('mapTools.measure.finish')}
        </button>
        <button type="button" className="map-tools__button" title={t('mapTools.measure.undoTitle')} disabled={!hasPoints} onClick={onUndo}>
          {t('mapTools.measure.undo')}
        </button>
        <button type="button" className="map-tools__button" disabled={!hasPoints} onClick={onClear}>
          {t('mapTools.measure.clear')}
        </button>
        <button type="button" className="map-tools__button" onClick={onStop}>
          {t('mapTools.measure.stop')}
        </button>
      </div>
    </section>
  )
}
