// The job summary: one page of Markdown that answers first (the verdict,
// why, what to do with this action's own inputs), then shows the evidence
// as something to look at (a map of the 16 YMM registers × 4 lanes), and
// keeps the rest, exact bytes included, in collapsed blocks.
import {
  clearingText,
  crashSummary,
  leakSourceText,
  missText,
  MODE_REASON_WORDS,
  modeReasonText,
  type Mismatch,
  type ReproducerEvidence,
} from './evidence.js'
import { mlockFails } from './assess.js'
import { AFFECTED_LEVELS_TEXT } from './kernel.js'
import { codeBlock, codeSpan, markdownText, oneLine } from './markdown.js'
import {
  cpuText,
  goText,
  levelSourceText,
  memlockText,
  workaroundText,
  yesNo,
  type Report,
} from './report.js'
import type { Status } from './status.js'
import { formatLimit, formatSeconds } from './units.js'

const ICON: Record<Status, string> = {
  affected: '🛑',
  vulnerable: '⚠️',
  unaffected: '✅',
  'not-applicable': '➖',
  unknown: '❔',
}

type CellValue = string | number | boolean | null | undefined

/**
 * A table cell of text that may come from the host: literal, so it adds no
 * cell, markup, link or HTML (src/markdown.ts); "—" where there is none.
 */
function cell(v: CellValue): string {
  if (v === null || v === undefined || v === '') return '—'
  return markdownText(String(v))
}

/** The same as a code span, whose fence no backtick inside can close. */
function code(v: CellValue): string {
  if (v === null || v === undefined || v === '') return '—'
  return codeSpan(String(v))
}

/**
 * Prose that carries text from the host (a release, a path, a tool's
 * message): no character of it becomes markup, a link or HTML.
 */
const prose = markdownText

/** The job summary: the verdict first, then why, what to do, the evidence. */
export function renderSummary(r: Report): string {
  const e = r.reproducer
  const lines: string[] = [
    `## ${ICON[r.status]} sigvec-check: ${codeSpan(r.status)}${e.drill ? ' (DRILL)' : ''}`,
    '',
  ]
  // A drill's headline says what its callout says; the callout is enough.
  if (!e.drill) lines.push(`**${prose(r.headline)}**`, '')
  if (e.drill) {
    lines.push(
      '> [!WARNING]',
      '> This was a **drill** (`drill: true`): the reproducer injected the corruption on purpose, to rehearse how this workflow reacts. The kernel was not judged by it.',
      '',
    )
  }
  lines.push('### Why', '')
  for (const reason of whyReasons(r)) lines.push(`- ${prose(reason)}`)
  lines.push('', '### What to do', '', ...whatToDo(r))
  lines.push('', '### Evidence', '', ...evidenceSection(e))
  lines.push('', ...machineDetails(r), '')
  return lines.join('\n')
}

/** The verdict's reasons; the Go runtime's only where it matters here. */
function whyReasons(r: Report): string[] {
  const out = r.reasons.map((x) => x.message)
  if (goMatters(r)) out.push(...r.go.reasons.map((x) => x.message))
  return out
}

/** Go's reasons belong in "Why" when its workaround fails or is not known. */
function goMatters(r: Report): boolean {
  return mlockFails(r.go) || r.go.workaround === 'unknown'
}

/** Markdown for an input of this action as a workflow writes it. */
const input = (name: string, value: string) => codeSpan(`${name}: ${value}`)

/**
 * What to do, by status, naming this action's own inputs. A drill judged
 * no kernel, so it advises nothing about one.
 */
