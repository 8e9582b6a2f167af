import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { fetchDashboard } from '../../lib/perMu/api'
import { formatLandMu, formatYi } from '../../lib/perMu/format'
import { PARCEL_STATUS_COLORS, PROJECT_STAGE_COLORS } from '../../lib/symbology'
import { AboveScaleCard, IndustryCard, LandCard, ProjectsCard } from './DashboardCards'
import { Notice } from './Notice'
import { usePerMu } from './PerMuContext'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

function Kpi({ label, value, sub, accent, name }: { label: string; value: string; sub: string; accent: string; name: string }) {
  return (
    <div className="kpi" data-kpi={name} style={{ borderTopColor: accent }}>
      <span className="kpi__label">{label}</span>
      <strong className="kpi__value">{value}</strong>
      <span className="kpi__sub">{sub}</span>
    </div>
  )
}

/**
 * The park dashboard: the half-year report's headline numbers, all computed by the API
 * (GET /api/metrics/dashboard) — land in mu, idle / available / revitalised land, output per mu by
 * industry, the above-scale firms and their growth, ≥100-million-yuan projects by stage.
 */
export function DashboardView({ lang }: { lang: 'zh-CN' | 'en' }) {
  const { t } = useTranslation()
  const { year, dataVersion } = usePerMu()
  const dashboard = useResource(year === null ? null : `dashboard|${year}|${dataVersion}`, (signal) => fetchDashboard(year, signal))
  const d = dashboard.data

  if (!d) {
    if (dashboard.status === 'error') {
      return <Notice kind="error" title={t('perMu.dashboard.error')} detail={dashboard.error?.message}
        action={<button type="button" className="button" onClick={dashboard.reload}>{t('perMu.retry')}</button>} />
    }
    return <Notice kind="loading" title={t('perMu.dashboard.loading')} />
  }
  const land = d.land
  return (
    <div className={`dashboard${dashboard.status === 'loading' ? ' dashboard--stale' : ''}`} data-year={d.year}>
      {dashboard.status === 'error' && <div className="per-mu-error" role="alert">{t('perMu.dashboard.error')}: {dashboard.error?.message}</div>}
      <div className="kpis">
        <Kpi name="land" label={t('perMu.dashboard.land')} value={formatLandMu(land.mu, lang)} sub={t('perMu.dashboard.parcelsCount', { count: land.parcels })} accent="#2f6fb3" />
        <Kpi name="idle" label={t('perMu.dashboard.idle')} value={formatLandMu(land.idle.mu, lang)} sub={t('perMu.dashboard.parcelsCount', { count: land.idle.parcels })} accent={PARCEL_STATUS_COLORS.idle} />
        <Kpi name="available" label={t('perMu.dashboard.available')} value={formatLandMu(land.available.mu, lang)} sub={t('perMu.dashboard.parcelsCount', { count: land.available.parcels })} accent={PARCEL_STATUS_COLORS.available} />
        <Kpi name="revitalised" label={t('perMu.dashboard.revitalised')} value={formatLandMu(land.revitalised.mu, lang)} sub={t('perMu.dashboard.parcelsCount', { count: land.revitalised.parcels })} accent={PARCEL_STATUS_COLORS.revitalised} />
        <Kpi name="projects" label={t('perMu.dashboard.majorProjects')} value={formatYi(d.major_projects.investment_yi, lang)} sub={t('perMu.dashboard.projectsCount', { count: d.major_projects.projects })} accent={PROJECT_STAGE_COLORS.signed} />
      </div>
      <div className="dashboard__grid">
        <LandCard land={land} lang={lang} />
        <IndustryCard perMu={d.per_mu_by_industry} lang={lang} />
        <div className="dashboard__stack">
          <AboveScaleCard aboveScale={d.above_scale} year={d.year} lang={lang} />
          <ProjectsCard projects={d.major_projects} lang={lang} />
        </div>
      </div>
    </div>
  )
}
