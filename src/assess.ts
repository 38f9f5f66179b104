// Pure: host facts → the static assessment. Two questions kept apart:
// is this kernel buggy, and what will the Go runtime do here.
import semver from 'semver'
import {
  AFFECTED_LEVELS_TEXT,
  AFFECTED_RANGE,
  firstFixedLevel,
  FIXED_LEVELS,
  FIXED_SINCE_SERIES,
  formatCompiler,
  formatLevel,
  inAffectedRange,
  isBuggyGcc,
  knownFixedBuild,
  predatesBug,
  parseCompiler,
  parseDebianLevel,
  parseLevel,
  parseUbuntuSignature,
  type KernelCompiler,
  type KernelLevel,
} from './kernel.js'
import {
  GO_MLOCK_BYTES_PER_THREAD,
  goFamily,
  goHasUbuntuSkip,
  goReleaseTestTriggers,
  goUbuntuSkip,
  isGoFamily,
  parseGoVersion,
  type GoFamily,
  type GoWorkaround,
} from './goruntime.js'
import type { HostFacts, Limit, MlockProof } from './host.js'
import { formatBytes, formatLimit, goVersionText } from './units.js'

/** A machine-readable code and the sentence a person reads. */
export interface Reason {
  code: string
  message: string
}

export type KernelFinding = 'buggy' | 'clear' | 'not-applicable' | 'unknown'

export interface KernelAssessment {
  finding: KernelFinding
  release: string | null
  /** Best known upstream level, "5.4.34". */
  level: string | null
  levelSource: 'ubuntu-signature' | 'debian-version' | 'release' | null
  compiler: string | null
  inAffectedRange: boolean | null
  /** x86 with AVX; null when that could not be read. */
  applicable: boolean | null
  /** The level that fixes this series, for advice. */
  fixedIn: string | null
  reasons: Reason[]
}

export interface GoRuntimeView {
  /** The Go that builds the tests; null when unknown (worst case assumed). */
  goVersion: string | null
  goVersionSource: HostFacts['go']['source']
  family: GoFamily | 'unknown'
  /** Go 1.14–1.15's own release test (with the Ubuntu skip where it applies). */
  releaseTestTriggers: boolean | null
  ubuntuSkip: boolean
  workaround: GoWorkaround | 'unknown'
  memlockThreads: number
  memlockNeeded: number
  memlockSoft: Limit | null
  memlockHard: Limit | null
  capIpcLock: boolean | null
  /** Whether this is the initial user namespace; null when not known. */
  initialUserNamespace: boolean | null
  /** A real mlock's result, when one was tried; it outweighs the rest. */
  mlockProof: MlockProof | null
  /** What memlockSufficient rests on. */
  memlockBasis: MemlockBasis | null
  memlockSufficient: boolean | null
  reasons: Reason[]
}

/** Go's own workaround will try to lock memory here, and the limit fails it. */
export const mlockFails = (go: Pick<GoRuntimeView, 'workaround'>): boolean =>
  go.workaround === 'mlock-fails-fatal' ||
  go.workaround === 'mlock-fails-silent'

/**
 * mlock-proof: a real mlock of at least the bytes needed; capability:
 * CAP_IPC_LOCK in the initial user namespace; unlimited / limit:
 * RLIMIT_MEMLOCK's soft value.
 */
export type MemlockBasis = 'mlock-proof' | 'capability' | 'unlimited' | 'limit'

export interface Assessment {
  kernel: KernelAssessment
  go: GoRuntimeView
}

export interface AssessOptions {
  memlockThreads: number
}

export function assess(facts: HostFacts, opts: AssessOptions): Assessment {
  return { kernel: assessKernel(facts), go: assessGo(facts, opts) }
}

const X86 = /^(x86_64|amd64|i[3-6]86|x86)$/

function bestLevel(
  facts: HostFacts,
  release: string,
): Pick<KernelAssessment, 'levelSource'> & { level: KernelLevel | null } {
  const sig = facts.versionSignature.ok
    ? parseUbuntuSignature(facts.versionSignature.value)
    : null
  if (sig) return { level: sig.level, levelSource: 'ubuntu-signature' }
  for (const f of [facts.unameVersion, facts.procVersion]) {
    const debian = f.ok ? parseDebianLevel(f.value) : null
    if (debian) return { level: debian, levelSource: 'debian-version' }
  }
  const level = parseLevel(release)
  return { level, levelSource: level ? 'release' : null }
}

/** A readable name for process.platform's word. */
export function platformName(platform: string): string {
  const names: Record<string, string> = {
    darwin: 'macOS (darwin)',
    win32: 'Windows (win32)',
  }
  return names[platform] ?? platform
}

