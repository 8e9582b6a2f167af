/**
 * The JavaScript a first visit downloads: the entry script of dist/web/index.html and every chunk
 * it preloads (static imports), gzip-compressed as served. Lazily loaded chunks are not counted.
 *
 *   node --import tsx scripts/initial-js.ts   → prints { files, bytes, gzipBytes } as JSON
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

export interface InitialJs {
  files: string[]
  bytes: number
  gzipBytes: number
}

/** Reads the built index.html: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialJs(webRoot: string): InitialJs {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8')
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!)
  let bytes = 0
  let gzipBytes = 0
  for (const file of files) {
    const body = fs.readFileSync(path.join(webRoot, file.replace(/^\//, '')))
    bytes += body.length
    gzipBytes += zlib.gzipSync(body, { level: 9 }).length
  }
  return { files, bytes, gzipBytes }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(initialJs(path.resolve('dist/web')), null, 2))
}