export function whatToDo(r: Report): string[] {
  const out: string[] = []
  const e = r.reproducer
  const d = r.decision
  const risky = r.status === 'affected' || r.status === 'vulnerable'
  if (e.drill) {
    out.push(
      `- **Nothing to fix: this was a drill.** The reproducer injected the corruption itself. Remove ${input('drill', 'true')} for a real check.`,
    )
    out.push(`- **How this workflow reacted:** ${reaction(r)}`)
  } else {
    const upgrade = r.mitigations.find((m) => m.id === 'upgrade-kernel')
    if (upgrade) out.push(`- **${upgrade.title}.** ${prose(upgrade.detail)}`)
    if (risky) {
      out.push(
        d.mitigation === 'godebug'
          ? `- **Later steps of this job already run with ${codeSpan(`GODEBUG=${d.godebug}`)}** (${input('mitigate', 'true')}): Go 1.14+ then preempts without signals, so corruption becomes rarer, not impossible.`
          : `- **Until then, set ${input('mitigate', 'true')}** on this step: instead of failing, it exports \`GODEBUG=asyncpreemptoff=1\` to the later steps of this job (Go 1.14+ then preempts without signals: corruption becomes rarer, not impossible).`,
      )
    }
    if (r.status === 'vulnerable' || r.status === 'unknown') {
      const more =
        r.host.live || e.result !== 'skipped' || e.build
          ? evidenceAdvice(e)
          : `**Get evidence on the machine itself**: these facts are a capture (\`--root\`), where the reproducer cannot run; this action on that machine with ${input('reproduce', 'always')} runs it on its kernel.`
      if (more) out.push(`- ${more}`)
    }
    if (r.status === 'unaffected' || r.status === 'not-applicable') {
      out.push(
        `- **Nothing to do for the kernel.** ${r.status === 'unaffected' ? 'It does not have the bug.' : 'The bug cannot happen on this machine.'}`,
      )
    }
    if (risky || r.status === 'unknown' || d.evidenceMissing !== null)
      out.push(`- **This step ${reaction(r)}**`)
  }
  const memlock = r.mitigations.find((m) => m.id === 'raise-memlock')
  if (memlock) {
    out.push(`- **${memlock.title}.** ${prose(memlock.detail)}`)
    if (memlock.commands.length > 0) {
      out.push('', '| Where | Set |', '|---|---|')
      for (const c of memlock.commands)
        out.push(`| ${cell(c.label)} | ${code(c.text)} |`)
    }
  }
  return out
}

/** What the step did with the status, and which input would change it. */
function reaction(r: Report): string {
  const d = r.decision
  const failOn = input('fail-on', r.policy.failOn)
  const status = codeSpan(r.status)
  const missing = d.evidenceMissing
  if (missing !== null)
    return `failed: ${input('reproduce', 'always')} asks for evidence, and the reproducer gave none (${prose(missing)}). Remove the cause, or set ${input('reproduce', 'auto')}.`
  if (d.mitigation === 'godebug')
    return `passed and set ${codeSpan(`GODEBUG=${d.godebug}`)} for the later steps of this job, as ${input('mitigate', 'true')} asks.`
  if (d.fail)
    return `failed, as ${failOn} fails on ${status}. With ${input('mitigate', 'true')} it would pass and set \`GODEBUG=asyncpreemptoff=1\` for the later steps instead.`
  if (r.status === 'unknown')
    return `passed: ${failOn} does not fail on ${status}; ${input('fail-on', 'unknown')} would.`
  return `passed: ${failOn} does not fail on ${status}; ${input('fail-on', r.status === 'affected' ? 'affected' : 'vulnerable')} would.`
}

/** How to get (better) evidence when the kernel is not settled. */
function evidenceAdvice(e: ReproducerEvidence): string | null {
  const always = input('reproduce', 'always')
  switch (e.result) {
    case 'skipped':
      return e.build
        ? `**The reproducer could not be built** (${prose(e.reason)}); with a working C compiler (${input('compiler', '…')}), ${always} runs it here: a corruption makes the kernel \`affected\`, a long enough clean run clears it.`
        : `**Get evidence with ${always}**: the reproducer then runs on this machine; a corruption makes the kernel \`affected\`, a long enough clean run in uffd or io mode clears it.`
    case 'error':
      return `**The reproducer failed** (${prose(e.reason)}); once that is fixed, ${always} runs it again.`
    case 'clean':
    case 'crashed':
      return `**A run that can clear the kernel**: clearing takes ${prose(clearingText(e))}. A longer ${input('duration', '2m')} gives a run more deliveries.`
    case 'corrupted':
      return null
  }
}

