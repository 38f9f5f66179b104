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
  modeReason?: string
  reason?: string
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
    leakedFrom?: string
  } | null
  timeToFirstMismatch?: number | null
}

/**
 * Faulting deliveries after which a clean run clears an in-range kernel.
 * BUG.md: in uffd mode every buggy guest corrupted within 3–10 faulting
 * deliveries; stress mode needed seconds, so it must see far more.
 */
export const ENOUGH_FAULTING_DELIVERIES: Record<string, number> = {
  uffd: 500,
  stress: 20000,
}

/** The positive control: corrupt the frame on this share of deliveries. */
export const SELF_TEST_INJECT_EVERY = 4
export const SELF_TEST_SECONDS = 1

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
  const enough = ENOUGH_FAULTING_DELIVERIES[mode]
  if (enough !== undefined) args.push('--events', String(enough))
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
  const from =
    m.leakedFrom === 'injected'
      ? 'the injected pattern'
      : m.leakedFrom && m.leakedFrom !== 'unknown'
        ? `${m.leakedFrom}'s canary`
        : 'bytes of no known task'
  return `${m.register ?? 'a register'} of task ${m.task ?? '?'} held ${from} (expected ${m.expected ?? '?'}, saw ${m.observed ?? '?'})`
}

const skipped = (reason: string, drill: boolean): ReproducerEvidence => ({
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
  leak: null,
  mismatch: null,
  drill: false,
  selfTest: null,
  build: null,
}

export function evidenceFromSkip(
  why: string,
  drill: boolean,
): ReproducerEvidence {
  return skipped(why, drill)
}

export function evidenceFromBuildFailure(
  build: CompileOutcome & { ok: false },
  drill: boolean,
): ReproducerEvidence {
  return {
    ...skipped(build.reason, drill),
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
      ...skipped(
        `the reproducer cannot run here: ${stLine.reason ?? 'unsupported'}`,
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
        ? `did not find its injected corruption (result ${stLine.result}${stLine.reason ? `: ${stLine.reason}` : ''})`
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
      ? `${line.result}: ${line.reason ?? 'no reason given'}`
      : describeFailure(real.run, real.deadlineMs)
    return { ...base, result: 'error', reason: `the run failed: ${why}` }
  }
  const mode = line.mode ?? null
  const minEvents = mode ? (ENOUGH_FAULTING_DELIVERIES[mode] ?? null) : null
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
    modeReason: line.modeReason ?? null,
    seconds: line.seconds ?? real.run.seconds,
    signals: line.signals ?? null,
    faultingDeliveries: faulting,
    minEvents,
    enoughEvents: minEvents !== null && faulting >= minEvents,
    leak: describeLeak(line),
    mismatch: line.mismatch ?? null,
  }
}
