import { useTranslation } from 'react-i18next'
import type { BoundaryDrawing } from '../../hooks/useBoundaryDrawing'
import { AreaReadout } from './AreaReadout'
import { Banner } from './Banner'
import { Icon, type IconName } from './Icon'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

function ToolButton({ label, title, onClick, pressed, disabled, tool, iconOnly }: {
  label: string; title: string; onClick: () => void; pressed?: boolean; disabled?: boolean; tool: IconName; iconOnly?: boolean
}) {
  return (
    <button type="button" className={`tool-button${pressed ? ' tool-button--on' : ''}${iconOnly ? ' tool-button--icon' : ''}`} data-tool={tool} title={title}
      aria-label={iconOnly ? label : undefined} aria-pressed={pressed}
      disabled={disabled} onClick={onClick}>
      <Icon name={tool} />
      {!iconOnly && <span>{label}</span>}
    </button>
  )
}

/** Step 1: the drawing toolbar, what the keys do in the current tool, and the live area. */
export function DrawSection({ drawing, notice, onZoomTo }: { drawing: BoundaryDrawing; notice: string | null; onZoomTo: () => void }) {
  const { t } = useTranslation()
  const { mode } = drawing
  const hasShape = drawing.boundary !== null || drawing.committed !== null
  const hint = mode === 'draw' ? t('analysis.draw.hintDrawing') : mode === 'edit' ? t('analysis.draw.hintEdit') : hasShape ? null : t('analysis.draw.hintEmpty')
  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('analysis.draw.title')}>
        <ToolButton tool="draw" label={t('analysis.draw.draw')} title={t('analysis.draw.drawTitle')} pressed={mode === 'draw'} onClick={() => drawing.setMode('draw')} />
        <ToolButton tool="edit" label={t('analysis.draw.edit')} title={t('analysis.draw.editTitle')} pressed={mode === 'edit'} disabled={!drawing.committed} onClick={() => drawing.setMode('edit')} />
        <ToolButton tool="done" label={t('analysis.draw.done')} title={t('analysis.draw.doneTitle')} disabled={mode === 'idle'} onClick={() => drawing.setMode('idle')} />
        <span className="toolbar__gap" />
        <ToolButton tool="undo" iconOnly label={t('analysis.draw.undo')} title={t('analysis.draw.undoTitle')} disabled={!drawing.canUndo} onClick={drawing.undo} />
        <ToolButton tool="redo" iconOnly label={t('analysis.draw.redo')} title={t('analysis.draw.redoTitle')} disabled={!drawing.canRedo} onClick={drawing.redo} />
        <ToolButton tool="focus" iconOnly label={t('analysis.draw.zoom')} title={t('analysis.draw.zoom')} disabled={!drawing.committed} onClick={onZoomTo} />
        <ToolButton tool="delete" iconOnly label={t('analysis.draw.delete')} title={t('analysis.draw.deleteTitle')} disabled={!hasShape} onClick={drawing.deleteBoundary} />
      </div>
      <label className="check">
        <input type="checkbox" checked={drawing.snapping} onChange={(e) => drawing.setSnapping(e.target.checked)} />
        {t('analysis.draw.snap')}
      </label>
      {hint && <p className={`hint${hasShape ? '' : ' hint--empty'}`} data-hint={mode}>{hint}</p>}
      {notice && <Banner kind="warning">{notice}</Banner>}
      <AreaReadout measure={drawing.measure} drawing={drawing.drawing} kinks={drawing.kinks.length} />
      {drawing.kinks.length > 0 && <Banner kind="error">{t('analysis.area.kinks', { count: drawing.kinks.length })}</Banner>}
    </>
  )
}
