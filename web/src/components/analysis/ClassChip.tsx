import { useTranslation } from 'react-i18next'
import type { OverlapClass } from '../../shared/api/overlap'

/** An overlap class as a small coloured label; `palette` picks the colours of the question asked. */
export function ClassChip({ cls, colors, labelKey }: { cls: OverlapClass; colors: Record<OverlapClass, string>; labelKey: string }) {
  const { t } = useTranslation()
  return (
    <span className={`class-chip class-chip--${cls}`} data-class={cls}>
      <span className="class-chip__dot" style={{ background: colors[cls] }} aria-hidden="true" />
      {t(`${labelKey}.${cls}`)}
    </span>
  )
}