function evidenceSection(e: ReproducerEvidence): string[] {
  const out: string[] = []
  if (e.result === 'skipped' && !e.build) {
    out.push(
      `The reproducer did not run (${prose(e.reason)}): the verdict rests on the kernel's version and compiler.`,
    )
    return out
  }
  out.push(
    `The reproducer: ${runSentence(e)}${e.origin ? ` Its runs were ${prose(e.origin)}, not made here.` : ''}`,
  )
  const m = e.mismatch
  if (m) {
    out.push(
      '',
      `Register map of task ${m.task} (${cell(m.role)}) at the first corruption: 16 YMM registers × 4 lanes of 64 bits.`,
      '',
      ...registerMap(m),
      '',
      mapLegend(mapCells(m)),
      '',
      ...bytesBlock(m),
    )
  }
  if (e.build && !e.build.ok && e.build.output) {
    out.push(
      '',
      '<details><summary>Compiler output</summary>',
      '',
      // The compiler's text cannot end the block and become markup.
      ...codeBlock(buildOutputExcerpt(e.build.output)),
      '',
      '</details>',
    )
  }
  return out
}

/** The run in one sentence: what it found, how, over how long. */
function runSentence(e: ReproducerEvidence): string {
  const drill = e.drill ? ' (DRILL: injected on purpose)' : ''
  switch (e.result) {
    case 'skipped':
      return `**skipped**: ${prose(e.reason)}.`
    case 'error':
      return `**error**: ${prose(e.reason)}.`
    default: {
      const over = e.seconds === null ? '' : ` in ${formatSeconds(e.seconds)}`
      const counts = `${e.signals ?? 0} signals, ${e.faultingDeliveries ?? 0} faulting deliveries (${e.liveFaultingDeliveries ?? 0} with the canaries live)`
      const found =
        e.result === 'corrupted'
          ? ` ${prose(e.leak ?? 'registers changed')}.`
          : e.result === 'crashed'
            ? ` No corruption, but ${crashSummary(e.crashes)}.`
            : ''
      return `**${e.result}**${drill}, ${e.mode ?? 'unknown'} mode${over}: ${counts}.${found}`
    }
  }
}

/**
 * One cell per lane: "·" where the lane held its canary, else whose bytes
 * arrived. From the reproducer's lane map where it printed one; otherwise
 * the reported register's bytes are read here and any other changed
 * register is "?".
 */
export function mapCells(m: Mismatch): string[][] {
  const lanes = Array.isArray(m.lanes) && m.lanes.length === 16 ? m.lanes : null
  const changed = new Set(Array.isArray(m.registers) ? m.registers : [])
  return Array.from({ length: 16 }, (_, reg) =>
    Array.from({ length: 4 }, (_, lane) => {
      if (lanes) {
        const from = Array.isArray(lanes[reg]) ? lanes[reg][lane] : undefined
        return from === null ? '·' : laneCell(from, m.task)
      }
      if (`ymm${reg}` === m.register) return byteLane(m, lane)
      return changed.has(`ymm${reg}`) ? '?' : '·'
    }),
  )
}

/** A lane's source in leakedFrom's words → its map cell. */
function laneCell(from: unknown, task: number): string {
  if (typeof from !== 'string') return '?'
  const t = /^task:(\d{1,5})$/.exec(from)
  if (t) return `T${t[1]}`
  switch (from) {
    case 'injected':
      return 'inj'
    case 'self':
      return `T${task}`
    case 'foreign':
      return 'run'
    case 'zeros':
      return '0'
    default:
      return '?'
  }
}

