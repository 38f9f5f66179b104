// Runs the compiled reproducer (native/sigvec-repro.c) and turns what it
// printed into evidence: a self-test with injected corruption first, so a
// clean result counts only from a reproducer proven to see corruption.
import type { KernelFinding } from './assess.js'
import {
  CLEARING_MISS_PROBABILITY,
  deliveriesFor,
  LAB_CALIBRATION,
  missProbability,
} from './confidence.js'
import type { CompileOutcome } from './compile.js'
import type { MlockProof } from './host.js'
import type { GroupRun } from './spawn.js'
import type { Options } from './options.js'
import { crashSummary, type ReproducerEvidence } from './verdict.js'

/** The reproducer's one JSON line (schema version 1, native/README.md). */
export interface ReproducerLine {
  version: number
  result: 'clean' | 'corrupted' | 'crashed' | 'unsupported' | 'error'
  mode?: string
  /** A code ("uffd-available", "uffd-refused", "requested") and its text. */
  modeReason?: string
  modeReasonText?: string
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
  mismatch?: {
    task?: number
    register?: string
    expected?: string
    observed?: string
    /** "injected", "task:N", "self", "foreign" (another run), "zeros" or "unknown". */
    leakedFrom?: string
    leakedTask?: number | null
    leakedRole?: string | null
    leakedRegister?: string | null
    /** One sentence: what the observed bytes are. */
    seen?: string
  } | null
  /** Workers killed by a signal during the run (each started again). */
  crashes?: Array<{
    task: number
    pid: number
    signal: string
    seconds: number
    /** What the worker's fault handler saw, or why none ran. */
    detail?: string
  }>
  timeToFirstMismatch?: number | null
}

/** "code: text" for the reproducer's paired reason fields. */
function reasonOf(
  code: string | undefined,
  text: string | undefined,
): string | null {
  if (!code && !text) return null
  return [code, text].filter(Boolean).join(': ')
}

/** `--mlock-probe BYTES`: lock that much and say whether it worked. */
export function mlockProbeArgs(bytes: number): string[] {
  return ['--mlock-probe', String(bytes)]
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

/**
 * Where a mode can clear a kernel, the real run stops once a buggy kernel
 * would have been caught with a miss probability this small: far below the
 * clearing line, at a cost of a fraction of a second on real hardware.
 */
export const STOP_MISS_PROBABILITY = 1e-12

/** The positive control: corrupt the frame on this share of deliveries. */
export const SELF_TEST_INJECT_EVERY = 4
// It stops at the first corruption; the limit only matters on a busy machine.
export const SELF_TEST_SECONDS = 10

/** Grace beyond the requested duration before the group is killed. */
export const DEADLINE_GRACE_MS = 10_000

export type RunPlan = { run: true; why: string } | { run: false; why: string }

export function planRun(
  reproduce: Options['reproduce'],
  finding: KernelFinding,
): RunPlan {
  if (reproduce === 'never') return { run: false, why: 'reproduce: never' }
  if (reproduce === 'always') return { run: true, why: 'reproduce: always' }
  if (finding === 'clear') {
    return {
      run: false,
      why: 'reproduce: auto, and the kernel is already settled as unaffected',
    }
  }
  if (finding === 'not-applicable') {
    return {
      run: false,
      why: 'reproduce: auto, and the bug cannot happen on this machine',
    }
  }
  return {
    run: true,
    why: `reproduce: auto, and the kernel is ${finding === 'buggy' ? 'in the affected range' : 'not settled'}`,
  }
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

export function selfTestArgs(mode: string): string[] {
  return [
    '--mode',
    mode,
    '--duration',
    String(SELF_TEST_SECONDS),
    '--inject',
    String(SELF_TEST_INJECT_EVERY),
  ]
}

export function realRunArgs(
  mode: string,
  duration: number,
  drill: boolean,
): string[] {
  const args = ['--mode', mode, '--duration', String(duration)]
  // Stop at ample evidence where the mode can clear; stress runs its time.
  const stopAt = LAB_CALIBRATION[mode]?.clears
    ? deliveriesFor(mode, STOP_MISS_PROBABILITY)
    : null
  if (stopAt !== null) args.push('--events', String(stopAt))
  if (drill) args.push('--inject', String(SELF_TEST_INJECT_EVERY))
  return args
}

/** How a run ended, when it did not end with a result line. */
export function describeFailure(run: GroupRun, deadlineMs: number): string {
  if (run.timedOut)
    return `killed after the ${Math.round(deadlineMs / 1000)} s deadline`
  if (run.signal) return `crashed with ${run.signal}`
  const last = run.stderr.trim().split('\n').at(-1)
  return `exited ${run.code} without a result${last ? `: ${last}` : ''}`
}

/** What the first mismatch showed, in the reproducer's own words. */
function describeLeak(line: ReproducerLine): string | null {
  const m = line.mismatch
  if (!m) return null
  const seen = m.seen ?? `bytes from ${m.leakedFrom ?? 'an unknown source'}`
  return `${m.register ?? 'a register'} of task ${m.task ?? '?'} held ${seen} (expected ${m.expected ?? '?'}, saw ${m.observed ?? '?'})`
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
      ? `found its injected corruption in ${((stLine?.timeToFirstMismatch ?? st.run.seconds) * 1000).toFixed(0)} ms`
      : stLine
        ? `did not find its injected corruption (result ${[stLine.result, reasonOf(stLine.reason, stLine.reasonText)].filter(Boolean).join(': ')})`
        : describeFailure(st.run, st.deadlineMs),
  }
  const base = { ...EMPTY_EVIDENCE, drill: input.drill, build, selfTest }
  if (!stPassed) {
    return {
      ...base,
      result: 'error',
      reason: `self-test failed: ${selfTest.detail}`,
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
  const mode = line.mode ?? null
  const seconds = line.seconds ?? real.run.seconds
  const faulting = line.faultingDeliveries ?? 0
  const live = line.liveFaultingDeliveries ?? 0
  const calibration = mode ? LAB_CALIBRATION[mode] : undefined
  const miss =
    mode && line.result !== 'corrupted' ? missProbability(mode, live) : null
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
    missBasis: calibration?.basis ?? null,
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
