/**
 * Who may call which route: the one table of the park's access rules. server/auth/plugin.ts
 * enforces it for every request, and refuses at start-up to register a route that is missing here,
 * so a new route cannot be forgotten. tests/api/access-matrix.test.ts walks it with every principal.
 * The browser reads the same table (`mayReach`) to decide which panels a role is shown, so the
 * client can never offer what the server would refuse.
 *
 * Rows are what a principal may *reach*; what a layer shows to whom is data in
 * server/layers/catalog.ts (`public` views), chosen by `audienceOf` below.
 */

import { INQUIRY_PER_MINUTE } from './api/portal'

export const ROLES = ['admin', 'planner', 'land_officer', 'investor'] as const
export type Role = (typeof ROLES)[number]
/** A role, or nobody signed in. */
export type Principal = Role | 'anonymous'
export const PRINCIPALS: readonly Principal[] = ['anonymous', ...ROLES]

/** Which view of the data a principal gets: investors see what the public sees. */
export type Audience = 'internal' | 'public'
export const AUDIENCE: Readonly<Record<Principal, Audience>> = {
  admin: 'internal',
  planner: 'internal',
  land_officer: 'internal',
  investor: 'public',
  anonymous: 'public',
}

export function audienceOf(role: Role | null | undefined): Audience {
  return AUDIENCE[role ?? 'anonymous']
}

/**
 * What one request may make the database do: the vertices of a shape it sends (drawn, pasted or
 * uploaded). A count of requests is no bound on cost — PostGIS's validity check grows with the
 * square of the vertices on a spiky ring (PostgreSQL 15: 2,000 → 0.04 s, 20,000 → 1.8 s, 50,000
 * → 11 s; PGlite about three times that) — so each audience gets a budget, checked by counting
 * before any SQL runs. The public measures and looks; planners trace survey boundaries.
 */
export const VERTEX_BUDGET: Readonly<Record<Audience, number>> = {
  public: 2_000,
  internal: 20_000,
}

export function vertexBudgetOf(role: Role | null | undefined): number {
  return VERTEX_BUDGET[audienceOf(role)]
}

export type PolicyMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface PolicyRule {
  method: PolicyMethod
  /** The route's path as registered with Fastify (`:param` placeholders). */
  path: string
  allow: readonly Principal[]
  /** Requests per minute per caller (signed-in user, else IP). Writes open to anonymous callers always get one. */
  perMinute?: number
  why: string
}

const EVERYONE: readonly Principal[] = PRINCIPALS
const INTERNAL: readonly Principal[] = ['admin', 'planner', 'land_officer']
const ADMIN: readonly Principal[] = ['admin']
const PLANNING: readonly Principal[] = ['admin', 'planner']
const LAND: readonly Principal[] = ['admin', 'land_officer']
const INQUIRY_READERS: readonly Principal[] = ['admin', 'land_officer', 'investor']
const INVESTOR: readonly Principal[] = ['investor']

/** The default for a write that anonymous callers may make (a public write is cheap to send, so it is rate-limited). */
export const PUBLIC_WRITE_PER_MINUTE = 60
/** Guessing passwords: 10 tries a minute per IP (per instance; README "Accounts, roles and sessions"). */
export const LOGIN_PER_MINUTE = 10

function rule(route: string, allow: readonly Principal[], why: string, perMinute?: number): PolicyRule {
  const [method, path] = route.split(' ') as [PolicyMethod, string]
  return perMinute === undefined ? { method, path, allow, why } : { method, path, allow, why, perMinute }
}

