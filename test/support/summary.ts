// What every job summary must be, whatever its status: the page's shape,
// checked the same way on Reports built in-process and on the summary a
// real action run wrote to GITHUB_STEP_SUMMARY.
import assert from 'node:assert/strict'
import { MODE_REASON_WORDS } from '../../src/evidence.js'
import type { Report } from '../../src/report.js'

/** The summary without its collapsed blocks: what a person sees first. */
export function openText(summary: string): string {
  return summary.replace(/<details>[\s\S]*?<\/details>/g, '')
}

/** The rows of every table: header cells, then each body row's cells. */
export function tables(md: string): string[][][] {
  const lines = md.split('\n')
  const out: string[][][] = []
  const cells = (l: string) =>
    l
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim())
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\|(\s*:?-+:?\s*\|)+$/.test(lines[i + 1] as string)) continue
    const rows = [cells(lines[i] as string)]
    for (let j = i + 2; j < lines.length && lines[j]?.startsWith('|'); j++)
      rows.push(cells(lines[j] as string))
    out.push(rows)
  }
  return out
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function assertSummaryShape(summary: string, r: Report): void {
  const open = openText(summary)
  // Nothing anywhere on the page is a link or HTML but our own.
  assert.deepEqual(liveMarkup(summary), [])
  const sections = [...summary.matchAll(/^### (.+)$/gm)].map((m) => m[1])
  assert.deepEqual(sections, ['Why', 'What to do', 'Evidence'])

  // No table has an empty header cell.
  for (const t of tables(summary))
    for (const h of t[0] as string[])
      assert.notEqual(h, '', `an empty header: ${(t[0] as string[]).join('|')}`)

  // No reason code shows raw, the verdict's, the Go runtime's or the mode's.
  const codes = [...r.reasons, ...r.go.reasons].map((x) => x.code)
  for (const code of codes)
    assert.doesNotMatch(
      summary,
      new RegExp(`(^|[^\\w-])${escape(code)}($|[^\\w-])`),
      `raw reason code ${code}`,
    )
  for (const code of Object.keys(MODE_REASON_WORDS))
    assert.doesNotMatch(summary, new RegExp(`\\b${escape(code)}: `), code)

  // Words: no "Go go1.19", no "a injected"; units: no exact byte counts
  // and no milliseconds in the open page, seconds as formatSeconds writes
  // them (never "0.1 s" beside "0.06 s").
  assert.doesNotMatch(summary, /\bGo go\d/)
  assert.doesNotMatch(summary, /\ba (injected|[aeiou]\w*) canary/i)
  assert.doesNotMatch(open, /\d+ bytes\b/)
  assert.doesNotMatch(summary, /\d ms\b/)
  assert.doesNotMatch(summary, /(?<![\d.])\d\.\d s\b/)

  // Evidence: the register map, 16 registers × 4 lanes, and the bytes once.
  const m = r.reproducer.mismatch
  const maps = tables(summary).filter((t) => t[0]?.[0] === 'Lane')
  if (m) {
    assert.equal(maps.length, 1)
    const map = maps[0] as string[][]
    assert.deepEqual(map[0], [
      'Lane',
      ...Array.from({ length: 16 }, (_, i) => `ymm${i}`),
    ])
    assert.equal(map.length, 5)
    for (const row of map.slice(1)) {
      assert.equal(row.length, 17)
      for (const c of row.slice(1)) assert.match(c, /^(·|T\d+|inj|run|0|\?)$/)
    }
    for (const hex of [m.expected, m.observed]) {
      assert.equal(summary.split(hex).length, 1, 'the whole register unsplit')
      for (const lane of hex.match(/.{16}/g) ?? []) {
        const seen = summary.split(lane).length - 1
        assert.ok(seen >= 1, `${lane} not shown`)
        assert.doesNotMatch(open, new RegExp(lane))
      }
    }
    assert.equal((summary.match(/^expected {2}/gm) ?? []).length, 1)
  } else {
    assert.equal(maps.length, 0)
  }

  // What to do names this action's own switches where they apply.
  const todo = summary.split('### What to do')[1]?.split('### Evidence')[0]
  assert.ok(todo)
  const drill = r.reproducer.drill
  if (drill) {
    assert.match(todo, /drill: true/)
    assert.doesNotMatch(summary, /upgrade|boot \d/i)
  } else if (r.status === 'affected' || r.status === 'vulnerable') {
    assert.match(todo, /Upgrade the kernel/)
    assert.match(todo, /`mitigate: true`/)
    if (r.decision.mitigation !== 'godebug')
      assert.match(todo, /`fail-on: \w+`/)
  }
  if (
    !drill &&
    (r.status === 'vulnerable' || r.status === 'unknown') &&
    r.reproducer.result !== 'clean'
  )
    assert.match(todo, /`reproduce: always`/)
  if (r.status === 'unaffected' || r.status === 'not-applicable')
    assert.match(todo, /Nothing to do for the kernel/)
  if (r.go.workaround.startsWith('mlock-fails'))
    assert.match(todo, /Raise the locked-memory limit/)
}

/** Our own HTML on the page: the collapsed blocks and their titles. */
const OWN_TAGS = /<\/?(details|summary)>/g

/**
 * Markup that is live in Markdown (a link, an autolink, raw HTML, a raw
 * control character) outside code, read as CommonMark reads a line: a
 * backslash escapes the punctuation after it; a run of n backticks opens a
 * code span only if a run of exactly n closes it on the line; lines inside
 * a fenced block are code. Returns each live piece with its line.
 */
export function liveMarkup(md: string): string[] {
  const found: string[] = []
  // eslint-disable-next-line no-control-regex
  const control = md.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g)
  if (control) found.push(`control characters: ${JSON.stringify(control)}`)
  let fence: string | null = null
  for (const line of md.split('\n')) {
    const f = /^ {0,3}(`{3,})/.exec(line)
    if (fence !== null) {
      if (
        f &&
        (f[1] as string).length >= fence.length &&
        !/`/.test(line.slice(f[0].length))
      )
        fence = null
      continue
    }
    if (f) {
      fence = f[1] as string
      continue
    }
    let outside = ''
    for (let i = 0; i < line.length;) {
      const c = line[i] as string
      if (c === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
        i += 2
        continue
      }
      if (c === '`') {
        const run = (/^`+/.exec(line.slice(i)) as RegExpExecArray)[0]
        const rest = line.slice(i + run.length)
        const close = new RegExp(`(?<!\`)${run}(?!\`)`).exec(rest)
        i += run.length + (close ? close.index + run.length : 0)
        continue
      }
      outside += c
      i++
    }
    const text = outside.replace(OWN_TAGS, '')
    for (const live of [
      /<[A-Za-z!?/]/,
      /\]\(/,
      /\]\[/,
      /:\/\//,
      /www\./i,
      /\S@\S/,
    ])
      if (live.test(text)) found.push(`${String(live)} in: ${line}`)
  }
  return found
}
