// The Report (versioned JSON) and everything rendered from it: action
// outputs, annotations, the job summary and the CLI's terminal text. Nothing
// a user sees is computed anywhere else.
import type {
  Assessment,
  GoRuntimeView,
  KernelAssessment,
  Reason,
} from './assess.js'
import { formatLimit } from './assess.js'
import {
  clearingText,
  crashSummary,
  missText,
  type ReproducerEvidence,
} from './evidence.js'
import type { Decision, Mitigation, Verdict } from './verdict.js'
import { AFFECTED_LEVELS_TEXT } from './kernel.js'
import type {
  ContainerFacts,
  CpuFacts,
  Fact,
  HostFacts,
  MlockProof,
  UserNamespace,
} from './host.js'
import type { Options } from './options.js'
import type { Status } from './status.js'

export const REPORT_SCHEMA = 'sigvec-check/report'
export const REPORT_VERSION = 1

export interface FactRecord {
  name: string
  source: string
  value: string | null
  error: string | null
}

export interface Report {
  schema: typeof REPORT_SCHEMA
  version: typeof REPORT_VERSION
  tool: { name: 'sigvec-check'; version: string }
  generatedAt: string
  host: {
    name: string | null
    root: string
    live: boolean
    os: string | null
    arch: string | null
    cpu: CpuFacts | null
    container: ContainerFacts
    facts: FactRecord[]
  }
  status: Status
  headline: string
  reasons: Reason[]
  kernel: KernelAssessment
  go: GoRuntimeView
  reproducer: ReproducerEvidence
  mitigations: Mitigation[]
  policy: { failOn: Options['failOn']; mitigate: boolean }
  decision: Decision
  reportPath: string | null
}

export interface ReportParts {
  toolVersion: string
  facts: HostFacts
  assessment: Assessment
  evidence: ReproducerEvidence
  verdict: Verdict
  options: Options
  decision: Decision
  now: Date
}

export function buildReport(p: ReportParts): Report {
  const f = p.facts
  const value = <T>(fact: Fact<T>): T | null => (fact.ok ? fact.value : null)
  return {
    schema: REPORT_SCHEMA,
    version: REPORT_VERSION,
    tool: { name: 'sigvec-check', version: p.toolVersion },
    generatedAt: p.now.toISOString(),
    host: {
      name: value(f.hostname),
      root: f.root,
      live: f.live,
      os: value(f.os)?.prettyName ?? null,
      arch: value(f.arch),
      cpu: value(f.cpu),
      container: f.container,
      facts: factRecords(f),
    },
    status: p.verdict.status,
    headline: p.verdict.headline,
    reasons: p.verdict.reasons,
    kernel: p.assessment.kernel,
    go: p.assessment.go,
    reproducer: p.evidence,
    mitigations: p.verdict.mitigations,
    policy: { failOn: p.options.failOn, mitigate: p.options.mitigate },
    decision: p.decision,
    reportPath: p.options.reportPath,
  }
}

function factRecords(f: HostFacts): FactRecord[] {
  const rows: Array<[string, Fact<unknown>, (v: never) => string]> = [
    ['kernel release', f.release, String],
    ['/proc/version', f.procVersion, String],
    ['uname -v', f.unameVersion, String],
    ['Ubuntu signature', f.versionSignature, String],
    ['architecture', f.arch, String],
    ['CPU', f.cpu, (c: CpuFacts) => cpuText(c)],
    [
      'RLIMIT_MEMLOCK',
      f.memlock,
      (m: { soft: never; hard: never }) =>
        `soft ${formatLimit(m.soft)}, hard ${formatLimit(m.hard)}`,
    ],
    ['CAP_IPC_LOCK', f.capIpcLock, (b: boolean) => (b ? 'yes' : 'no')],
    // The capability lifts the limit only in the initial user namespace.
    ['user namespace', f.userNamespace, userNamespaceText],
  ]
  const records = rows.map(([name, fact, show]) => ({
    name,
    source: fact.source,
    value: fact.ok ? show(fact.value as never) : null,
    error: fact.ok ? null : fact.error,
  }))
  records.push(mlockProofRecord(f.mlockProof ?? null))
  records.push({
    name: 'Go toolchain',
    source: f.go.source,
    value: f.go.version,
    error: f.go.version ? null : f.go.note,
  })
  return records
}