export function assessKernel(facts: HostFacts): KernelAssessment {
  const reasons: Reason[] = []
  const say = (code: string, message: string) => reasons.push({ code, message })
  const release = facts.release.ok ? facts.release.value : null
  const picked = release ? bestLevel(facts, release) : null
  const level = picked?.level ?? null
  const compiler = facts.procVersion.ok
    ? parseCompiler(facts.procVersion.value)
    : null
  const inRange = level ? inAffectedRange(level) : null
  const base = {
    release,
    level: level && formatLevel(level),
    levelSource: picked?.levelSource ?? null,
    compiler: compiler && formatCompiler(compiler),
    inAffectedRange: inRange,
    fixedIn: level && inRange ? firstFixedLevel(level) : null,
  }
  const done = (
    finding: KernelFinding,
    applicable: boolean | null,
  ): KernelAssessment => ({ finding, applicable, ...base, reasons })

  // Applicability first: the bug is the Linux kernel's, and needs x86
  // vector state (AVX).
  if (facts.platform !== 'linux') {
    say(
      'not-linux',
      `This machine runs ${platformName(facts.platform)}, not Linux; the bug is in the Linux kernel.`,
    )
    return done('not-applicable', false)
  }
  if (facts.arch.ok && !X86.test(facts.arch.value)) {
    say(
      'not-x86',
      `The architecture is ${facts.arch.value}; the bug is x86-only.`,
    )
    return done('not-applicable', false)
  }
  if (facts.cpu.ok && !facts.cpu.value.avx) {
    say(
      'no-avx',
      'The CPU has no AVX, so there are no YMM registers to corrupt.',
    )
    return done('not-applicable', false)
  }
  const applicable = facts.arch.ok && facts.cpu.ok ? true : null
  if (!facts.cpu.ok) {
    say(
      'cpu-unreadable',
      `CPU flags could not be read (${facts.cpu.source}: ${facts.cpu.error}); AVX assumed.`,
    )
  }

  if (!release) {
    const why = facts.release.ok ? 'empty' : facts.release.error
    say(
      'release-unreadable',
      `The kernel release could not be read (${facts.release.source}: ${why}).`,
    )
    return done('unknown', applicable)
  }
  if (!level) {
    say(
      'release-unrecognised',
      `The kernel release "${release}" has no X.Y version to judge.`,
    )
    return done('unknown', applicable)
  }
  if (picked?.levelSource === 'ubuntu-signature') {
    say(
      'level-from-ubuntu-signature',
      `Ubuntu's /proc/version_signature gives the upstream level ${formatLevel(level)}.`,
    )
  } else if (picked?.levelSource === 'debian-version') {
    say(
      'level-from-debian-version',
      `Debian's package version gives the real upstream level ${formatLevel(level)} behind "${release}".`,
    )
  }

  const backport = fixedBuildReason(facts, release)
  if (backport) {
    reasons.push(backport)
    return done('clear', applicable)
  }
  if (!inRange) {
    if (predatesBug(level))
      say(
        'before-affected-range',
        `Linux ${formatLevel(level)} predates the bug (introduced in ${semver.minVersion(AFFECTED_RANGE)?.version}).`,
      )
    else
      say(
        'fixed-upstream',
        `Linux ${formatLevel(level)} is outside the affected range (fixed in ${FIXED_LEVELS.join(', ')} and ${FIXED_SINCE_SERIES}+).`,
      )
    return done('clear', applicable)
  }
  say(
    'in-affected-range',
    `Linux ${formatLevel(level)} is in the affected range (${AFFECTED_LEVELS_TEXT}).`,
  )
  return judgeCompiler(compiler, facts, say, done, applicable)
}

function judgeCompiler(
  compiler: KernelCompiler | null,
  facts: HostFacts,
  say: (code: string, message: string) => void,
  done: (f: KernelFinding, a: boolean | null) => KernelAssessment,
  applicable: boolean | null,
): KernelAssessment {
  if (!compiler) {
    const why = facts.procVersion.ok
      ? 'no compiler named in it'
      : facts.procVersion.error
    say(
      'compiler-unknown',
      `The compiler that built the kernel is not known (${facts.procVersion.source}: ${why}); only GCC 9+ builds carry the bug.`,
    )
    return done('unknown', applicable)
  }
  const name = formatCompiler(compiler)
  if (compiler.kind === 'clang') {
    say(
      'built-by-clang',
      `Built by ${name}: no known condition clears a non-GCC build of this range.`,
    )
    return done('buggy', applicable)
  }
  if (!isBuggyGcc(compiler)) {
    say(
      'built-by-gcc-before-9',
      `Built by ${name}: GCC 8 and older do not reuse the stale FPU owner pointer.`,
    )
    return done('clear', applicable)
  }
  say(
    'built-by-gcc-9-or-later',
    `Built by ${name}: GCC 9+ builds of this range reuse a stale FPU owner pointer.`,
  )
  return done('buggy', applicable)
}

