import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { datedFileName, downloadBlob, isoToday } from '../../lib/download'
import { gkGrid } from '../../lib/print/gkGrid'
import { ORIENTATIONS, PAPER_SIZES, sheetLayout, type Orientation, type PaperSize } from '../../lib/print/printLayout'
import type { MapSnapshot, ParkMap } from '../../map/ParkMap'
import { gaussKrugerZoneForLongitude, loadGaussKrugerConverter } from '../../shared/gauss-kruger'
import type { LayerId } from '../../shared/park-vocabulary'
import { PrintSheet, type PrintSheetProps } from './PrintSheet'
import './print.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { printZhCN } from '../../i18n/print.zh-CN'

addPanelStrings('print', printZhCN)

interface PrintDialogProps {
  parkMap: ParkMap
  /** The layers drawn now, in the layer panel's order. */
  layers: readonly LayerId[]
  onClose: () => void
}

/** PNG at 150 dpi: a sharp A4 (1754 × 1240 px) that a chat or a slide still takes. */
const PNG_DPI = 150
const CSS_DPI = 96

/**
 * The print layout: title, paper, orientation and an optional GK grid, with a live preview of the
 * sheet. "Print / PDF" prints that sheet alone (the page size set from the layout, so the
 * browser's "Save as PDF" writes the same sheet); "PNG" rasterises the same node.
 */
export function PrintDialog({ parkMap, layers, onClose }: PrintDialogProps) {
  const { t } = useTranslation()
  const [title, setTitle] = useState(() => t('print.defaultTitle'))
  const [paper, setPaper] = useState<PaperSize>('A4')
  const [orientation, setOrientation] = useState<Orientation>('landscape')
  const [withGrid, setWithGrid] = useState(false)
  const [snapshot, setSnapshot] = useState<MapSnapshot | null>(null)
  const [grid, setGrid] = useState<PrintSheetProps['grid']>(null)
  const [status, setStatus] = useState<'preparing' | 'ready' | 'rendering' | { failed: string }>('preparing')
  const sheet = useRef<HTMLDivElement>(null)
  const titleInput = useRef<HTMLInputElement>(null)
  const layout = sheetLayout(paper, orientation)
  const date = isoToday()

  // The map's image once, when the dialog opens (the dialog covers the map: the view cannot change).
  useEffect(() => {
    let live = true
    parkMap.snapshot()
      .then((shot) => {
        if (!live) return
        setSnapshot(shot)
        setStatus('ready')
      })
      .catch((cause: unknown) => live && setStatus({ failed: cause instanceof Error ? cause.message : String(cause) }))
    titleInput.current?.select()
    return () => {
      live = false
    }
  }, [parkMap])

  useEffect(() => {
    if (!withGrid || !snapshot) {
      setGrid(null)
      return
    }
    let live = true
    const centre = parkMap.getCamera()
    const zone = gaussKrugerZoneForLongitude(centre.lng)
    void loadGaussKrugerConverter(zone).then((converter) => {
      if (live) setGrid({ zone, lines: gkGrid({ converter, corners: snapshot.corners, project: snapshot.project }) })
    })
    return () => {
      live = false
    }
  }, [withGrid, snapshot, parkMap])

  // Esc closes from anywhere (focus may be on the page after a download), as a modal should.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  // The printed page is the sheet's size, without the browser's margins.
  useLayoutEffect(() => {
    const style = document.createElement('style')
    style.textContent = `@page { size: ${layout.paper.width}mm ${layout.paper.height}mm; margin: 0 }`
    document.head.appendChild(style)
    return () => style.remove()
  }, [layout.paper.width, layout.paper.height])

  // The preview shows the sheet scaled to the pane.
  const pane = useRef<HTMLDivElement>(null)
  const [scale, setScale] = useState(0.5)
  useLayoutEffect(() => {
    const node = pane.current
    if (!node) return
    const fit = () => {
      const sheetPx = { width: (layout.paper.width / 25.4) * CSS_DPI, height: (layout.paper.height / 25.4) * CSS_DPI }
      setScale(Math.min((node.clientWidth - 24) / sheetPx.width, (node.clientHeight - 24) / sheetPx.height))
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(node)
    return () => observer.disconnect()
  }, [layout.paper.width, layout.paper.height])

  const png = async () => {
    if (!sheet.current) return
    setStatus('rendering')
    try {
      const { toBlob } = await import('html-to-image')
      // No web fonts to embed (the system's CJK fonts draw the text); the preview's scale left out.
      const blob = await toBlob(sheet.current, { pixelRatio: PNG_DPI / CSS_DPI, skipFonts: true, style: { transform: 'none' } })
      if (!blob) throw new Error('no image')
      downloadBlob(datedFileName(title, date, 'png', 'map'), blob)
      setStatus('ready')
    } catch (cause) {
      setStatus({ failed: cause instanceof Error ? cause.message : String(cause) })
    }
  }

  return createPortal(
    <div className="print-dialog" role="dialog" aria-modal="true" aria-labelledby="print-dialog-title">
      <form className="print-dialog__controls" onSubmit={(e) => e.preventDefault()}>
        <h2 id="print-dialog-title">{t('print.dialog')}</h2>
        <label>
          {t('print.title')}
          <input ref={titleInput} type="text" value={title} maxLength={80} onChange={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <fieldset>
          <legend>{t('print.paper')}</legend>
          {PAPER_SIZES.map((size) => (
            <label key={size}><input type="radio" name="paper" checked={paper === size} onChange={() => setPaper(size)} /> {size}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('print.orientation')}</legend>
          {ORIENTATIONS.map((o) => (
            <label key={o}><input type="radio" name="orientation" checked={orientation === o} onChange={() => setOrientation(o)} /> {t(`print.${o}`)}</label>
          ))}
        </fieldset>
        <label className="print-dialog__check">
          <input type="checkbox" checked={withGrid} onChange={(e) => setWithGrid(e.currentTarget.checked)} /> {t('print.grid')}
        </label>
        <div className="print-dialog__actions">
          <button type="button" className="button" disabled={status !== 'ready'} onClick={() => window.print()} title={t('print.pdfHint')}>{t('print.pdf')}</button>
          <button type="button" className="button" disabled={status !== 'ready'} onClick={() => void png()}>{t('print.png')}</button>
          <button type="button" className="button" onClick={onClose}>{t('print.close')}</button>
        </div>
        <p className="print-dialog__hint">{t('print.pdfHint')}</p>
        {status === 'preparing' && <p role="status">{t('print.preparing')}</p>}
        {status === 'rendering' && <p role="status">{t('print.rendering')}</p>}
        {typeof status === 'object' && <p role="alert" className="print-dialog__error">{t('print.failed', { message: status.failed })}</p>}
      </form>
      <div ref={pane} className="print-dialog__preview">
        {snapshot && (
          <div className="print-dialog__fit" style={{ width: `${(layout.paper.width / 25.4) * CSS_DPI * scale}px`, height: `${(layout.paper.height / 25.4) * CSS_DPI * scale}px` }}>
            <div className="print-dialog__paper" style={{ transform: `scale(${scale})` }}>
              <PrintSheet ref={sheet} layout={layout} title={title} snapshot={snapshot} layers={layers} grid={grid} date={date} />
            </div>
          </div>
        )}
      </div>
    </div>,
    document.body,
  )
}
