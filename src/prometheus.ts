// One Report as node_exporter textfile-collector lines (Prometheus text
// exposition format 0.0.4), so an existing fleet monitors it continuously.
import type { Report } from './report.js'
import { STATUSES } from './status.js'

type Labels = Record<string, string | number | boolean | null>

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}="${escapeLabel(String(v))}"`)
  return parts.length ? `{${parts.join(',')}}` : ''
}

function num(v: number | boolean): string {
  if (typeof v === 'boolean') return v ? '1' : '0'
  return Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : '-Inf'
}

export function renderPrometheus(r: Report): string {
  const out: string[] = []
  const host = { host: r.host.name ?? 'unknown' }
  const metric = (
    name: string,
    help: string,
    samples: Array<[Labels, number | boolean]>,
  ) => {
    if (samples.length === 0) return
    out.push(`# HELP sigvec_check_${name} ${help}`)
    out.push(`# TYPE sigvec_check_${name} gauge`)
    for (const [labels, value] of samples) {
      out.push(
        `sigvec_check_${name}${labelText({ ...host, ...labels })} ${num(value)}`,
      )
    }
  }
  metric(
    'status',
    'Verdict on the AVX signal-stack kernel bug: 1 for the current status, 0 for the others.',
    STATUSES.map((s) => [{ status: s }, s === r.status]),
  )
  metric('kernel_info', 'The kernel this verdict is about (always 1).', [
    [
      {
        release: r.kernel.release,
        version: r.kernel.level,
        compiler: r.kernel.compiler,
      },
      1,
    ],
  ])
  if (r.kernel.inAffectedRange !== null) {
    metric(
      'kernel_in_affected_range',
      'Whether the upstream level is 5.2.x, 5.3.0-5.3.14 or 5.4.0-5.4.1.',
      [[{}, r.kernel.inAffectedRange]],
    )
  }
  metric('reproducer', 'Reproducer result: 1 for the current result.', [
    [
      {
        result: r.reproducer.result,
        mode: r.reproducer.mode,
        drill: r.reproducer.drill,
      },
      1,
    ],
  ])
  if (r.reproducer.faultingDeliveries !== null) {
    metric(
      'reproducer_faulting_deliveries',
      'Signal deliveries that faulted the signal stack in during the last run.',
      [[{}, r.reproducer.faultingDeliveries]],
    )
  }
  if (r.reproducer.missProbability !== null) {
    metric(
      'reproducer_miss_probability',
      "The chance a kernel with the bug would have stayed clean in the last run, at the lab's detection rate.",
      [[{}, r.reproducer.missProbability]],
    )
  }
  metric(
    'go_workaround',
    'What Go 1.14-1.15 would do here: 1 for the current outcome.',
    [[{ workaround: r.go.workaround, go_version: r.go.goVersion }, 1]],
  )
  if (r.go.memlockSoft !== null) {
    metric(
      'memlock_limit_bytes',
      'Soft RLIMIT_MEMLOCK (+Inf when unlimited).',
      [[{}, r.go.memlockSoft === 'unlimited' ? Infinity : r.go.memlockSoft]],
    )
  }
  metric(
    'memlock_needed_bytes',
    'Locked memory Go 1.14-1.15 need for memlock-threads threads.',
    [[{}, r.go.memlockNeeded]],
  )
  if (r.go.memlockSufficient !== null) {
    metric(
      'memlock_sufficient',
      'Whether the memlock limit covers what Go needs.',
      [[{}, r.go.memlockSufficient]],
    )
  }
  metric('last_audit_timestamp_seconds', 'When this audit ran (Unix time).', [
    [{}, Math.floor(Date.parse(r.generatedAt) / 1000)],
  ])
  return out.join('\n') + '\n'
}
