// `npm start`: build the client if dist/web is missing or older than web/, then serve API + client on one port.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { readConfig } from '../server/config'
import { startServer, WEB_ROOT } from '../server/main'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

const builtIndex = path.join(WEB_ROOT, 'index.html')
const stale = !fs.existsSync(builtIndex) || fs.statSync(builtIndex).mtimeMs < newestMtime('web')
if (stale) {
  console.log('building the web client (vite build)…')
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
}

const server = await startServer(readConfig())
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0))
  })
}
