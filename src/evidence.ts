// The reproducer's evidence, in one place: its JSON line (native/README.md),
// what a run's outcome means, and the clearing rule — how many live
// deliveries a mode needs before a clean run may clear an in-range kernel,
// calibrated on the lab (a real buggy Linux 5.4.1 under emulation, see
// docs/lab.md; a model, not a proof). The statistics live in confidence.ts,
// how to run the program in reproducer.ts.
import type { CompileOutcome } from './compile.js'
import { deliveriesAtRate, formatProbability, lowerRate } from './confidence.js'
import type { MlockProof } from './host.js'
import { preemptsInKernelMode } from './kernel.js'
import type { GroupRun } from './spawn.js'
import { formatSeconds } from './units.js'

/** The modes a run can be made in (`auto` resolves to one of these). */
export const RUN_MODES = ['uffd', 'io', 'stress'] as const
export type RunMode = (typeof RUN_MODES)[number]

export function isRunMode(mode: unknown): mode is RunMode {
  return (RUN_MODES as readonly unknown[]).includes(mode)
}

/**
 * One mode's calibration: `detections` buggy-kernel runs that found the bug
 * after `deliveries` live faulting deliveries in all (every delivery up to
 * and including the one that corrupted). Each delivery is treated as an
 * independent trial; the rate used is the one-sided 95 % lower bound, so a
 * clean run's miss probability is, if anything, overstated.
 */
export interface Calibration {
  detections: number
  deliveries: number
  /** May a clean run in this mode clear an in-range kernel? */
  clears: boolean
  /**
   * Does its trigger need the kernel to preempt in kernel mode? Then the
   * lab's rate (full preemption) says nothing where the kernel does not
   * say it preempts, and the miss probability is unknown there.
   */
  needsPreemption: boolean
  /** Where the figures come from and why they may or may not clear. */
  basis: string
}

/** A clean run clears an in-range kernel only below this miss probability. */
export const CLEARING_MISS_PROBABILITY = 1e-6

/**
 * Measured with `npm run bench:lab` on the lab's affected kernel: two runs of
 * ten guests per mode and CPU count (1 and 2), 2026-11-28, pooled; every one
 * of the 80 guests found the bug. Deliveries count up to and including the
 * one that corrupted, over all checkers of the run.
 */
export const LAB_CALIBRATION: Record<RunMode, Calibration> = {
  uffd: {
    detections: 40,
    deliveries: 83,
    clears: true,
    needsPreemption: false,
    basis:
      'uffd mode on the lab kernel (Linux 5.4.1 built by GCC 12, emulated CPUs): 40 of 40 runs found the bug, after 83 live faulting deliveries in all; the fault-in is held until a competing task has run on the same CPU, so the trigger does not wait for a preemption',
  },
  // bench:lab on the two affected disk kernels (PREEMPT and PREEMPT_NONE,
  // 14 runs on 1 CPU, 12 on 2), 2026-11-30, pooled (docs/lab.md): every
  // run found the bug.
  io: {
    detections: 26,
    deliveries: 88,
    clears: true,
    needsPreemption: false,
    basis:
      'io mode on the lab kernels with a disk (Linux 5.4.1 built by GCC 12, emulated CPUs, with full preemption and with none): 26 of 26 runs found the bug, after 88 live faulting deliveries in all (fault-ins that read the signal stack back from the disk); the task sleeps on the read while a competing task runs on its CPU, so the trigger does not wait for a preemption',
  },
  stress: {
    detections: 40,
    deliveries: 418,
    clears: false,
    needsPreemption: true,
    basis:
      'stress mode on the lab kernel (Linux 5.4.1 built by GCC 12, emulated CPUs, full preemption at 1000 Hz): 40 of 40 runs found the bug, after 418 live faulting deliveries in all; its trigger needs a preemption during the fault-in, which distribution kernels (mostly voluntary preemption) give less often, so this rate is an upper bound there and a clean stress run never clears a kernel',
  },
}