/** A lane of the reported register read from its bytes (native/README.md). */
function byteLane(m: Mismatch, lane: number): string {
  const hex = /^[0-9a-f]{64}$/
  if (!hex.test(m.expected) || !hex.test(m.observed)) return '?'
  const exp = m.expected.slice(lane * 16, lane * 16 + 16)
  const obs = m.observed.slice(lane * 16, lane * 16 + 16)
  if (exp === obs) return '·'
  if (/^0+$/.test(obs)) return '0'
  const b = obs.match(/../g)!.map((x) => parseInt(x, 16))
  const sum = b.slice(0, 7).reduce((a, x) => a ^ x, 0xc3)
  if (b[0] !== 0xa5 || b[6] !== 0x5a || b[7] !== sum) return '?'
  const nonce = (b[2] as number) | ((b[3] as number) << 8)
  const runNonce =
    parseInt(exp.slice(4, 6), 16) | (parseInt(exp.slice(6, 8), 16) << 8)
  if (nonce !== runNonce) return 'run'
  const tag = (b[4] as number) | ((b[5] as number) << 8)
  return tag === 0xffff ? 'inj' : `T${tag}`
}

/** The map as a table: a row per lane, a column per register. */
function registerMap(m: Mismatch): string[] {
  const cells = mapCells(m)
  const regs = Array.from({ length: 16 }, (_, r) => `ymm${r}`)
  const out = [
    `| Lane | ${regs.join(' | ')} |`,
    `|---|${regs.map(() => ':-:').join('|')}|`,
  ]
  for (let lane = 0; lane < 4; lane++)
    out.push(`| ${lane} | ${cells.map((row) => row[lane]).join(' | ')} |`)
  return out
}

/** The legend: only the symbols the map uses. */
function mapLegend(cells: string[][]): string {
  const used = new Set(cells.flat())
  const words: string[] = ['`·` intact (its own canary)']
  const tasks = [...used].filter((c) => /^T\d+$/.test(c)).sort()
  for (const t of tasks) words.push(`\`${t}\` task ${t.slice(1)}'s canary`)
  if (used.has('inj')) words.push('`inj` the injected canary')
  if (used.has('run')) words.push("`run` another run's canary")
  if (used.has('0')) words.push("`0` zeros (a task's initial state)")
  if (used.has('?'))
    words.push('`?` changed: bytes that name no task, or not reported')
  return `Legend: ${words.join(' · ')}.`
}

/** The register's bytes, once, lane by lane, collapsed. */
function bytesBlock(m: Mismatch): string[] {
  const hex = /^[0-9a-f]{64}$/
  const lanes = (v: string) =>
    hex.test(v) ? (v.match(/.{16}/g) as string[]).join('  ') : oneLine(v)
  return [
    `<details><summary>The bytes of ${cell(m.register)} in task ${m.task}, expected and observed</summary>`,
    '',
    '```text',
    `          lane 0            lane 1            lane 2            lane 3`,
    `expected  ${lanes(m.expected)}`,
    `observed  ${lanes(m.observed)}`,
    '```',
    '',
    `Each lane: A5, register and lane, the run's nonce (2 bytes), the task (2 bytes; ffff: injected), 5A, a checksum. ${cell(m.register)} held ${prose(leakSourceText(m))}.`,
    '',
    '</details>',
  ]
}

