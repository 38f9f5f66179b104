// The one pipeline both front doors run: host facts → assessment →
// (evidence) → verdict → policy → Report.
import { assess } from './assess.js'
import { readHostFacts } from './host.js'
import type { Options } from './options.js'
import { buildReport, type Report } from './report.js'
import { TOOL_VERSION } from './version.js'
import { decide, decideVerdict, NO_REPRODUCER } from './verdict.js'

export interface AuditContext {
  /** GODEBUG as later steps would inherit it, to merge into. */
  godebug: string | undefined
  now: Date
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
  const evidence = NO_REPRODUCER
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