/** A mode's detection rate per delivery (lower bound), or null if unknown. */
function labRate(mode: RunMode): number | null {
  const c = LAB_CALIBRATION[mode]
  return c ? lowerRate(c.detections, c.deliveries) : null
}

/** The chance a buggy kernel stays clean for `live` deliveries. */
export function missProbability(mode: RunMode, live: number): number | null {
  const p = labRate(mode)
  if (p === null) return null
  return p > 0 ? Math.exp(live * Math.log1p(-p)) : 1
}

/** Live faulting deliveries that bring a mode's miss below `target`. */
export function deliveriesFor(mode: RunMode, target: number): number | null {
  const p = labRate(mode)
  return p === null ? null : deliveriesAtRate(p, target)
}

/**
 * Where a mode can clear a kernel, the real run stops once a buggy kernel
 * would have been caught with a miss probability this small: far below the
 * clearing line, at a cost of a fraction of a second on real hardware.
 */
export const STOP_MISS_PROBABILITY = 1e-12

/** The first mismatch a run saw, as the reproducer names it. */
export interface Mismatch {
  task: number
  role: string
  register: string
  registers: string[]
  expected: string
  observed: string
  /** "injected", "task:N", "self", "foreign" (another run), "zeros" or "unknown". */
  leakedFrom: string
  leakedTask: number | null
  leakedRole: 'checker' | 'competitor' | null
  leakedRegister: string | null
  /** One sentence: what the observed bytes are. */
  seen: string
  /**
   * Every lane of every register (16 × 4): null where it held its canary,
   * else what it held, in leakedFrom's words. Absent in Reports made before
   * the reproducer printed it.
   */
  lanes?: Array<Array<string | null>>
}

/** The reproducer's one JSON line (schema version 1, native/README.md). */
export interface ReproducerLine {
  version: number
  result: 'clean' | 'corrupted' | 'crashed' | 'unsupported' | 'error'
  mode?: string
  /** A code ("uffd-available", "io-available", "uffd-refused", "requested") and its text. */
  modeReason?: string
  modeReasonErrno?: string | null
  modeReasonText?: string
  /** io mode: the folder of the signal stack's file, and its file system. */
  ioDir?: string
  ioFs?: string
  /** io mode: deliveries whose fault-in read from the device; of those, slept. */
  ioMajorFaults?: number
  ioSleptDeliveries?: number
  stopReason?: string
  uffdFaults?: number
  injected?: number
  timeToFirstInjection?: number | null
  /** Each task's own counters. */
  tasks?: Array<{
    task: number
    role: 'checker' | 'competitor'
    pid: number
    cpu: number
    signals: number
    faultingDeliveries: number
    checks: number
    liveShare: number
  }>
  reason?: string
  reasonText?: string
  seconds?: number
  signals?: number
  faultingDeliveries?: number
  /** Faulting deliveries that arrived with the canaries in the registers. */
  liveFaultingDeliveries?: number
  involuntarySwitches?: number
  checks?: number
  cpus?: number
  liveShare?: number
  mismatch?: Mismatch | null
  /** Workers killed by a signal during the run (each started again). */
  crashes?: Array<{
    task: number
    pid: number
    signal: string
    seconds: number
    /** What the worker's fault handler saw, or why none ran. */
    detail: string
  }>
  timeToFirstMismatch?: number | null
  /** The kernel's uname(2), as the reproducer saw it. */
  uname?: { release: string; version: string }
}

/** "code: text" for the reproducer's paired reason fields. */
function reasonOf(
  code: string | undefined,
  text: string | undefined,
): string | null {
  if (!code && !text) return null
  return [code, text].filter(Boolean).join(': ')
}

/**
 * The probe's line, `{"version":1,"mlockProbe":{"bytes":N,"ok":…,
 * "errno":N}}`, as a proof; null when no well-formed line was printed.
 */
