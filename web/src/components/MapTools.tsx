import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * The tools over the map's top-left corner, for everyone: the attribute table, print, and copy a link
 * that keeps the view (the URL always holds it, hooks/useUrlView.ts). Where the clipboard is refused (plain http on
 * another host), the link is shown selected so it can be copied by hand.
 */
interface MapToolsProps {
  tableOpen: boolean
  onToggleTable: () => void
  onPrint: () => void
}

export function MapTools({ tableOpen, onToggleTable, onPrint }: MapToolsProps) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle')
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
    <div className="map-tools" role="toolbar" aria-label={t('mapTools.toolbar')}>
      <button type="button" className="map-tools__button" title={t('table.openTitle')} aria-pressed={tableOpen} onClick={onToggleTable}>
        <TableIcon /> {t('table.open')}
      </button>
      <button type="button" className="map-tools__button" title={t('print.openTitle')} onClick={onPrint} aria-haspopup="dialog">
        <PrintIcon /> {t('print.open')}
      </button>
      <button type="button" className="map-tools__button" title={t('mapTools.copyLinkTitle')} onClick={() => void copy()}>
        <LinkIcon /> {t('mapTools.copyLink')}
      </button>
      {copied === 'done' && <span className="map-tools__note" role="status">{t('mapTools.copied')}</span>}
      {copied === 'failed' && (
        <span className="map-tools__note" role="alert">
          {t('mapTools.copyFailed')} <input readOnly value={window.location.href} onFocus={(e) => e.currentTarget.select()} autoFocus />
        </span>
      )}
    </div>
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
