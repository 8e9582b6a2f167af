// `npm run restore <file>`: replace ALL data with a backup, as one transaction (embedded or DATABASE_URL).
import fs from 'node:fs'
import zlib from 'node:zlib'
import { readConfig } from '../server/config'
import { connectDatabase } from '../server/db/connect'
import { checkDump, restoreDatabase } from '../server/db/dump'

const file = process.argv[2]
if (!file) {
  console.error('usage: npm run restore -- <backup.json.gz>')
  process.exit(2)
}
const raw = fs.readFileSync(file)
const dump: unknown = JSON.parse((file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8'))
checkDump(dump)
const db = await connectDatabase(readConfig())
try {
  const counts = await restoreDatabase(db.pool, dump, (msg) => console.log(`restore: ${msg}`))
  console.log('restored:', counts, '— sessions were not restored: everyone signs in again')
} finally {
  await db.close()
}
