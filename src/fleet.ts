// `merge`: many Reports (a matrix of runners, a fleet) into one Markdown
// table and one JSON summary, worst status first. A Report that could not be
// read or validated is a row too, counted as unknown: the view fails closed.
import { missText } from './evidence.js'
import { codeSpan, markdownText } from './markdown.js'
import type { Report } from './report.js'
import type { Status } from './status.js'
import { formatLimit } from './units.js'

/** Worst first; also decides the merged exit code. */
export const SEVERITY: readonly Status[] = [
  'affected',
  'vulnerable',
  'unknown',
  'unaffected',
  'not-applicable',
]

export interface FleetRow {
  source: string
  host: string
  kernel: string
  upstream: string
  compiler: string
  status: Status
  drill: boolean
  reproducer: string
  memlock: string
  go: string
  mitigation: string
  /** Why this file is no valid Report (then the status is unknown); null. */
  invalid: string | null
}

/** One file given to merge: a valid Report, or why it is none. */
export type FleetEntry =
  | { source: string; report: Report }
  | {
      source: string
      /** The problem, naming the field where one field is wrong. */
      invalid: string
      /** The host the file claims to be, where that much can be told. */
      host: string | null
    }

/** A file not counted because the report in it was already counted. */
export interface FleetDuplicate {
  source: string
  sameAs: string
}

export interface FleetSummary {
  schema: 'sigvec-check/fleet'
  version: 1
  hosts: number
  worst: Status | null
  counts: Record<Status, number>
  /** Rows for files that are no valid Report; counted as unknown too. */
  invalid: number
  /** Files left out as a second copy of a report already counted. */
  duplicates: FleetDuplicate[]
  rows: FleetRow[]
}

export function fleetRow(r: Report, source: string): FleetRow {
  const rep = r.reproducer
  const go = r.go
  return {
    source,
    host: r.host.name ?? source,
    kernel: r.kernel.release ?? 'unknown',
    upstream: r.kernel.level ?? 'unknown',
    compiler: r.kernel.compiler ?? 'unknown',
    status: r.status,
    drill: rep.drill,
    reproducer:
      rep.result === 'clean' ||
      rep.result === 'corrupted' ||
      rep.result === 'crashed'
        ? `${rep.result} (${rep.mode}, ${rep.faultingDeliveries} faulting${rep.missBasis !== null ? `, miss ${missText(rep)}` : ''})`
        : rep.result,
    memlock: `${formatLimit(go.memlockSoft)}${go.memlockSufficient === false ? ' (too low)' : ''}`,
    go: `${go.goVersion ?? 'unknown'}: ${go.workaround}`,
    mitigation:
      r.decision.mitigation === 'godebug'
        ? `GODEBUG=${r.decision.godebug}`
        : r.mitigations.map((m) => m.id).join(', ') || 'none',
    invalid: null,
  }
}

/** An unknown row: nothing in the file is trusted but the host it names. */
function invalidRow(source: string, invalid: string, host: string | null) {
  return {
    source,
    host: host ?? source,
    kernel: 'unknown',
    upstream: 'unknown',
    compiler: 'unknown',
    status: 'unknown',
    drill: false,
    reproducer: 'unknown',
    memlock: 'unknown',
    go: 'unknown',
    mitigation: 'unknown',
    invalid: `${source}: ${invalid}`,
  } satisfies FleetRow
}

export function mergeReports(
  entries: FleetEntry[],
  duplicates: FleetDuplicate[] = [],
): FleetSummary {
  const rows = entries
    .map((e) =>
      'report' in e
        ? fleetRow(e.report, e.source)
        : invalidRow(e.source, e.invalid, e.host),
    )
    .sort(
      (a, b) =>
        SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status) ||
        a.host.localeCompare(b.host) ||
        a.source.localeCompare(b.source),
    )
  const counts = Object.fromEntries(SEVERITY.map((s) => [s, 0])) as Record<
    Status,
    number
  >
  for (const row of rows) counts[row.status]++
  return {
    schema: 'sigvec-check/fleet',
    version: 1,
    hosts: rows.length,
    worst: rows[0]?.status ?? null,
    counts,
    invalid: rows.filter((r) => r.invalid !== null).length,
    duplicates,
    rows,
  }
}

const duplicateText = (d: FleetDuplicate) =>
  d.source === d.sameAs
    ? `${d.source} (given twice)`
    : `${d.source} (the same report as ${d.sameAs})`

/**
 * A mermaid pie of the hosts per status, which GitHub draws in Markdown and
 * job summaries. Mermaid takes only slices above zero, so a status no host
 * has is left out, and no hosts make no chart. The slice labels are our own
 * status words, never text from a Report.
 */
export function statusPie(s: FleetSummary): string[] {
  const slices = SEVERITY.filter((st) => s.counts[st] > 0)
  if (slices.length === 0) return []
  return [
    '```mermaid',
    'pie showData',
    '  title Hosts by status',
    ...slices.map((st) => `  "${st}" : ${s.counts[st]}`),
    '```',
    '',
  ]
}

export function renderFleetMarkdown(s: FleetSummary): string {
  const lines = [
    `## sigvec-check: ${s.hosts} host${s.hosts === 1 ? '' : 's'}, worst \`${s.worst ?? 'none'}\``,
    '',
    SEVERITY.filter((st) => s.counts[st] > 0)
      .map((st) => `${s.counts[st]} ${st}`)
      .join(' · '),
    '',
    ...statusPie(s),
  ]
  if (s.invalid > 0)
    lines.push(
      `${s.invalid} file${s.invalid === 1 ? '' : 's'} could not be read as a valid Report: counted as unknown, with the reason beside the status.`,
      '',
    )
  if (s.duplicates.length > 0)
    lines.push(
      `Counted once: ${s.duplicates.map(duplicateText).map(markdownText).join(', ')}.`,
      '',
    )
  lines.push(
    '| Host | Kernel | Upstream | Compiler | Status | Reproducer | Memlock | Go runtime | Mitigation |',
    '|---|---|---|---|---|---|---|---|---|',
  )
  for (const r of s.rows) {
    const status =
      `**${r.status}**${r.drill ? ' (DRILL)' : ''}` +
      (r.invalid === null ? '' : `: ${markdownText(r.invalid)}`)
    const cells = [
      markdownText(r.host),
      codeSpan(r.kernel),
      ...[r.upstream, r.compiler].map(markdownText),
      status,
      ...[r.reproducer, r.memlock, r.go, r.mitigation].map(markdownText),
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n') + '\n'
}
