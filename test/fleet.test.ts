// merge over Reports of the captured hosts, and --prometheus checked against
// the text exposition format.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import { mergeReports, renderFleetMarkdown } from '../src/fleet.js'
import { cli } from './support/cli.js'
import { parseExposition } from './support/exposition.js'
import {
  HOSTS,
  mergeJson,
  removeFolders,
  reportFolder,
  reportText,
  source,
} from './support/merge.js'

after(removeFolders)

function reportsOf(names: string[]): string {
  return reportFolder(
    Object.fromEntries(names.map((n) => [`${n}.json`, reportText(n)])),
  )
}

const FLEET = [
  'gha-ubuntu-22.04-6.5.0-1025-azure',
  'arch-5.4.1-gcc9',
  'debian-sid-arm64-5.3.0-2',
  'fedora31-5.3.7-no-proc-version',
  'ubuntu-20.04-5.4.0-42-go1.15.5',
]

test('merge orders hosts worst first and exits by the worst status', () => {
  const dir = reportsOf(FLEET)
  const r = mergeJson([dir])
  assert.equal(r.code, 2, r.stderr)
  const summary = r.summary!
  assert.equal(summary.schema, 'sigvec-check/fleet')
  assert.equal(summary.hosts, 5)
  assert.equal(summary.worst, 'vulnerable')
  assert.deepEqual(
    summary.rows.map((row) => row.status),
    ['vulnerable', 'unknown', 'unaffected', 'unaffected', 'not-applicable'],
  )
  assert.deepEqual(summary.counts, {
    affected: 0,
    vulnerable: 1,
    unknown: 1,
    unaffected: 2,
    'not-applicable': 1,
  })
  // An unknown that its Report says is unknown is no invalid Report.
  assert.equal(summary.invalid, 0)
  assert.deepEqual(summary.duplicates, [])
  assert.ok(summary.rows.every((row) => row.invalid === null))
  assert.equal(r.stderr, '')
  const arch = summary.rows[0] as unknown as Record<string, string>
  assert.equal(arch.kernel, '5.4.1-arch1-1')
  assert.equal(arch.compiler, 'gcc 9.2.0')
  assert.match(arch.mitigation as string, /upgrade-kernel/)
})

test('merge prints one Markdown table, and writes the JSON summary too', () => {
  const dir = reportsOf(FLEET.slice(0, 1).concat(FLEET.slice(2, 3)))
  const jsonFile = path.join(dir, 'out', 'fleet.json')
  const r = source(['merge', '--json-file', jsonFile, dir])
  assert.equal(r.code, 0, r.stderr)
  const lines = r.stdout.trim().split('\n')
  assert.match(
    lines[0] as string,
    /^## sigvec-check: 2 hosts, worst `unaffected`/,
  )
  const table = lines.filter((l) => l.startsWith('|'))
  assert.equal(table.length, 4) // header, rule, two hosts
  assert.match(
    table[0] as string,
    /^\| Host \| Kernel \| Upstream \| Compiler \| Status \| Reproducer \| Memlock \| Go runtime \| Mitigation \|$/,
  )
  assert.match(table[2] as string, /\*\*unaffected\*\*/)
  assert.match(table[3] as string, /\*\*not-applicable\*\*/)
  assert.equal(JSON.parse(fs.readFileSync(jsonFile, 'utf8')).hosts, 2)
})

/** The slices of the one mermaid pie in merge's Markdown, label → count. */
function pieSlices(markdown: string): Record<string, number> {
  const blocks = [...markdown.matchAll(/^```mermaid\n([^]*?)^```$/gm)]
  assert.equal(blocks.length, 1, markdown)
  const [head, title, ...slices] = (blocks[0]?.[1] as string)
    .trimEnd()
    .split('\n')
  assert.equal(head, 'pie showData')
  assert.equal(title, '  title Hosts by status')
  return Object.fromEntries(
    slices.map((line) => {
      const m = /^ {2}"([a-z-]+)" : ([1-9]\d*)$/.exec(line)
      assert.ok(m, `a slice: ${line}`)
      return [m[1] as string, Number(m[2])]
    }),
  )
}

test("merge's Markdown charts the statuses of its table, worst first", () => {
  // A file that is no Report is a row counted as unknown: a slice too.
  const dir = reportFolder({
    ...Object.fromEntries(FLEET.map((n) => [`${n}.json`, reportText(n)])),
    'broken.json': '{"schema":',
  })
  const r = source(['merge', dir])
  assert.equal(r.code, 2, r.stderr)
  const fromTable: Record<string, number> = {}
  for (const line of r.stdout.split('\n')) {
    const status = /^\|[^|]*\|[^|]*\|[^|]*\|[^|]*\| \*\*([a-z-]+)\*\*/.exec(
      line,
    )?.[1]
    if (status) fromTable[status] = (fromTable[status] ?? 0) + 1
  }
  const slices = pieSlices(r.stdout)
  assert.deepEqual(slices, fromTable)
  assert.deepEqual(slices, {
    vulnerable: 1,
    unknown: 2,
    unaffected: 2,
    'not-applicable': 1,
  })
  assert.deepEqual(Object.keys(slices), [
    'vulnerable',
    'unknown',
    'unaffected',
    'not-applicable',
  ])
  // The chart sits between the counts line and the table.
  assert.ok(r.stdout.indexOf('```mermaid') < r.stdout.indexOf('| Host |'))
  // --json has no chart, only the counts it is drawn from.
  const json = mergeJson([dir])
  assert.doesNotMatch(json.stdout, /mermaid/)
  assert.equal(json.summary?.counts.unknown, 2)
})

