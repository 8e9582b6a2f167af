import type { ReactNode } from 'react'

/** One step of the planner's journey: a titled card that can be folded away. */
export function Section({ id, step, title, children, aside }: { id: string; step: number; title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <details className="a-section" data-section={id} open>
      <summary className="a-section__head">
        <span className="a-section__step" aria-hidden="true">{step}</span>
        <h3>{title}</h3>
        {aside && <span className="a-section__aside">{aside}</span>}
      </summary>
      <div className="a-section__body">{children}</div>
    </details>
  )
}
