import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { mayReach } from '../../shared/access-policy'
import { useSession } from '../../hooks/useSession'
import { isoToday } from '../../lib/download'
import { featureNames, type Language, type NameLookup } from '../../lib/featureDetails'
import { fetchSheet } from '../../lib/portal/api'
import { favouritesOwner, useFavourites } from '../../lib/portal/favourites'
import type { ParkMap } from '../../map/ParkMap'
import type { ParcelSheet } from '../../shared/api/public-parcels'
import { LanguageSwitch } from '../LanguageSwitch'
import { FavouriteButton } from './FavouriteButton'
import { ConditionsForm } from './ConditionsForm'
import { InquiryForm } from './InquiryForm'
import './ParcelSheet.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { offerZhCN } from '../../i18n/offer.zh-CN'
import { sheetZhCN } from '../../i18n/sheet.zh-CN'

addPanelStrings('offer', offerZhCN)
addPanelStrings('sheet', sheetZhCN)

interface ParcelSheetDialogProps {
  parkMap: ParkMap
  parcelId: string
  /** Names of the map's features, for the networks readiness measures to (utilities, base-map roads). */
  lookup: NameLookup
  onClose: () => void
}

/**
 * 地块详情: the sheet of a parcel on offer, from the public sheet (GET /api/public/parcels/:id) —
 * a map of where it is, its area in mu, ha and m², zone and use, readiness with distances, what is
 * planned, the planning conditions, the price per mu and in total, the firms next door and how to
 * ask. "Print / PDF" prints the sheet alone on A4 (the browser's "Save as PDF" downloads it); the
 * inquiry form and the buttons stay on screen.
 */
export function ParcelSheetDialog({ parkMap, parcelId, lookup, onClose }: ParcelSheetDialogProps) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const { user, epoch } = useSession()
  const favourites = useFavourites(favouritesOwner(user, epoch))
  const sheet = useResource(`sheet:${parcelId}`, (signal) => fetchSheet(parcelId, signal))
  const [snapshot, setSnapshot] = useState<string | null>(null)
  // Land officers and admins set the planning conditions from the sheet they will be read on.
  const mayEditConditions = mayReach(user?.role, 'PUT /api/parcels/:id/conditions')
  const [editing, setEditing] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  // The map behind the dialog flies to the parcel; the sheet's picture is taken once it is there.
  useEffect(() => {
    if (sheet.status !== 'ready') return
    let live = true
    // The picture waits for the flight to end (a page's own fit to its parcel may still be on
    // the way); a map that does not move at all is taken after a moment.
    const arrived = new Promise<void>((resolve) => {
      const off = parkMap.onMoveEnd(() => {
        off()
        resolve()
      })
      window.setTimeout(() => {
        off()
        resolve()
      }, 3000)
    })
    // wide margins: the sheet's map shows the roads and neighbours around the parcel too
    parkMap.focusFeatures('parcels', [parcelId], { padding: 0.3 })
    void arrived
      .then(() => parkMap.snapshot())
      .then((shot) => live && setSnapshot(shot.image))
      .catch(() => live && setSnapshot(null))
    return () => {
      live = false
    }
  }, [parkMap, parcelId, sheet.status])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose()
    window.addEventListener('keydown', onKey)
    heading.current?.focus()
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose])

  // Paper: A4 portrait with the browser's own margins off and ours on.
  useLayoutEffect(() => {
    const style = document.createElement('style')
    style.textContent = '@page { size: 210mm 297mm; margin: 12mm }'
    document.head.appendChild(style)
    return () => style.remove()
  }, [])

  const notOnOffer = sheet.error?.status === 404
  return createPortal(
    <div className="sheet-dialog" role="dialog" aria-modal="true" aria-labelledby="sheet-heading">
      <div className="sheet-dialog__controls">
        <button type="button" className="primary-button" disabled={sheet.status !== 'ready'} onClick={() => window.print()} title={t('sheet.printHint')}>{t('sheet.print')}</button>
        <FavouriteButton favourites={favourites} parcelId={parcelId} />
        {mayEditConditions && sheet.data && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>{t('sheet.edit.open')}</button>
        )}
        <button type="button" className="button" onClick={onClose}>{t('sheet.close')}</button>
        <LanguageSwitch />
        {favourites.error && <p role="alert" className="sheet-dialog__error">{t('sheet.keepFailed', { message: favourites.error })}</p>}
      </div>
      <article className="parcel-sheet" lang={lang}>
        <p className="parcel-sheet__kicker">{t('sheet.kicker')}</p>
        <h1 id="sheet-heading" ref={heading} tabIndex={-1}>{t('sheet.heading', { id: parcelId })}</h1>
        {sheet.status === 'loading' && !sheet.data && <p role="status">{t('sheet.loading')}</p>}
        {sheet.error && <p role="alert">{notOnOffer ? t('sheet.notOnOffer', { id: parcelId }) : t('sheet.failed', { message: sheet.error.message })}</p>}
        {editing && <ConditionsForm parcelId={parcelId} onCancel={() => setEditing(false)} onSaved={() => {
          setEditing(false)
          sheet.reload()
        }} />}
        {sheet.data && <SheetBody sheet={sheet.data} snapshot={snapshot} lang={lang} lookup={lookup} />}
        {sheet.data && <InquiryForm parcelId={parcelId} />}
      </article>
    </div>,
    document.body,
  )
}

