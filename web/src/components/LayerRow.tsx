import { useTranslation } from 'react-i18next'
import type { LayerLoad } from '../hooks/useParkData'
import { isTiled } from '../lib/layers'
import { Legend } from './Legend'

interface Props {
  layer: LayerLoad
  visible: boolean
  onToggle: (visible: boolean) => void
}

/** One layer in the sidebar: its toggle, name, feature count or state, and its legend. */
export function LayerRow({ layer, visible, onToggle }: Props) {
  const { t, i18n } = useTranslation()
  const fallback = i18n.language === 'en' ? layer.info.title_en : layer.info.title
  const title = t(`layer.${layer.id}`, { defaultValue: fallback })
  return (
    <section className={`layer-row${visible ? '' : ' layer-row--off'}`} data-layer={layer.id}>
      <label className="layer-row__head">
        <input type="checkbox" checked={visible} onChange={(e) => onToggle(e.target.checked)} aria-label={t('legend.toggle', { layer: title })} />
        <span className="layer-row__title">{title}</span>
        <LayerState layer={layer} />
      </label>
      {visible && <Legend layer={layer.id} />}
    </section>
  )
}

function LayerState({ layer }: { layer: LayerLoad }) {
  const { t } = useTranslation()
  switch (layer.status) {
    case 'loading':
      return <span className="spinner" role="status" aria-label={t('status.loading')} />
    case 'error':
      return <span className="layer-row__error" title={layer.error.message}>!</span>
    case 'ready': {
      // A tiled layer is drawn whole whatever share of its GeoJSON the client loaded (a county's parcels).
      const shown = isTiled(layer.id) ? layer.info.count : layer.data.features.length
      if (shown === 0) return <span className="layer-row__note">{t('legend.empty')}</span>
      const note = shown < layer.info.count ? t('legend.truncated', { shown, count: layer.info.count }) : t('legend.count', { count: shown })
      return <span className="layer-row__count">{note}</span>
    }
  }
}
