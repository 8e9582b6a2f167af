import { useTranslation } from 'react-i18next'
import { formatFigure, formatGrowth, formatKwh, formatLandMu, formatWan, formatYi } from '../../lib/perMu/format'
import { ABOVE_SCALE_MEASURES, type Dashboard } from '../../shared/api/dashboard'
import { PARCEL_STATUS_COLORS, PROJECT_STAGE_COLORS } from '../../lib/symbology'
import type { ParcelStatus, ProjectStage } from '../../shared/park-vocabulary'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

type Lang = 'zh-CN' | 'en'
const pct = (part: number, whole: number) => `${whole > 0 ? Math.max(0, Math.min(100, (part / whole) * 100)) : 0}%`

/** Land by district (parcels' mu against the district's own area) and by status as one stacked bar. */
export function LandCard({ land, lang }: { land: Dashboard['land']; lang: Lang }) {
  const { t } = useTranslation()
  const statuses = land.by_status.filter((s) => s.mu > 0)
  return (
    <section className="card" data-card="land">
      <h3>{t('perMu.dashboard.byZone')}</h3>
      <ul className="meter-list">
        {land.by_zone.map((z) => (
          <li key={z.id}>
            <div className="meter-list__head">
              <span>{lang === 'en' ? z.name_en : z.name_zh}</span>
              <strong>{formatLandMu(z.mu, lang)}</strong>
            </div>
            <div className="meter"><span style={{ width: pct(z.mu, z.zone_mu) }} /></div>
            <div className="meter-list__note">{t('perMu.dashboard.parcelsCount', { count: z.parcels })} · {t('perMu.dashboard.zoneOf', { mu: formatLandMu(z.zone_mu, lang) })}</div>
          </li>
        ))}
      </ul>
      <h4>{t('perMu.dashboard.byStatus')}</h4>
      <div className="stacked" role="img" aria-label={t('perMu.dashboard.byStatus')}>
        {statuses.map((s) => <span key={s.status} style={{ width: pct(s.mu, land.mu), background: PARCEL_STATUS_COLORS[s.status as ParcelStatus] ?? '#9e9e9e' }} title={`${t(`enum.parcels.status.${s.status}`)} ${formatLandMu(s.mu, lang)}`} />)}
      </div>
      <ul className="key-list">
        {statuses.map((s) => (
          <li key={s.status}>
            <span className="key-list__dot" style={{ background: PARCEL_STATUS_COLORS[s.status as ParcelStatus] ?? '#9e9e9e' }} />
            <span className="key-list__label">{t(`enum.parcels.status.${s.status}`)}</span>
            <span className="key-list__value">{formatLandMu(s.mu, lang)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Output per mu by industry, and the park as a whole (an aggregate ratio: Σ money ÷ Σ land). */
export function IndustryCard({ perMu, lang }: { perMu: Dashboard['per_mu_by_industry']; lang: Lang }) {
  const { t } = useTranslation()
  const rows = [...perMu.industries].sort((a, b) => (b.revenue_per_mu ?? 0) - (a.revenue_per_mu ?? 0))
  return (
    <section className="card" data-card="industry">
      <h3>{t('perMu.dashboard.perMuByIndustry')}</h3>
      <table className="mini-table">
        <thead>
          <tr>
            <th>{t('perMu.dashboard.industry')}</th>
            <th className="num">{t('perMu.dashboard.firms')}</th>
            <th className="num">{t('perMu.column.mu')}</th>
            <th className="num">{t('perMu.column.revenue_per_mu')}<small>{t('perMu.unit.wanPerMu')}</small></th>
            <th className="num">{t('perMu.column.tax_per_mu')}<small>{t('perMu.unit.wanPerMu')}</small></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.industry}>
              <td>{t(`enum.enterprises.industry.${r.industry}`)}</td>
              <td className="num">{r.firms}</td>
              <td className="num">{formatLandMu(r.mu, lang)}</td>
              <td className="num">{formatFigure('revenue_per_mu', r.revenue_per_mu, lang)}</td>
              <td className="num">{formatFigure('tax_per_mu', r.tax_per_mu, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('perMu.dashboard.park')}</th>
            <td className="num">{perMu.park.firms}</td>
            <td className="num">{formatLandMu(perMu.park.mu, lang)}</td>
            <td className="num">{formatFigure('revenue_per_mu', perMu.park.revenue_per_mu, lang)}</td>
            <td className="num">{formatFigure('tax_per_mu', perMu.park.tax_per_mu, lang)}</td>
          </tr>
        </tfoot>
      </table>
      <h4>{t('perMu.dashboard.revenueBars')}</h4>
      <IndustryBars rows={rows} park={perMu.park.revenue_per_mu} lang={lang} />
    </section>
  )
}

/** Revenue per mu by industry as bars, with the park's figure as a line across them. */
function IndustryBars({ rows, park, lang }: { rows: Dashboard['per_mu_by_industry']['industries']; park: number | null; lang: Lang }) {
  const { t } = useTranslation()
  const max = Math.max(...rows.map((r) => r.revenue_per_mu ?? 0), park ?? 0) || 1
  return (
    <div className="industry-bars">
      {rows.map((r) => (
        <div key={r.industry} className="industry-bars__row">
          <span className="industry-bars__label">{t(`enum.enterprises.industry.${r.industry}`)}</span>
          <span className="industry-bars__track">
            <span className="industry-bars__bar" style={{ width: pct(r.revenue_per_mu ?? 0, max) }} />
            {park !== null && <span className="industry-bars__park" style={{ left: pct(park, max) }} />}
          </span>
          <span className="industry-bars__value">{formatFigure('revenue_per_mu', r.revenue_per_mu, lang)}</span>
        </div>
      ))}
      {park !== null && <p className="card__note"><span className="industry-bars__park-key" /> {t('perMu.dashboard.parkLine', { value: formatFigure('revenue_per_mu', park, lang) })}</p>}
    </div>
  )
}

/** The above-scale firms' totals and like-for-like growth on last year. */
export function AboveScaleCard({ aboveScale, year, lang }: { aboveScale: Dashboard['above_scale']; year: number; lang: Lang }) {
  const { t } = useTranslation()
  const comparable = aboveScale.year_on_year.revenue_wan.firms
  return (
    <section className="card" data-card="above-scale">
      <h3>{t('perMu.dashboard.aboveScale')}</h3>
      <p className="card__lead">{t('perMu.dashboard.aboveScaleFirms', { firms: aboveScale.firms, reporting: aboveScale.reporting, year })}</p>
      <ul className="measure-list">
        {ABOVE_SCALE_MEASURES.map((m) => {
          const growth = aboveScale.year_on_year[m].growth_pct
          const value = m === 'electricity_kwh' ? formatKwh(aboveScale[m], lang) : formatWan(aboveScale[m], lang)
          return (
            <li key={m} data-measure={m}>
              <span className="measure-list__label">{t(`perMu.dashboard.measure.${m}`)}</span>
              <strong className="measure-list__value">{value}</strong>
              <span className={`growth${growth === null ? '' : growth >= 0 ? ' growth--up' : ' growth--down'}`} title={t('perMu.dashboard.growth')}>
                {growth === null ? '—' : `${growth >= 0 ? '▲' : '▼'} ${formatGrowth(growth, lang)}`}
              </span>
            </li>
          )
        })}
      </ul>
      <p className="card__note">{t('perMu.dashboard.growthNote', { firms: comparable })}</p>
    </section>
  )
}

/** ≥100-million-yuan projects by stage, bars by investment. */
export function ProjectsCard({ projects, lang }: { projects: Dashboard['major_projects']; lang: Lang }) {
  const { t } = useTranslation()
  const max = Math.max(...projects.by_stage.map((s) => s.investment_yi), 0)
  return (
    <section className="card" data-card="projects">
      <h3>{t('perMu.dashboard.byStage')}</h3>
      <p className="card__lead">{t('perMu.dashboard.majorProjects')} · {t('perMu.dashboard.projectsCount', { count: projects.projects })} · {formatYi(projects.investment_yi, lang)}</p>
      <ul className="meter-list meter-list--compact">
        {projects.by_stage.map((s) => (
          <li key={s.stage}>
            <div className="meter-list__head">
              <span>{t(`enum.projects.stage.${s.stage}`)} <span className="per-mu-muted">{t('perMu.dashboard.projectsCount', { count: s.projects })}</span></span>
              <strong>{formatYi(s.investment_yi, lang)}</strong>
            </div>
            <div className="meter"><span style={{ width: pct(s.investment_yi, max), background: PROJECT_STAGE_COLORS[s.stage as ProjectStage] ?? '#9e9e9e' }} /></div>
          </li>
        ))}
      </ul>
    </section>
  )
}
