// The job summary's words over every captured host: no reason code shows
// raw, sizes and durations each have one way of being written, the
// register map reads the reproducer's bytes, and nothing from the host
// becomes markup.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import { assess } from '../src/assess.js'
import {
  EMPTY_EVIDENCE,
  MODE_REASON_WORDS,
  evidenceFromSkip,
  type Mismatch,
  type ReproducerEvidence,
} from '../src/evidence.js'
import { readHostFacts } from '../src/host.js'
import { parseOptions } from '../src/options.js'
import { buildReport, renderText, type Report } from '../src/report.js'
import { codeBlock, codeSpan, markdownText } from '../src/markdown.js'
import { mapCells, renderSummary } from '../src/summary.js'
import {
  formatBytes,
  formatLimit,
  formatSeconds,
  goVersionText,
} from '../src/units.js'
import { decide, decideVerdict } from '../src/verdict.js'
import { ROOT } from './support/action.js'
import { assertSummaryShape, liveMarkup, openText } from './support/summary.js'

const HOSTS = path.join(ROOT, 'test', 'fixtures', 'hosts')
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-summary-'))
after(() => fs.rmSync(temp, { recursive: true, force: true }))

test('sizes: the largest binary unit reached, whole where it divides', () => {
  const table: Array<[number, string]> = [
    [0, '0 B'],
    [900, '900 B'],
    [1024, '1 KiB'],
    [65536, '64 KiB'],
    [262144, '256 KiB'],
    [100000, '97.7 KiB'],
    [8388608, '8 MiB'],
    [67108864, '64 MiB'],
    [1572864, '1.5 MiB'],
  ]
  for (const [bytes, text] of table) assert.equal(formatBytes(bytes), text)
})

test('limits: never shown larger than they are, so never as what they miss', () => {
  const table: Array<[number | 'unlimited' | null, string]> = [
    // One byte short of 256 KiB read "256.0 KiB" when rounded to nearest.
    [262143, '255.9 KiB'],
    [262144, '256 KiB'],
    [1048575, '1023.9 KiB'],
    [65536, '64 KiB'],
    [8388608, '8 MiB'],
    [8388607, '7.9 MiB'],
    [1572864, '1.5 MiB'],
    [1024 + 1023, '1.9 KiB'],
    [1023, '1023 B'],
    [0, '0 B'],
    ['unlimited', 'unlimited'],
    [null, 'unknown'],
  ]
  for (const [limit, text] of table) assert.equal(formatLimit(limit), text)
})

test('a memlock limit one byte short of the need reads as below it', async () => {
  const root = path.join(temp, 'memlock-short')
  fs.cpSync(path.join(HOSTS, 'arch-5.4.1-gcc9'), root, { recursive: true })
  const limits = path.join(root, 'proc/self/limits')
  fs.writeFileSync(
    limits,
    fs
      .readFileSync(limits, 'utf8')
      .replace(/^(Max locked memory +)65536( +)65536/m, '$1262143$2262143'),
  )
  const r = await staticReport(root)
  assert.equal(r.go.memlockSoft, 262143)
  assert.equal(r.go.memlockNeeded, 262144)
  const summary = renderSummary(r)
  assert.match(
    summary,
    /The memlock limit \(255\.9 KiB\) is below the 256 KiB needed/,
  )
  assert.doesNotMatch(summary + renderText(r), /256\.0 KiB/)
  assertSummaryShape(summary, r)
})

test('durations: two decimals below 10 s, one below 100 s, whole above', () => {
  const table: Array<[number, string]> = [
    [0.0015, 'under 0.01 s'],
    [0.009718, '0.01 s'],
    [0.06, '0.06 s'],
    [0.0649, '0.06 s'],
    [3.491398874, '3.49 s'],
    [9.999, '10.0 s'],
    [12.34, '12.3 s'],
    [125.4, '125 s'],
  ]
  for (const [s, text] of table) assert.equal(formatSeconds(s), text)
})

