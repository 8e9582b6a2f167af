import { inject } from 'vitest'
import { buildApp, type AppOptions } from '../../server/app'
import { poolFor } from '../../server/db/connect'
import { WEB_ROOT } from '../../server/main'

/** The built client plus the API over the run's embedded database, listening on a free port. */
export async function startTestServer(options: AppOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const target = inject('databases').find((d) => d.kind === 'embedded')
  if (!target) throw new Error('no embedded test database')
  const pool = poolFor(target.url, 'embedded')
  const app = await buildApp({ db: { pool, kind: 'embedded', close: () => pool.end() } }, { webRoot: WEB_ROOT, ...options })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return {
    url,
    async close() {
      await app.close()
      await pool.end()
    },
  }
}
