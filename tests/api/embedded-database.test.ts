// The embedded database is nobody else's: it listens on no TCP port (PGlite takes any user and
// password as superuser), its socket is owner-only, its data directory's lock cannot be fooled by
// a reused pid, and a production start loads no demo accounts.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lockDataDir, lockOwnerIsLive, startEmbeddedPostgis, type EmbeddedPostgis } from '../../server/db/embedded'
import { readConfig } from '../../server/config'
import { startServer, type RunningServer } from '../../server/main'

/** The inodes of this process's sockets that listen on TCP (IPv4 or IPv6), from /proc. */
function listeningTcpInodes(): Set<string> {
  const mine = new Set(
    fs.readdirSync('/proc/self/fd').flatMap((fd) => {
      const target = (() => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`)
        } catch {
          return ''
        }
      })()
      return /^socket:\[(\d+)\]$/.exec(target)?.slice(1, 2) ?? []
    }),
  )
  const listening = new Set<string>()
  for (const table of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/)
      // st = 0A is LISTEN; the inode is column 10.
      if (cols[3] === '0A' && mine.has(cols[9]!)) listening.add(cols[9]!)
    }
  }
  return listening
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pa-embedded-'))

describe.runIf(process.platform === 'linux')('the embedded database', () => {
  let embedded: EmbeddedPostgis
  let before: Set<string>
  let dataDir: string
  beforeAll(async () => {
    dataDir = path.join(tmp(), 'pgdata')
    before = listeningTcpInodes()
    embedded = await startEmbeddedPostgis(dataDir)
  }, 120_000)
  afterAll(async () => {
    await embedded?.stop()
  })

  it('opens no TCP port: pg reaches it on a Unix socket in the data directory', async () => {
    expect([...listeningTcpInodes()].filter((inode) => !before.has(inode))).toEqual([])
    expect(embedded.socketDir).toBe(path.resolve(dataDir))
    expect(new URL(embedded.url).searchParams.get('host')).toBe(embedded.socketDir)
    const client = new pg.Client({ connectionString: embedded.url })
    await client.connect()
    try {
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    } finally {
      await client.end()
    }
  })

  it('the directory is 0700 and the socket 0600: other local users cannot reach it', () => {
    expect(fs.statSync(embedded.socketDir).mode & 0o777).toBe(0o700)
    const socket = fs.statSync(path.join(embedded.socketDir, '.s.PGSQL.5432'))
    expect(socket.isSocket()).toBe(true)
    expect(socket.mode & 0o777).toBe(0o600)
  })

  it('its lock refuses a second process while this one runs', () => {
    expect(() => lockDataDir(dataDir)).not.toThrow() // the same process may re-take its own lock…
    const line = fs.readFileSync(`${dataDir}.lock`, 'utf8')
    expect(line).toMatch(new RegExp(`^${process.pid} \\d+$`))
    expect(lockOwnerIsLive(line)).toBe(true)
  })
})

describe.runIf(process.platform === 'linux')('the data directory lock after a kill -9', () => {
  let stranger: ChildProcess
  beforeAll(() => {
    // A live process that is not the lock's writer: a pid reused by another program.
    stranger = spawn('sleep', ['60'], { stdio: 'ignore' })
  })
  afterAll(() => {
    stranger?.kill()
  })

  it('a lock whose pid now belongs to another program is stale and is taken over', () => {
    const dataDir = path.join(tmp(), 'pgdata')
    fs.writeFileSync(`${dataDir}.lock`, `${stranger.pid} 1`)
    const unlock = lockDataDir(dataDir)
    expect(fs.readFileSync(`${dataDir}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} `))
    unlock()
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false)
  })

  it('a lock of a live owner, its start time matching, refuses', () => {
    const dataDir = path.join(tmp(), 'pgdata')
    const started = fs.readFileSync(`/proc/${stranger.pid}/stat`, 'utf8')
    const startTime = started.slice(started.lastIndexOf(')') + 2).split(' ')[19]
    fs.writeFileSync(`${dataDir}.lock`, `${stranger.pid} ${startTime}`)
    expect(() => lockDataDir(dataDir)).toThrow(/in use by process/)
  })

  it('a lock of a dead process is taken over', () => {
    const dataDir = path.join(tmp(), 'pgdata')
    fs.writeFileSync(`${dataDir}.lock`, '2147483646 1')
    lockDataDir(dataDir)()
  })
})

describe('a production start', () => {
  let server: RunningServer
  beforeAll(async () => {
    const config = { ...readConfig({}), port: 0, production: true, embeddedDataDir: path.join(tmp(), 'pgdata') }
    server = await startServer(config, () => undefined)
  }, 120_000)
  afterAll(async () => {
    await server?.close()
  })

  it('loads the sample park without the demo accounts', async () => {
    const { rows } = await server.db.pool.query<{ parcels: number; demo: number }>(
      'SELECT (SELECT count(*)::int FROM parcels) AS parcels, (SELECT count(*)::int FROM users WHERE is_demo) AS demo',
    )
    expect(rows[0]!.parcels).toBeGreaterThan(0)
    expect(rows[0]!.demo).toBe(0)
  })

  it('tells the public only {ok: true}', async () => {
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true })
  })
})
