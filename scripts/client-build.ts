/** The built client (dist/web): rebuilt with `vite build` when missing or older than web/. */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { WEB_ROOT } from '../server/main'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Builds the client unless dist/web/index.html is newer than everything under web/. */
export function ensureClientBuilt(): void {
  const builtIndex = path.join(WEB_ROOT, 'index.html')
  const stale = !fs.existsSync(builtIndex) || fs.statSync(builtIndex).mtimeMs < newestMtime('web')
  if (!stale) return
  console.log('building the web client (vite build)…')
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
}
