// What the Go runtime does on a kernel it believes buggy: Go 1.14–1.15 test
// the uname release themselves and mlock one page of every thread's signal
// stack. Facts from the Go wiki (LinuxKernelSignalVectorBug), golang/go#35777
// and #37436, and the runtime's own messages; see shared/BUG.md.
import { parseLevel, type KernelLevel } from './kernel.js'

/** The runtime mlocks the top 4 KiB page of each thread's signal stack. */
export const GO_MLOCK_BYTES_PER_THREAD = 4096

/** Threads the memlock limit must cover unless `memlock-threads` says. */
export const DEFAULT_MEMLOCK_THREADS = 64

/** What the Go runtime's workaround does on this host. */
export type GoWorkaround =
  | 'inactive'
  | 'not-triggered'
  | 'mlock'
  | 'mlock-fails-fatal'
  | 'mlock-fails-silent'

/** Which behaviour a Go version has. */
export type GoFamily = 'before-1.14' | '1.14.0' | '1.14.1-1.15' | '1.16+'

export interface GoVersion {
  text: string
  major: number
  minor: number
  patch: number
}

const GO_VERSION = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(?:rc|beta)\d+)?$/

/** "go1.14", "1.14.0", "go1.22.1", "1.16rc1" → numbers; null if not one. */
export function parseGoVersion(text: string): GoVersion | null {
  const m = GO_VERSION.exec(text.trim())
  if (!m) return null
  return {
    text: text.trim(),
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === undefined ? 0 : Number(m[3]),
  }
}

export function goFamily(v: GoVersion): GoFamily {
  if (v.major !== 1) return v.major > 1 ? '1.16+' : 'before-1.14'
  if (v.minor < 14) return 'before-1.14'
  if (v.minor >= 16) return '1.16+'
  if (v.minor === 14 && v.patch === 0) return '1.14.0'
  return '1.14.1-1.15'
}

/**
 * The runtime's own reading of uname -r: cut at the first '-' or '+', then up
 * to three dot-separated decimal numbers; a part that is not a number makes it
 * give up (no workaround). It never looks at the real upstream level.
 */
export function goParseRelease(release: string): KernelLevel | null {
  const cut = release.search(/[-+]/)
  let rest = cut === -1 ? release : release.slice(0, cut)
  const nums: number[] = []
  while (nums.length < 3) {
    const dot = rest.indexOf('.')
    const field = dot === -1 ? rest : rest.slice(0, dot)
    rest = dot === -1 ? '' : rest.slice(dot + 1)
    if (!/^\d+$/.test(field)) return null
    nums.push(Number(field))
    if (rest === '') break
  }
  return { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0 }
}

/** Go 1.14–1.15's test: 5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1 by release string. */
export function goReleaseTestTriggers(release: string): boolean {
  const l = goParseRelease(release)
  if (!l || l.major !== 5) return false
  return (
    l.minor === 2 ||
    (l.minor === 3 && l.patch < 15) ||
    (l.minor === 4 && l.patch < 2)
  )
}

/**
 * Go 1.15 skips Ubuntu's 5.4.0/5.4.1 builds, all of which carry the fix
 * (golang/go#38915, #40184). BUG.md is sure of it from 1.15.2 on; earlier
 * versions are judged without the skip, the side that cannot miss a crash.
 */
export const GO_UBUNTU_SKIP_SINCE: GoVersion = {
  text: '1.15.2',
  major: 1,
  minor: 15,
  patch: 2,
}

export function goHasUbuntuSkip(v: GoVersion): boolean {
  const s = GO_UBUNTU_SKIP_SINCE
  return (v.major - s.major || v.minor - s.minor || v.patch - s.patch) >= 0
}

export function goUbuntuSkip(
  release: string,
  procVersion: string | null,
): boolean {
  const l = parseLevel(release)
  return (
    !!l &&
    l.major === 5 &&
    l.minor === 4 &&
    l.patch < 2 &&
    (procVersion ?? '').includes('Ubuntu')
  )
}
