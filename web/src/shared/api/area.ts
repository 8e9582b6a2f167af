/** POST /api/analysis/area[?projected=gk&cm=&epsg=]. */
import type { AreaSummary } from '../units'

export interface AreaQuery {
  /** `gk`: also the CGCS2000 3° Gauss-Krüger plane area that survey documents quote. */
  projected?: 'gk'
  /** Central meridian of the 3° zone, degrees east. */
  cm?: number
  /** EPSG:4513–4554. */
  epsg?: number
}

export interface AreaAnswer {
  features: AreaSummary[]
  total: AreaSummary
  method: string
  projected?: AreaSummary & { epsg: number; centralMeridian: number }
}
