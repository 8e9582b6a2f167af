import type pg from 'pg'
import { namedSql } from '../db/named-sql'
import { M2_PER_MU } from '../../web/src/shared/units'
import type { ChemicalFirm, ChemicalFirmsReport } from '../../web/src/shared/api/overlap'

const Q = namedSql(new URL('./sql/chemical-firms.sql', import.meta.url), ['chemical-firms'])

/**
 * The report's complaint (四、3): each chemical firm, the mu it holds and how much of it lies in
 * cluster A ∪ B — the firms outside cannot expand.
 */
export async function chemicalFirmsOutsideCluster(db: pg.Pool): Promise<ChemicalFirmsReport> {
  const { rows } = await db.query<Omit<ChemicalFirm, 'held_mu' | 'inside_mu'>>(Q['chemical-firms'])
  const firms = rows.map((r) => ({
    ...r,
    held_mu: r.held_m2 === null ? null : r.held_m2 / M2_PER_MU,
    inside_mu: r.inside_m2 === null ? null : r.inside_m2 / M2_PER_MU,
  }))
  return {
    chemical_firms: firms.length,
    outside: firms.filter((f) => f.class === 'outside').length,
    partial: firms.filter((f) => f.class === 'partial').length,
    inside: firms.filter((f) => f.class === 'inside').length,
    firms,
  }
}
