import { lazy, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { perMuCsvUrl } from '../../lib/perMu/api'
import { Deferred } from '../Deferred'
import { Notice } from './Notice'
import { usePerMu, type PerMuState } from './PerMuContext'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

// The drawer's views load when it is first opened: most visits never open it.
const RankingView = lazy(() => import('./RankingView').then((m) => ({ default: m.RankingView })))
const DashboardView = lazy(() => import('./DashboardView').then((m) => ({ default: m.DashboardView })))
const GradingSettings = lazy(() => import('./GradingSettings').then((m) => ({ default: m.GradingSettings })))
import './perMu.css'

type Tab = 'ranking' | 'dashboard' | 'settings'

/** What the drawer shows instead of its tabs when the figures are not (yet) there. */
function Blocked({ perMu }: { perMu: PerMuState }) {
  const { t } = useTranslation()
  const { access, report } = perMu
  if (access === 'signed_out') return <Notice kind="locked" title={t('perMu.signedOut')} detail={t('perMu.signedOutDetail')} />
  // The server answers 404 when no firm has figures for any year: an empty park, not a fault.
  if (report.error?.status === 404 && !report.data) return <Notice kind="empty" title={t('perMu.empty')} detail={t('perMu.emptyDetail')} />
  if (report.status === 'error' && !report.data) {
    return <Notice kind="error" title={t('perMu.error')} detail={`${report.error?.message ?? ''} (${report.error?.code ?? ''})`}
      action={<button type="button" className="button" onClick={report.reload}>{t('perMu.retry')}</button>} />
  }
  return <Notice kind="loading" title={t('perMu.loading')} />
}

/**
 * The per-mu drawer under the map (亩均效益, 亩产论英雄): collapsed to a bar, it opens to the firm
 * ranking, the park dashboard and — for admins — the grading settings. Investors never see it.
 */
export function PerMuDrawer() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN'
  const perMu = usePerMu()
  const { access, mayGrade, report, year, setYear } = perMu
  const [open, setOpen] = useState(false)
  const [tab, setTab] = useState<Tab>('ranking')
  // Investors are the public (never tax or revenue): nothing here is for them.
  if (access === 'forbidden') return null

  const data = report.data
  const ready = access === 'allowed' && data !== null
  const tabs: Tab[] = mayGrade ? ['ranking', 'dashboard', 'settings'] : ['ranking', 'dashboard']
  const shownTab = tabs.includes(tab) ? tab : 'ranking'

  return (
    // The ranking leaves half the map in view for flying to firms; the dashboard and settings are read on their own;
    // a notice (signed out, loading) needs little room.
    <section className={`per-mu-drawer${open ? ' per-mu-drawer--open' : ''}${open && ready && shownTab !== 'ranking' ? ' per-mu-drawer--tall' : ''}${open && !ready ? ' per-mu-drawer--notice' : ''}`}
      aria-label={t('perMu.title')} data-access={access}>
      <header className="per-mu-drawer__bar">
        <button type="button" className="per-mu-drawer__toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? t('perMu.collapse') : t('perMu.expand')}>
          <span className="per-mu-drawer__chevron" aria-hidden="true">{open ? '▾' : '▴'}</span>
          <span className="per-mu-drawer__title">{t('perMu.title')}</span>
          <span className="per-mu-drawer__subtitle">{t('perMu.subtitle')}</span>
        </button>
        {open && ready && (
          <div className="tabs" role="tablist">
            {tabs.map((id) => (
              <button key={id} type="button" role="tab" aria-selected={shownTab === id} data-tab={id} onClick={() => setTab(id)}>{t(`perMu.tab.${id}`)}</button>
            ))}
          </div>
        )}
        {ready && (
          <div className="per-mu-drawer__tools">
            {report.status === 'loading' && <span className="spinner" role="status" aria-label={t('perMu.loading')} />}
            <label className="per-mu-drawer__year">
              <span>{t('perMu.year')}</span>
              <select value={year ?? data.year} onChange={(e) => setYear(Number(e.target.value))} name="per-mu-year">
                {[...data.years].reverse().map((y) => <option key={y} value={y}>{t('perMu.yearOption', { year: y })}</option>)}
              </select>
            </label>
            <a className="button button--small-text" href={perMuCsvUrl(data.year)} download title={t('perMu.csvTitle', { year: data.year })} data-action="csv">
              ⤓ {t('perMu.csv')}
            </a>
          </div>
        )}
      </header>
      {open && (
        <div className="per-mu-drawer__body" role={ready ? 'tabpanel' : undefined} data-tab-panel={ready ? shownTab : 'none'}>
          {ready && report.status === 'error' && <div className="per-mu-error" role="alert">{t('perMu.error')}: {report.error?.message}</div>}
          {!ready && <Blocked perMu={perMu} />}
          {ready && shownTab === 'ranking' && <Deferred><RankingView report={data} lang={lang} /></Deferred>}
          {ready && shownTab === 'dashboard' && <Deferred><DashboardView lang={lang} /></Deferred>}
          {ready && shownTab === 'settings' && <Deferred><GradingSettings indicators={data.indicators} lang={lang} /></Deferred>}
        </div>
      )}
    </section>
  )
}