function userNamespaceText(ns: UserNamespace): string {
  return `${ns.initial ? 'initial' : 'not the initial one'} (uid_map ${ns.uidMap})`
}

/** The mlock the audit tried itself, which outweighs the limit's reading. */
const MLOCK_PROBE_SOURCE = 'sigvec-repro --mlock-probe'

function mlockProofRecord(proof: MlockProof | null): FactRecord {
  if (!proof) {
    return {
      name: 'real mlock',
      source: MLOCK_PROBE_SOURCE,
      value: null,
      error:
        'not tried, or no answer: it is tried only on the audited machine itself, where Go 1.14–1.15 would lock memory',
    }
  }
  return {
    name: 'real mlock',
    source: MLOCK_PROBE_SOURCE,
    value: proof.ok
      ? `${proof.bytes} bytes locked`
      : `${proof.bytes} bytes refused (errno ${proof.errno ?? 'unknown'})`,
    error: null,
  }
}

function cpuText(c: CpuFacts): string {
  const vec = [c.avx && 'AVX', c.avx2 && 'AVX2', c.avx512f && 'AVX-512'].filter(
    Boolean,
  )
  return `${c.model ?? c.vendor ?? 'x86'} (${vec.length ? vec.join(', ') : 'no AVX'})`
}

/** The action's outputs, every one always set ('' when not known). */
export function reportOutputs(
  r: Report,
  reportFile: string | null,
): Record<string, string> {
  const str = (v: string | number | boolean | null) =>
    v === null ? '' : String(v)
  return {
    status: r.status,
    'kernel-release': str(r.kernel.release),
    'kernel-version': str(r.kernel.level),
    'kernel-compiler': str(r.kernel.compiler),
    'in-affected-range': str(r.kernel.inAffectedRange),
    reproducer: r.reproducer.result,
    'reproducer-mode': str(r.reproducer.mode),
    'go-workaround': r.go.workaround,
    'memlock-limit': str(r.go.memlockSoft),
    'memlock-sufficient': str(r.go.memlockSufficient),
    mitigation: r.decision.mitigation,
    godebug: str(r.decision.godebug),
    report: str(reportFile),
  }
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  title: string
  message: string
}

/** At most a few annotations: an error to fail on, warnings for risks. */
export function reportAnnotations(r: Report): Annotation[] {
  const out: Annotation[] = []
  const drill = r.reproducer.drill ? 'DRILL — ' : ''
  if (r.decision.fail) {
    out.push({
      level: 'error',
      title: `${drill}sigvec-check: ${r.status}`,
      message: `${r.headline} ${firstFix(r)}`.trim(),
    })
  } else if (r.decision.mitigation === 'godebug') {
    out.push({
      level: 'warning',
      title: `${drill}sigvec-check: ${r.status} — mitigated`,
      message:
        `${r.headline} Later steps run with GODEBUG=${r.decision.godebug}; this makes corruption rarer, not impossible. ${firstFix(r)}`.trim(),
    })
  } else if (
    r.status === 'affected' ||
    r.status === 'vulnerable' ||
    r.status === 'unknown'
  ) {
    out.push({
      level: 'warning',
      title: `sigvec-check: ${r.status}`,
      message: r.headline,
    })
  }
  const unsettled =
    r.kernel.finding === 'buggy' || r.kernel.finding === 'unknown'
  const noEvidence =
    r.reproducer.result === 'skipped' || r.reproducer.result === 'error'
  if (unsettled && noEvidence) {
    out.push({
      level: 'warning',
      title: `sigvec-check: reproducer ${r.reproducer.result}`,
      message: `No evidence from the reproducer: ${r.reproducer.reason}. The verdict rests on the version check alone.`,
    })
  }
  const go = r.go
  if (
    go.workaround === 'mlock-fails-fatal' ||
    go.workaround === 'mlock-fails-silent'
  ) {
    out.push({
      level: 'warning',
      title: 'sigvec-check: memlock too low for Go 1.14–1.15',
      message: go.reasons.at(-1)?.message ?? '',
    })
  }
  return out.slice(0, 3)
}

