import type pg from 'pg'
import { appendAudit } from '../edits/audit'
import { withTransaction } from '../db/transaction'
import { hashPassword } from './passwords'
import { PASSWORD_MIN_LENGTH } from '../../web/src/shared/api/accounts'
import { countAdmins, insertUser, normalizeEmail } from './users'

export type FirstAdminOutcome = 'created' | 'exists' | 'not_configured' | 'email_taken'

/**
 * At start-up: when no real (non-demo, enabled) admin exists and ADMIN_EMAIL + ADMIN_PASSWORD are
 * set, creates that admin, audited as done by the system. Never changes an existing account: an
 * ADMIN_EMAIL that already belongs to someone is reported, not promoted.
 */
export async function ensureFirstAdmin(
  pool: pg.Pool,
  env: { adminEmail: string | undefined; adminPassword: string | undefined },
  log: (line: string) => void = console.log,
): Promise<FirstAdminOutcome> {
  if ((await countAdmins(pool, { includeDemo: false })) > 0) return 'exists'
  if (!env.adminEmail || !env.adminPassword) {
    // The demo admin does not count (it cannot sign in in production), but saying "no admin yet"
    // beside a working demo sign-in would mislead: name what there is.
    const demoAdmins = await countAdmins(pool, { includeDemo: true })
    log(demoAdmins > 0
      ? 'only the demo admin account exists (refused in production): set ADMIN_EMAIL and ADMIN_PASSWORD to create a real admin at start-up'
      : 'no admin account yet: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first one at start-up')
    return 'not_configured'
  }
  if (env.adminPassword.length < PASSWORD_MIN_LENGTH) {
    throw new Error(`ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters`)
  }
  const email = normalizeEmail(env.adminEmail)
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error(`ADMIN_EMAIL is not an email address: "${env.adminEmail}"`)
  const passwordHash = await hashPassword(env.adminPassword)
  const created = await withTransaction(pool, async (client) => {
    const user = await insertUser(client, { email, display_name: 'Administrator', role: 'admin', password_hash: passwordHash })
    if (user) await appendAudit(client, { actor: 'system:ADMIN_EMAIL', action: 'create_user', entity: 'users', entityId: String(user.id), before: null, after: user })
    return user
  })
  if (!created) {
    log(`ADMIN_EMAIL ${email} already has an account that is not an enabled admin; it was left unchanged`)
    return 'email_taken'
  }
  log(`first admin created: ${email}`)
  return 'created'
}
