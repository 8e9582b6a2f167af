import { Suspense, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Renders a lazily loaded part once it is first wanted (`active`: its tab opened, its dialog asked
 * for) and keeps it after, with a loading line while its chunk arrives. A tab never opened costs
 * the visit nothing.
 */
export function Deferred({ active = true, children }: { active?: boolean; children: ReactNode }) {
  const { t } = useTranslation()
  const [wanted, setWanted] = useState(active)
  useEffect(() => {
    if (active) setWanted(true)
  }, [active])
  if (!wanted) return null
  return <Suspense fallback={<p className="deferred" role="status">{t('status.loadingPart')}</p>}>{children}</Suspense>
}