test('a fleet of no reports draws no empty chart', () => {
  const markdown = renderFleetMarkdown(mergeReports([]))
  assert.match(markdown, /^## sigvec-check: 0 hosts, worst `none`/)
  assert.doesNotMatch(markdown, /mermaid|pie/)
  // A host whose name could break out of the chart never reaches it.
  const hostile = JSON.parse(reportText(FLEET[0] as string))
  hostile.host.name = 'x" : 99\n```\n"affected'
  const one = renderFleetMarkdown(
    mergeReports([{ source: 'hostile.json', report: hostile }]),
  )
  assert.deepEqual(pieSlices(one), { unaffected: 1 })
})

test('merge stops with a usage error only where it is given nothing to read', () => {
  const dir = reportFolder({})
  const table: Array<[string[], RegExp]> = [
    [[path.join(dir, 'missing.json')], /missing\.json: no such file or folder/],
    [[dir], /no \*\.json Reports in this folder/],
    [[], /merge needs at least one Report/],
  ]
  for (const [args, message] of table) {
    const r = source(['merge', ...args])
    assert.equal(r.code, 1, args.join(' '))
    assert.match(r.stderr, message)
    assert.equal(r.stdout, '')
  }
})

test('merge counts a FIFO named like a Report as unknown, without blocking', () => {
  // A plain read of a FIFO waits for a writer for ever.
  const dir = reportsOf(FLEET.slice(0, 1))
  const made = spawnSync('mkfifo', [path.join(dir, 'pipe.json')])
  assert.equal(made.status, 0, String(made.stderr))
  const r = mergeJson([dir])
  assert.equal(r.code, 3, r.stderr)
  assert.match(r.stderr, /pipe\.json: not a regular file; counted as unknown/)
  assert.equal(r.summary?.invalid, 1)
})

test('--prometheus prints valid exposition text with one status set', () => {
  const r = cli(['--root', path.join(HOSTS, 'arch-5.4.1-gcc9'), '--prometheus'])
  assert.equal(r.code, 2)
  const samples = parseExposition(r.stdout)
  const status = samples.filter((s) => s.name === 'sigvec_check_status')
  assert.equal(status.length, 5)
  assert.deepEqual(
    status.filter((s) => s.value === 1).map((s) => s.labels.status),
    ['vulnerable'],
  )
  const info = samples.find((s) => s.name === 'sigvec_check_kernel_info')
  assert.equal(info?.labels.release, '5.4.1-arch1-1')
  assert.equal(info?.labels.compiler, 'gcc 9.2.0')
  assert.ok(samples.every((s) => s.labels.host !== undefined))
  const unlimited = cli([
    '--root',
    path.join(HOSTS, 'fedora30-5.2.18-unlimited-memlock'),
    '--prometheus',
  ])
  const limit = parseExposition(unlimited.stdout).find(
    (s) => s.name === 'sigvec_check_memlock_limit_bytes',
  )
  assert.equal(limit?.value, Infinity)
})

test('--prometheus carries the miss probability of a clean run', () => {
  // uffd mode stops at enough deliveries for a miss below 1e-12, long
  // before the 60 s; this machine's kernel is fixed, so the run is clean.
  // Its own tool cache and temp dir, removed after: nothing left in $HOME.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-prom-'))
  let r: ReturnType<typeof cli>
  try {
    r = cli(
      [
        '--prometheus',
        '--reproduce',
        'always',
        '--mode',
        'uffd',
        '--duration',
        '60',
      ],
      { ...process.env, RUNNER_TOOL_CACHE: dir, RUNNER_TEMP: dir },
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  assert.equal(r.code, 0, r.stderr)
  const samples = parseExposition(r.stdout)
  const result = samples.find((s) => s.name === 'sigvec_check_reproducer')
  assert.equal(result?.labels.result, 'clean')
  const miss = samples.find(
    (s) => s.name === 'sigvec_check_reproducer_miss_probability',
  )
  assert.ok(miss && miss.value >= 0 && miss.value < 1e-6, `${miss?.value}`)
})

test('the exposition reader rejects what Prometheus would', () => {
  const table = [
    'metric 1\n', // no TYPE
    '# TYPE m gauge\nm{a="x} 1\n', // open quote
    '# TYPE m gauge\nm one\n', // not a number
    '# TYPE m gauge\nm 1', // no final newline
  ]
  for (const bad of table) assert.throws(() => parseExposition(bad), bad)
  assert.equal(
    parseExposition('# TYPE m gauge\nm{a="x\\"y"} 1\n')[0]?.labels.a,
    'x"y',
  )
})