/** The reason of the first KNOWN_FIXED_BUILDS row this kernel matches. */
function fixedBuildReason(facts: HostFacts, release: string): Reason | null {
  const strings = {
    release,
    signature: facts.versionSignature.ok ? facts.versionSignature.value : null,
    procVersion: facts.procVersion.ok ? facts.procVersion.value : null,
  }
  const row = knownFixedBuild(strings)
  return row ? { code: row.code, message: row.why(strings) } : null
}

export function assessGo(facts: HostFacts, opts: AssessOptions): GoRuntimeView {
  const reasons: Reason[] = []
  const say = (code: string, message: string) => reasons.push({ code, message })
  const parsed = facts.go.version ? parseGoVersion(facts.go.version) : null
  const goName = `Go ${facts.go.version ? goVersionText(facts.go.version) : '(version unknown)'}`
  const family = parsed ? goFamily(parsed) : 'unknown'
  const memlock = facts.memlock.ok ? facts.memlock.value : null
  const capIpcLock = facts.capIpcLock.ok ? facts.capIpcLock.value : null
  const needed = opts.memlockThreads * GO_MLOCK_BYTES_PER_THREAD
  const judged = judgeMemlock(facts, needed)
  const sufficient = judged.sufficient
  reasons.push(...judged.reasons)
  const release = facts.release.ok ? facts.release.value : null
  const procVersion = facts.procVersion.ok ? facts.procVersion.value : null
  // With the version unknown, assume 1.14.0: no skip.
  const skipApplies = parsed !== null && goHasUbuntuSkip(parsed)
  const ubuntuSkip =
    release !== null && skipApplies && goUbuntuSkip(release, procVersion)
  const triggers =
    release === null ? null : goReleaseTestTriggers(release) && !ubuntuSkip

  const view = (workaround: GoRuntimeView['workaround']): GoRuntimeView => ({
    goVersion: facts.go.version,
    goVersionSource: facts.go.source,
    family,
    releaseTestTriggers: triggers,
    ubuntuSkip,
    workaround,
    memlockThreads: opts.memlockThreads,
    memlockNeeded: needed,
    memlockSoft: memlock?.soft ?? null,
    memlockHard: memlock?.hard ?? null,
    capIpcLock,
    initialUserNamespace: facts.userNamespace.ok
      ? facts.userNamespace.value.initial
      : null,
    mlockProof: facts.mlockProof ?? null,
    memlockBasis: judged.basis,
    memlockSufficient: sufficient,
    reasons,
  })

  if (facts.platform !== 'linux') {
    say('go-not-linux', 'The Go runtime applies its workaround on Linux only.')
    return view('inactive')
  }
  if (parsed && facts.go.source === 'input' && isGoFamily(parsed.text)) {
    say(
      'go-version-family',
      `go-version ${parsed.text} names a family of releases; judged as its worst case for this check, Go ${parsed.version}.`,
    )
  }
  if (facts.arch.ok && !X86.test(facts.arch.value)) {
    say(
      'go-not-x86',
      'The Go runtime applies its workaround on linux/amd64 and linux/386 only.',
    )
    return view('inactive')
  }
  if (family === 'before-1.14' || family === '1.16+') {
    say(
      'go-no-workaround',
      `${goName} has no mlock workaround (it exists in Go 1.14–1.15 only).`,
    )
    return view('inactive')
  }
  if (family === 'unknown') {
    say(
      'go-version-unknown',
      `The Go version is not known (${facts.go.note}); judged as the worst case, Go 1.14.0.`,
    )
  }
  if (triggers === null) {
    say(
      'go-release-unreadable',
      "The kernel release could not be read, so the runtime's own test cannot be repeated.",
    )
    return view('unknown')
  }
  if (ubuntuSkip) {
    say(
      'go-ubuntu-skip',
      `${goName} skips Ubuntu's 5.4.0/5.4.1 kernels (all fixed): no mlock.`,
    )
  }
  if (!triggers) {
    if (!ubuntuSkip)
      say(
        'go-not-triggered',
        `Go 1.14–1.15 read "${release}" as a fixed kernel: no mlock.`,
      )
    return view('not-triggered')
  }
  say(
    'go-triggered',
    `Go 1.14–1.15 read "${release}" as buggy and mlock 4 KiB of signal stack per thread (${opts.memlockThreads} threads: ${formatBytes(needed)}).`,
  )
  if (sufficient === null) {
    say(
      'memlock-unreadable',
      `RLIMIT_MEMLOCK could not be read (${facts.memlock.source}: ${facts.memlock.ok ? '' : facts.memlock.error}).`,
    )
    return view('unknown')
  }
  if (sufficient) return view('mlock')
  const limit = formatLimit(memlock?.soft ?? null)
  if (family === '1.14.1-1.15') {
    say(
      'mlock-fails-silent',
      `The memlock limit (${limit}) is below the ${formatBytes(needed)} needed: ${goName} stops mlocking silently and leaves threads exposed.`,
    )
    return view('mlock-fails-silent')
  }
  say(
    'mlock-fails-fatal',
    `The memlock limit (${limit}) is below the ${formatBytes(needed)} needed: Go 1.14.0 dies with "mlock of signal stack failed: 12".`,
  )
  return view('mlock-fails-fatal')
}

