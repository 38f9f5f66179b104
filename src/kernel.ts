// Pure parsers of the strings a Linux kernel tells about itself, and the
// upstream facts about which kernel levels carry the AVX signal-stack bug.
// Levels are compared with semver; docs/bug.md gives the sources.
import semver from 'semver'

/** An upstream kernel level, e.g. 5.4.1. */
export interface KernelLevel {
  major: number
  minor: number
  patch: number
}

/** The compiler that built the kernel, as /proc/version names it. */
export interface KernelCompiler {
  kind: 'gcc' | 'clang'
  version: string
  major: number
}

/**
 * Upstream levels with the bug: every 5.2 (never fixed), 5.3.0–5.3.14 and
 * 5.4.0–5.4.1. Sources: kernel commit 59c4bd853abc ("x86/fpu: Don't cache
 * access to fpu_fpregs_owner_ctx"), kernel bugzilla 205663, the Go wiki's
 * LinuxKernelSignalVectorBug page.
 */
export const AFFECTED_RANGE = '>=5.2.0 <5.3.15 || >=5.4.0 <5.4.2'
/** AFFECTED_RANGE as people read it. */
export const AFFECTED_LEVELS_TEXT = '5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1'
/** The first fixed level of each fixed series (both of 2019-12-05). */
export const FIXED_LEVELS = ['5.3.15', '5.4.2'] as const
/** Every series from this one on was released with the fix. */
export const FIXED_SINCE_SERIES = '5.5'

/** What a known-fixed-build row is recognised by: the kernel's own strings. */
export interface KernelStrings {
  release: string
  /** /proc/version_signature (Ubuntu only), null when absent or unreadable. */
  signature: string | null
  /** /proc/version, null when unreadable. */
  procVersion: string | null
}

/** A distribution build that carries the fix whatever its version says. */
export interface KnownFixedBuild {
  /** The reason code an assessment records. */
  code: string
  /** Whether these strings name such a build. */
  recognise: (k: KernelStrings) => boolean
  /** Why it is fixed, as the assessment says it. */
  why: (k: KernelStrings) => string
  /** Where that is published. */
  source: string
}

/**
 * Builds known to carry the fix, tried in order before the version check:
 * distributions backported the one-line fix without changing the version
 * (docs/bug.md, "Distribution kernels").
 */
export const KNOWN_FIXED_BUILDS: readonly KnownFixedBuild[] = [
  {
    code: 'wsl2-kernel',
    recognise: (k) => /-microsoft-standard/.test(k.release),
    why: (k) =>
      `WSL2's kernel (${k.release}) is a Microsoft build known not to carry the bug.`,
    source:
      "docs/bug.md, Distribution kernels: WSL2's 5.4.72 kernel is built by GCC 8.2 and outside the range",
  },
  {
    code: 'ubuntu-5.4-backport',
    // Ubuntu ABI numbers are small; six digits (050400) mark a mainline
    // build of plain upstream 5.4.0, which has no backport.
    recognise: (k) => {
      const ubuntu =
        k.signature?.startsWith('Ubuntu') === true ||
        k.procVersion?.includes('Ubuntu') === true
      const abi = /^5\.4\.0-(\d{1,4})-/.exec(k.release)
      return ubuntu && abi !== null && Number(abi[1]) >= 8
    },
    why: (k) =>
      `Ubuntu's 5.4.0 kernels carry the fix since 5.4.0-8.11 (this is ${k.release}).`,
    source:
      'docs/bug.md, Distribution kernels; golang/go#38915 and #40184, where Go 1.15 learned to skip these builds because all carry the fix',
  },
]

/** The first known fixed build these strings name, or undefined. */
export function knownFixedBuild(k: KernelStrings): KnownFixedBuild | undefined {
  return KNOWN_FIXED_BUILDS.find((row) => row.recognise(k))
}

/**
 * GCC 9 keeps the stale owner pointer across the fault-in; a GCC 8 build of
 * the same source does not (the fix's commit message).
 */
export const FIRST_BUGGY_GCC = '9.0.0'

export function formatLevel(level: KernelLevel): string {
  return `${level.major}.${level.minor}.${level.patch}`
}

export function inAffectedRange(level: KernelLevel): boolean {
  return semver.satisfies(formatLevel(level), AFFECTED_RANGE)
}

/** Older than every affected level (before 5.2). */
export function predatesBug(level: KernelLevel): boolean {
  return semver.ltr(formatLevel(level), AFFECTED_RANGE)
}

/**
 * The fixed level of the same series, for advice: 5.3.x → 5.3.15; a series
 * that was never fixed (5.2) → the newest fixed level.
 */
export function firstFixedLevel(level: KernelLevel): string {
  const v = formatLevel(level)
  return (
    FIXED_LEVELS.find((fixed) => semver.satisfies(fixed, `~${v}`)) ??
    (FIXED_LEVELS.at(-1) as string)
  )
}

/** Whether the kernel's compiler is GCC 9 or later, as the bug needs. */
export function isBuggyGcc(c: KernelCompiler): boolean {
  return c.kind === 'gcc' && semver.gte(c.version, FIRST_BUGGY_GCC)
}

/**
 * The leading `X.Y[.Z]` of a release or version string ("5.4.0-29-generic",
 * "5.3.11-300.fc31.x86_64", "5.4"). Null when it does not start with X.Y.
 */
