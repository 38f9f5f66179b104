// The one pipeline both front doors run: host facts → assessment →
// reproducer evidence → verdict → policy → Report.
import { assess, type Assessment } from './assess.js'
import { readCapturedEvidence } from './capturedruns.js'
import type {
  CompileOutcome,
  compileReproducer,
  FolderNames,
} from './compile.js'
import {
  readHostFacts,
  type Fact,
  type HostFacts,
  type MlockProof,
} from './host.js'
import type { Options } from './options.js'
import { buildReport, type Report } from './report.js'
import {
  EMPTY_EVIDENCE,
  evidenceFromBuildFailure,
  evidenceFromRuns,
  evidenceFromSkip,
  isRunMode,
  parseMlockProbeLine,
  parseResultLine,
  type ReproducerEvidence,
} from './evidence.js'
import {
  DEADLINE_GRACE_MS,
  mlockProbeArgs,
  planRun,
  realRunArgs,
  SELF_TEST_SECONDS,
  selfTestArgs,
} from './reproducer.js'
import { decide, decideVerdict, missingEvidence } from './verdict.js'
import { probeDeadlineSeconds, runInGroup, type GroupRun } from './spawn.js'
import { TOOL_VERSION } from './version.js'

export interface AuditContext {
  /** GODEBUG as later steps would inherit it, to merge into. */
  godebug: string | undefined
  now: Date
  /** Scratch space for the compile (RUNNER_TEMP). */
  tempDir: string
  /** Where io mode keeps its signal stack's file (ioFolder). */
  ioDir: string
  /** Where the compiled reproducer is cached (RUNNER_TOOL_CACHE); null: not. */
  toolCacheDir: string | null
  /** How messages name the cache and temp folders (default: the runner's). */
  folderNames?: FolderNames
  log: (line: string) => void
  /** Results of earlier runs of the same build (the runner hook's memory). */
  remembered?: RememberedRuns
}

/** Reproducer results kept by the build's cache key, e.g. for one boot. */
export interface RememberedRuns {
  recall(key: string): Promise<ReproducerEvidence | null>
  keep(key: string, evidence: ReproducerEvidence): Promise<void>
}

const value = <T>(fact: Fact<T>): T | null => (fact.ok ? fact.value : null)

/** Go locks memory here: the only case a real mlock has to settle. */
const GO_LOCKS = new Set(['mlock', 'mlock-fails-fatal', 'mlock-fails-silent'])

/**
 * Whether the audit proves the memlock answer with a real mlock: on this
 * machine only (a captured host is judged by what it recorded), when Go
 * 1.14–1.15 would lock memory here, and unless the workflow asked for no
 * native code at all (reproduce: never).
 */
export function needsMlockProof(
  facts: Pick<HostFacts, 'live' | 'platform'>,
  assessment: Pick<Assessment, 'go'>,
  options: Pick<Options, 'reproduce'>,
): boolean {
  return (
    facts.live &&
    facts.platform === 'linux' &&
    options.reproduce !== 'never' &&
    GO_LOCKS.has(assessment.go.workaround)
  )
}

export async function audit(
  options: Options,
  ctx: AuditContext,
): Promise<Report> {
  let facts = await readHostFacts({
    root: options.root,
    goVersion: options.goVersion,
  })
  const judge = (f: HostFacts) =>
    assess(f, { memlockThreads: options.memlockThreads })
  let assessment = judge(facts)
  // A captured host is judged by the runs captured with it, if any.
  const captured = facts.live ? null : await readCapturedEvidence(facts)
  const plan = !facts.live
    ? {
        run: false,
        why: 'the host is a --root capture; it runs only on the machine itself',
      }
    : facts.platform !== 'linux'
      ? {
          run: false,
          why: `this machine runs ${facts.platform}: the reproducer, like the bug, is Linux's`,
        }
      : options.drill
        ? { run: true, why: 'drill: true' }
        : planRun(options.reproduce, assessment.kernel.finding)
  const prove = needsMlockProof(facts, assessment, options)
  ctx.log(
    captured
      ? `reproducer: not run here; ${captured.result === 'error' ? captured.reason : `its runs were ${captured.origin}`}`
      : `reproducer: ${plan.run ? 'runs' : 'skipped'} (${plan.why})`,
  )
  // A drill that did not run injected nothing: it is no drill.
  let evidence =
    captured ?? evidenceFromSkip(plan.why, options.drill && plan.run)
  if (plan.run || prove) {
    const build = await buildReproducer(options, ctx)
    try {
      if (prove && build.ok) {
        const proof = await proveMlock(
          build.binary,
          assessment.go.memlockNeeded,
          ctx,
        )
        if (proof) {
          facts = { ...facts, mlockProof: proof }
          assessment = judge(facts)
        }
      }
      if (plan.run)
        evidence = build.ok
          ? await runRemembered(build, options, ctx, value(facts.unameVersion))
          : evidenceFromBuildFailure(build, options.drill)
    } finally {
      if (build.ok) await build.dispose()
    }
  }
  const verdict = decideVerdict(assessment, evidence)
  const decision = decide(
    verdict.status,
    options,
    ctx.godebug,
    missingEvidence(options.reproduce, verdict.status, evidence),
  )
  return buildReport({
    toolVersion: TOOL_VERSION,
    facts,
    assessment,
    evidence,
    verdict,
    options,
    decision,
    now: ctx.now,
  })
}

type Built = Awaited<ReturnType<typeof compileReproducer>>