export const POLICY: readonly PolicyRule[] = [
  rule('GET /api/health', EVERYONE, 'liveness for load balancers and the status bar'),
  rule('GET /api/layers', EVERYONE, 'each audience gets its own layer list (catalog public views)'),
  rule('GET /api/layers/:id/features', EVERYONE, 'public audience: public columns and rows only; idle plots are internal'),
  rule('GET /parcels/:id', EVERYONE, 'the shareable page of a parcel on offer (the app, with its preview tags); 404 for any other id'),
  rule('GET /tiles/:layer/:z/:x/:y', EVERYONE, 'vector tiles: the audience view of the layer, as the features'),
  rule('GET /tiles/:layer/tiles.json', EVERYONE, 'TileJSON of a layer the audience may see'),
  rule('GET /api/basemap', EVERYONE, 'the online base map tile URLs (server configuration, nothing private)'),
  rule('GET /api/layers/:id/rows', EVERYONE, 'the attribute table: the same audience view as the features, without geometry'),
  rule('POST /api/analysis/area', EVERYONE, "pure computation on the caller's own geometry", PUBLIC_WRITE_PER_MINUTE),
  rule('POST /api/analysis/overlap', INTERNAL, 'answers with drafts, enterprises and idle plots'),
  rule('GET /api/analysis/chemical-firms-outside-cluster', INTERNAL, 'names firms and the land they hold'),
  rule('POST /api/convert/import', INTERNAL, "a survey or CAD file read into lon/lat polygons for the planner's drawing; saves nothing"),
  rule('POST /api/convert/export', INTERNAL, "the caller's own boundary as a file in a survey or GIS format; saves nothing"),
  rule('POST /api/auth/login', EVERYONE, 'signing in', LOGIN_PER_MINUTE),
  rule('POST /api/auth/logout', EVERYONE, 'idempotent: without a session it does nothing'),
  rule('GET /api/auth/me', EVERYONE, 'answers {user: null} when nobody is signed in'),
  rule('GET /api/public/parcels', EVERYONE, 'the investor view: available parcels, public fields'),
  rule('GET /api/public/parcels/:id', EVERYONE, 'the shareable parcel sheet'),
  rule('POST /api/public/parcels/:id/inquiries', EVERYONE, 'anyone may ask about land on offer', INQUIRY_PER_MINUTE),
  rule('GET /api/inquiries', INQUIRY_READERS, 'land officers answer inquiries; an investor sees only their own (the handler filters)'),
  rule('PATCH /api/inquiries/:id', LAND, "answering an inquiry: status and the park's own note"),
  rule('GET /api/favourites', INVESTOR, "an investor's own favourite parcels on offer"),
  rule('PUT /api/favourites/:parcelId', INVESTOR, 'keeping a parcel on offer as a favourite'),
  rule('DELETE /api/favourites/:parcelId', INVESTOR, 'letting a favourite go'),
  rule('GET /api/admin/readiness-thresholds', ADMIN, 'the distances behind 七通一平 readiness'),
  rule('PUT /api/admin/readiness-thresholds', ADMIN, 'what the park promises investors as ready: only admins set it'),
  rule('GET /api/parcels/:id/conditions', LAND, 'planning conditions with their version, for editing'),
  rule('PUT /api/parcels/:id/conditions', LAND, '标准地 planning conditions of a parcel'),
  rule('GET /api/admin/users', ADMIN, 'accounts and roles are the admin journey'),
  rule('POST /api/admin/users', ADMIN, 'creating an account'),
  rule('PATCH /api/admin/users/:id', ADMIN, 'role, display name, disabling'),
  rule('POST /api/admin/users/:id/password', ADMIN, 'resetting a password'),
  rule('GET /api/metrics/per-mu', INTERNAL, 'revenue, tax, profit and electricity per firm'),
  rule('GET /api/metrics/per-mu.csv', INTERNAL, 'the same, as a file'),
  rule('GET /api/metrics/grading', INTERNAL, 'weights and thresholds behind the grades'),
  rule('PUT /api/metrics/grading', ADMIN, 'grades D bring dearer power: only admins set the rules'),
  rule('GET /api/metrics/dashboard', INTERNAL, "the report's headline figures, from firms' internal numbers"),
  rule('GET /api/zones/:id/history', INTERNAL, "a zone's boundaries over time (each approved scenario), internal"),
  // Rezoning scenarios (server/routes/scenarios.ts): proposals are internal; the public sees a boundary once it is approved.
  rule('GET /api/scenarios', INTERNAL, 'proposed boundaries are internal: never investors or the public'),
  rule('POST /api/scenarios', PLANNING, 'a new rezoning scenario'),
  rule('GET /api/scenarios/:id', INTERNAL, 'a scenario with its versions and comments'),
  rule('GET /api/scenarios/:id/versions/:n', INTERNAL, 'one version with its boundary'),
  rule('POST /api/scenarios/:id/versions', PLANNING, 'saving a version (If-Match: the version drawn from)'),
  rule('GET /api/scenarios/:id/diff', INTERNAL, 'what one version adds and removes, and what enters and leaves'),
  rule('POST /api/scenarios/:id/versions/:n/submit', PLANNING, 'a planner submits a version for approval'),
  rule('POST /api/scenarios/:id/versions/:n/decision', ADMIN, 'approving changes a zone: only admins decide'),
  rule('POST /api/scenarios/:id/comments', PLANNING, 'review comments, pinned to the map or not'),
  rule('POST /api/scenarios/:id/comments/:cid/resolve', PLANNING, 'marking a review comment resolved'),
  rule('PATCH /api/parcels/:id', LAND, 'parcel status, use, holder and price'),
  rule('GET /api/parcels/:id/history', INTERNAL, 'who changed a parcel, and how'),
  rule('GET /api/idle-plots', INTERNAL, 'the register of idle and low-efficiency cases: holders and disposals are internal'),
  rule('POST /api/idle-plots', LAND, 'flagging an idle or low-efficiency plot (opens the case at investigation)'),
  rule('GET /api/idle-plots/:id', INTERNAL, 'one case file with its steps'),
  rule('POST /api/idle-plots/:id/transitions', LAND, 'moving a case one statutory step on, or closing it'),
  rule('POST /api/idle-plots/:id/steps/:seq/attachments', LAND, 'evidence on a step (photos, PDFs)'),
  rule('GET /api/idle-plots/:id/attachments/:attachmentId', INTERNAL, 'downloading evidence'),
  rule('GET /api/idle-plots/:id/documents/:document', INTERNAL, 'the printable 告知书 and 认定书 of a case'),
  rule('GET /api/idle-watch', INTERNAL, 'parcels past their contract dates and low-efficiency candidates (动态巡查)'),
  rule('GET /api/idle-plots/:id/history', INTERNAL, 'flags are never shown outside'),
  // OGC API – Features (server/routes/ogc.ts): open to all; each audience's collections are its catalogue views.
  rule('GET /ogc', EVERYONE, 'OGC API – Features landing page'),
  rule('GET /ogc/', EVERYONE, 'the same landing page, as a URL is often pasted'),
  rule('GET /ogc/conformance', EVERYONE, 'the OGC conformance classes passed'),
  rule('GET /ogc/collections', EVERYONE, "the collections the caller's audience sees (no idle plots for the public)"),
  rule('GET /ogc/collections/:collectionId', EVERYONE, 'one collection of the audience: extent, CRS list'),
  rule('GET /ogc/collections/:collectionId/queryables', EVERYONE, "the audience view's properties as JSON Schema"),
  rule('GET /ogc/collections/:collectionId/schema', EVERYONE, "the audience view's features as JSON Schema (clients type their fields by it)"),
  rule('GET /ogc/collections/:collectionId/items', EVERYONE, 'public audience: public columns and rows only, as on the map'),
  rule('GET /ogc/collections/:collectionId/items/:featureId', EVERYONE, 'one feature, by the id the audience is told'),
]

