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

/** Milliseconds of wall time for each of `runs` runs of one command. */
export function timeCommand(
  cmd: string,
  args: string[],
  runs: number,
  opts: SpawnSyncOptions = {},
): number[] {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    const r = spawnSync(cmd, args, { stdio: 'ignore', ...opts })
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    if (r.error) throw r.error
    times.push(ms)
  }
  return times
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`