export function parseMlockProbeLine(stdout: string): MlockProof | null {
  for (const line of stdout.split('\n').reverse()) {
    let doc: unknown
    try {
      doc = JSON.parse(line)
    } catch {
      continue
    }
    const p = (doc as { mlockProbe?: Record<string, unknown> } | null)
      ?.mlockProbe
    if (!p || typeof p !== 'object') continue
    const { bytes, ok, errno } = p
    if (!Number.isSafeInteger(bytes) || typeof ok !== 'boolean') return null
    if (!ok && !Number.isSafeInteger(errno)) return null
    return {
      bytes: bytes as number,
      ok,
      errno: ok ? null : (errno as number),
    }
  }
  return null
}

/** The last stdout line that is a reproducer result object. */
export function parseResultLine(stdout: string): ReproducerLine | null {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  for (const line of lines.reverse()) {
    try {
      const doc = JSON.parse(line) as ReproducerLine
      if (doc && typeof doc === 'object' && typeof doc.result === 'string')
        return doc
    } catch {
      // not the result line
    }
  }
  return null
}

/** What the reproducer contributed; `skipped` when it did not run. */
export interface ReproducerEvidence {
  result: 'corrupted' | 'clean' | 'crashed' | 'skipped' | 'error'
  /** Why it ran or did not, or what went wrong. */
  reason: string
  mode: RunMode | null
  /** Why that mode (auto picks uffd where permitted). */
  modeReason: string | null
  seconds: number | null
  signals: number | null
  faultingDeliveries: number | null
  /** Of those, the ones that arrived with the canaries live. */
  liveFaultingDeliveries: number | null
  /** Live faulting deliveries a clean run needs to clear a kernel in that
   * mode; null where the mode never clears. */
  minEvents: number | null
  /** The chance a kernel with the bug would have stayed clean in this run
   * (docs/lab.md); null where no run was made or it found corruption. */
  missProbability: number | null
  /** What that probability rests on. */
  missBasis: string | null
  /** The run clears an in-range kernel: clean, in a mode that may clear,
   * with a miss probability below the clearing line. */
  enoughEvents: boolean
  /** Workers killed by a signal during the run (each started again). */
  crashes: Array<{
    task: number
    signal: string
    seconds: number
    detail: string
  }>
  /** "ymm3 of task 0 held task 1's canary …" */
  leak: string | null
  mismatch: Mismatch | null
  drill: boolean
  selfTest: { passed: boolean; seconds: number; detail: string } | null
  build: {
    ok: boolean
    compiler: string
    output: string
    cacheHit: boolean
    seconds: number | null
    key: string | null
  } | null
  /** Where the runs were made when not here: "captured on <uname -a> at
   * <date> by scripts/capture.sh <version>" (capturedruns.ts). */
  origin?: string
}

/**
 * The miss probability for people. Where the mode cannot clear, the lab
 * rate behind it is an upper bound for most kernels, so the figure is too
 * optimistic, and says so.
 */
export function missText(e: ReproducerEvidence): string {
  if (e.missProbability === null) return e.missBasis === null ? '' : 'unknown'
  const p = formatProbability(e.missProbability)
  return e.minEvents === null
    ? `${p} at the lab's rate, which may overstate ${e.mode ?? 'this'} mode on this kernel`
    : p
}

/** "1 worker killed by SIGSEGV", "2 workers killed by SIGSEGV, SIGBUS". */
export function crashSummary(
  crashes: ReadonlyArray<{ signal: string }>,
): string {
  const signals = [...new Set(crashes.map((c) => c.signal))].join(', ')
  return `${crashes.length} worker${crashes.length === 1 ? '' : 's'} killed by ${signals}`
}

