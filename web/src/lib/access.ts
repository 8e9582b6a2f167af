import { mayReach, type PolicyRoute } from '../shared/access-policy'
import type { PublicUser } from '../shared/api/session'

/**
 * What the signed-in role may see and use in the client: the one place that decides, read from
 * the server's own access table (web/src/shared/access-policy.ts), so a panel is offered exactly
 * when the API would answer it.
 */

/** `checking` until the session is known; `forbidden` for a signed-in role the route refuses. */
export type Access = 'checking' | 'signed_out' | 'forbidden' | 'allowed'

/**
 * The access of `user` (undefined while unknown, null for the public) to one API route.
 * @example accessTo({ role: 'investor', … }, 'GET /api/metrics/per-mu') // 'forbidden'
 */
export function accessTo(user: PublicUser | null | undefined, route: PolicyRoute): Access {
  if (user === undefined) return 'checking'
  if (mayReach(user?.role, route)) return 'allowed'
  return user === null ? 'signed_out' : 'forbidden'
}

/** The client's features and the route each one needs. */
export const FEATURE_ROUTES = {
  /** Overlap, the chemical-firms question, the scenario list (步骤 2–4 of the analysis panel). */
  analysis: 'POST /api/analysis/overlap',
  /** Creating rezoning scenarios, saving versions, submitting, commenting. */
  editScenarios: 'POST /api/scenarios/:id/versions',
  /** Approving or rejecting a submitted scenario version. */
  decideScenarios: 'POST /api/scenarios/:id/versions/:n/decision',
  /** Importing survey and CAD files into the drawing (the analysis panel's import step). */
  convert: 'POST /api/convert/import',
  /** The per-mu drawer, ranking, dashboard and theme. */
  perMu: 'GET /api/metrics/per-mu',
  /** The grading settings tab. */
  grading: 'PUT /api/metrics/grading',
  /** Opening an idle-land case from a parcel's popup (reading it, its steps and its history). */
  idleCases: 'GET /api/idle-plots/:id',
  /** The register of idle-land cases (a tab) and the parcels to watch. */
  idleRegister: 'GET /api/idle-plots',
  /** Flagging a parcel and moving its case on, one step at a time. */
  editIdleCases: 'POST /api/idle-plots/:id/transitions',
  /** The inquiries tab: every inquiry for land officers and admins, one's own for investors. */
  inquiries: 'GET /api/inquiries',
  /** The accounts tab. */
  accounts: 'GET /api/admin/users',
} as const satisfies Record<string, PolicyRoute>

export type Feature = keyof typeof FEATURE_ROUTES

/** Every feature's access for one user. */
export function accessOf(user: PublicUser | null | undefined): Record<Feature, Access> {
  return Object.fromEntries(Object.entries(FEATURE_ROUTES).map(([f, route]) => [f, accessTo(user, route)])) as Record<Feature, Access>
}

