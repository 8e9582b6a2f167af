import { useTranslation } from 'react-i18next'
import { GRADE_COLORS, GRADE_TEXT } from '../../lib/perMu/palette'
import type { FirmResult } from '../../shared/api/per-mu'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

/** A firm's grade as a coloured letter, or "not graded: reason" in grey. */
export function GradeChip({ firm, minMu }: { firm: Pick<FirmResult, 'grade' | 'reason'>; minMu: number }) {
  const { t } = useTranslation()
  if (firm.grade) {
    return (
      <span className="grade-chip" data-grade={firm.grade} title={t(`perMu.grade.${firm.grade}`)}
        style={{ background: GRADE_COLORS[firm.grade], color: GRADE_TEXT[firm.grade] }}>
        {firm.grade}
      </span>
    )
  }
  const reason = firm.reason ? t(`perMu.reason.${firm.reason}`, { min: minMu }) : ''
  return (
    <span className="grade-chip grade-chip--none" data-grade="none">
      {t('perMu.notGraded')}{reason && <span className="grade-chip__reason">{reason}</span>}
    </span>
  )
}