/** What clears a kernel in the run's mode, for people. */
export function clearingText(e: ReproducerEvidence): string {
  return e.minEvents !== null
    ? `${e.minEvents} live faulting deliveries (miss probability below ${CLEARING_MISS_PROBABILITY.toExponential(0)})`
    : `a uffd-mode run (root, CAP_SYS_PTRACE or vm.unprivileged_userfaultfd=1) or an io-mode run (a folder on a disk: RUNNER_TEMP, the workspace or TMPDIR, not tmpfs): ${e.mode ?? 'this'} mode never clears a kernel`
}

/** How a run ended, when it did not end with a result line. */
function describeFailure(run: GroupRun, deadlineMs: number): string {
  if (run.timedOut)
    return `killed after the ${Math.round(deadlineMs / 1000)} s deadline`
  if (run.signal) return `crashed with ${run.signal}`
  const last = run.stderr.trim().split('\n').at(-1)
  return `exited ${run.code} without a result${last ? `: ${last}` : ''}`
}

/**
 * What the first mismatch showed, in one sentence without its bytes: the
 * bytes are shown once, where a person can compare them (the summary's
 * collapsed block, the Report's mismatch).
 */
function describeLeak(line: ReproducerLine): string | null {
  const m = line.mismatch
  if (!m) return null
  const changed = Array.isArray(m.registers) ? m.registers.length : null
  const where = changed === null ? '' : ` in ${changed} of 16 registers`
  return `${m.register ?? 'a register'} of task ${m.task ?? '?'} held ${leakSourceText(m)}${where}`
}

/** Whose bytes a mismatch found, with its article: "an injected canary". */
export function leakSourceText(m: {
  leakedFrom: string
  leakedTask: number | null
  leakedRole: string | null
}): string {
  switch (m.leakedFrom) {
    case 'injected':
      return 'an injected canary'
    case 'self':
      return 'its own canary, from another register'
    case 'foreign':
      return 'a canary of another run'
    case 'zeros':
      return "zeros (a task's initial vector state), no canary"
    case 'unknown':
      return 'bytes that are no canary of this run'
    default:
      return m.leakedTask !== null
        ? `the canary of task ${m.leakedTask}${m.leakedRole ? ` (${m.leakedRole})` : ''}`
        : 'bytes from an unknown source'
  }
}

/**
 * Why the run used its mode, for people: the reproducer's modeReason is
 * "code: text"; the code becomes words, the text (its own sentence about
 * this machine) stays.
 */
export function modeReasonText(modeReason: string | null): string | null {
  if (!modeReason) return null
  const at = modeReason.indexOf(': ')
  const code = at < 0 ? modeReason : modeReason.slice(0, at)
  const text = at < 0 ? '' : modeReason.slice(at + 2)
  const words = MODE_REASON_WORDS[code]
  if (!words) return modeReason
  return text ? `${words}: ${text}` : words
}

/** The reproducer's modeReason codes (native/README.md), in words. */
export const MODE_REASON_WORDS: Record<string, string> = {
  requested: 'as asked',
  // The probe's own text says why the mode was fit (and why uffd was not).
  'uffd-available': 'picked by `mode: auto`',
  'io-available': 'picked by `mode: auto`',
  'uffd-refused': 'picked by `mode: auto`, since userfaultfd was refused',
  'uffd-unsupported':
    'picked by `mode: auto`, since this kernel has no userfaultfd for kernel-mode faults',
  'uffd-register-failed':
    'picked by `mode: auto`, since userfaultfd could not watch the signal stack',
}

export const evidenceFromSkip = (
  reason: string,
  drill: boolean,
): ReproducerEvidence => ({
  ...EMPTY_EVIDENCE,
  result: 'skipped',
  reason,
  drill,
})

export const EMPTY_EVIDENCE: ReproducerEvidence = {
  result: 'skipped',
  reason: '',
  mode: null,
  modeReason: null,
  seconds: null,
  signals: null,
  faultingDeliveries: null,
  liveFaultingDeliveries: null,
  enoughEvents: false,
  minEvents: null,
  missProbability: null,
  missBasis: null,
  crashes: [],
  leak: null,
  mismatch: null,
  drill: false,
  selfTest: null,
  build: null,
}

