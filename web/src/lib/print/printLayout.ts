/**
 * The geometry of a print layout, pure: paper sizes, where the map frame goes, the scale of the
 * printed map and a scale bar of a round length. Millimetres on paper, CSS pixels on screen.
 */

export type PaperSize = 'A4' | 'A3'
export type Orientation = 'landscape' | 'portrait'

/** ISO 216, portrait, mm. */
const PAPER_MM: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
}

export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'A3']
export const ORIENTATIONS: readonly Orientation[] = ['landscape', 'portrait']

/** Printer-safe margin, the title band and the footer band, mm. */
const MARGIN_MM = 10
const TITLE_MM = 16
const FOOTER_MM = 9
/** The legend's column beside the map (landscape) or band under it (portrait), mm per paper width. */
const LEGEND_SHARE = { landscape: 0.24, portrait: 0.3 } as const

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface SheetLayout {
  paper: { width: number; height: number }
  title: Box
  map: Box
  legend: Box
  footer: Box
}

/**
 * Where everything goes on the sheet, mm from its top-left corner. Landscape: legend to the right
 * of the map; portrait: under it.
 * @example sheetLayout('A4', 'landscape').paper // { width: 297, height: 210 }
 */
export function sheetLayout(size: PaperSize, orientation: Orientation): SheetLayout {
  const p = PAPER_MM[size]
  const paper = orientation === 'portrait' ? { ...p } : { width: p.height, height: p.width }
  const inner = { x: MARGIN_MM, y: MARGIN_MM, width: paper.width - 2 * MARGIN_MM, height: paper.height - 2 * MARGIN_MM }
  const title = { x: inner.x, y: inner.y, width: inner.width, height: TITLE_MM }
  const footer = { x: inner.x, y: inner.y + inner.height - FOOTER_MM, width: inner.width, height: FOOTER_MM }
  const bodyY = title.y + title.height
  const bodyHeight = footer.y - bodyY - 2
  if (orientation === 'landscape') {
    const legendWidth = Math.round(inner.width * LEGEND_SHARE.landscape)
    return {
      paper, title, footer,
      map: { x: inner.x, y: bodyY, width: inner.width - legendWidth - 4, height: bodyHeight },
      legend: { x: inner.x + inner.width - legendWidth, y: bodyY, width: legendWidth, height: bodyHeight },
    }
  }
  const legendHeight = Math.round(bodyHeight * LEGEND_SHARE.portrait)
  return {
    paper, title, footer,
    map: { x: inner.x, y: bodyY, width: inner.width, height: bodyHeight - legendHeight - 4 },
    legend: { x: inner.x, y: bodyY + bodyHeight - legendHeight, width: inner.width, height: legendHeight },
  }
}

/**
 * Millimetres of paper per CSS pixel of the screen's map, when the map image covers the frame
 * (object-fit: cover — the frame is filled and the image's overflow cropped, centred).
 */
export function mmPerPixel(frame: { width: number; height: number }, image: { width: number; height: number }): number {
  return Math.max(frame.width / image.width, frame.height / image.height)
}

/**
 * The printed map's scale denominator: ground metres per paper metre.
 * @example scaleDenominator(2, 0.5) // 4000: 2 m a pixel, half a millimetre a pixel
 */
export function scaleDenominator(metresPerPixel: number, mmPerPx: number): number {
  return (metresPerPixel / mmPerPx) * 1000
}

/**
 * A scale bar of a round length (1, 2 or 5 × 10ⁿ m) no longer than `maxMm` on paper, and at least
 * half of it.
 * @example scaleBar(5000, 40) // { metres: 200, mm: 40 }: at 1:5000, 200 m is 40 mm
 */
export function scaleBar(denominator: number, maxMm: number): { metres: number; mm: number } {
  const maxMetres = (maxMm / 1000) * denominator
  const power = 10 ** Math.floor(Math.log10(maxMetres))
  const metres = [5, 2, 1].map((m) => m * power).find((m) => m <= maxMetres) ?? power
  return { metres, mm: (metres / denominator) * 1000 }
}

/**
 * The scale as a cartographer writes it: 1:N with N rounded to two significant figures above
 * 1000 (a screen map's scale is not known more closely than that).
 * @example formatScale(12_345) // "1:12 000"
 */
export function formatScale(denominator: number): string {
  const digits = Math.floor(Math.log10(denominator))
  const unit = digits >= 3 ? 10 ** (digits - 1) : 1
  const rounded = Math.round(denominator / unit) * unit
  return `1:${String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`
}

/** A length as the scale bar labels it: metres under a kilometre, else km. */
export function scaleBarLabel(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`
}
