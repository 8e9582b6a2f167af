import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { useSession } from '../../hooks/useSession'
import { favouritesOwner, useFavourites } from '../../lib/portal/favourites'
import { fetchOffer } from '../../lib/api'
import type { Language } from '../../lib/featureDetails'
import { PUBLIC_PARCEL_LIMIT, type ParcelSheet, type PublicParcelQuery } from '../../shared/api/public-parcels'
import { LAND_USES, type LandUse } from '../../shared/park-vocabulary'
import { READINESS_ITEMS, type ReadinessItem } from '../../shared/readiness'
import { FavouriteButton } from './FavouriteButton'
import './OfferPanel.css'
import './ParcelSheet.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { offerZhCN } from '../../i18n/offer.zh-CN'
import { sheetZhCN } from '../../i18n/sheet.zh-CN'

addPanelStrings('offer', offerZhCN)
addPanelStrings('sheet', sheetZhCN)

type Sort = 'area' | 'price' | 'ready'

interface OfferPanelProps {
  /** The zones the visitor's map shows, for the zone filter: [id, name]. */
  zones: readonly { id: string; name: string }[]
  /** A parcel chosen in the list: the map flies to it and opens its popup. */
  onChoose: (id: string) => void
  /** "Show all on the map": the listed parcels outlined together. */
  onShowAll: (ids: string[]) => void
}

interface Filters {
  minMu: string
  maxMu: string
  minPrice: string
  maxPrice: string
  zone: string
  landUse: LandUse | ''
  ready: ReadinessItem[]
  chemical: boolean
}

const NO_FILTERS: Filters = { minMu: '', maxMu: '', minPrice: '', maxPrice: '', zone: '', landUse: '', ready: [], chemical: false }

/** A number field's value, or undefined while it is empty or not a number (the server is never sent NaN). */
const num = (text: string): number | undefined => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text))

function query(f: Filters): PublicParcelQuery {
  return {
    limit: PUBLIC_PARCEL_LIMIT.max,
    ...(num(f.minMu) !== undefined ? { min_mu: num(f.minMu) } : {}),
    ...(num(f.maxMu) !== undefined ? { max_mu: num(f.maxMu) } : {}),
    ...(num(f.minPrice) !== undefined ? { min_price: num(f.minPrice) } : {}),
    ...(num(f.maxPrice) !== undefined ? { max_price: num(f.maxPrice) } : {}),
    ...(f.zone ? { zone_id: f.zone } : {}),
    ...(f.landUse ? { land_use: f.landUse } : {}),
    ...(f.ready.length > 0 ? { ready: f.ready.join(',') } : {}),
    ...(f.chemical ? { chemical: true } : {}),
  }
}

const readyCount = (p: ParcelSheet): number => p.properties.readiness.filter((r) => r.ready).length

/**
 * Land on offer, for investors and everyone: the available parcels the server filters (area,
 * zone, use, price, readiness items, inside the chemical cluster), counted and sorted, each one
 * click from the map and from its shareable page. Only public fields: GET /api/public/parcels.
 */
