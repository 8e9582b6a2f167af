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

/**
 * The sidebar as tabs (图层 Layers | 分析 Analysis | …): one tab shown, the others kept mounted so
 * a drawing, a form or a result survives a look at the legend.
 */
export function SideTabs({ tabs, label }: { tabs: readonly SideTab[]; label: string }) {
  const [activeId, setActiveId] = useState(tabs[0]?.id ?? '')
  const active = tabs.find((t) => t.id === activeId) ?? tabs[0]
  return (
    <div className={`side-tabs${active?.wide ? ' side-tabs--wide' : ''}`}>
      <div className="side-tabs__bar" role="tablist" aria-label={label}>
        {tabs.map((tab) => (
          <button key={tab.id} type="button" role="tab" id={`tab-${tab.id}`} aria-controls={`tabpanel-${tab.id}`}
            aria-selected={tab.id === active?.id} className="side-tabs__tab" data-tab={tab.id} onClick={() => setActiveId(tab.id)}>
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