/**
 * Whether Go's mlock of `needed` bytes will succeed here. A real mlock's
 * result settles it when it covers the question; otherwise the kernel's
 * rule (mm/mlock.c): the lock may exceed RLIMIT_MEMLOCK only with
 * capable(CAP_IPC_LOCK), which is asked of the initial user namespace. In
 * a child namespace (rootless containers, `unshare -U`) root holds the
 * capability in CapEff and mlock still obeys the limit; where the
 * namespace cannot be told (a capture made before uid_map was kept) the
 * capability is not counted, the side that cannot miss a crash.
 */
function judgeMemlock(
  facts: HostFacts,
  needed: number,
): {
  sufficient: boolean | null
  basis: MemlockBasis | null
  reasons: Reason[]
} {
  const reasons: Reason[] = []
  const proof = facts.mlockProof ?? null
  if (proof?.ok && proof.bytes >= needed) {
    reasons.push({
      code: 'mlock-proof-ok',
      message: `A real mlock of ${formatBytes(proof.bytes)} succeeded here, which covers the ${formatBytes(needed)} needed.`,
    })
    return { sufficient: true, basis: 'mlock-proof', reasons }
  }
  if (proof && !proof.ok && proof.bytes <= needed) {
    reasons.push({
      code: 'mlock-proof-failed',
      message: `A real mlock of ${formatBytes(proof.bytes)} failed here (errno ${proof.errno ?? 'unknown'}), and ${formatBytes(needed)} are needed.`,
    })
    return { sufficient: false, basis: 'mlock-proof', reasons }
  }
  const memlock = facts.memlock.ok ? facts.memlock.value : null
  const cap = facts.capIpcLock.ok && facts.capIpcLock.value
  // A failed mlock of more than needed does not settle the bytes needed,
  // but shows that no capability lifted the limit here.
  const capCounts =
    cap && proof?.ok !== false && judgeCapability(facts, reasons)
  if (capCounts) return { sufficient: true, basis: 'capability', reasons }
  if (memlock?.soft === 'unlimited')
    return { sufficient: true, basis: 'unlimited', reasons }
  if (typeof memlock?.soft === 'number')
    return { sufficient: memlock.soft >= needed, basis: 'limit', reasons }
  return { sufficient: null, basis: null, reasons }
}

/** Whether a held CAP_IPC_LOCK lifts the limit; says why when it does not. */
function judgeCapability(facts: HostFacts, reasons: Reason[]): boolean {
  const ns = facts.userNamespace
  if (ns.ok && ns.value.initial) return true
  const rows = ns.ok ? ns.value.uidMap.split('; ') : []
  const map =
    rows.slice(0, 2).join('; ') +
    (rows.length > 2 ? ` and ${rows.length - 2} more lines` : '')
  reasons.push(
    ns.ok
      ? {
          code: 'cap-ipc-lock-in-user-namespace',
          message: `CAP_IPC_LOCK is held in a user namespace, not the initial one (${ns.source}: ${map}): mlock obeys RLIMIT_MEMLOCK there, so the capability is not counted.`,
        }
      : {
          code: 'cap-ipc-lock-namespace-unknown',
          message: `CAP_IPC_LOCK is held, but whether this is the initial user namespace is not known (${ns.source}: ${ns.error}); outside it mlock obeys RLIMIT_MEMLOCK, so the capability is not counted.`,
        },
  )
  return false
}
