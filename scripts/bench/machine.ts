/** What the numbers were measured on: CPU, memory, load, Node, PostgreSQL and PostGIS versions. */
import fs from 'node:fs'
import os from 'node:os'
import type pg from 'pg'

export interface MachineInfo {
  cpu: string
  cores: number
  memoryGb: number
  kernel: string
  node: string
  postgres: string
  postgis: string
}

function cpuModel(): string {
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'))
    if (line) return line.split(':')[1]!.trim()
  } catch {
    // not Linux: fall through to what Node reports
  }
  return os.cpus()[0]?.model ?? 'unknown'
}

export async function machineInfo(pool: pg.Pool): Promise<MachineInfo> {
  const { rows } = await pool.query<{ pg: string; postgis: string }>('SELECT version() AS pg, postgis_full_version() AS postgis')
  const full = rows[0]!.postgis
  // POSTGIS="3.3.2 4975da8" [EXTENSION] PGSQL="150" GEOS="3.11.1-CAPI-1.17.1" PROJ="9.1.1" …
  // First word only: newer builds pack PROJ's settings into the same quotes.
  const field = (name: string) => new RegExp(`${name}="([^" ]+)`).exec(full)?.[1]
  const postgis = [`PostGIS ${field('POSTGIS') ?? '?'}`, field('GEOS') && `GEOS ${field('GEOS')}`, field('PROJ') && `PROJ ${field('PROJ')}`]
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memoryGb: os.totalmem() / 2 ** 30,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: rows[0]!.pg.split(' on ')[0]!,
    postgis: postgis.filter(Boolean).join(', '),
  }
}

/** 1-minute load average, rounded: a busy machine explains a bad run. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' / ')
}

/** A markdown table row. */
export const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`

/** The rows every report opens its machine table with: when, on what, and how busy it was. */
export function machineRows(m: MachineInfo, run: { date: string; loadBefore: string; loadAfter: string }): string[] {
  return [
    row(['date', run.date]),
    row(['CPU', `${m.cpu} × ${m.cores}`]),
    row(['memory', `${m.memoryGb.toFixed(1)} GiB`]),
    row(['load average (1/5/15 min) at start → end', `${run.loadBefore} → ${run.loadAfter}`]),
    row(['OS', m.kernel]),
    row(['Node', m.node]),
  ]
}