/** Everything else, collapsed: the machine, the Go runtime, the run, the facts. */
function machineDetails(r: Report): string[] {
  const k = r.kernel
  const go = r.go
  const e = r.reproducer
  const rows: Array<[string, string]> = [
    ['Kernel', code(k.release)],
    [
      'Upstream level',
      `${cell(k.level)}${k.level ? ` (${levelSourceText(k)})` : ''}`,
    ],
    ['Built by', cell(k.compiler)],
    [
      'In the affected range',
      `${yesNo(k.inAffectedRange)} (${AFFECTED_LEVELS_TEXT})`,
    ],
    ['Machine', [r.host.name, r.host.os, r.host.arch].map(cell).join(' · ')],
    ['CPU', cell(r.host.cpu ? cpuText(r.host.cpu) : null)],
    [
      'Container',
      r.host.container.detected
        ? `yes (${cell(r.host.container.signals.join('; '))}): the host's kernel counts`
        : 'no',
    ],
    ['Go', cell(goText(go))],
    ['Go’s mlock workaround', cell(workaroundText(go))],
    [
      'Locked-memory limit',
      `${cell(memlockText(go))} (exact: soft ${exactLimit(go.memlockSoft)}, hard ${exactLimit(go.memlockHard)}, needed ${go.memlockNeeded} bytes)`,
    ],
  ]
  if (e.build) {
    const b = e.build
    rows.push(['Reproducer compiler', cell(b.compiler)])
    if (e.origin) rows.push(['Reproducer runs', cell(e.origin)])
    else if (b.ok)
      rows.push([
        'Reproducer binary',
        `${b.cacheHit ? 'from the tool cache' : `compiled in ${b.seconds === null ? 'an unknown time' : formatSeconds(b.seconds)}`} (key ${code(b.key)})`,
      ])
  }
  if (e.selfTest)
    rows.push([
      'Self-test',
      `${e.selfTest.passed ? 'passed' : 'FAILED'}: ${cell(e.selfTest.detail)}`,
    ])
  if (e.mode)
    rows.push([
      'Mode',
      `${cell(e.mode)}${e.modeReason ? `, ${modeReasonMarkdown(e.modeReason)}` : ''}`,
    ])
  if (e.missBasis !== null)
    rows.push([
      'Miss probability',
      `${cell(missText(e))}: the chance a kernel with the bug would have stayed clean in this run. Clearing takes ${cell(clearingText(e))}. Basis: ${cell(e.missBasis)}${e.missProbability !== null ? '; rates from an emulated lab, real hardware may differ' : ''}.`,
    ])
  if (e.crashes.length > 0)
    rows.push([
      'Crashed workers',
      e.crashes
        .map((c) =>
          cell(
            `task ${c.task}: ${c.signal} at ${formatSeconds(c.seconds)}${c.detail ? ` (${c.detail})` : ''}`,
          ),
        )
        .join('; '),
    ])
  const out = [
    '<details><summary>The machine, the Go runtime and the facts read</summary>',
    '',
    '| What | Value |',
    '|---|---|',
    ...rows.map(([what, value]) => `| ${what} | ${value} |`),
  ]
  if (!goMatters(r) && go.reasons.length > 0) {
    out.push('')
    for (const reason of go.reasons) out.push(`- ${prose(reason.message)}`)
  }
  out.push('', '| Fact | Source | Value |', '|---|---|---|')
  for (const f of r.host.facts) {
    out.push(
      `| ${cell(f.name)} | ${code(f.source)} | ${f.value !== null ? code(f.value) : `_${cell(f.error)}_`} |`,
    )
  }
  out.push('', '</details>')
  return out
}

/**
 * Why the run used its mode: our words for the reproducer's code keep
 * their Markdown; its own sentence after them is text like any other.
 */
function modeReasonMarkdown(modeReason: string): string {
  const at = modeReason.indexOf(': ')
  const words = MODE_REASON_WORDS[at < 0 ? modeReason : modeReason.slice(0, at)]
  if (!words) return cell(modeReasonText(modeReason))
  const text = at < 0 ? '' : modeReason.slice(at + 2)
  return text ? `${words}: ${cell(text)}` : words
}

/** A limit with its exact byte count, for the collapsed block. */
function exactLimit(limit: Report['go']['memlockSoft']): string {
  return typeof limit === 'number' ? `${limit} bytes` : formatLimit(limit)
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
