// The Report (versioned JSON) and what is rendered from it: action outputs,
// annotations, the CLI's terminal text, and the words every renderer shares;
// the job summary's Markdown is summary.ts's. Nothing a user sees is
// computed anywhere else.
import type {
  Assessment,
  GoRuntimeView,
  KernelAssessment,
  Reason,
} from './assess.js'
import { mlockFails } from './assess.js'
import { formatLimit } from './units.js'
import { crashSummary, missText, type ReproducerEvidence } from './evidence.js'
import type { Decision, Mitigation, Verdict } from './verdict.js'
import { formatBytes, formatSeconds, goVersionText } from './units.js'
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

export function cpuText(c: CpuFacts): string {
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
  const missing = r.decision.evidenceMissing
  if (missing !== null) {
    out.push({
      level: 'error',
      title: 'sigvec-check: reproduce: always, but no evidence',
      message: `reproduce is always, but the reproducer gave no evidence: ${missing}. The step fails, since evidence was asked for; remove the cause, or set reproduce to auto.`,
    })
  }
  if (r.decision.failing && r.decision.mitigation === 'none') {
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
    missing === null &&
    (r.kernel.finding === 'buggy' || r.kernel.finding === 'unknown')
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
  if (mlockFails(go)) {
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

/*
 * The words every renderer shares (the job summary in summary.ts, the
 * terminal text below), so a fact reads the same wherever it appears.
 */

export function yesNo(v: boolean | null): string {
  return v === null ? 'unknown' : v ? 'yes' : 'no'
}

export function levelSourceText(k: KernelAssessment): string | null {
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

/** "1.14.0", or the worst case assumed when the version is not known. */
export function goText(go: GoRuntimeView): string {
  return go.goVersion
    ? goVersionText(go.goVersion)
    : 'unknown (judged as the worst case, 1.14.0)'
}

/** What the Go runtime will do on this kernel, in words. */
export function workaroundText(go: GoRuntimeView): string {
  switch (go.workaround) {
    case 'inactive':
      return 'none (only Go 1.14–1.15 on x86 have it)'
    case 'not-triggered':
      return 'not used (the runtime reads this kernel as fixed)'
    case 'mlock':
      return 'locks each thread’s signal stack, and may'
    case 'mlock-fails-fatal':
      return 'locks each thread’s signal stack, but may not (Go 1.14.0 dies)'
    case 'mlock-fails-silent':
      return 'locks each thread’s signal stack, but may not (it stops locking and leaves threads exposed)'
    case 'unknown':
      return 'unknown'
  }
}

/** "8 MiB; Go needs 256 KiB for 64 threads: enough". */
export function memlockText(go: GoRuntimeView): string {
  const enough =
    go.memlockSufficient === null
      ? 'unknown whether enough'
      : go.memlockSufficient
        ? 'enough'
        : 'too low'
  return `${formatLimit(go.memlockSoft)}; Go 1.14–1.15 need ${formatBytes(go.memlockNeeded)} for ${go.memlockThreads} threads: ${enough}`
}

/** The run in one line: "corrupted: uffd mode, 0.01 s, 5 faulting deliveries". */
function reproducerText(e: ReproducerEvidence): string {
  return e.origin ? `${runText(e)} (${e.origin})` : runText(e)
}

function runText(e: ReproducerEvidence): string {
  const drill = e.drill ? ' (DRILL)' : ''
  switch (e.result) {
    case 'skipped':
      return `skipped (${e.reason})`
    case 'error':
      return `error: ${e.reason}`
    default: {
      const parts = [
        `${e.mode ?? 'unknown'} mode`,
        e.seconds === null ? null : formatSeconds(e.seconds),
        `${e.faultingDeliveries ?? 0} faulting deliveries (${e.liveFaultingDeliveries ?? 0} live)`,
        e.missBasis !== null ? `miss probability ${missText(e)}` : null,
        e.crashes.length ? crashSummary(e.crashes) : null,
      ].filter(Boolean)
      return `${e.result}${drill}: ${parts.join(', ')}${e.leak ? `; ${e.leak}` : ''}`
    }
  }
}

/** What the policy made of the status. */
function decisionText(r: Report): string {
  const owed = r.decision.evidenceMissing !== null
  const owing = 'the step fails (reproduce: always, and no evidence)'
  if (r.decision.failing && r.decision.mitigation === 'none')
    return `the step fails (fail-on: ${r.policy.failOn})`
  if (r.decision.mitigation === 'godebug')
    return `mitigated: later steps get GODEBUG=${r.decision.godebug}${owed ? `; ${owing}` : ''}`
  if (owed) return owing
  return `the step passes (fail-on: ${r.policy.failOn})`
}

/** The CLI's terminal text: the summary's facts and sentences, plainer. */
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
  row('reproducer', reproducerText(r.reproducer))
  row('go', `${goText(go)}; mlock workaround ${workaroundText(go)}`)
  row('memlock', memlockText(go))
  row('decision', decisionText(r))
  out.push('', 'why:')
  for (const reason of [...r.reasons, ...go.reasons])
    out.push(`  - ${reason.message}`)
  if (r.mitigations.length > 0 && !r.reproducer.drill) {
    out.push('', 'what to do:')
    for (const m of r.mitigations) {
      out.push(`  * ${m.title}: ${m.detail}`)
      for (const c of m.commands)
        out.push(`      ${c.label}: ${c.text.replace(/\n/g, '\n        ')}`)
    }
  } else if (r.reproducer.drill) {
    out.push(
      '',
      'what to do:',
      '  * Nothing to fix: this was a drill; the reproducer injected the corruption itself.',
    )
  }
  return out.join('\n') + '\n'
}