export function OfferPanel({ zones, onChoose, onShowAll }: OfferPanelProps) {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [sort, setSort] = useState<Sort>('area')
  const { user, epoch } = useSession()
  const favourites = useFavourites(favouritesOwner(user, epoch))
  const [favouritesOnly, setFavouritesOnly] = useState(false)
  // Typing in a number field waits a moment before asking the server.
  const [asked, setAsked] = useState(filters)
  useEffect(() => {
    const timer = window.setTimeout(() => setAsked(filters), 250)
    return () => window.clearTimeout(timer)
  }, [filters])
  const q = query(asked)
  const offer = useResource(JSON.stringify(q), (signal) => fetchOffer(q, signal))
  const parcels = useMemo(() => {
    const list = (offer.data?.features ?? []).filter((p) => !favouritesOnly || !favourites.enabled || favourites.ids.includes(p.id))
    const price = (p: ParcelSheet) => p.properties.price_wan_per_mu ?? Infinity
    list.sort(sort === 'area' ? (a, b) => b.properties.area_mu - a.properties.area_mu
      : sort === 'price' ? (a, b) => price(a) - price(b)
        : (a, b) => readyCount(b) - readyCount(a) || b.properties.area_mu - a.properties.area_mu)
    return list
  }, [offer.data, sort, favouritesOnly, favourites.enabled, favourites.ids])
  const totalMu = parcels.reduce((sum, p) => sum + p.properties.area_mu, 0)
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }))
  const zoneName = (id: string) => zones.find((z) => z.id === id)?.name ?? id

  return (
    <section className="offer" aria-labelledby="offer-title">
      <h2 id="offer-title">{t('offer.title')}</h2>
      <p className="offer__intro">{t('offer.intro')}</p>
      <form className="offer__filters" onSubmit={(e) => e.preventDefault()} aria-label={t('offer.title')}>
        <label>{t('offer.minMu')}<input type="number" min={0} inputMode="decimal" value={filters.minMu} onChange={(e) => set('minMu', e.currentTarget.value)} /></label>
        <label>{t('offer.maxMu')}<input type="number" min={0} inputMode="decimal" value={filters.maxMu} onChange={(e) => set('maxMu', e.currentTarget.value)} /></label>
        <label>{t('offer.minPrice')}<input type="number" min={0} inputMode="decimal" value={filters.minPrice} onChange={(e) => set('minPrice', e.currentTarget.value)} /></label>
        <label>{t('offer.maxPrice')}<input type="number" min={0} inputMode="decimal" value={filters.maxPrice} onChange={(e) => set('maxPrice', e.currentTarget.value)} /></label>
        <label>{t('offer.zone')}
          <select value={filters.zone} onChange={(e) => set('zone', e.currentTarget.value)}>
            <option value="">{t('offer.anyZone')}</option>
            {zones.map((z) => <option key={z.id} value={z.id}>{z.name}</option>)}
          </select>
        </label>
        <label>{t('offer.landUse')}
          <select value={filters.landUse} onChange={(e) => set('landUse', e.currentTarget.value as LandUse | '')}>
            <option value="">{t('offer.anyUse')}</option>
            {LAND_USES.map((u) => <option key={u} value={u}>{t(`enum.parcels.land_use.${u}`)}</option>)}
          </select>
        </label>
        <fieldset className="offer__ready">
          <legend>{t('offer.ready')}</legend>
          {READINESS_ITEMS.map((item) => (
            <label key={item}>
              <input type="checkbox" checked={filters.ready.includes(item)}
                onChange={(e) => set('ready', e.currentTarget.checked ? [...filters.ready, item] : filters.ready.filter((i) => i !== item))} />
              {t(`offer.item.${item}`)}
            </label>
          ))}
        </fieldset>
        <label className="offer__check"><input type="checkbox" checked={filters.chemical} onChange={(e) => set('chemical', e.currentTarget.checked)} /> {t('offer.chemical')}</label>
        {favourites.enabled && (
          <label className="offer__check"><input type="checkbox" checked={favouritesOnly} onChange={(e) => setFavouritesOnly(e.currentTarget.checked)} /> {t('sheet.favouritesOnly')}</label>
        )}
      </form>
      <div className="offer__bar">
        <span role="status" className="offer__count">
          {offer.status === 'loading' ? t('offer.loading') : t('offer.count', { count: parcels.length, mu: fmt.format(totalMu) })}
        </span>
        <label className="offer__sort">{t('offer.sort')}
          <select value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="area">{t('offer.sortArea')}</option>
            <option value="price">{t('offer.sortPrice')}</option>
            <option value="ready">{t('offer.sortReady')}</option>
          </select>
        </label>
      </div>
      <div className="offer__actions">
        <button type="button" className="button" onClick={() => {
          setFilters(NO_FILTERS)
          setFavouritesOnly(false)
        }}>{t('offer.clear')}</button>
        <button type="button" className="button" disabled={parcels.length === 0} onClick={() => onShowAll(parcels.map((p) => p.id))}>{t('offer.showAll')}</button>
      </div>
      {offer.status === 'error' && <p role="alert">{t('offer.failed', { message: offer.error?.message ?? '' })}</p>}
      {offer.status !== 'loading' && parcels.length === 0 && !offer.error && <p className="offer__none">{t('offer.none')}</p>}
      <ul className="offer__list">
        {parcels.map((p) => {
          const props = p.properties
          const ready = readyCount(p)
          return (
            <li key={p.id} className="offer__item" data-parcel={p.id}>
              <button type="button" className="offer__choose" onClick={() => onChoose(p.id)}>
                <span className="offer__id">{p.id}</span>
                <span className="offer__zone">{zoneName(props.zone_id)} · {t(`enum.parcels.land_use.${props.land_use}`)}</span>
                <span className="offer__mu">{fmt.format(props.area_mu)} {t('unit.mu')}</span>
                <span className="offer__price">
                  {props.price_wan_per_mu === null ? t('offer.noPrice') : <>{t('offer.perMu', { price: fmt.format(props.price_wan_per_mu) })}{props.price_total_wan !== null && <> · {t('offer.total', { total: fmt.format(Math.round(props.price_total_wan)) })}</>}</>}
                </span>
                <span className="offer__readiness" aria-label={t('offer.readyCount', { ready, all: props.readiness.length })}>
                  {props.readiness.map((r) => (
                    <span key={r.item} className={`offer__chip${r.ready ? ' offer__chip--ready' : ''}`} title={r.distance_m === null ? undefined : `${Math.round(r.distance_m)} m`}>
                      {t(`offer.item.${r.item}`)}
                    </span>
                  ))}
                </span>
              </button>
              <div className="offer__links">
                <a className="offer__sheet" href={`/parcels/${encodeURIComponent(p.id)}`}>{t('offer.sheet')}</a>
                <FavouriteButton favourites={favourites} parcelId={p.id} compact />
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
