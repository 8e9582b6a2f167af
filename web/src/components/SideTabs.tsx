import { useState, type ReactNode } from 'react'
import './SideTabs.css'

export interface SideTab {
  id: string
  label: string
  /** Rendered always (hidden when another tab is shown), so a tab keeps its state; `active` says whether it shows. */
  render: (active: boolean) => ReactNode
  /** The tab needs a wider sidebar (tables). */
  wide?: boolean
}

export interface SideTabsProps {
  tabs: readonly SideTab[]
  label: string
  /** The shown tab, when the caller keeps it (the URL does); otherwise the tabs keep it themselves. */
  activeId?: string
  onActiveChange?: (id: string) => void
}

/**
 * The sidebar as tabs (图层 Layers | 分析 Analysis | …): one tab shown, the others kept mounted so
 * a drawing, a form or a result survives a look at the legend.
 *
 * On a phone (SideTabs.css, ≤ 480 px) the same element is a bottom sheet under a full-width map:
 * the tab bar alone until a tab is tapped; tapping the shown tab again, or the handle, folds it.
 * On wider screens `open` changes nothing.
 */
export function SideTabs({ tabs, label, activeId: controlledId, onActiveChange }: SideTabsProps) {
  const [ownId, setOwnId] = useState(tabs[0]?.id ?? '')
  const [open, setOpen] = useState(false)
  const activeId = controlledId ?? ownId
  const active = tabs.find((t) => t.id === activeId) ?? tabs[0]
  const choose = (id: string) => {
    setOpen((wasOpen) => (id === active?.id ? !wasOpen : true))
    setOwnId(id)
    onActiveChange?.(id)
  }
  return (
    <div className={`side-tabs${active?.wide ? ' side-tabs--wide' : ''}${open ? ' side-tabs--open' : ''}`}>
      <button type="button" className="side-tabs__handle" aria-expanded={open} aria-label={label} onClick={() => setOpen((o) => !o)} />
      <div className="side-tabs__bar" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <button key={tab.id} type="button" role="tab" id={`tab-${tab.id}`} aria-controls={`tabpanel-${tab.id}`}
            aria-selected={tab.id === active?.id} className="side-tabs__tab" data-tab={tab.id} onClick={() => choose(tab.id)}>
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`tabpanel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} className="side-tabs__panel" hidden={tab.id !== active?.id}>
          {tab.render(tab.id === active?.id)}
        </div>
      ))}
    </div>
  )
}
