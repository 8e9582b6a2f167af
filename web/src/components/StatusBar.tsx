import { useTranslation } from 'react-i18next'
import type { ParkData } from '../hooks/useParkData'

/**
 * What the map is waiting for or what went wrong, over the map: a loading pill, an error banner
 * with retry (whole API down, or some layers failed), or a note when the server has no layers.
 */
export function StatusBar({ data }: { data: ParkData }) {
  const { t } = useTranslation()
  const loadingLayers = data.layers.filter((l) => l.status === 'loading')
  const failed = data.layers.filter((l) => l.status === 'error')

  if (data.phase === 'error' && data.error) {
    return (
      <div className="banner banner--error" role="alert">
        <strong>{t('status.error')}</strong>
        <span className="banner__detail">{data.error.message} ({data.error.code})</span>
        <button type="button" className="button" onClick={data.retry}>{t('status.retry')}</button>
      </div>
    )
  }
  if (failed.length > 0) {
    const names = failed.map((l) => t(`layer.${l.id}`)).join('、')
    return (
      <div className="banner banner--error" role="alert">
        <strong>{t('status.layerErrors', { layers: names })}</strong>
        <span className="banner__detail">{failed[0]?.status === 'error' ? failed[0].error.message : ''}</span>
        <button type="button" className="button" onClick={data.retry}>{t('status.retry')}</button>
      </div>
    )
  }
  if (data.phase === 'loading' || loadingLayers.length > 0) {
    const names = loadingLayers.map((l) => t(`layer.${l.id}`)).join('、')
    return (
      <div className="banner banner--loading" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        {names ? t('status.loadingLayer', { layers: names }) : t('status.loading')}
      </div>
    )
  }
  if (data.phase === 'ready' && data.layers.length === 0) {
    return <div className="banner banner--note" role="status">{t('status.noLayers')}</div>
  }
  return null
}
