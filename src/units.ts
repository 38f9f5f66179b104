// How sizes, durations and Go versions are written for people: one rule
// each, used by every sentence, table and line the audit prints. Exact
// byte counts belong to the places that keep them (the Report, the facts
// block of the summary, the commands to paste).

import type { Limit } from './host.js'

const KIB = 1024
const MIB = 1024 * 1024

/**
 * "8 MiB", "256 KiB", "1.5 MiB", "900 B": the largest binary unit the
 * size reaches, whole where it divides, else to one decimal.
 */
export function formatBytes(bytes: number): string {
  const unit = (size: number, name: string) => {
    const v = bytes / size
    return `${Number.isInteger(v) ? v : v.toFixed(1)} ${name}`
  }
  if (Math.abs(bytes) >= MIB) return unit(MIB, 'MiB')
  if (Math.abs(bytes) >= KIB) return unit(KIB, 'KiB')
  return `${bytes} B`
}

/**
 * A limit (RLIMIT_MEMLOCK) for people: "unlimited", "unknown", or its size
 * in the largest binary unit it reaches, whole where it divides, else
 * rounded DOWN to one decimal ("255.9 KiB" for 262143 bytes). A limit is
 * compared with what is needed, so it is never shown larger than it is:
 * rounding up would make one byte short of 256 KiB read "256.0 KiB".
 */
export function formatLimit(limit: Limit | null): string {
  if (limit === null) return 'unknown'
  if (limit === 'unlimited') return 'unlimited'
  const unit = (size: number, name: string) => {
    if (limit % size === 0) return `${limit / size} ${name}`
    // Tenths counted in whole numbers: no float can round up to the unit.
    const tenths = Math.floor((limit * 10) / size)
    return `${Math.floor(tenths / 10)}.${tenths % 10} ${name}`
  }
  if (limit >= MIB) return unit(MIB, 'MiB')
  if (limit >= KIB) return unit(KIB, 'KiB')
  return `${limit} B`
}

/**
 * "0.06 s", "3.49 s", "12.3 s", "125 s": two decimals below 10 s, one
 * below 100 s, whole seconds above; a time under 5 ms reads "under 0.01 s"
 * rather than a zero.
 */
export function formatSeconds(seconds: number): string {
  if (seconds < 0.005) return 'under 0.01 s'
  if (seconds < 9.995) return `${seconds.toFixed(2)} s`
  if (seconds < 99.95) return `${seconds.toFixed(1)} s`
  return `${Math.round(seconds)} s`
}

/** "1.19.8" for "go1.19.8" (what `go version` prints) and for "1.19.8". */
export function goVersionText(version: string): string {
  return version.replace(/^go(?=\d)/, '')
}
