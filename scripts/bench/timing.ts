/**
 * Timing helpers: run tasks interleaved (A, B, C, B, C, A, …) so that machine noise hits every
 * task alike, and summarise samples by nearest-rank percentiles.
 */

export interface Summary {
  runs: number
  p50: number
  p95: number
  mean: number
  min: number
  max: number
}

/** Nearest-rank percentile of sorted samples: the smallest sample with at least p of them at or below it. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!
}

/** p50/p95/mean/min/max of samples in ms. */
export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  }
}

export type Task = () => Promise<unknown> | unknown

/**
 * Runs every task `warmup` times untimed, then `runs` times timed, sequentially and interleaved,
 * rotating the order each round so no task always follows the same one. Returns ms per task.
 */
export async function timeInterleaved<K extends string>(tasks: Record<K, Task>, warmup: number, runs: number): Promise<Record<K, Summary>> {
  const names = Object.keys(tasks) as K[]
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!
      const t0 = performance.now()
      await tasks[name]()
      const ms = performance.now() - t0
      if (round >= warmup) samples[name].push(ms)
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarise(samples[n])])) as Record<K, Summary>
}

/** Where timeSync keeps results, so that the JIT cannot drop a call whose result is unused. */
export const sink: unknown[] = []

/** Times a synchronous function `runs` times after `warmup` calls. */
export function timeSync(fn: () => unknown, warmup: number, runs: number): Summary {
  for (let i = 0; i < warmup; i++) sink[i % 16] = fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    sink[i % 16] = fn()
    samples.push(performance.now() - t0)
  }
  return summarise(samples)
}

/** A duration in ms with about three significant digits: 142, 23.8, 7.05, 0.74, 0.0055. */
export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2))
