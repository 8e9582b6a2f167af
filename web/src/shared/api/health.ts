/** GET /api/health. */
export interface HealthAnswer {
  ok: boolean
  db: 'embedded' | 'postgres'
  postgis: string | null
}
