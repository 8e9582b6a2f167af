import type { ReactNode } from 'react'

/** A message inside the analysis panel: an error with its reason, a warning, a success, a hint. */
export function Banner({ kind, title, children, action }: {
  kind: 'error' | 'warning' | 'success' | 'info'
  title?: string | undefined
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <div className={`a-banner a-banner--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="a-banner__text">
        {title && <strong>{title}</strong>}
        {children && <span>{children}</span>}
      </div>
      {action && <div className="a-banner__action">{action}</div>}
    </div>
  )
}