export function evidenceFromBuildFailure(
  build: CompileOutcome & { ok: false },
  drill: boolean,
): ReproducerEvidence {
  return {
    ...evidenceFromSkip(build.reason, drill),
    build: {
      ok: false,
      compiler: build.compiler,
      output: build.output,
      cacheHit: false,
      seconds: null,
      key: null,
    },
  }
}

/**
 * How sure a run without corruption is: the chance a kernel with the bug
 * would have stayed clean over `live` deliveries in `mode`, and what that
 * rests on. Where the mode's trigger needs a preemption and the kernel
 * (its uname -v) does not say it preempts in kernel mode, the lab's rate
 * does not carry, and no figure is better than a wrong one: unknown.
 */
export function missOfCleanRun(
  mode: RunMode,
  live: number,
  kernelVersion: string | null,
): { missProbability: number | null; missBasis: string } {
  const calibration = LAB_CALIBRATION[mode]
  const preempts = kernelVersion !== null && preemptsInKernelMode(kernelVersion)
  if (calibration.needsPreemption && !preempts)
    return {
      missProbability: null,
      missBasis: `${mode} mode needs a preemption during the fault-in, and ${kernelVersion === null ? 'the kernel did not say whether it preempts' : `this kernel's uname -v ("${kernelVersion}") does not say PREEMPT`}: on a kernel that does not preempt in kernel mode the trigger never fires (seen on the lab's PREEMPT_NONE build), so the chance a buggy kernel stays clean here is unknown`,
    }
  return {
    missProbability: missProbability(mode, live),
    missBasis: calibration.basis,
  }
}

/**
 * A mode the workflow asked for by name that this machine refuses (the
 * reproducer's probe says which and why, as auto mode's choice does): what
 * was refused, why, and what would permit it. Null for any other failure.
 */
function modeRefusal(line: ReproducerLine): string | null {
  if (line.result !== 'error') return null
  const why = line.reasonText ?? line.reason ?? 'no reason given'
  switch (line.reason) {
    case 'uffd-refused':
      return `mode uffd is not permitted here: ${why}. It is permitted as root, with CAP_SYS_PTRACE, with the sysctl vm.unprivileged_userfaultfd=1, or (Linux 6.1+) with read-write access to /dev/userfaultfd; or set mode to auto, which picks io or stress where uffd is refused`
    case 'uffd-unsupported':
      return `mode uffd is not available here: ${why}. This kernel has no userfaultfd (CONFIG_USERFAULTFD); set mode to auto, which picks io or stress`
    case 'uffd-register-failed':
      return `mode uffd is not permitted here: ${why}. Kernel-mode faults need root, CAP_SYS_PTRACE or vm.unprivileged_userfaultfd=1; or set mode to auto, which picks io or stress`
    case 'io-refused':
      return `mode io is not possible here: ${why}. It needs a folder on a disk (not tmpfs or ramfs) that lets programs write and read back: RUNNER_TEMP, else the workspace, else TMPDIR; or set mode to auto, which picks stress where io is refused`
    default:
      return null
  }
}

/**
 * Pure: the self-test's and the real run's outcomes → evidence. A clean run
 * counts only when the self-test saw its own injected corruption.
 */
export function evidenceFromRuns(input: {
  build: CompileOutcome & { ok: true }
  selfTest: { run: GroupRun; line: ReproducerLine | null; deadlineMs: number }
  real: {
    run: GroupRun
    line: ReproducerLine | null
    deadlineMs: number
  } | null
  drill: boolean
  /** uname -v of the kernel the run was made on, where known. */
  kernelVersion?: string | null
}): ReproducerEvidence {
  const build = {
    ok: true,
    compiler: input.build.compiler,
    output: '',
    cacheHit: input.build.cacheHit,
    seconds: input.build.seconds,
    key: input.build.key,
  }
  const st = input.selfTest
  const stLine = st.line
  if (stLine?.result === 'unsupported') {
    return {
      ...evidenceFromSkip(
        `the reproducer cannot run here: ${reasonOf(stLine.reason, stLine.reasonText) ?? 'unsupported'}`,
        input.drill,
      ),
      build,
    }
  }
  const stPassed =
    stLine?.result === 'corrupted' && stLine.mismatch?.leakedFrom === 'injected'
  const selfTest = {
    passed: stPassed,
    seconds: stLine?.timeToFirstMismatch ?? st.run.seconds,
    detail: stPassed
      ? `found its injected corruption in ${formatSeconds(stLine?.timeToFirstMismatch ?? st.run.seconds)}`
      : stLine
        ? `did not find its injected corruption (result ${[stLine.result, reasonOf(stLine.reason, stLine.reasonText)].filter(Boolean).join(': ')})`
        : describeFailure(st.run, st.deadlineMs),
  }
  const refused = stLine ? modeRefusal(stLine) : null
  if (refused) selfTest.detail = refused
  const base = { ...EMPTY_EVIDENCE, drill: input.drill, build, selfTest }
  if (!stPassed) {
    return {
      ...base,
      result: 'error',
      reason: refused ?? `self-test failed: ${selfTest.detail}`,
    }
  }
  const real = input.real
  if (!real)
    return { ...base, result: 'error', reason: 'the real run did not start' }
  const line = real.line
  if (!line || line.result === 'error' || line.result === 'unsupported') {
    const why = line
      ? `${line.result}: ${reasonOf(line.reason, line.reasonText) ?? 'no reason given'}`
      : describeFailure(real.run, real.deadlineMs)
    return { ...base, result: 'error', reason: `the run failed: ${why}` }
  }
  const mode = isRunMode(line.mode) ? line.mode : null
  const seconds = line.seconds ?? real.run.seconds
  const faulting = line.faultingDeliveries ?? 0
  const live = line.liveFaultingDeliveries ?? 0
  const calibration = mode ? LAB_CALIBRATION[mode] : undefined
  const found = line.result === 'corrupted'
  const { missProbability: miss, missBasis } =
    mode && !found
      ? missOfCleanRun(
          mode,
          live,
          input.kernelVersion ?? line.uname?.version ?? null,
        )
      : { missProbability: null, missBasis: null }
  const crashes = (line.crashes ?? []).map((c) => ({
    task: c.task,
    signal: c.signal,
    seconds: c.seconds,
    detail: c.detail ?? '',
  }))
  return {
    ...base,
    result: line.result,
    reason:
      line.result === 'corrupted'
        ? input.drill
          ? 'DRILL: corruption injected on purpose'
          : 'registers corrupted across a signal'
        : line.result === 'crashed'
          ? `no corruption seen, but ${crashSummary(crashes)}`
          : `${faulting} faulting deliveries without corruption`,
    mode,
    // The self-test ran with the mode as requested, so it says why auto chose.
    modeReason:
      reasonOf(stLine?.modeReason, stLine?.modeReasonText) ??
      reasonOf(line.modeReason, line.modeReasonText),
    seconds,
    signals: line.signals ?? null,
    faultingDeliveries: faulting,
    liveFaultingDeliveries: live,
    minEvents:
      calibration?.clears && mode
        ? deliveriesFor(mode, CLEARING_MISS_PROBABILITY)
        : null,
    missProbability: miss,
    // A run that found the bug has no miss to speak of.
    missBasis,
    enoughEvents:
      line.result === 'clean' &&
      !!calibration?.clears &&
      miss !== null &&
      miss < CLEARING_MISS_PROBABILITY,
    crashes,
    leak: describeLeak(line),
    mismatch: line.mismatch ?? null,
  }
}
