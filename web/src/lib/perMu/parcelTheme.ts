import { classBreaks, classIndex, type ClassMethod } from './classify'
import { figureValue, LOWER_IS_BETTER, type ThematicFigure } from './figures'
import { GRADE_COLORS, sequentialColors } from './palette'
import { GRADES, type Grade } from '../../shared/per-mu-vocabulary'
import type { FirmResult, PerMuReport } from '../../shared/api/per-mu'

/** What the parcels are coloured by: the grade, or a figure in classes. */
export type ThemeChoice = { kind: 'grade' } | { kind: 'figure'; figure: ThematicFigure; method: ClassMethod }

export const THEME_CLASSES = 5

export interface ThemeClass {
  color: string
  /** Grade classes carry their grade, figure classes their limits (from < value ≤ to; the first includes from). */
  grade?: Grade
  from?: number
  to?: number
  firms: number
  parcelIds: string[]
}

/** The map's part: colour per parcel id. Parcels in no list keep the pale "not evaluated" fill. */
export interface ParcelPaint {
  classes: { color: string; parcelIds: string[] }[]
  /** Held by a firm in the evaluation that has no grade (or no value of the figure): hatched grey. */
  hatchedIds: string[]
}

export interface ParcelTheme extends ParcelPaint {
  choice: ThemeChoice
  year: number
  classes: ThemeClass[]
  /** Firms behind the hatched parcels. */
  hatchedFirms: number
}

/** The value a firm is coloured by, or null (hatched). */
function valueOf(firm: FirmResult, choice: ThemeChoice): number | Grade | null {
  return choice.kind === 'grade' ? firm.grade : figureValue(firm, choice.figure)
}

/**
 * The thematic colouring of the parcels for a report: each firm's parcels take the colour of its
 * grade, or of the class its figure falls in. Classes are computed over firms (one value each, not
 * one per parcel, so a firm with three plots does not count three times). Firms holding no land
 * colour nothing; a parcel is listed once.
 * @example parcelTheme(report, { kind: 'figure', figure: 'tax_per_mu', method: 'natural' }).classes.length // 5
 */
export function parcelTheme(report: PerMuReport, choice: ThemeChoice): ParcelTheme {
  const firms = report.enterprises.filter((f) => f.parcel_ids.length > 0)
  const seen = new Set<string>()
  const claim = (ids: readonly string[]) => ids.filter((id) => !seen.has(id) && seen.add(id))

  let classes: ThemeClass[]
  let classOf: (firm: FirmResult) => number
  if (choice.kind === 'grade') {
    classes = GRADES.map((grade) => ({ color: GRADE_COLORS[grade], grade, firms: 0, parcelIds: [] }))
    classOf = (f) => (f.grade ? GRADES.indexOf(f.grade) : -1)
  } else {
    const breaks = classBreaks(firms.map((f) => figureValue(f, choice.figure)), choice.method, THEME_CLASSES)
    const colors = sequentialColors(breaks.length - 1, LOWER_IS_BETTER.has(choice.figure) ? 'cost' : 'output')
    classes = colors.map((color, i) => ({ color, from: breaks[i]!, to: breaks[i + 1]!, firms: 0, parcelIds: [] }))
    classOf = (f) => classIndex(figureValue(f, choice.figure), breaks)
  }

  const hatchedIds: string[] = []
  let hatchedFirms = 0
  for (const firm of firms) {
    const i = valueOf(firm, choice) === null ? -1 : classOf(firm)
    const target = classes[i]
    if (target) {
      target.firms++
      target.parcelIds.push(...claim(firm.parcel_ids))
    } else {
      hatchedFirms++
      hatchedIds.push(...claim(firm.parcel_ids))
    }
  }
  return { choice, year: report.year, classes, hatchedIds, hatchedFirms }
}

/** Same theme? (A new report object for the same choice still needs repainting; this compares choices only.) */
export function sameChoice(a: ThemeChoice | null, b: ThemeChoice | null): boolean {
  if (a === null || b === null) return a === b
  if (a.kind === 'grade' || b.kind === 'grade') return a.kind === b.kind
  return a.figure === b.figure && a.method === b.method
}