function firstFix(r: Report): string {
  // A drill's kernel was not judged by it: no advice to change it.
  if (r.reproducer.drill) return ''
  const m = r.mitigations.find((x) => x.id === 'upgrade-kernel')
  return m ? `Fix: ${m.detail}` : ''
}

const ICON: Record<Status, string> = {
  affected: '🛑',
  vulnerable: '⚠️',
  unaffected: '✅',
  'not-applicable': '➖',
  unknown: '❔',
}

function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—'
  return String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

function yesNo(v: boolean | null): string {
  return v === null ? 'unknown' : v ? 'yes' : 'no'
}

/** The job summary: the verdict first, then one table per question. */
export function renderSummary(r: Report): string {
  const k = r.kernel
  const go = r.go
  const lines: string[] = []
  const drill = r.reproducer.drill ? ' (DRILL)' : ''
  lines.push(
    `## ${ICON[r.status]} sigvec-check: \`${r.status}\`${drill}`,
    '',
    r.headline,
    '',
  )
  if (r.reproducer.drill) {
    lines.push(
      '> [!WARNING]',
      '> This was a **drill**: the reproducer injected the corruption on purpose to rehearse how this workflow reacts. The kernel was not judged by it.',
      '',
    )
  }
  lines.push('| | |', '|---|---|')
  lines.push(`| Status | **${r.status}** |`)
  lines.push(
    `| Kernel | \`${cell(k.release)}\` — upstream ${cell(k.level)} (${cell(levelSourceText(k))}) |`,
  )
  lines.push(`| Built by | ${cell(k.compiler)} |`)
  lines.push(
    `| In affected range | ${yesNo(k.inAffectedRange)} (${AFFECTED_LEVELS_TEXT}) |`,
  )
  lines.push(
    `| Machine | ${cell(r.host.name)} · ${cell(r.host.os)} · ${cell(r.host.arch)} · ${cell(r.host.cpu ? cpuText(r.host.cpu) : null)} |`,
  )
  lines.push(
    `| Container | ${r.host.container.detected ? `yes (${cell(r.host.container.signals.join('; '))}) — the host's kernel counts` : 'no'} |`,
  )
  lines.push(`| Reproducer | ${reproducerText(r.reproducer)} |`)
  lines.push(`| Decision | ${decisionText(r)} |`)
  lines.push('')
  lines.push('### Why', '')
  for (const reason of r.reasons)
    lines.push(`- ${reason.message} \`${reason.code}\``)
  lines.push('', '### Go runtime on this machine', '')
  lines.push(
    '| Go | Its kernel test | Workaround | Memlock limit | Needed | Enough |',
  )
  lines.push('|---|---|---|---|---|---|')
  lines.push(
    `| ${cell(go.goVersion ?? 'unknown (worst case: 1.14.0)')} | ${go.releaseTestTriggers === null ? 'unknown' : go.releaseTestTriggers ? 'says buggy' : 'says fixed'} | \`${go.workaround}\` | ${formatLimit(go.memlockSoft)} | ${go.memlockNeeded} bytes (${go.memlockThreads} threads) | ${yesNo(go.memlockSufficient)} |`,
  )
  lines.push('')
  for (const reason of go.reasons) lines.push(`- ${reason.message}`)
  if (r.mitigations.length > 0) {
    lines.push('', '### What to do', '')
    for (const m of r.mitigations) {
      lines.push(`- **${m.title}.** ${m.detail}`)
    }
    const commands = r.mitigations.flatMap((m) => m.commands)
    if (commands.length > 0) {
      lines.push('', '| Where | Set |', '|---|---|')
      for (const c of commands)
        lines.push(`| ${cell(c.label)} | \`${cell(c.text)}\` |`)
    }
  }
  lines.push(...reproducerSection(r.reproducer))
  lines.push('', '<details><summary>Facts read</summary>', '')
  lines.push('| Fact | Source | Value |', '|---|---|---|')
  for (const f of r.host.facts) {
    lines.push(
      `| ${f.name} | \`${cell(f.source)}\` | ${f.value !== null ? `\`${cell(f.value)}\`` : `_${cell(f.error)}_`} |`,
    )
  }
  lines.push('', '</details>', '')
  return lines.join('\n')
}

function reproducerSection(e: ReproducerEvidence): string[] {
  if (!e.build) return []
  const out = ['', '### Reproducer', '', '| | |', '|---|---|']
  const b = e.build
  out.push(
    `| Result | **${e.result}**${e.drill ? ' (DRILL: corruption injected on purpose)' : ''} |`,
  )
  out.push(`| Compiler | ${cell(b.compiler)} |`)
  if (e.origin) out.push(`| Runs | ${cell(e.origin)} |`)
  else if (b.ok) {
    out.push(
      `| Binary | ${b.cacheHit ? 'tool cache hit' : `compiled in ${b.seconds?.toFixed(2)} s`} (key \`${cell(b.key)}\`) |`,
    )
  }
  if (e.selfTest)
    out.push(
      `| Self-test | ${e.selfTest.passed ? 'passed' : 'FAILED'}: ${cell(e.selfTest.detail)} |`,
    )
  if (e.mode)
    out.push(
      `| Mode | ${e.mode}${e.modeReason ? ` — ${cell(e.modeReason)}` : ''} |`,
    )
  if (e.seconds !== null) out.push(`| Ran for | ${e.seconds.toFixed(2)} s |`)
  if (e.signals !== null) out.push(`| Signals | ${e.signals} |`)
  if (e.faultingDeliveries !== null) {
    out.push(
      `| Faulting deliveries | ${e.faultingDeliveries} (${e.liveFaultingDeliveries ?? 0} with the canaries live) |`,
    )
  }
  if (e.missBasis !== null) {
    out.push(
      `| Miss probability | ${missText(e)} — the chance a kernel with the bug would have stayed clean in this run. Clearing takes ${cell(clearingText(e))}. Basis: ${cell(e.missBasis ?? '')}${e.missProbability !== null ? '; rates from an emulated lab, real hardware may differ' : ''}. |`,
    )
  }
  if (e.crashes.length > 0) {
    out.push(
      `| Crashed workers | ${e.crashes.map((c) => cell(`task ${c.task}: ${c.signal} at ${c.seconds.toFixed(2)} s${c.detail ? ` (${c.detail})` : ''}`)).join('; ')} |`,
    )
  }
  if (e.leak) out.push(`| Leak | ${cell(e.leak)} |`)
  if (e.result === 'error' || e.result === 'skipped')
    out.push(`| Why | ${cell(e.reason)} |`)
  if (!b.ok && b.output) {
    const excerpt = buildOutputExcerpt(b.output)
    // A fence longer than any run of backticks in the output, so the
    // compiler's text cannot end the code block and become markup.
    const longest = Math.max(
      0,
      ...(excerpt.match(/`+/g) ?? []).map((run) => run.length),
    )
    const fence = '`'.repeat(Math.max(3, longest + 1))
    out.push(
      '',
      '<details><summary>Compiler output</summary>',
      '',
      fence,
      excerpt,
      fence,
      '',
      '</details>',
    )
  }
  return out
}

/**
 * How much build output the job summary shows: the first errors matter
 * most, the last lines say how it ended. GitHub caps a step's summary at
 * 1 MiB and fails the upload beyond; the JSON Report keeps more.
 */
export const SUMMARY_OUTPUT_HEAD_CHARS = 12_000
export const SUMMARY_OUTPUT_TAIL_CHARS = 4_000

export function buildOutputExcerpt(output: string): string {
  const keep = SUMMARY_OUTPUT_HEAD_CHARS + SUMMARY_OUTPUT_TAIL_CHARS
  if (output.length <= keep) return output
  const leftOut = output.length - keep
  return [
    output.slice(0, SUMMARY_OUTPUT_HEAD_CHARS),
    `[… ${leftOut} characters of compiler output left out here; the JSON Report holds more …]`,
    output.slice(-SUMMARY_OUTPUT_TAIL_CHARS),
  ].join('\n')
}

function levelSourceText(k: KernelAssessment): string | null {
  switch (k.levelSource) {
    case 'ubuntu-signature':
      return 'from /proc/version_signature'
    case 'debian-version':
      return "from Debian's package version"
    case 'release':
      return 'from the release'
    default:
      return null
  }
}

function reproducerText(e: ReproducerEvidence): string {
  return e.origin ? `${runText(e)} (${cell(e.origin)})` : runText(e)
}

function runText(e: ReproducerEvidence): string {
  const drill = e.drill ? ' — DRILL' : ''
  switch (e.result) {
    case 'skipped':
      return `skipped (${cell(e.reason)})`
    case 'error':
      return `error: ${cell(e.reason)}`
    default:
      return `${e.result}${drill}: ${e.mode} mode, ${e.seconds?.toFixed(2)} s, ${e.faultingDeliveries} faulting deliveries${e.missBasis !== null ? `, miss probability ${missText(e)}` : ''}${e.crashes.length ? `, ${crashSummary(e.crashes)}` : ''}${e.leak ? `; ${cell(e.leak)}` : ''}`
  }
}

function decisionText(r: Report): string {
  if (r.decision.fail) return `step fails (fail-on: ${r.policy.failOn})`
  if (r.decision.mitigation === 'godebug') {
    return `mitigated: later steps get \`GODEBUG=${cell(r.decision.godebug)}\``
  }
  return `passes (fail-on: ${r.policy.failOn})`
}

/** The CLI's terminal text. */
export function renderText(r: Report): string {
  const k = r.kernel
  const go = r.go
  const out: string[] = []
  out.push(
    `sigvec-check: ${r.status.toUpperCase()}${r.reproducer.drill ? ' (DRILL)' : ''}`,
  )
  out.push(`  ${r.headline}`, '')
  const row = (label: string, v: string | null) =>
    out.push(`  ${label.padEnd(18)} ${v ?? '—'}`)
  row(
    'host',
    [r.host.name, r.host.os, r.host.arch].filter(Boolean).join(', ') || null,
  )
  row('kernel release', k.release)
  row('upstream level', k.level && `${k.level} (${levelSourceText(k)})`)
  row('built by', k.compiler)
  row('affected range', yesNo(k.inAffectedRange))
  row('cpu', r.host.cpu ? cpuText(r.host.cpu) : null)
  row(
    'container',
    r.host.container.detected
      ? `yes: ${r.host.container.signals.join('; ')}`
      : 'no',
  )
  row('reproducer', reproducerText(r.reproducer).replace(/`/g, ''))
  row(
    'go',
    `${go.goVersion ?? 'unknown (worst case 1.14.0)'} → workaround ${go.workaround}`,
  )
  row(
    'memlock',
    `${formatLimit(go.memlockSoft)}; needs ${go.memlockNeeded} bytes for ${go.memlockThreads} threads: ${go.memlockSufficient === null ? 'unknown' : go.memlockSufficient ? 'enough' : 'TOO LOW'}`,
  )
  out.push('', 'why:')
  for (const reason of [...r.reasons, ...go.reasons])
    out.push(`  - ${reason.message} [${reason.code}]`)
  if (r.mitigations.length > 0) {
    out.push('', 'what to do:')
    for (const m of r.mitigations) {
      out.push(`  * ${m.title}: ${m.detail}`)
      for (const c of m.commands)
        out.push(`      ${c.label}: ${c.text.replace(/\n/g, '\n        ')}`)
    }
  }
  return out.join('\n') + '\n'
}
