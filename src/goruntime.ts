// What the Go runtime does on a kernel it believes buggy: Go 1.14–1.15 test
// the uname release themselves and mlock one page of every thread's signal
// stack. Facts from the Go wiki (LinuxKernelSignalVectorBug), golang/go#35777
// and #37436, and the runtime's own messages; docs/bug.md retells them.
// Versions are compared with semver; only the runtime's reading of uname -r
// is hand-written, since it must repeat Go's own parser exactly.
import semver from 'semver'
import { AFFECTED_RANGE, formatLevel, parseLevel } from './kernel.js'
import type { KernelLevel } from './kernel.js'

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

/**
 * Go releases by their runtime's behaviour: 1.14.0 dies when an mlock fails,
 * 1.14.1 made the failure silent (golang/go#37436), 1.16 removed the
 * workaround.
 */
export const GO_FAMILIES: ReadonlyArray<[GoFamily, string]> = [
  ['before-1.14', '<1.14.0'],
  ['1.14.0', '1.14.0'],
  ['1.14.1-1.15', '>=1.14.1 <1.16.0'],
  ['1.16+', '>=1.16.0'],
]

export interface GoVersion {
  text: string
  /** The release as semver; a beta or rc counts as its release: 1.16rc1 → 1.16.0. */
  version: string
}

// Go names its releases go1.14, go1.14.1, go1.16rc1, go1.16beta1: not
// semver, so the shape is checked here and semver.coerce reads the numbers.
// setup-go's family form, 1.15.x, is taken too (inputs.ts GO_VERSION_ACCEPTED).
const GO_VERSION =
  /^(?:go)?(\d+)\.(\d+)(?:\.x|(?:\.(\d+))?(?:(?:rc|beta)\d+)?)$/

/**
 * "go1.14", "1.14.0", "go1.22.1", "1.16rc1", "1.15.x" → a version; null if
 * not one. A family (1.15.x, or 1.15 as setup-go reads it) is its first
 * release, 1.15.0: the worst case for this check within every family, since
 * 1.14.0 dies where 1.14.1+ go on, and 1.15.0–1.15.1 lack the Ubuntu skip
 * (GO_UBUNTU_SKIP_SINCE) that 1.15.2+ have.
 */
export function parseGoVersion(text: string): GoVersion | null {
  const trimmed = text.trim()
  if (!GO_VERSION.test(trimmed)) return null
  const version = semver.coerce(trimmed)
  return version && { text: trimmed, version: version.version }
}

/** Whether the text names a family rather than one release: 1.15.x, 1.15. */
export function isGoFamily(text: string): boolean {
  return /^(?:go)?\d+\.\d+(?:\.x)?$/.test(text.trim())
}

export function goFamily(v: GoVersion): GoFamily {
  const found = GO_FAMILIES.find(([, range]) =>
    semver.satisfies(v.version, range),
  )
  return found ? found[0] : '1.16+'
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

/**
 * The levels Go 1.14–1.15 treat as buggy (runtime/os_linux_x86.go): the
 * same as the upstream affected levels.
 */
export const GO_RUNTIME_AFFECTED_RANGE = AFFECTED_RANGE

/** Go 1.14–1.15's test: 5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1 by release string. */
export function goReleaseTestTriggers(release: string): boolean {
  const l = goParseRelease(release)
  return !!l && semver.satisfies(formatLevel(l), GO_RUNTIME_AFFECTED_RANGE)
}

/**
 * Go 1.15 skips Ubuntu's 5.4.0/5.4.1 builds, all of which carry the fix
 * (golang/go#38915, #40184). We are sure of it from 1.15.2 on; earlier
 * versions are judged without the skip, the side that cannot miss a crash.
 */
export const GO_UBUNTU_SKIP_SINCE = '1.15.2'
/** The levels the Ubuntu skip covers. */
export const GO_UBUNTU_SKIP_LEVELS = '>=5.4.0 <5.4.2'

export function goHasUbuntuSkip(v: GoVersion): boolean {
  return semver.gte(v.version, GO_UBUNTU_SKIP_SINCE)
}

export function goUbuntuSkip(
  release: string,
  procVersion: string | null,
): boolean {
  const l = parseLevel(release)
  return (
    !!l &&
    semver.satisfies(formatLevel(l), GO_UBUNTU_SKIP_LEVELS) &&
    (procVersion ?? '').includes('Ubuntu')
  )
}
