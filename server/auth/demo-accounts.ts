import type pg from 'pg'
import { hashPassword } from './passwords'
import type { Role } from '../../web/src/shared/access-policy'
import { insertUser } from './users'

export interface DemoAccount {
  role: Role
  email: string
  password: string
  display_name: string
}

/**
 * One account per role for trying the sample park, listed in the README with these passwords. They
 * come only with the sample park (loadSamplePark) and the login refuses them when NODE_ENV=production.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'admin', email: 'admin@demo.parkatlas.test', password: 'demo-admin-2022', display_name: '演示管理员 Demo admin' },
  { role: 'planner', email: 'planner@demo.parkatlas.test', password: 'demo-planner-2022', display_name: '演示规划 Demo planner' },
  { role: 'land_officer', email: 'land@demo.parkatlas.test', password: 'demo-land-2022', display_name: '演示国土 Demo land officer' },
  { role: 'investor', email: 'investor@demo.parkatlas.test', password: 'demo-investor-2022', display_name: '演示投资者 Demo investor' },
]

export function demoAccount(role: Role): DemoAccount {
  return DEMO_ACCOUNTS.find((a) => a.role === role)!
}

/**
 * Adds the demo accounts that are missing, inside the sample park's transaction. An existing account
 * is left alone: reseeding must not undo an admin's password reset or disabling.
 */
export async function insertDemoAccounts(client: pg.PoolClient): Promise<number> {
  // Hash first: CPU work on libuv's threads, while the client only waits.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)))
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    await insertUser(client, { email: a.email, display_name: a.display_name, role: a.role, password_hash: hashes[i]!, is_demo: true })
  }
  return DEMO_ACCOUNTS.length
}
