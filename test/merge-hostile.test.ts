// merge treats every Report as hostile input from another machine: what it
// cannot validate is an unknown row naming the file and the field, never a
// crash and never a lower exit code; a report reached twice is one host; a
// hostname cannot change the Markdown; big files and links out of a folder
// are refused. Each case starts from a real Report of a captured host.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, test } from 'node:test'
import { markdownText } from '../src/markdown.js'
import { MAX_REPORT_BYTES } from '../src/reportfiles.js'
import {
  folder,
  mergeJson,
  removeFolders,
  reportDoc,
  reportFolder,
  reportText,
  source,
  type ReportDoc,
} from './support/merge.js'

after(removeFolders)

/** Judged unaffected: any invalid file must raise the exit code from 0. */
const FINE = 'gha-ubuntu-22.04-6.5.0-1025-azure'
/** Judged vulnerable (5.4.1 built by GCC 9). */
const VULNERABLE = 'arch-5.4.1-gcc9'

const damaged = (change: (r: ReportDoc) => void) => {
  const doc = reportDoc(FINE)
  change(doc)
  return JSON.stringify(doc, null, 2)
}

const STATUSES_TEXT =
  'affected, vulnerable, unaffected, not-applicable, unknown'

/** [case, file content, the reason merge must give after "bad.json: "] */
const INVALID: Array<[string, string | Buffer, string]> = [
  [
    'a status in the wrong case',
    damaged((r) => (r.status = 'Affected')),
    `field "status": "Affected" is not one of ${STATUSES_TEXT}`,
  ],
  [
    'only schema and version',
    '{"schema": "sigvec-check/report", "version": 1}',
    'field "host" is missing',
  ],
  [
    'a reproducer result in the wrong case',
    damaged((r) => (r.reproducer.result = 'Clean')),
    'field "reproducer.result": "Clean" is not one of corrupted, clean, crashed, skipped, error',
  ],
  ['no status', damaged((r) => delete r.status), 'field "status" is missing'],
  [
    'host null',
    damaged((r) => (r.host = null)),
    'field "host": null is not an object',
  ],
  [
    'a kernel release as a number',
    damaged((r) => (r.kernel.release = 5.4)),
    'field "kernel.release": 5.4 is not a string or null',
  ],
  [
    'a kernel release of 300 characters',
    damaged((r) => (r.kernel.release = 'x'.repeat(300))),
    'field "kernel.release" is 300 characters long, more than the 256 a Report may hold',
  ],
  [
    // JSON has no Infinity, but 1e999 parses to it.
    'an infinite delivery count',
    damaged((r) => (r.reproducer.faultingDeliveries = 12345)).replace(
      '12345',
      '1e999',
    ),
    'field "reproducer.faultingDeliveries": Infinity is not a number from 0',
  ],
  [
    'a miss probability above 1',
    damaged((r) => (r.reproducer.missProbability = 2)),
    'field "reproducer.missProbability": 2 is not a number from 0 to 1 or null',
  ],
  [
    'a memlock limit in words',
    damaged((r) => (r.go.memlockSoft = '64k')),
    'field "go.memlockSoft": "64k" is not a byte count, "unlimited" or null',
  ],
  [
    'a drill flag as a string',
    damaged((r) => (r.reproducer.drill = 'no')),
    'field "reproducer.drill": "no" is not true or false',
  ],
  [
    'an unknown mitigation',
    damaged((r) => (r.mitigations = [{ id: 'curl | sh' }])),
    'field "mitigations[0].id": "curl | sh" is not one of upgrade-kernel, raise-memlock, godebug-asyncpreemptoff',
  ],
  [
    'a status nested deeper than the stack',
    damaged((r) => (r.status = 'NEST')).replace(
      '"NEST"',
      '['.repeat(200_000) + ']'.repeat(200_000),
    ),
    `field "status": an array is not one of ${STATUSES_TEXT}`,
  ],
  [
    'another schema',
    '{"schema": "other"}',
    'not a sigvec-check Report (no "schema": "sigvec-check/report")',
  ],
  [
    'a later Report version',
    '{"schema": "sigvec-check/report", "version": 9}',
    'Report version 9; this sigvec-check reads version 1',
  ],
  ['not JSON', 'not json', 'not JSON'],
  ['an empty file', '', 'not JSON (it ends early)'],
  ['JSON with a trailing comma', '{"a": 1,}', 'not JSON (at position 8)'],
  ['a password file', 'root:$6$secret:19000:0:99999:7:::\n', 'not JSON'],
  ['not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'not UTF-8 text'],
]

for (const [name, content, reason] of INVALID) {
  test(`merge: ${name} is an invalid Report, counted as unknown`, () => {
    const dir = reportFolder({ 'bad.json': content })
    const bad = path.join(dir, 'bad.json')
    const r = mergeJson([dir])
    assert.equal(r.code, 3, r.stderr)
    assert.doesNotMatch(r.stderr, /TypeError|RangeError|at .*\.js:\d+/)
    assert.ok(r.stderr.includes(`${bad}: ${reason}`), r.stderr)
    assert.match(r.stderr, /; counted as unknown\n$/)
    const s = r.summary!
    assert.equal(s.hosts, 1)
    assert.equal(s.worst, 'unknown')
    assert.equal(s.invalid, 1)
    assert.equal(s.counts.unknown, 1)
    const row = s.rows[0]!
    assert.equal(row.status, 'unknown')
    assert.ok(row.invalid?.startsWith(`${bad}: ${reason}`), row.invalid ?? '')
    assert.equal(row.host, bad)
  })
}

test('merge never repeats the start of a file that is not JSON', () => {
  // JSON.parse's message quotes the file's first bytes; a Report name that
  // is a link to /etc/shadow must not print root's hash.
  const dir = reportFolder({
    'bad.json': 'root:$6$secret:19000:0:99999:7:::\n',
  })
  const json = mergeJson([dir])
  assert.equal(json.code, 3, json.stderr)
  const md = source(['merge', dir])
  assert.equal(md.code, 3, md.stderr)
  for (const out of [json.stdout, json.stderr, md.stdout, md.stderr]) {
    assert.ok(!out.includes('secret'), out)
    assert.ok(!out.includes('root:'), out)
  }
  assert.match(md.stdout, /bad\.json: not JSON/)
})

test('merge names the host an invalid Report claims, in the table too', () => {
  const dir = reportFolder({
    'runner-7.json': damaged((r) => {
      r.host.name = 'runner-7'
      r.status = 'Affected'
    }),
  })
  const r = mergeJson([dir])
  assert.equal(r.code, 3)
  assert.equal(r.summary?.rows[0]?.host, 'runner-7')
  const md = source(['merge', dir])
  assert.equal(md.code, 3)
  const row = md.stdout.split('\n').find((l) => l.startsWith('| runner-7 '))
  assert.ok(row, md.stdout)
  assert.match(
    row,
    /\*\*unknown\*\*: .*runner-7\.json: field "status": "Affected"/,
  )
  assert.match(md.stdout, /1 file could not be read as a valid Report/)
})

test('an invalid Report never lowers the exit code; affected and vulnerable still win', () => {
  // A drill on this machine: the reproducer really runs and reports the
  // corruption it injects, so the Report is a real `affected` one.
  const cache = folder()
  const drill = source(['--drill', '--json'], {
    ...process.env,
    RUNNER_TOOL_CACHE: cache,
    RUNNER_TEMP: cache,
  })
  assert.equal(JSON.parse(drill.stdout).status, 'affected', drill.stderr)
  const invalid = damaged((r) => (r.status = 'Affected'))
  const table: Array<[string, Record<string, string>, number, string]> = [
    ['unaffected + invalid', { 'a.json': reportText(FINE) }, 3, 'unknown'],
    [
      'vulnerable + invalid',
      { 'a.json': reportText(VULNERABLE) },
      2,
      'vulnerable',
    ],
    ['affected + invalid', { 'a.json': drill.stdout }, 2, 'affected'],
  ]
  for (const [name, files, code, worst] of table) {
    const dir = reportFolder({ ...files, 'z-invalid.json': invalid })
    const r = mergeJson([dir])
    assert.equal(r.code, code, name)
    assert.equal(r.summary?.worst, worst, name)
    assert.equal(r.summary?.counts.unknown, 1, name)
    assert.equal(r.summary?.invalid, 1, name)
  }
})

test('the same report given twice counts one host', () => {
  const text = reportText(FINE)
  const table: Array<[string, (dir: string) => string[]]> = [
    ['a folder and a file in it', (d) => [d, path.join(d, 'a.json')]],
    [
      'one file named twice',
      (d) => [path.join(d, 'a.json')].concat(path.join(d, 'a.json')),
    ],
    [
      'a byte-identical copy under another name',
      (d) => {
        fs.writeFileSync(path.join(d, 'b.json'), text)
        return [d]
      },
    ],
    [
      'the same Report indented otherwise',
      (d) => {
        fs.writeFileSync(
          path.join(d, 'b.json'),
          JSON.stringify(JSON.parse(text)),
        )
        return [d]
      },
    ],
    [
      'a hard link',
      (d) => {
        fs.linkSync(path.join(d, 'a.json'), path.join(d, 'b.json'))
        return [d]
      },
    ],
    [
      'a link to a file in the same folder',
      (d) => {
        fs.mkdirSync(path.join(d, 'sub'))
        fs.symlinkSync('../a.json', path.join(d, 'sub', 'b.json'))
        return [d]
      },
    ],
    [
      'the same invalid file twice',
      (d) => {
        fs.writeFileSync(path.join(d, 'a.json'), '{"schema": "other"}')
        return [d, path.join(d, 'a.json')]
      },
    ],
  ]
  for (const [name, args] of table) {
    const dir = reportFolder({ 'a.json': text })
    const r = mergeJson(args(dir))
    assert.equal(r.summary?.hosts, 1, `${name}: ${r.stderr}`)
    assert.equal(r.summary?.duplicates.length, 1, name)
    assert.equal(r.summary?.duplicates[0]?.sameAs, path.join(dir, 'a.json'))
  }
  // Two Reports that claim one host are two: a forged one cannot hide
  // the real one by taking its name.
  const named = (status: string) =>
    damaged((r) => {
      r.host.name = 'runner-1'
      r.status = status
    })
  const dir = reportFolder({
    'a.json': named('unaffected'),
    'b.json': named('vulnerable'),
  })
  const r = mergeJson([dir])
  assert.equal(r.summary?.hosts, 2)
  assert.equal(r.code, 2)
})

const HOSTILE_HOST =
  'evil|forged cell\n## heading <img src=x onerror=alert(1)> [click](https://evil.example) ![i](x) `code` **bold** www.evil.example me@evil.example &lt;'

test('a hostname cannot add cells, lines, HTML or links to the Markdown', () => {
  const dir = reportFolder({
    'a.json': damaged((r) => {
      r.host.name = HOSTILE_HOST
      r.kernel.release = '6.5.0`|` <b>'
    }),
  })
  const r = source(['merge', dir])
  assert.equal(r.code, 0, r.stderr)
  const lines = r.stdout.trimEnd().split('\n')
  const table = lines.filter((l) => l.startsWith('|'))
  assert.equal(table.length, 3) // header, rule, one host
  assert.ok(!lines.some((l) => l.startsWith('## heading')))
  const row = table[2]!
  // Nine cells: ten pipes that no backslash escapes.
  assert.equal(row.match(/(?<!\\)\|/g)?.length, 10, row)
  // Markup that no backslash or entity has made literal.
  const live = [
    /<img/,
    /(?<!\\)\]\(/,
    /(?<!\\)\*\*bold/,
    /https:\/\//,
    /www\.e/,
  ]
  for (const markup of live) assert.doesNotMatch(row, markup)
  assert.ok(row.includes('&lt;img src=x onerror=alert(1)&gt;'), row)
  assert.ok(row.includes('&amp;lt;'), row)
  assert.ok(row.includes('``6.5.0`\\|` <b>``'), row)
  // The JSON summary keeps the name as it came: JSON needs no escaping.
  assert.equal(mergeJson([dir]).summary?.rows[0]?.host, HOSTILE_HOST)
})

test('markdownText makes Report text literal', () => {
  const table: Array<[string, string]> = [
    ['runner-7.example.com', 'runner-7.example.com'],
    ['gcc 9.2.0', 'gcc 9.2.0'],
    ['a|b', 'a\\|b'],
    ['line\nbreak\r\tand\u0007bell', 'line break and bell'],
    ['right\u202eto left', 'right to left'],
    ['<script>', '&lt;script&gt;'],
    ['&amp;', '&amp;amp;'],
    ['[x](y)', '\\[x\\](y)'],
    ['![x](y)', '\\!\\[x\\](y)'],
    ['`x`', '\\`x\\`'],
    ['*x* _y_ ~z~', '\\*x\\* \\_y\\_ \\~z\\~'],
    ['back\\slash', 'back\\\\slash'],
    ['https://evil.example', 'https:\\/\\/evil.example'],
    ['WWW.evil.example', 'WWW\\.evil.example'],
    ['me@evil.example', 'me\\@evil.example'],
  ]
  for (const [input, expected] of table)
    assert.equal(markdownText(input), expected, input)
})

test('merge refuses a Report too large to be real, and reads one at the limit', () => {
  const text = reportText(FINE)
  // Still a valid Report: JSON allows any amount of trailing space.
  const padded = (size: number) =>
    text + ' '.repeat(size - Buffer.byteLength(text))
  const dir = reportFolder({ 'huge.json': padded(MAX_REPORT_BYTES + 1) })
  const r = mergeJson([dir])
  assert.equal(r.code, 3, r.stderr)
  assert.ok(
    r.stderr.includes(
      `${path.join(dir, 'huge.json')}: too large (${MAX_REPORT_BYTES + 1} bytes; a Report may hold at most ${MAX_REPORT_BYTES} bytes), not read`,
    ),
    r.stderr,
  )
  assert.equal(r.summary?.rows[0]?.status, 'unknown')
  const limit = mergeJson([
    reportFolder({ 'a.json': padded(MAX_REPORT_BYTES) }),
  ])
  assert.equal(limit.code, 0, limit.stderr)
  assert.equal(limit.summary?.invalid, 0)
})

test('merge follows no link out of a folder it is given', () => {
  const outside = reportFolder({ 'vulnerable.json': reportText(VULNERABLE) })
  const dir = reportFolder({ 'a.json': reportText(FINE) })
  fs.symlinkSync(outside, path.join(dir, 'more'))
  fs.symlinkSync(
    path.join(outside, 'vulnerable.json'),
    path.join(dir, 'b.json'),
  )
  fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.json'))
  fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling.json'))
  const r = mergeJson([dir])
  assert.equal(r.code, 3, r.stderr)
  const s = r.summary!
  // The linked folder is not entered; each *.json link is an unknown row.
  assert.equal(s.hosts, 4)
  assert.deepEqual(
    Object.fromEntries(
      s.rows.map((row) => [
        path.basename(row.source),
        row.invalid?.slice(row.source.length + 2) ?? null,
      ]),
    ),
    {
      'a.json': null,
      'b.json': `a symbolic link out of ${dir}, not followed`,
      'passwd.json': `a symbolic link out of ${dir}, not followed`,
      'dangling.json': 'a symbolic link to nothing',
    },
  )
  assert.match(r.stderr, /more: a link to a folder, not followed/)
  assert.doesNotMatch(r.stdout, /root:/)
  // A link the user names on the command line is the user's choice.
  const named = mergeJson([path.join(dir, 'b.json')])
  assert.equal(named.code, 2, named.stderr)
})

test('merge writes the names of hostile files on one line', () => {
  const dir = reportFolder({})
  fs.writeFileSync(path.join(dir, 'a\nforged line\u001b[31m.json'), 'not json')
  const r = source(['merge', dir])
  assert.equal(r.code, 3)
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr)
  assert.ok(!r.stderr.includes('\u001b'))
  assert.ok(!r.stdout.split('\n').some((l) => l.startsWith('forged line')))
})
