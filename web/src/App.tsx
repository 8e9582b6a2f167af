import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { FeaturePopup } from './components/FeaturePopup'
import { Header } from './components/Header'
import { IdleCaseButton } from './components/idle/IdleCaseButton'
import { LayerPanel } from './components/LayerPanel'
import { PerMuProvider } from './components/perMu/PerMuContext'
import { SideTabs } from './components/SideTabs'
import { StatusBar } from './components/StatusBar'
import { useMapSync } from './hooks/useMapSync'
import { useParkData } from './hooks/useParkData'
import { useParkMap } from './hooks/useParkMap'
import { useSession } from './hooks/useSession'
import { useUrlView } from './hooks/useUrlView'
import { usePerMu } from './components/perMu/PerMuContext'
import { MapTools } from './components/MapTools'
import { CursorReadout } from './components/CursorReadout'
import { Deferred } from './components/Deferred'
import { SearchBox, type SearchChoice } from './components/search/SearchBox'
import type { RowBox } from './components/table/AttributeTable'
import { anchorOf } from './lib/anchor'
import { LEGEND_ORDER } from './lib/layers'
import type { ThemeChoice } from './lib/perMu/parcelTheme'
import type { ViewState } from './lib/viewState'
import { parkBounds } from './lib/bounds'
import { featureNames, type Language, type NameLookup } from './lib/featureDetails'
import { LAYER_IDS, type LayerId } from './shared/park-vocabulary'
import { idleCaseParcel } from './lib/idle/idleCaseParcel'
import type { FeatureHit } from './map/ParkMap'

// What not every visit uses loads on demand (its own chunk): the first view carries the map only.
const AnalysisPanel = lazy(() => import('./components/analysis/AnalysisPanel').then((m) => ({ default: m.AnalysisPanel })))
const AccountsPanel = lazy(() => import('./components/admin/AccountsPanel').then((m) => ({ default: m.AccountsPanel })))
const RegisterPanel = lazy(() => import('./components/idle/RegisterPanel').then((m) => ({ default: m.RegisterPanel })))
const IdleCasePanel = lazy(() => import('./components/idle/IdleCasePanel').then((m) => ({ default: m.IdleCasePanel })))
const AttributeTable = lazy(() => import('./components/table/AttributeTable').then((m) => ({ default: m.AttributeTable })))
const ThemePanel = lazy(() => import('./components/perMu/ThemePanel').then((m) => ({ default: m.ThemePanel })))
const PerMuDrawer = lazy(() => import('./components/perMu/PerMuDrawer').then((m) => ({ default: m.PerMuDrawer })))
const OfferPanel = lazy(() => import('./components/portal/OfferPanel').then((m) => ({ default: m.OfferPanel })))
const ParcelSheetDialog = lazy(() => import('./components/portal/ParcelSheetDialog').then((m) => ({ default: m.ParcelSheetDialog })))
const InquiriesPanel = lazy(() => import('./components/portal/InquiriesPanel').then((m) => ({ default: m.InquiriesPanel })))
const PrintDialog = lazy(() => import('./components/print/PrintDialog').then((m) => ({ default: m.PrintDialog })))

/** The parcel id of a parcel page's path (/parcels/HX-001), or null. */
function parcelOfPath(pathname: string): string | null {
  const match = /^\/parcels\/([^/]+)$/.exec(pathname)
  return match ? decodeURIComponent(match[1]!) : null
}

/** A theme to apply, new per navigation (so going back to the same theme applies it again). */
interface WantedTheme { theme: ThemeChoice | null }

function visibleExcept(off: readonly LayerId[]): Record<LayerId, boolean> {
  return Object.fromEntries(LAYER_IDS.map((id) => [id, !off.includes(id)])) as Record<LayerId, boolean>
}

/**
 * The parcels' theme lives in the per-mu context; this bridge inside it keeps the URL's copy in
 * step both ways (a link opens on its theme once the figures are in; a new theme reaches the URL).
 */
