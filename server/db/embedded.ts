import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

export interface EmbeddedPostgis {
  /** A postgres:// URL that `pg` connects to: the Unix socket in `socketDir`. */
  url: string
  /** The owner-only directory holding the socket: the data directory, or a private temporary one. */
  socketDir: string
  stop(): Promise<void>
}

type WorkerMessage = { type: 'ready' } | { type: 'failed'; message: string } | { type: 'stopped' }

/** The socket name libpq and `pg` look for in a socket directory (for the default port 5432). */
const SOCKET_NAME = '.s.PGSQL.5432'
/** sockaddr_un holds 108 bytes on Linux (104 on macOS), the terminating NUL included. */
const MAX_SOCKET_PATH = 103

/**
 * Starts PGlite with PostGIS on a worker thread and serves it on a Unix socket, so the server
 * reaches it through `pg` exactly as it reaches a real PostgreSQL — one code path for both — and a
 * heavy statement blocks the worker, never the HTTP server (embedded-worker.mjs says why).
 *
 * The socket is never a TCP port: PGlite accepts any user and password as superuser, so whoever
 * reaches it owns the data. It sits in the data directory (made owner-only, 0700, as PostgreSQL
 * wants its own) or, in memory, in a private temporary directory; the socket itself is 0600.
 *
 * PGlite is a single session: callers must use a pool of size 1 (README, "Architecture":
 * embedded means one connection). The data directory persists, so a second start skips CREATE EXTENSION (≈6 s).
 * `dataDir: undefined` keeps everything in memory.
 */
export async function startEmbeddedPostgis(dataDir: string | undefined): Promise<EmbeddedPostgis> {
  let socketDir: string
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    fs.chmodSync(dataDir, 0o700)
    socketDir = path.resolve(dataDir)
  } else {
    socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkatlas-'))
  }
  const socketPath = path.join(socketDir, SOCKET_NAME)
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    throw new Error(`the embedded database's socket path ${socketPath} is longer than ${MAX_SOCKET_PATH} bytes: choose a shorter PARKATLAS_DATA_DIR`)
  }
  const unlock = dataDir ? lockDataDir(dataDir) : () => fs.rmSync(socketDir, { recursive: true, force: true })
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), { workerData: { dataDir, socketPath } })
  const next = (): Promise<WorkerMessage> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the embedded database's thread exited (code ${code})`))
      worker.once('error', reject)
      worker.once('exit', onExit)
      worker.once('message', (message: WorkerMessage) => {
        worker.off('error', reject)
        worker.off('exit', onExit)
        resolve(message)
      })
    })
  const started = await next().catch((err: Error) => ({ type: 'failed' as const, message: err.message }))
  if (started.type !== 'ready') {
    await worker.terminate()
    unlock()
    throw new Error(`the embedded PostGIS did not start: ${started.type === 'failed' ? started.message : started.type}`)
  }
  return {
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    socketDir,
    async stop() {
      const stopped = next()
      worker.postMessage({ type: 'stop' })
      await stopped.catch(() => undefined)
      await worker.terminate()
      unlock()
    },
  }
}

/**
 * When the process `pid` started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or
 * null where there is no /proc (macOS) or no such process. A pid is reused; the pair is not.
 */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The lock's owner as the file records it: `<pid> <start time>` (the start time may be absent). */
function ownerLine(pid: number): string {
  return `${pid} ${startTimeOf(pid) ?? ''}`.trim()
}

/**
 * Whether the process a lock names is still the one that wrote it: alive, and — where /proc tells —
 * started at the recorded time. After a kill -9 the pid may belong to another program by now;
 * its start time differs, so the lock is stale and is taken over.
 */
export function lockOwnerIsLive(line: string): boolean {
  const [pidText, started] = line.trim().split(/\s+/)
  const pid = Number(pidText)
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return false
  const now = startTimeOf(pid)
  return started === undefined || now === null || now === started
}

/**
 * PGlite does not guard its data directory, and two processes writing one directory corrupt it
 * (a `npm run backup` beside a running `npm start`, say). A lock file naming the owner (pid and
 * start time) refuses the second; a lock left by a process that died (killed, crashed) is taken
 * over, even when its pid has been reused since.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/[\\/]+$/, '')}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, ownerLine(process.pid), { flag: 'wx', mode: 0o600 })
      return () => fs.rmSync(lockFile, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const line = fs.readFileSync(lockFile, 'utf8')
      const owner = Number(line.trim().split(/\s+/)[0])
      if (owner !== process.pid && lockOwnerIsLive(line)) {
        throw new Error(`the embedded database ${dataDir} is in use by process ${owner} (a running npm start?); stop it first`)
      }
      fs.rmSync(lockFile, { force: true })
    }
  }
  throw new Error(`could not lock the embedded database ${dataDir}`)
}
