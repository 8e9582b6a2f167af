import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useResource, type Resource } from '../../hooks/useResource'
import { useSession } from '../../hooks/useSession'
import type { Access } from '../../lib/access'
import { fetchPerMuReport } from '../../lib/perMu/api'
import { parcelTheme, type ParcelTheme, type ThemeChoice } from '../../lib/perMu/parcelTheme'
import type { FirmResult, PerMuReport } from '../../shared/api/per-mu'
import type { ParkMap } from '../../map/ParkMap'

/**
 * What the per-mu drawer and the sidebar's thematic legend share: who may see the figures, the
 * year's report, the map colouring and the firm in focus. It also feeds the map adapter, so the
 * components never touch the map.
 */

/** Investors see the public map only: never tax or revenue. */
export type PerMuAccess = Access

export interface PerMuState {
  access: PerMuAccess
  /** The grading settings may be changed (admins). */
  mayGrade: boolean
  /** The year shown (the report's), or asked for while it loads; null before the first answer. */
  year: number | null
  setYear: (year: number) => void
  report: Resource<PerMuReport>
  theme: ThemeChoice | null
  setTheme: (choice: ThemeChoice | null) => void
  /** The theme as painted on the map, with its classes for the legend. */
  painted: ParcelTheme | null
  focusedFirmId: string | null
  focusFirm: (firm: FirmResult) => void
  /** Bumped after the grading changes, so every view reloads its figures. */
  dataVersion: number
  gradingChanged: () => void
}

const PerMuContext = createContext<PerMuState | null>(null)

export function usePerMu(): PerMuState {
  const state = useContext(PerMuContext)
  if (!state) throw new Error('usePerMu outside <PerMuProvider>')
  return state
}

/** The client's answer, unless the server has said otherwise: a session that ended since comes back 401. */
function withServerWord(access: Access, error: Resource<unknown>['error']): PerMuAccess {
  if (error?.status === 401) return 'signed_out'
  if (error?.status === 403) return 'forbidden'
  return access
}

interface Props {
  parkMap: ParkMap | null
  children: ReactNode
}

export function PerMuProvider({ parkMap, children }: Props) {
  const { access: features, epoch } = useSession()
  const [askedYear, setAskedYear] = useState<number | null>(null)
  const [theme, setTheme] = useState<ThemeChoice | null>(null)
  const [focusedFirmId, setFocusedFirmId] = useState<string | null>(null)
  const [dataVersion, setDataVersion] = useState(0)

  const key = features.perMu === 'allowed' ? `per-mu|${askedYear ?? 'latest'}|${epoch}|${dataVersion}` : null
  const report = useResource(key, (signal) => fetchPerMuReport(askedYear, signal))
  const access = withServerWord(features.perMu, report.error)
  const visible = access === 'allowed' && report.data !== null

  // A new session starts from the status colouring, with nothing in focus.
  useEffect(() => {
    setTheme(null)
    setFocusedFirmId(null)
    setAskedYear(null)
  }, [epoch])

  const painted = useMemo(() => (visible && theme && report.data ? parcelTheme(report.data, theme) : null), [visible, theme, report.data])
  useEffect(() => {
    parkMap?.setParcelPaint(painted)
  }, [parkMap, painted])

  const focusFirm = useCallback((firm: FirmResult) => {
    setFocusedFirmId(firm.id)
    parkMap?.focusFeatures('parcels', firm.parcel_ids)
  }, [parkMap])

  const gradingChanged = useCallback(() => setDataVersion((n) => n + 1), [])

  const state: PerMuState = {
    access,
    mayGrade: access === 'allowed' && features.grading === 'allowed',
    year: askedYear ?? report.data?.year ?? null,
    setYear: setAskedYear,
    report,
    theme,
    setTheme,
    painted,
    focusedFirmId,
    focusFirm,
    dataVersion,
    gradingChanged,
  }
  return <PerMuContext.Provider value={state}>{children}</PerMuContext.Provider>
}