function ThemeLink({ wanted, onTheme }: { wanted: WantedTheme | null; onTheme: (t: ThemeChoice | null) => void }) {
  const { theme, setTheme, access } = usePerMu()
  useEffect(() => {
    if (wanted && access === 'allowed') setTheme(wanted.theme)
  }, [wanted, access, setTheme])
  useEffect(() => onTheme(theme), [theme, onTheme])
  return null
}

export function App() {
  const { t, i18n } = useTranslation()
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const container = useRef<HTMLDivElement>(null)
  const parkMap = useParkMap(container)
  const data = useParkData()
  // What a link keeps (hooks/useUrlView.ts): applied on open and on back/forward.
  const pendingSelection = useRef<ViewState['selected']>(null)
  const [wantedTheme, setWantedTheme] = useState<WantedTheme | null>(null)
  const navigate = useCallback((view: ViewState) => {
    setVisible(visibleExcept(view.off))
    setTab(view.tab ?? 'layers')
    setWantedTheme({ theme: view.theme })
    // The camera waits for the render that applies the rest: a jump now would fire moveend while
    // the state is still the page's we left, and record that as a new step (losing "forward").
    pendingCamera.current = view.camera
    pendingSelection.current = view.selected
    if (!view.selected) setSelected(null)
    setNavigation((n) => n + 1)
  }, [])
  const url = useUrlView(navigate)
  const pendingCamera = useRef<ViewState['camera']>(null)
  const [visible, setVisible] = useState(() => visibleExcept(url.initial.off))
  const [selected, setSelected] = useState<FeatureHit | null>(null)
  const [tab, setTab] = useState(url.initial.tab ?? 'layers')
  const [theme, setTheme] = useState<ThemeChoice | null>(null)
  const [navigation, setNavigation] = useState(0)
  const [restored, setRestored] = useState(false)
  const { user: me, epoch, access } = useSession()
  const { retry } = data
  // The layers the server sends depend on who asks: reload them when someone signs in or out.
  const firstEpoch = useRef(epoch)
  useEffect(() => {
    if (epoch !== firstEpoch.current) retry()
  }, [epoch, retry])
  // The parcel whose idle-land case is open beside the map (land officers flag and follow cases there).
  const [caseParcel, setCaseParcel] = useState<string | null>(null)
  const mapReady = useMapSync(parkMap, data.layers, visible, lang, data.phase !== 'ready', url.initial.camera === null)

  // Opening a link: its camera at once, its selection as soon as that layer is in. A parcel's
  // own page (/parcels/HX-001, the link an investor shares) opens on that parcel.
  const pageParcel = useMemo(() => parcelOfPath(window.location.pathname), [])
  useEffect(() => {
    if (parkMap && url.initial.camera) parkMap.jumpTo(url.initial.camera)
    pendingSelection.current = url.initial.selected ?? (pageParcel ? { layer: 'parcels', id: pageParcel } : null)
    if (url.initial.theme) setWantedTheme({ theme: url.initial.theme })
  }, [parkMap, url.initial, pageParcel])
  useEffect(() => {
    if (parkMap && pendingCamera.current) parkMap.jumpTo(pendingCamera.current)
    pendingCamera.current = null
  }, [parkMap, navigation])
  useEffect(() => {
    if (!parkMap || !mapReady) return
    const wanted = pendingSelection.current
    if (wanted) {
      // A feature this visitor may not see (or that is gone) is simply not selected.
      const feature = parkMap.featureById(wanted.layer, wanted.id)
      pendingSelection.current = null
      if (feature) {
        // A link with a camera keeps it; a parcel's page flies to its parcel.
        if (!url.initial.camera && wanted.id === pageParcel) parkMap.focusFeatures(wanted.layer, [wanted.id])
        else parkMap.select(feature)
        setSelected({ layer: wanted.layer, feature, lngLat: anchorOf(feature) })
      }
    }
    setRestored(true)
  }, [parkMap, mapReady, navigation, data.layers])

  // Recording the view, once the link's own view has been applied.
  useEffect(() => {
    if (!parkMap || !restored) return
    const record = () => url.record({
      camera: parkMap.getCamera(),
      off: LAYER_IDS.filter((id) => !visible[id]),
      selected: selected ? { layer: selected.layer, id: String(selected.feature.id) } : null,
      tab: tab === 'layers' ? null : tab,
      theme,
    })
    record()
    return parkMap.onMoveEnd(record)
  }, [parkMap, restored, visible, selected, tab, theme, url])
  // The popup's DOM node lives outside React's tree (maplibre positions it); React portals into it.
  const popupNode = useMemo(() => document.createElement('div'), [])

  // A parcel's page keeps the title the server gave it (bilingual: its number and area in mu).
  useEffect(() => {
    if (!pageParcel) document.title = `${t('app.title')} · ${t('app.subtitle')}`
  }, [t, lang, pageParcel])

  useEffect(() => {
    if (!parkMap) return
    const offClick = parkMap.onFeatureClick(setSelected)
    const offClose = parkMap.onPopupClose(() => setSelected(null))
    return () => {
      offClick()
      offClose()
    }
  }, [parkMap])

  useEffect(() => {
    if (!parkMap) return
    if (selected) parkMap.showPopup(selected.lngLat, popupNode)
    else parkMap.closePopup()
  }, [parkMap, selected, popupNode])

  const toggle = useCallback((layer: LayerId, isVisible: boolean) => {
    setVisible((v) => ({ ...v, [layer]: isVisible }))
    // A popup about a feature that is no longer drawn would point at nothing.
    if (!isVisible) setSelected((s) => (s?.layer === layer ? null : s))
  }, [])

  const fit = useCallback(() => {
    const zones = data.layers.find((l) => l.id === 'zones')
    if (zones?.status === 'ready') parkMap?.fitToPark(parkBounds([zones.data]), true)
  }, [data.layers, parkMap])

  // Internal roles reach a parcel's case from its popup; the case panel closes when they sign out.
  const mayOpenCases = access.idleCases === 'allowed'
  const popupParcel = selected && mayOpenCases ? idleCaseParcel(selected) : null
  const openCase = caseParcel && mayOpenCases ? caseParcel : null

  // A search result: fly to it, select it and open its popup (its layer switched on if it was off).
  // A feature chosen from a list (search, land on offer): flown to, selected, its popup open. One the
  // map draws from tiles but holds no GeoJSON of (a county's parcel) is fetched first.
  const showFeature = useCallback(async (layer: LayerId, id: string) => {
    const feature = await parkMap?.resolveFeature(layer, id)
    if (!parkMap || !feature) return
    parkMap.showPlace(null)
    setVisible((v) => (v[layer] ? v : { ...v, [layer]: true }))
    parkMap.focusFeatures(layer, [id])
    setSelected({ layer, feature, lngLat: anchorOf(feature) })
  }, [parkMap])
  const chooseResult = useCallback((choice: SearchChoice) => {
    if (choice.type === 'place') parkMap?.showPlace(choice.place.lngLat)
    else void showFeature(choice.entry.layer, choice.entry.id)
  }, [parkMap, showFeature])
  // The attribute table: which layer it shows (null: closed), reloaded whenever the map's data is.
  const [tableLayer, setTableLayer] = useState<LayerId | null>(null)
  const [dataVersion, setDataVersion] = useState(0)
  useEffect(() => {
    if (data.phase === 'ready') setDataVersion((v) => v + 1)
  }, [data.phase])
  const tableLayers = useMemo(() => data.layers.map((l) => ({ id: l.id, title: t(`layer.${l.id}`) })), [data.layers, t])
  const openTable = tableLayer && tableLayers.some((l) => l.id === tableLayer) ? tableLayer : null
  const toggleTable = useCallback(() => {
    setTableLayer((open) => (open ? null : selected?.layer ?? (tableLayers.some((l) => l.id === 'parcels') ? 'parcels' : tableLayers[0]?.id ?? null)))
  }, [selected, tableLayers])
  // Rows chosen in the table: one row is selected with its popup, as a click on it would; several
  // are outlined together. A row the map has not loaded (a county's parcels) is flown to by its box.
  const rowRequest = useRef<string | null>(null)
  const selectRows = useCallback((layer: LayerId, ids: string[], boxes: RowBox[]) => {
    if (!parkMap) return
    if (ids.length === 0) {
      rowRequest.current = null
      parkMap.select(null)
      setSelected(null)
      return
    }
    setVisible((v) => (v[layer] ? v : { ...v, [layer]: true }))
    const loaded = ids.filter((id) => parkMap.featureById(layer, id))
    const single = ids.length === 1 ? parkMap.featureById(layer, ids[0]!) : undefined
    parkMap.showPlace(null)
    if (loaded.length > 0) parkMap.focusFeatures(layer, loaded)
    if (loaded.length < ids.length) parkMap.fitBoxes(boxes)
    setSelected(single ? { layer, feature: single, lngLat: anchorOf(single) } : null)
    // One row the map holds no GeoJSON of (a county's parcel, drawn from tiles): outlined and its
    // popup opened once the server sends it, unless another row was chosen meanwhile.
    if (ids.length === 1 && !single) {
      const id = ids[0]!
      rowRequest.current = id
      void parkMap.resolveFeature(layer, id).then((feature) => {
        if (!feature || rowRequest.current !== id) return
        parkMap.select(feature)
        setSelected({ layer, feature, lngLat: anchorOf(feature) })
      })
    } else rowRequest.current = null
  }, [parkMap])
  // The parcel sheet (a modal over everything): a parcel's own page opens on it.
  const [sheetParcel, setSheetParcel] = useState<string | null>(pageParcel)
  const popupOnOffer = selected?.layer === 'parcels' && selected.feature.properties?.status === 'available' ? String(selected.feature.id) : null
  // The print layout (a modal over everything): its legend lists the layers drawn now.
  const [printing, setPrinting] = useState(false)
  const printLayers = useMemo(() => LEGEND_ORDER.filter((id) => visible[id] && data.layers.some((l) => l.id === id)), [visible, data.layers])
  const [tableHeight, setTableHeight] = useState(0)
  useEffect(() => parkMap?.setBottomInset(tableHeight), [parkMap, tableHeight])
  const tableSelection = useMemo(() => (selected && selected.layer === openTable ? [String(selected.feature.id)] : []), [selected, openTable])
  // Land on offer: the zones for its filter.
  const offerZones = useMemo(() => {
    const zones = data.layers.find((l) => l.id === 'zones')
    if (zones?.status !== 'ready') return []
    return zones.data.features
      .filter((f) => f.properties.kind === 'park_zone')
      .map((f) => ({ id: String(f.id), name: featureNames(f.properties, lang).name ?? String(f.id) }))
  }, [data.layers, lang])
  const nearLongitude = useCallback(() => parkMap?.getCamera().lng ?? 115.4, [parkMap])

  const lookup: NameLookup = useCallback((layer, id) => {
    const entry = data.layers.find((l) => l.id === layer)
    if (entry?.status !== 'ready') return null
    return entry.data.features.find((f) => String(f.id ?? f.properties?.id) === id)?.properties ?? null
  }, [data.layers])

  return (
    <PerMuProvider parkMap={parkMap}>
      <div className="app" data-map-ready={mapReady ? 'true' : 'false'}>
        <Header search={<SearchBox layers={data.layers} nearLongitude={nearLongitude} onChoose={chooseResult} />} />
        <main className="app__body">
          <ThemeLink wanted={wantedTheme} onTheme={setTheme} />
          <SideTabs label={t('analysis.tab.label')} activeId={tab} onActiveChange={setTab} tabs={[
            { id: 'layers', label: t('analysis.tab.layers'), render: () => (
              <LayerPanel layers={data.layers} visible={visible} onToggle={toggle} onFit={fit}>
                <Deferred><ThemePanel /></Deferred>
              </LayerPanel>
            ) },
            { id: 'offer', label: t('offer.tab'), render: (active) => (
              <Deferred active={active}>
                <OfferPanel zones={offerZones} onChoose={(id) => showFeature('parcels', id)} onShowAll={(ids) => {
                  parkMap?.focusFeatures('parcels', ids)
                  setSelected(null)
                }} />
              </Deferred>
            ) },
            // Planners' work: investors and the public are not offered it (the measure tool is everyone's).
            ...(access.analysis === 'allowed' ? [{ id: 'analysis', label: t('analysis.tab.analysis'), wide: true, render: (active: boolean) => (
              <Deferred active={active}><AnalysisPanel parkMap={parkMap} active={active} onZonesChanged={retry} /></Deferred>
            ) }] : []),
            ...(me && access.inquiries === 'allowed' ? [{ id: 'inquiries', label: t('sheet.inquiries.tab'), render: (active: boolean) => (
              <Deferred active={active}><InquiriesPanel active={active} onShowParcel={(id) => showFeature('parcels', id)} /></Deferred>
            ) }] : []),
            ...(access.idleRegister === 'allowed' ? [{ id: 'register', label: t('idle.register.tab'), wide: true, render: (active: boolean) => (
              <Deferred active={active}><RegisterPanel revision={dataVersion} onOpenParcel={(id) => { showFeature('parcels', id); setCaseParcel(id) }} /></Deferred>
            ) }] : []),
            ...(me && access.accounts === 'allowed' ? [{ id: 'accounts', label: t('admin.tab'), wide: true, render: (active: boolean) => (
              <Deferred active={active}><AccountsPanel me={me} active={active} /></Deferred>
            ) }] : []),
          ]} />
          <div className="map-area" style={{ '--table-inset': `${tableHeight}px` } as CSSProperties}>
            <div ref={container} className="map" />
            <StatusBar data={data} />
            <MapTools parkMap={parkMap} tableOpen={openTable !== null} onToggleTable={toggleTable} onPrint={() => setPrinting(true)} />
            <CursorReadout parkMap={parkMap} />
            {sheetParcel && parkMap && mapReady && (
              <Deferred><ParcelSheetDialog parkMap={parkMap} parcelId={sheetParcel} lookup={lookup} onClose={() => setSheetParcel(null)} /></Deferred>
            )}
            {printing && parkMap && <Deferred><PrintDialog parkMap={parkMap} layers={printLayers} onClose={() => setPrinting(false)} /></Deferred>}
            {openTable && (
              <Deferred>
                <AttributeTable layers={tableLayers} layer={openTable} onLayerChange={setTableLayer} dataKey={String(dataVersion)}
                  lookup={lookup} mapSelection={tableSelection} onSelect={selectRows} onClose={() => setTableLayer(null)} onHeight={setTableHeight} />
              </Deferred>
            )}
            <Deferred><PerMuDrawer /></Deferred>
            {openCase && (
              <Deferred key={openCase}>
                <IdleCasePanel parcelId={openCase} parcel={lookup('parcels', openCase)} onClose={() => setCaseParcel(null)} onChanged={retry} />
              </Deferred>
            )}
          </div>
        </main>
        {selected && createPortal(<>
          <FeaturePopup hit={selected} lookup={lookup} onChoose={({ layer, feature }) => {
            parkMap?.select(feature, layer)
            setSelected({ ...selected, layer, feature })
          }} />
          {popupOnOffer && (
            <div className="feature-popup__actions">
              <button type="button" className="primary-button sheet-open" title={t('sheet.openTitle')} onClick={() => setSheetParcel(popupOnOffer)}>{t('sheet.open')}</button>
            </div>
          )}
          {popupParcel && <IdleCaseButton onOpen={() => {
            // The panel takes over from the popup, whose figures would go stale after a write.
            setCaseParcel(popupParcel)
            setSelected(null)
          }} />}
        </>, popupNode)}
      </div>
    </PerMuProvider>
  )
}
