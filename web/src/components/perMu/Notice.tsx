import type { ReactNode } from 'react'

/** A state of a panel in place of its content: loading, empty, signed out or failed. */
export function Notice({ kind, title, detail, action }: {
  kind: 'loading' | 'empty' | 'locked' | 'error'
  title: string
  detail?: string | undefined
  action?: ReactNode
}) {
  const role = kind === 'error' ? 'alert' : 'status'
  return (
    <div className={`per-mu-notice per-mu-notice--${kind}`} role={role} aria-live="polite">
      {kind === 'loading' ? <span className="spinner" aria-hidden="true" /> : <span className="per-mu-notice__icon" aria-hidden="true" />}
      <div>
        <strong>{title}</strong>
        {detail && <p>{detail}</p>}
        {action}
      </div>
    </div>
  )
}
