// Runs the compiled reproducer (native/sigvec-repro.c) and turns what it
// printed into evidence: a self-test with injected corruption first, so a
// clean result counts only from a reproducer proven to see corruption.
import type { KernelFinding } from './assess.js'
import type { CompileOutcome } from './compile.js'
import type { GroupRun } from './spawn.js'
import type { Options } from './options.js'
import type { ReproducerEvidence } from './verdict.js'

/** The reproducer's one JSON line (schema version 1, native/README.md). */
export interface ReproducerLine {
  version: number
  result: 'clean' | 'corrupted' | 'unsupported' | 'error'
  mode?: string
  /** A code ("uffd-available", "uffd-refused", "requested") and its text. */
  modeReason?: string
  modeReasonText?: string
  reason?: string
  reasonText?: string
  seconds?: number
  signals?: number
  faultingDeliveries?: number
  involuntarySwitches?: number
  checks?: number
  cpus?: number
  liveShare?: number
  mismatch?: {
    task?: number
    register?: string
    expected?: string
    observed?: string
    /** "injected", "task:N", "self", "foreign" (another run) or "unknown". */
    leakedFrom?: string
    leakedTask?: number | null
    leakedRegister?: string | null
  } | null
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

/**
 * What a clean run must show to clear an in-range kernel. docs/bug.md (lab):
 * in uffd mode every buggy guest corrupted within 3–10 faulting deliveries,
 * so 500 is fifty times the worst seen and the run stops there. Stress mode
 * found it after 0.3–8.5 s, erratically: it must run at least 10 s and fault
 * often.
 */
export const CLEARING_RUN: Record<
  string,
  { faulting: number; seconds: number }
> = {
  uffd: { faulting: 500, seconds: 0 },
  stress: { faulting: 20000, seconds: 10 },
}

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
  // Stop at enough evidence where a count suffices; stress needs the time.
  const clearing = CLEARING_RUN[mode]
  if (clearing && clearing.seconds === 0)
    args.push('--events', String(clearing.faulting))
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

function describeLeak(line: ReproducerLine): string | null {
  const m = line.mismatch
  if (!m) return null
  const from = m.leakedFrom ?? 'unknown'
  const reg = m.leakedRegister ? ` ${m.leakedRegister}` : ''
  const whose =
    from === 'injected'
      ? 'the injected pattern'
      : from.startsWith('task:')
        ? `task ${from.slice(5)}'s${reg} canary`
        : from === 'self'
          ? `its own${reg} canary`
          : from === 'foreign'
            ? 'a canary of another run'
            : 'bytes of no known task'
  return `${m.register ?? 'a register'} of task ${m.task ?? '?'} held ${whose} (expected ${m.expected ?? '?'}, saw ${m.observed ?? '?'})`
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
  enoughEvents: false,
  minEvents: null,
  minSeconds: null,
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
  const clearing = mode ? CLEARING_RUN[mode] : undefined
  const seconds = line.seconds ?? real.run.seconds
  const faulting = line.faultingDeliveries ?? 0
  return {
    ...base,
    result: line.result,
    reason:
      line.result === 'corrupted'
        ? input.drill
          ? 'DRILL: corruption injected on purpose'
          : 'registers corrupted across a signal'
        : `${faulting} faulting deliveries without corruption`,
    mode,
    // The self-test ran with the mode as requested, so it says why auto chose.
    modeReason:
      reasonOf(stLine?.modeReason, stLine?.modeReasonText) ??
      reasonOf(line.modeReason, line.modeReasonText),
    seconds,
    signals: line.signals ?? null,
    faultingDeliveries: faulting,
    minEvents: clearing?.faulting ?? null,
    minSeconds: clearing?.seconds ?? null,
    enoughEvents:
      !!clearing &&
      faulting >= clearing.faulting &&
      seconds >= clearing.seconds,
    leak: describeLeak(line),
    mismatch: line.mismatch ?? null,
  }
}
