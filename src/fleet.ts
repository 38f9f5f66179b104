// `merge`: many Reports (a matrix of runners, a fleet) into one Markdown
// table and one JSON summary, worst status first.
import { formatLimit } from './assess.js'
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from './report.js'
import { missText, type Status } from './verdict.js'

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
}

export interface FleetSummary {
  schema: 'sigvec-check/fleet'
  version: 1
  hosts: number
  worst: Status | null
  counts: Record<Status, number>
  rows: FleetRow[]
}

/** Checks that a parsed JSON document is a Report this version can read. */
export function asReport(doc: unknown, source: string): Report {
  const r = doc as Partial<Report> | null
  if (!r || typeof r !== 'object' || r.schema !== REPORT_SCHEMA) {
    throw new Error(
      `${source} is not a sigvec-check Report (no "schema": "${REPORT_SCHEMA}")`,
    )
  }
  if (r.version !== REPORT_VERSION) {
    throw new Error(
      `${source} is Report version ${String(r.version)}; this sigvec-check reads version ${REPORT_VERSION}`,
    )
  }
  return r as Report
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
        ? `${rep.result} (${rep.mode}, ${rep.faultingDeliveries} faulting${rep.missProbability !== null ? `, miss ${missText(rep)}` : ''})`
        : rep.result,
    memlock: `${formatLimit(go.memlockSoft)}${go.memlockSufficient === false ? ' (too low)' : ''}`,
    go: `${go.goVersion ?? 'unknown'}: ${go.workaround}`,
    mitigation:
      r.decision.mitigation === 'godebug'
        ? `GODEBUG=${r.decision.godebug}`
        : r.mitigations.map((m) => m.id).join(', ') || 'none',
  }
}

export function mergeReports(
  items: Array<{ report: Report; source: string }>,
): FleetSummary {
  const rows = items
    .map(({ report, source }) => fleetRow(report, source))
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
    rows,
  }
}

const cell = (v: string) => v.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function renderFleetMarkdown(s: FleetSummary): string {
  const lines = [
    `## sigvec-check: ${s.hosts} host${s.hosts === 1 ? '' : 's'}, worst \`${s.worst ?? 'none'}\``,
    '',
    SEVERITY.filter((st) => s.counts[st] > 0)
      .map((st) => `${s.counts[st]} ${st}`)
      .join(' · '),
    '',
    '| Host | Kernel | Upstream | Compiler | Status | Reproducer | Memlock | Go runtime | Mitigation |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of s.rows) {
    const status = `**${r.status}**${r.drill ? ' (DRILL)' : ''}`
    lines.push(
      `| ${[r.host, `\`${r.kernel}\``, r.upstream, r.compiler, status, r.reproducer, r.memlock, r.go, r.mitigation].map(cell).join(' | ')} |`,
    )
  }
  return lines.join('\n') + '\n'
}