test('Go versions: the "go" of `go version` is dropped once', () => {
  const table: Array<[string, string]> = [
    ['go1.19.8', '1.19.8'],
    ['1.19.8', '1.19.8'],
    ['go1.14', '1.14'],
    ['gotip', 'gotip'],
  ]
  for (const [v, text] of table) assert.equal(goVersionText(v), text)
})

async function staticReport(
  root: string,
  inputs: Record<string, string> = {},
  evidence: ReproducerEvidence = evidenceFromSkip('reproduce: never', false),
): Promise<Report> {
  const spec = JSON.parse(
    fs.readFileSync(path.join(root, 'host.json'), 'utf8'),
  ) as { options?: { goVersion?: string; memlockThreads?: number } }
  const raw: Record<string, string> = {
    reproduce: 'never',
    ...(spec.options?.memlockThreads
      ? { 'memlock-threads': String(spec.options.memlockThreads) }
      : {}),
    ...inputs,
  }
  const options = parseOptions((name) => raw[name] ?? '')
  const facts = await readHostFacts({
    root,
    goVersion: spec.options?.goVersion ?? null,
  })
  const assessment = assess(facts, { memlockThreads: options.memlockThreads })
  const verdict = decideVerdict(assessment, evidence)
  return buildReport({
    toolVersion: '0.1.0',
    facts,
    assessment,
    evidence,
    verdict,
    options,
    decision: decide(verdict.status, options, undefined),
    now: new Date('2025-03-04T05:06:07.000Z'),
  })
}

const HOST_NAMES = fs
  .readdirSync(HOSTS)
  .filter((n) => fs.existsSync(path.join(HOSTS, n, 'host.json')))

test('every captured host: a page of the right shape, without raw codes', async () => {
  assert.ok(HOST_NAMES.length >= 20, HOST_NAMES.join(' '))
  const statuses = new Set<string>()
  for (const name of HOST_NAMES) {
    for (const failOn of ['vulnerable', 'unknown']) {
      const r = await staticReport(path.join(HOSTS, name), {
        'fail-on': failOn,
      })
      statuses.add(r.status)
      assertSummaryShape(renderSummary(r), r)
      const text = renderText(r)
      for (const { code } of [...r.reasons, ...r.go.reasons])
        assert.ok(!text.includes(code), `${name}: ${code} in the text`)
    }
  }
  assert.deepEqual([...statuses].sort(), [
    'not-applicable',
    'unaffected',
    'unknown',
    'vulnerable',
  ])
})

