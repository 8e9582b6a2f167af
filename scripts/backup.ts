// `npm run backup [file]`: a portable dump of all data (embedded or DATABASE_URL) to a gzipped JSON file.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { readConfig } from '../server/config'
import { connectDatabase } from '../server/db/connect'
import { dumpDatabase } from '../server/db/dump'

const file = path.resolve(process.argv[2] ?? path.join('.parkatlas', 'backups', `park-atlas-${new Date().toISOString().replace(/[:.]/g, '-')}.json.gz`))
const db = await connectDatabase(readConfig())
try {
  const dump = await dumpDatabase(db.pool)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  // Write beside, then rename: a backup interrupted half-way never looks like a complete one.
  fs.writeFileSync(`${file}.partial`, zlib.gzipSync(JSON.stringify(dump)))
  fs.renameSync(`${file}.partial`, file)
  const rows = dump.tables.reduce((n, t) => n + t.rows.length, 0)
  console.log(`backup written: ${file} (${dump.tables.length} tables, ${rows} rows, schema ${dump.schema_version})`)
} finally {
  await db.close()
}
