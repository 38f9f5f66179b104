// The one pipeline both front doors run: host facts → assessment →
// reproducer evidence → verdict → policy → Report.
import { assess } from './assess.js'
import type { CompileOutcome } from './compile.js'
import { readHostFacts } from './host.js'
import type { Options } from './options.js'
import { buildReport, type Report } from './report.js'
import {
  DEADLINE_GRACE_MS,
  evidenceFromBuildFailure,
  evidenceFromRuns,
  evidenceFromSkip,
  parseResultLine,
  planRun,
  realRunArgs,
  SELF_TEST_SECONDS,
  selfTestArgs,
} from './reproducer.js'
import { runInGroup } from './spawn.js'
import { TOOL_VERSION } from './version.js'
import { decide, decideVerdict, type ReproducerEvidence } from './verdict.js'

export interface AuditContext {
  /** GODEBUG as later steps would inherit it, to merge into. */
  godebug: string | undefined
  now: Date
  /** Scratch space for the compile (RUNNER_TEMP). */
  tempDir: string
  log: (line: string) => void
  /** Results of earlier runs of the same build (the runner hook's memory). */
  remembered?: RememberedRuns
}

/** Reproducer results kept by the build's cache key, e.g. for one boot. */
export interface RememberedRuns {
  recall(key: string): Promise<ReproducerEvidence | null>
  keep(key: string, evidence: ReproducerEvidence): Promise<void>
}

export async function audit(
  options: Options,
  ctx: AuditContext,
): Promise<Report> {
  const facts = await readHostFacts({
    root: options.root,
    goVersion: options.goVersion,
  })
  const assessment = assess(facts, { memlockThreads: options.memlockThreads })
  const plan = facts.live
    ? options.drill
      ? { run: true, why: 'drill: true' }
      : planRun(options.reproduce, assessment.kernel.finding)
    : { run: false, why: 'a captured host (--root): nothing here to run it on' }
  ctx.log(`reproducer: ${plan.run ? 'runs' : 'skipped'} (${plan.why})`)
  const evidence = plan.run
    ? await reproduce(options, ctx)
    : evidenceFromSkip(plan.why, options.drill)
  const verdict = decideVerdict(assessment, evidence)
  const decision = decide(verdict.status, options, ctx.godebug)
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

async function reproduce(
  options: Options,
  ctx: AuditContext,
): Promise<ReproducerEvidence> {
  // Loaded only when needed: @actions/tool-cache pulls in the HTTP stack,
  // which a static audit never uses and which costs start-up time.
  const { compileReproducer, nativeSource } = await import('./compile.js')
  const build = await compileReproducer({
    compiler: options.compiler,
    source: nativeSource(),
    tempDir: ctx.tempDir,
  })
  if (!build.ok) {
    ctx.log(`reproducer: not built: ${build.reason}`)
    return evidenceFromBuildFailure(build, options.drill)
  }
  ctx.log(
    build.cacheHit
      ? `reproducer: tool cache hit (key ${build.key}, ${build.compiler})`
      : `reproducer: compiled in ${build.seconds.toFixed(2)} s with ${build.compiler}; cached under key ${build.key}`,
  )
  const recalled = await ctx.remembered?.recall(build.key)
  if (recalled) return recalled
  const evidence = await runBuilt(build, options, ctx)
  await ctx.remembered?.keep(build.key, evidence)
  return evidence
}

async function runBuilt(
  build: CompileOutcome & { ok: true },
  options: Options,
  ctx: AuditContext,
): Promise<ReproducerEvidence> {
  const stDeadline = SELF_TEST_SECONDS * 1000 + DEADLINE_GRACE_MS
  const stRun = await runInGroup(
    build.binary,
    selfTestArgs(options.mode),
    stDeadline,
  )
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
  const mode = selfTest.line?.mode ?? options.mode
  const args = realRunArgs(mode, options.duration, options.drill)
  ctx.log(`reproducer: ${build.binary} ${args.join(' ')}`)
  const run = await runInGroup(build.binary, args, deadline)
  const real = { run, line: parseResultLine(run.stdout), deadlineMs: deadline }
  return evidenceFromRuns({ build, selfTest, real, drill: options.drill })
}
