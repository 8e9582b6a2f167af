import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The pids whose parent is `ppid`, read from /proc. */
function childrenOf(ppid: number): number[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8')
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid ? [Number(d)] : []
    } catch {
      return []
    }
  })
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return check()
}

// `npm start` as a service manager stops it: SIGTERM to npm. npm runs the script through `sh -c`;
// without `exec` in the script the shell died and left node holding the port and the data dir's lock.
describe('npm start, stopped with SIGTERM', () => {
  it('leaves no process, no listener and no lock behind', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-start-'))
    const dataDir = path.join(dir, 'pg')
    const npm = spawn('npm', ['start'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PARKATLAS_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    npm.stdout.on('data', (b: Buffer) => { log += b.toString() })
    npm.stderr.on('data', (b: Buffer) => { log += b.toString() })
    try {
      expect(await until(() => /Park Atlas at (http:\S+)/.test(log), 90_000), log).toBe(true)
      const url = /Park Atlas at (http:\S+)/.exec(log)![1]!
      expect((await fetch(`${url}/api/health`)).status).toBe(200)
      const descendants = childrenOf(npm.pid!).flatMap((c) => [c, ...childrenOf(c)])
      expect(descendants.length).toBeGreaterThan(0)
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(true)

      npm.kill('SIGTERM')
      expect(await until(() => !alive(npm.pid!) && descendants.every((p) => !alive(p)), 20_000), `still running: ${descendants.filter(alive)}`).toBe(true)
      await expect(fetch(`${url}/api/health`)).rejects.toThrow()
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(false)
      expect(fs.existsSync(path.join(dataDir, '.s.PGSQL.5432'))).toBe(false)
    } finally {
      if (alive(npm.pid!)) npm.kill('SIGKILL')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
