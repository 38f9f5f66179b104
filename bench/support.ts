// Timing helpers shared by the benchmarks: wall time of whole processes.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
)

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`

/** The q-quantile (0…1) by the nearest-rank rule. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  const rank = Math.min(s.length, Math.max(1, Math.ceil(q * s.length)))
  return s[rank - 1] as number
}

/** One process the interleaved timing starts, fresh each time. */
export interface Contender {
  label: string
  cmd: string
  args: string[]
  opts?: SpawnSyncOptions
  /** Runs before each start, outside the timing (e.g. empty the runner's files). */
  reset?: () => void
  /** Checks each finished run, outside the timing; throws when it went wrong. */
  check?: (status: number | null, stdout: string) => void
}

/**
 * Wall time of each contender in `rounds` interleaved rounds after `warmup`
 * rounds thrown away: every round starts each contender once, the order
 * rotating from round to round, so a machine busy with other work slows all
 * of them alike rather than whichever happened to run then.
 */
export function timeInterleaved(
  contenders: Contender[],
  rounds: number,
  warmup: number,
): number[][] {
  const times = contenders.map((): number[] => [])
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length
      const c = contenders[i] as Contender
      c.reset?.()
      const t0 = process.hrtime.bigint()
      const r = spawnSync(c.cmd, c.args, {
        stdio: ['ignore', 'pipe', 'ignore'],
        encoding: 'utf8',
        ...c.opts,
      })
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      if (r.error) throw r.error
      c.check?.(r.status, String(r.stdout ?? ''))
      if (round >= warmup) (times[i] as number[]).push(ms)
    }
  }
  return times
}
