import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { LayerLoad } from '../hooks/useParkData'
import { LEGEND_ORDER } from '../lib/layers'
import { type LayerId } from '../shared/park-vocabulary'
import { LayerRow } from './LayerRow'

interface Props {
  layers: LayerLoad[]
  visible: Record<LayerId, boolean>
  onToggle: (layer: LayerId, visible: boolean) => void
  onFit: () => void
  /** Shown above the layer list (the per-mu thematic legend). */
  children?: ReactNode
}

/** The sidebar: every layer the server has, in drawing order (top first), each with its legend. */
export function LayerPanel({ layers, visible, onToggle, onFit, children }: Props) {
  const { t } = useTranslation()
  const ordered = [...layers].sort((a, b) => LEGEND_ORDER.indexOf(a.id) - LEGEND_ORDER.indexOf(b.id))
  return (
    <aside className="sidebar" aria-label={t('legend.title')}>
      <div className="sidebar__head">
        <h2>{t('legend.title')}</h2>
        <button type="button" className="button button--small" onClick={onFit} title={t('legend.fit')} aria-label={t('legend.fit')}>⤢</button>
      </div>
      {children}
      <div className="sidebar__layers">
        {ordered.map((layer) => (
          <LayerRow key={layer.id} layer={layer} visible={visible[layer.id]} onToggle={(v) => onToggle(layer.id, v)} />
        ))}
      </div>
      <p className="sidebar__foot">{t('app.sampleData')}</p>
    </aside>
  )
}
