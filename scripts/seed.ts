// `npm run seed`: (re)load the sample park into the database (DATABASE_URL, or the embedded one).
// Idempotent: rows are upserted by primary key.
import { readConfig } from '../server/config'
import { connectDatabase } from '../server/db/connect'
import { migrate } from '../server/db/migrate'
import { loadSamplePark } from '../server/db/sample-park'

const config = readConfig()
const db = await connectDatabase(config)
try {
  await migrate(db.pool)
  const counts = await loadSamplePark(db.pool, { demoAccounts: !config.production })
  console.log('sample park loaded:', counts)
} finally {
  await db.close()
}