/** Files of the built client (@fastify/static routes under the web root): the map loads for everyone. */
export const CLIENT_FILES_RULE: PolicyRule = {
  method: 'GET',
  path: '<client files>',
  allow: EVERYONE,
  why: 'the single-page app itself; it asks the API for data',
}

const byRoute = new Map(POLICY.map((r) => [`${r.method} ${r.path}`, r]))

/** The rule of a registered route; HEAD follows GET. Undefined: the route is missing from POLICY. */
export function ruleFor(method: string, path: string): PolicyRule | undefined {
  return byRoute.get(`${method === 'HEAD' ? 'GET' : method} ${path}`)
}

export function isAllowed(rule: PolicyRule, role: Role | null | undefined): boolean {
  return rule.allow.includes(role ?? 'anonymous')
}

/** A route of the table, as `METHOD /path` (the form the table is written in). */
export type PolicyRoute = `${PolicyMethod} /${string}`

/**
 * Whether `role` (null: the public) may call the route. Throws for a route the table lacks, so a
 * renamed route fails loudly instead of hiding a panel.
 * @example mayReach('planner', 'POST /api/scenarios/:id/versions') // true
 */
export function mayReach(role: Role | null | undefined, route: PolicyRoute): boolean {
  const [method, path] = route.split(' ') as [string, string]
  const found = ruleFor(method, path)
  if (!found) throw new Error(`no access rule for ${route}`)
  return isAllowed(found, role)
}

/** Methods that change something (or may): they need the CSRF token when a session cookie is sent. */
export function isUnsafeMethod(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'
}