export function parseLevel(text: string): KernelLevel | null {
  const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(text)
  if (!m) return null
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: m[3] === undefined ? 0 : Number(m[3]),
  }
}

/**
 * Ubuntu's /proc/version_signature, "Ubuntu 5.4.0-29.33-generic 5.4.34": the
 * last field is the upstream level the build is based on.
 */
export function parseUbuntuSignature(
  signature: string,
): { release: string; level: KernelLevel } | null {
  const m = /^Ubuntu\s+(\S+)\s+(\d+\.\d+(?:\.\d+)?)\s*$/.exec(signature.trim())
  if (!m) return null
  const level = parseLevel(m[2] as string)
  return level && { release: m[1] as string, level }
}

/**
 * Debian hides the upstream level behind an ABI name ("5.4.0-3-amd64"); the
 * package version in uname -v / /proc/version has it: "Debian 5.4.13-1".
 */
export function parseDebianLevel(text: string): KernelLevel | null {
  const m =
    /\bDebian (\d+\.\d+(?:\.\d+)?)(?:[-~+][^\s)]*)?\s+\(\d{4}-\d\d-\d\d\)/.exec(
      text,
    )
  return m ? parseLevel(m[1] as string) : null
}

/**
 * The compiler from /proc/version. Old kernels print
 * "(gcc version 8.3.0 (Debian 8.3.0-6))", kernels since about 5.8 print
 * "(gcc-10 (Debian 10.2.0-3) 10.2.0, GNU ld …)" or "(gcc (GCC) 15.3.0, GNU ld
 * …)", and clang builds print "clang version 11.0.1 …".
 */
export function parseCompiler(procVersion: string): KernelCompiler | null {
  const clang = /\bclang version (\d+)\.(\d+)(?:\.(\d+))?/.exec(procVersion)
  if (clang) return compiler('clang', clang)
  const oldGcc = /\(gcc version (\d+)\.(\d+)(?:\.(\d+))?/.exec(procVersion)
  if (oldGcc) return compiler('gcc', oldGcc)
  const newGcc = matchNewGcc(procVersion)
  if (newGcc) return compiler('gcc', newGcc)
  return null
}

/** "(gcc-10 (" or "(x86_64-linux-gnu-gcc (": where a new-format note opens. */
const NEW_GCC_HEAD = /\([\w.-]*gcc(?:-\d+)?\s+\(/g
/** The version after the vendor note's closing parenthesis. */
const NEW_GCC_VERSION = /\s+(\d+)\.(\d+)(?:\.(\d+))?/y
const GNU_LD = /\s*GNU ld/y

/**
 * The new format, "(<gcc name> (<vendor>) X.Y.Z[ date], GNU ld": the version
 * is the first bare X.Y[.Z] after the vendor note (which may hold one level
 * of parentheses), and the first comma after it must open "GNU ld". Written
 * as a scan, not one regular expression: the expression's "[^,]*," ran from
 * every candidate to the next comma, quadratic in a crafted /proc/version
 * (a 1 MB one took 88 s); here each candidate reuses the comma found for the
 * one before it, so the work stays linear.
 */
function matchNewGcc(text: string): RegExpExecArray | null {
  let comma = -1
  let commaOpensLd = false
  // Heads may overlap ("(gcc (gcc-10 (Debian …"): each search starts one
  // past the last head, as the expression tried every start.
  NEW_GCC_HEAD.lastIndex = 0
  for (let head; (head = NEW_GCC_HEAD.exec(text));) {
    NEW_GCC_HEAD.lastIndex = head.index + 1
    const close = vendorNoteEnd(text, head.index + head[0].length)
    if (close < 0) continue
    NEW_GCC_VERSION.lastIndex = close + 1
    const version = NEW_GCC_VERSION.exec(text)
    if (!version) continue
    const after = NEW_GCC_VERSION.lastIndex
    if (comma < after) {
      comma = text.indexOf(',', after)
      // No comma after this candidate: none after any later one either.
      if (comma < 0) return null
      GNU_LD.lastIndex = comma + 1
      commaOpensLd = GNU_LD.test(text)
    }
    if (commaOpensLd) return version
  }
  return null
}

/**
 * The index of the ")" that closes a vendor note opened just before
 * `from`, allowing one level of nested parentheses; -1 when there is none.
 */
function vendorNoteEnd(text: string, from: number): number {
  let nested = false
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === '(') {
      if (nested) return -1
      nested = true
    } else if (c === ')') {
      if (!nested) return i
      nested = false
    }
  }
  return -1
}

function compiler(
  kind: KernelCompiler['kind'],
  m: RegExpExecArray,
): KernelCompiler {
  const major = Number(m[1])
  const version = `${m[1]}.${m[2]}.${m[3] ?? '0'}`
  return { kind, version, major }
}

export function formatCompiler(c: KernelCompiler): string {
  return `${c.kind} ${c.version}`
}

/**
 * Whether uname -v says the kernel preempts in kernel mode: the kernel
 * writes `PREEMPT` (full preemption) or `PREEMPT_RT` into its version
 * string (scripts/mkcompile_h, init/Makefile). Voluntary preemption and
 * none write nothing, and `PREEMPT_DYNAMIC` alone says only that the model
 * is chosen at boot, so those answer false: not known to preempt.
 */
export function preemptsInKernelMode(unameVersion: string): boolean {
  return /(?:^|\s)PREEMPT(?:_RT)?(?=\s|$)/.test(unameVersion)
}