async function buildReproducer(
  options: Options,
  ctx: AuditContext,
): Promise<Built> {
  // Loaded only when needed: a static audit never compiles.
  const { compileReproducer, nativeDir } = await import('./compile.js')
  const build = await compileReproducer({
    compiler: options.compiler,
    nativeDir: nativeDir(),
    tempDir: ctx.tempDir,
    toolCacheDir: ctx.toolCacheDir,
    names: ctx.folderNames,
  })
  if (!build.ok) {
    ctx.log(`reproducer: not built: ${build.reason}`)
    return build
  }
  for (const note of build.notes) ctx.log(`reproducer: ${note}`)
  ctx.log(
    build.cacheHit
      ? `reproducer: tool cache hit (key ${build.key}, ${build.compiler})`
      : `reproducer: compiled in ${build.seconds.toFixed(2)} s with ${build.compiler}; ${build.cached ? 'cached' : 'not cached'} under key ${build.key}`,
  )
  return build
}

/**
 * A real mlock of `bytes` in this process's limits, user namespace and
 * capabilities, which the Go runtime will meet too; null (and a log line)
 * when the probe gave no answer, so the inference stands.
 */
export async function proveMlock(
  binary: string,
  bytes: number,
  ctx: Pick<AuditContext, 'log'>,
): Promise<MlockProof | null> {
  const run = await runStage(
    binary,
    mlockProbeArgs(bytes),
    probeDeadlineSeconds() * 1000,
  )
  const proof = 'startFailure' in run ? null : parseMlockProbeLine(run.stdout)
  ctx.log(
    proof
      ? `memlock: a real mlock of ${proof.bytes} bytes ${proof.ok ? 'succeeded' : `failed (errno ${proof.errno})`}`
      : `memlock: the mlock probe gave no answer (${'startFailure' in run ? run.startFailure : `exit ${run.code}`}); judged by the limit and the capability`,
  )
  return proof
}

async function runRemembered(
  build: CompileOutcome & { ok: true },
  options: Options,
  ctx: AuditContext,
  kernelVersion: string | null,
): Promise<ReproducerEvidence> {
  const recalled = await ctx.remembered?.recall(build.key)
  if (recalled) return recalled
  const evidence = await runBuilt(build, options, ctx, kernelVersion)
  await ctx.remembered?.keep(build.key, evidence)
  return evidence
}

/**
 * Runs the reproducer once; a program that could not even be started
 * (ENOENT, EACCES on a noexec mount, ETXTBSY…) is the reason, not a throw.
 */
async function runStage(
  binary: string,
  args: string[],
  deadlineMs: number,
): Promise<GroupRun | { startFailure: string }> {
  try {
    return await runInGroup(binary, args, deadlineMs)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (!code) throw err
    return {
      startFailure: `the reproducer could not be started (${code}): ${(err as Error).message}`,
    }
  }
}

/** The evidence of a reproducer that did not start, at either stage. */
function evidenceFromStartFailure(
  build: CompileOutcome & { ok: true },
  why: string,
  selfTest: ReproducerEvidence['selfTest'],
  drill: boolean,
): ReproducerEvidence {
  return {
    ...EMPTY_EVIDENCE,
    result: 'error',
    reason: selfTest ? `the run failed: ${why}` : `self-test failed: ${why}`,
    drill,
    selfTest: selfTest ?? { passed: false, seconds: 0, detail: why },
    build: {
      ok: true,
      compiler: build.compiler,
      output: '',
      cacheHit: build.cacheHit,
      seconds: build.seconds,
      key: build.key,
    },
  }
}

/** The self-test, then the real run, of a built reproducer. */
export async function runBuilt(
  build: CompileOutcome & { ok: true },
  options: Options,
  ctx: Pick<AuditContext, 'log' | 'ioDir'>,
  /** uname -v, for what a clean run in a preemption-bound mode can say. */
  kernelVersion: string | null = null,
): Promise<ReproducerEvidence> {
  const stDeadline = SELF_TEST_SECONDS * 1000 + DEADLINE_GRACE_MS
  const stRun = await runStage(
    build.binary,
    selfTestArgs(options.mode, ctx.ioDir),
    stDeadline,
  )
  if ('startFailure' in stRun) {
    ctx.log(`reproducer: self-test ${stRun.startFailure}`)
    return evidenceFromStartFailure(
      build,
      stRun.startFailure,
      null,
      options.drill,
    )
  }
  const selfTest = {
    run: stRun,
    line: parseResultLine(stRun.stdout),
    deadlineMs: stDeadline,
  }
  const afterSelfTest = evidenceFromRuns({
    build,
    selfTest,
    real: null,
    drill: options.drill,
  })
  ctx.log(
    `reproducer: self-test ${afterSelfTest.selfTest?.detail ?? afterSelfTest.reason}`,
  )
  if (!afterSelfTest.selfTest?.passed) return afterSelfTest

  const deadline = options.duration * 1000 + DEADLINE_GRACE_MS
  // Run in the mode the self-test resolved, so --events fits that mode.
  const resolved = selfTest.line?.mode
  const mode = isRunMode(resolved) ? resolved : options.mode
  const args = realRunArgs(mode, options.duration, options.drill, ctx.ioDir)
  ctx.log(`reproducer: ${build.binary} ${args.join(' ')}`)
  const run = await runStage(build.binary, args, deadline)
  if ('startFailure' in run) {
    ctx.log(`reproducer: ${run.startFailure}`)
    return evidenceFromStartFailure(
      build,
      run.startFailure,
      afterSelfTest.selfTest,
      options.drill,
    )
  }
  const real = { run, line: parseResultLine(run.stdout), deadlineMs: deadline }
  return evidenceFromRuns({
    build,
    selfTest,
    real,
    drill: options.drill,
    kernelVersion,
  })
}
