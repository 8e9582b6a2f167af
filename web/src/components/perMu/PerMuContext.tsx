import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useResource, type Resource } from '../../hooks/useResource'
import { useSessionUser } from '../../hooks/useSessionUser'
import { fetchPerMuReport } from '../../lib/perMu/api'
import { parcelTheme, type ParcelTheme, type ThemeChoice } from '../../lib/perMu/parcelTheme'
import type { FirmResult, PerMuReport } from '../../lib/perMu/types'
import type { ParkMap } from '../../map/ParkMap'

/**
 * What the per-mu drawer and the sidebar's thematic legend share: who may see the figures, the
 * year's report, the map colouring and the firm in focus. It also feeds the map adapter, so the
 * components never touch the map.
 */

/** `checking` until /api/auth/me answers; investors see the public map only (DESIGN: never tax or revenue). */
export type PerMuAccess = 'checking' | 'signed_out' | 'forbidden' | 'internal' | 'admin'

export interface PerMuState {
  access: PerMuAccess
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

function accessOf(role: string | null | undefined, error: Resource<unknown>['error']): PerMuAccess {
  // The server has the last word: a session that expired since /me answered comes back 401.
  if (error?.status === 401) return 'signed_out'
  if (error?.status === 403) return 'forbidden'
  if (role === undefined) return 'checking'
  if (role === null) return 'signed_out'
  if (role === 'investor') return 'forbidden'
  return role === 'admin' ? 'admin' : 'internal'
}

interface Props {
  parkMap: ParkMap | null
  /** Changes on every sign-in and sign-out. */
  sessionVersion: number
  children: ReactNode
}

export function PerMuProvider({ parkMap, sessionVersion, children }: Props) {
  const user = useSessionUser(sessionVersion)
  const [askedYear, setAskedYear] = useState<number | null>(null)
  const [theme, setTheme] = useState<ThemeChoice | null>(null)
  const [focusedFirmId, setFocusedFirmId] = useState<string | null>(null)
  const [dataVersion, setDataVersion] = useState(0)

  const role = user === undefined ? undefined : (user?.role ?? null)
  const mayAsk = role === 'admin' || role === 'planner' || role === 'land_officer'
  const key = mayAsk ? `per-mu|${askedYear ?? 'latest'}|${sessionVersion}|${dataVersion}` : null
  const report = useResource(key, (signal) => fetchPerMuReport(askedYear, signal))
  const access = accessOf(role, report.error)
  const visible = (access === 'internal' || access === 'admin') && report.data !== null

  // A new session starts from the status colouring, with nothing in focus.
  useEffect(() => {
    setTheme(null)
    setFocusedFirmId(null)
    setAskedYear(null)
  }, [sessionVersion])

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