/** Every reason code the source can give: say('code', …) and code: '…'. */
function sourceReasonCodes(): string[] {
  const codes = new Set<string>()
  for (const file of ['assess.ts', 'verdict.ts', 'kernel.ts']) {
    const text = fs.readFileSync(path.join(ROOT, 'src', file), 'utf8')
    for (const m of text.matchAll(/say\(\s*'([a-z0-9.-]+)'/g))
      codes.add(m[1] as string)
    for (const m of text.matchAll(
      /code: (?:[^'\n]*\? )?'([a-z0-9.-]+)'(?: : '([a-z0-9.-]+)')?/g,
    )) {
      codes.add(m[1] as string)
      if (m[2]) codes.add(m[2])
    }
  }
  return [...codes].sort()
}

test('no reason code the source can give is ever printed', async () => {
  const codes = sourceReasonCodes()
  for (const known of [
    'in-affected-range',
    'built-by-gcc-9-or-later',
    'ubuntu-5.4-backport',
    'mlock-fails-fatal',
    'reproducer-corrupted',
    'drill-corruption',
    'reproducer-too-little',
  ])
    assert.ok(codes.includes(known), `${known} not found in ${codes}`)
  const base = await staticReport(path.join(HOSTS, 'arch-5.4.1-gcc9'))
  const r: Report = {
    ...base,
    reasons: codes.map((code) => ({ code, message: 'A reason in words.' })),
  }
  const summary = renderSummary(r)
  assertSummaryShape(summary, r)
  const text = renderText(r)
  for (const code of codes) {
    assert.ok(!summary.includes(code), `${code} in the summary`)
    assert.ok(!text.includes(code), `${code} in the text`)
  }
})

test('every modeReason code the reproducer documents is put in words', async () => {
  const readme = fs.readFileSync(path.join(ROOT, 'native', 'README.md'), 'utf8')
  const row = /^\| `modeReason` \| (.+) \|$/m.exec(readme)?.[1] ?? ''
  const codes = [...row.matchAll(/`([a-z-]+)`/g)].map((m) => m[1] as string)
  assert.ok(codes.length >= 6, row)
  assert.deepEqual(codes.sort(), Object.keys(MODE_REASON_WORDS).sort())
  const base = await staticReport(path.join(HOSTS, 'arch-5.4.1-gcc9'))
  for (const code of codes) {
    const r: Report = {
      ...base,
      reproducer: {
        ...EMPTY_EVIDENCE,
        result: 'clean',
        reason: 'clean',
        mode: 'uffd',
        modeReason: `${code}: the reproducer's own sentence`,
        seconds: 0.06,
        signals: 10,
        faultingDeliveries: 10,
        liveFaultingDeliveries: 10,
        build: {
          ok: true,
          compiler: 'cc',
          output: '',
          cacheHit: true,
          seconds: null,
          key: '0123456789abcdef',
        },
      },
    }
    const summary = renderSummary(r)
    assert.ok(!summary.includes(`${code}:`), code)
    assert.match(
      summary,
      new RegExp(
        `^\\| Mode \\| uffd, ${MODE_REASON_WORDS[code]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the reproducer's own sentence \\|$`,
        'm',
      ),
    )
  }
})

test('text from the host does not become markup on the page', async () => {
  // A captured host whose release ends a one-backtick code span early and
  // follows it with a link, whose name carries HTML and a link in
  // backticks, and whose uname -v carries HTML and a bare URL (GFM
  // autolinks it). Each fits the kernel's 64 bytes, so each is believed.
  const root = path.join(temp, 'hostile')
  fs.cpSync(path.join(HOSTS, 'arch-5.4.1-gcc9'), root, { recursive: true })
  const release = '5.4.1`x [click](https://evil.example) `y`'
  const kernel = path.join(root, 'proc/sys/kernel')
  fs.writeFileSync(path.join(kernel, 'osrelease'), `${release}\n`)
  fs.writeFileSync(
    path.join(kernel, 'hostname'),
    'ci|<b>runner</b>`[x](https://evil)`\n',
  )
  fs.writeFileSync(
    path.join(kernel, 'version'),
    '#1 SMP <img src=x> https://bare.example *x*_[a](b)\n',
  )
  const r = await staticReport(root)
  assert.equal(r.kernel.release, release)
  const uname = r.host.facts.find((f) => f.source.endsWith('kernel/version'))
  assert.match(uname?.value ?? '', /<img src=x>/)
  const summary = renderSummary(r)

  // Read as CommonMark reads it, nothing of it is a link or HTML anywhere,
  // in code spans, tables and collapsed blocks alike.
  assert.deepEqual(liveMarkup(summary), [])
  // In code (the Kernel row, the facts table) the fence is longer than the
  // release's backtick runs, so the release cannot end it.
  const span = '`` 5.4.1`x [click](https://evil.example) `y` ``'
  assert.ok(summary.includes(`| Kernel | ${span} |`), 'the Kernel row')
  assert.ok(summary.includes(`| ${span} |`), 'the facts table')
  // Outside code each character is escaped.
  assert.ok(
    summary.includes(
      '**Linux 5.4.1\\`x \\[click\\](https:\\/\\/evil.example) \\`y\\` looks affected',
    ),
    'the headline',
  )
  // In tables a pipe cannot end the cell.
  assert.match(
    summary,
    /^\| Machine \| ci\\\|&lt;b&gt;runner&lt;\/b&gt;\\`\\\[x\\\]\(https:\\\/\\\/evil\)\\` · /m,
  )
  assertSummaryShape(summary, r)
})

test('a Report from elsewhere cannot put markup on the page either', async () => {
  // Reports are read back (merge, --report): their strings were never
  // checked against the kernel's 64 bytes or for control characters.
  const r = await staticReport(path.join(HOSTS, 'arch-5.4.1-gcc9'))
  const payload =
    '`x [click](https://evil.example) `y ``z <img src=x> \u0007\u001b[31m https://bare.example www.evil.example me@evil.example'
  r.kernel.release = `5.4.1${payload}`
  r.kernel.compiler = `gcc ${payload}`
  r.host.name = `ci${payload}`
  r.headline = `Linux 5.4.1${payload} looks affected`
  r.host.facts = r.host.facts.map((f) => ({ ...f, value: `${payload}|` }))
  const summary = renderSummary(r)
  assert.deepEqual(liveMarkup(summary), [])
  // The payload is on the page, in code or escaped, not dropped.
  assert.ok(summary.includes('| Kernel | ```5.4.1`x [click]'), 'the Kernel row')
  assert.match(summary, /\\\[click\\\]\(https:\\\/\\\/evil\.example\)/)
  assertSummaryShape(summary, r)
})

test('code spans and blocks: a fence no backtick run inside can close', () => {
  const spans: Array<[string, string]> = [
    ['5.4.1-arch1-1', '`5.4.1-arch1-1`'],
    ['a`b', '``a`b``'],
    ['a``b`', '``` a``b` ```'],
    ['`x`', '`` `x` ``'],
    ['a|b\nc', '`a\\|b c`'],
  ]
  for (const [text, md] of spans) assert.equal(codeSpan(text), md, text)
  assert.deepEqual(codeBlock('plain'), ['```', 'plain', '```'])
  assert.deepEqual(codeBlock('x\n````\ny'), ['`````', 'x\n````\ny', '`````'])
  // A heading cannot start where host text starts a list item.
  assert.equal(markdownText('# h'), '\\# h')
})

test('the markup check reads code spans as CommonMark does', () => {
  // The old Kernel row: one backtick each side, so the release's own
  // backtick closes the span and the link after it is live.
  const old = `| Kernel | \`5.4.1\`x [click](https://evil.example) \`y\` |`
  assert.equal(liveMarkup(old).length, 2, 'the link and its URL')
  assert.deepEqual(liveMarkup('``a`b <img>``'), [])
  assert.equal(liveMarkup('``a`b` <img>').length, 1, 'an unclosed run')
  assert.equal(liveMarkup('\\`a <img>`').length, 1, 'an escaped backtick')
  assert.deepEqual(liveMarkup('\\<img> \\[a\\](b) https:\\/\\/x'), [])
  assert.equal(liveMarkup('a\u0007b').length, 1, 'a control character')
  assert.deepEqual(
    liveMarkup('```\n[a](b) <img>\n```\n<details><summary>x</summary>'),
    [],
  )
})

/** The drill's line from a real run here, made before the lanes field. */
const RECORDED: Mismatch = {
  task: 3,
  role: 'checker',
  register: 'ymm2',
  registers: ['ymm2'],
  expected: 'a520a64d03005af4a521a64d03005af5a522a64d03005af6a523a64d03005af7',
  observed: 'a520a64dffff5af7a521a64dffff5af6a522a64dffff5af5a523a64dffff5af4',
  leakedFrom: 'injected',
  leakedTask: null,
  leakedRole: null,
  leakedRegister: 'ymm2',
  seen: 'a injected canary in 1 of 16 registers',
}

/** A lane of `expected` with another task's tag, its checksum redone. */
function retagged(lane: string, tag: number): string {
  const b = (lane.match(/../g) as string[]).map((x) => parseInt(x, 16))
  b[4] = tag & 0xff
  b[5] = tag >> 8
  b[7] = b.slice(0, 7).reduce((a, x) => a ^ x, 0xc3)
  return b.map((x) => x.toString(16).padStart(2, '0')).join('')
}

test('the map without the lanes field: the reported register read from its bytes', () => {
  const row = (cells: string[][], reg: number) => cells[reg]
  const injected = mapCells(RECORDED)
  assert.equal(injected.length, 16)
  for (const [reg, lanes] of injected.entries())
    assert.deepEqual(lanes, Array(4).fill(reg === 2 ? 'inj' : '·'))

  // Task 2's canary in lanes 1 and 3, zeros in lane 0, and ymm5 changed
  // with no bytes reported.
  const exp = RECORDED.expected.match(/.{16}/g) as string[]
  const observed = [
    '0000000000000000',
    retagged(exp[1] as string, 2),
    exp[2],
    retagged(exp[3] as string, 2),
  ].join('')
  const cells = mapCells({
    ...RECORDED,
    registers: ['ymm2', 'ymm5'],
    observed,
  })
  assert.deepEqual(row(cells, 2), ['0', 'T2', '·', 'T2'])
  assert.deepEqual(row(cells, 5), ['?', '?', '?', '?'])
  assert.deepEqual(row(cells, 0), ['·', '·', '·', '·'])

  // With the lanes field, it is what the map shows, lane by lane.
  const lanes = Array.from({ length: 16 }, () => Array(4).fill(null))
  lanes[7] = ['task:4', 'self', 'foreign', 'unknown']
  assert.deepEqual(row(mapCells({ ...RECORDED, lanes }), 7), [
    'T4',
    'T3',
    'run',
    '?',
  ])
})

test('a drill page: the register once, no kernel advice', async () => {
  const evidence: ReproducerEvidence = {
    ...EMPTY_EVIDENCE,
    result: 'corrupted',
    reason: 'DRILL: corruption injected on purpose',
    mode: 'uffd',
    seconds: 0.009718,
    signals: 5,
    faultingDeliveries: 5,
    liveFaultingDeliveries: 5,
    leak: 'ymm2 of task 3 held an injected canary in 1 of 16 registers',
    mismatch: RECORDED,
    drill: true,
  }
  const r = await staticReport(
    path.join(HOSTS, 'arch-5.4.1-gcc9'),
    {},
    evidence,
  )
  assert.equal(r.status, 'affected')
  const summary = renderSummary(r)
  assertSummaryShape(summary, r)
  assert.equal(summary.split('a520a64dffff5af7').length - 1, 1)
  assert.doesNotMatch(openText(summary), /a520a64d/)
  assert.match(summary, /uffd mode in 0\.01 s: 5 signals/)
})

test('what to do: evidence by reproduce: always here, on the machine for a capture', async () => {
  const captured = await staticReport(path.join(HOSTS, 'arch-5.4.1-gcc9'))
  assert.equal(captured.status, 'vulnerable')
  const here: Report = { ...captured, host: { ...captured.host, live: true } }
  assert.match(
    renderSummary(here),
    /^- \*\*Get evidence with `reproduce: always`\*\*: the reproducer then runs on this machine/m,
  )
  assert.match(
    renderSummary(captured),
    /^- \*\*Get evidence on the machine itself\*\*: these facts are a capture \(`--root`\)/m,
  )
  // Mitigated: the page says GODEBUG is set, not that it could be.
  const mitigated = await staticReport(path.join(HOSTS, 'arch-5.4.1-gcc9'), {
    mitigate: 'true',
  })
  const page = renderSummary(mitigated)
  assertSummaryShape(page, mitigated)
  assert.match(
    page,
    /^- \*\*Later steps of this job already run with `GODEBUG=asyncpreemptoff=1`\*\* \(`mitigate: true`\)/m,
  )
  assert.doesNotMatch(page, /Until then, set `mitigate: true`/)
})