function SheetBody({ sheet, snapshot, lang, lookup }: { sheet: ParcelSheet; snapshot: string | null; lang: Language; lookup: NameLookup }) {
  const { t } = useTranslation()
  const p = sheet.properties
  const n = (value: number, digits = 2) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value)
  const zone = (lang === 'en' ? p.zone_en ?? p.zone_zh : p.zone_zh ?? p.zone_en) ?? p.zone_id
  const ready = p.readiness.filter((r) => r.ready).length
  /** A network's name: the sheet's own list of utilities within reach, else the map's utilities or roads. */
  const networkName = (id: string | null): string | null => {
    if (id === null) return null
    const near = p.utilities.find((u) => u.id === id)
    if (near) return lang === 'en' ? near.name_en : near.name_zh
    const utility = lookup('utilities', id)
    if (utility) return featureNames(utility, lang).name
    // an unnamed road is named by its kind (次干道)
    const road = lookup('basemap', id)
    return road ? featureNames(road, lang).name ?? t(`enum.basemap.kind.${String(road.kind)}`) : null
  }
  const metres = (d: number | null) => (d === null ? t('sheet.noNetwork') : d === 0 ? t('sheet.touching') : t('sheet.metres', { m: n(d, 0) }))
  const url = `${window.location.origin}/parcels/${encodeURIComponent(sheet.id)}`
  const c = p.conditions

  return (
    <>
      <p className="parcel-sheet__sub">{zone} · {t(`enum.parcels.land_use.${p.land_use}`)}</p>
      <figure className="parcel-sheet__map">
        {snapshot ? <img src={snapshot} alt={t('sheet.snapshot')} /> : <div className="parcel-sheet__map-wait" aria-hidden="true" />}
      </figure>
      <dl className="parcel-sheet__figures">
        <div><dt>{t('sheet.area')}</dt><dd data-field="area">{t('sheet.areaValue', { mu: n(p.area_mu), ha: n(p.area_ha, 4), m2: n(p.area_m2, 0) })}<small>{t('sheet.areaNote')}</small></dd></div>
        <div><dt>{t('sheet.zone')}</dt><dd>{zone}</dd></div>
        <div><dt>{t('sheet.landUse')}</dt><dd>{t(`enum.parcels.land_use.${p.land_use}`)}</dd></div>
        <div><dt>{t('sheet.price')}</dt><dd data-field="price">{p.price_wan_per_mu === null ? t('sheet.noPrice') : t('sheet.priceValue', { price: n(p.price_wan_per_mu) })}</dd></div>
        {p.price_total_wan !== null && (
          <div><dt>{t('sheet.total')}</dt><dd data-field="total">{t('sheet.totalValue', { total: n(Math.round(p.price_total_wan), 0) })}<small>{t('sheet.priceNote')}</small></dd></div>
        )}
      </dl>

      <h2>{t('sheet.readiness')} <span className="parcel-sheet__count">{t('sheet.readyCount', { ready, all: p.readiness.length })}</span></h2>
      <table className="parcel-sheet__readiness">
        <thead><tr><th>{t('sheet.item')}</th><th>{t('sheet.state')}</th><th>{t('sheet.distance')}</th><th>{t('sheet.facility')}</th></tr></thead>
        <tbody>
          {p.readiness.map((r) => (
            <tr key={r.item} data-item={r.item} className={r.ready ? 'is-ready' : undefined}>
              <td>{t(`offer.item.${r.item}`)}</td>
              <td>{r.ready ? `✓ ${t('sheet.ready')}` : `✗ ${t('sheet.notReady')}`}</td>
              <td>{r.item === 'leveled' ? '' : metres(r.distance_m)}</td>
              <td>{networkName(r.utility_id) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {p.planned.length > 0 && (
        <>
          <h3>{t('sheet.planned')}</h3>
          <ul className="parcel-sheet__list">
            {p.planned.map((e) => (
              <li key={`${e.item}-${e.utility_id}`}>{t('sheet.plannedRow', {
                item: t(`offer.item.${e.item}`), name: networkName(e.utility_id) ?? e.utility_id, status: t(`enum.utilities.status.${e.status}`),
                date: e.expected_date ? t('sheet.expected', { date: e.expected_date }) : '', m: n(e.distance_m, 0),
              })}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('sheet.conditions')}</h2>
      {c ? (
        <ul className="parcel-sheet__list parcel-sheet__conditions">
          <li>{t('sheet.minInvestment', { v: n(c.min_investment_wan_per_mu) })}</li>
          <li>{t('sheet.plotRatio', { min: n(c.min_plot_ratio), max: n(c.max_plot_ratio) })}</li>
          <li>{t('sheet.coverage', { v: n(c.max_building_coverage_pct) })}</li>
          <li>{t('sheet.minTax', { v: n(c.min_tax_wan_per_mu) })}</li>
          <li>{t('sheet.maxEnergy', { v: n(c.max_energy_tce_per_wan, 3) })}</li>
          <li>{t('sheet.industries', { list: c.industries.map((i) => t(`enum.enterprises.industry.${i}`)).join(lang === 'en' ? ', ' : '、') })}</li>
        </ul>
      ) : <p>{t('sheet.noConditions')}</p>}

      <h2>{t('sheet.neighbours', { m: p.neighbour_reach_m })}</h2>
      {p.neighbours.length > 0 ? (
        <ul className="parcel-sheet__list parcel-sheet__neighbours">
          {p.neighbours.map((f) => (
            <li key={f.name_zh}>{t('sheet.neighbourRow', { name: lang === 'en' ? f.name_en : f.name_zh, industry: t(`enum.enterprises.industry.${f.industry}`), m: n(f.distance_m, 0) })}</li>
          ))}
        </ul>
      ) : <p>{t('sheet.noNeighbours', { m: p.neighbour_reach_m })}</p>}

      <h2>{t('sheet.contact')}</h2>
      <p>{t('sheet.contactText')}</p>
      <p className="parcel-sheet__link">{t('sheet.link')}: <a href={url}>{url}</a></p>
      <p className="parcel-sheet__footer">{t('sheet.generated', { date: isoToday() })}</p>
    </>
  )
}
