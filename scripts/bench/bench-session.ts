/**
 * A signed-in planner for the bench: the overlap endpoint is internal (web/src/shared/access-policy.ts), and
 * the internal map is what loads the full parcels layer. The bench account gets a fresh random
 * password on every run and signs in through POST /api/auth/login, like a browser; the headers
 * returned carry its session cookie and CSRF token.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { hashPassword } from '../../server/auth/passwords'
import { CSRF_COOKIE, CSRF_HEADER } from '../../server/auth/sessions'
import { findLoginCandidate, insertUser, setPasswordHash } from '../../server/auth/users'

const BENCH_PLANNER = 'bench-planner@parkatlas.invalid'

export async function signInBenchPlanner(pool: pg.Pool, baseUrl: string): Promise<Record<string, string>> {
  const password = randomBytes(24).toString('base64url')
  const passwordHash = await hashPassword(password)
  const existing = await findLoginCandidate(pool, BENCH_PLANNER)
  if (existing) await setPasswordHash(pool, existing.id, passwordHash)
  else await insertUser(pool, { email: BENCH_PLANNER, display_name: 'Benchmark planner', role: 'planner', password_hash: passwordHash })

  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_PLANNER, password }),
  })
  if (res.status !== 200) throw new Error(`bench planner could not sign in: ${res.status} ${(await res.text()).slice(0, 300)}`)
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]!)
  const csrf = pairs.find((p) => p.startsWith(`${CSRF_COOKIE}=`))?.slice(CSRF_COOKIE.length + 1)
  if (!csrf) throw new Error(`sign-in set no ${CSRF_COOKIE} cookie`)
  return { cookie: pairs.join('; '), [CSRF_HEADER]: csrf }
}
