import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  AFFECTED_RANGE,
  firstFixedLevel,
  formatCompiler,
  formatLevel,
  inAffectedRange,
  isBuggyGcc,
  KNOWN_FIXED_BUILDS,
  knownFixedBuild,
  parseCompiler,
  predatesBug,
  parseDebianLevel,
  parseLevel,
  parseUbuntuSignature,
} from '../src/kernel.js'

test('parseCompiler reads every /proc/version format', () => {
  const table: Array<[string, string | null]> = [
    // old format (before ~5.8)
    [
      'Linux version 5.4.0-3-amd64 (debian-kernel@lists.debian.org) (gcc version 9.2.1 20200117 (Debian 9.2.1-24)) #1 SMP Debian 5.4.13-1 (2020-01-19)',
      'gcc 9.2.1',
    ],
    [
      'Linux version 4.19.0-6-amd64 (debian-kernel@lists.debian.org) (gcc version 8.3.0 (Debian 8.3.0-6)) #1 SMP Debian 4.19.67-2+deb10u2 (2019-11-11)',
      'gcc 8.3.0',
    ],
    [
      'Linux version 5.4.1-arch1-1 (linux@archlinux) (gcc version 9.2.0 (GCC)) #1 SMP PREEMPT Fri, 29 Nov 2019 13:37:24 +0000',
      'gcc 9.2.0',
    ],
    [
      'Linux version 5.4.72-microsoft-standard-WSL2 (oe-user@oe-host) (x86_64-msft-linux-gcc (GCC) 8.2.0, GNU ld (GNU Binutils) 2.31.1) #1 SMP Wed Oct 28 23:40:43 UTC 2020',
      'gcc 8.2.0',
    ],
    // new format (~5.8+)
    [
      'Linux version 5.10.0-8-amd64 (debian-kernel@lists.debian.org) (gcc-10 (Debian 10.2.1-6) 10.2.1 20210110, GNU ld (GNU Binutils for Debian) 2.35.2) #1 SMP Debian 5.10.46-4 (2021-08-03)',
      'gcc 10.2.1',
    ],
    [
      'Linux version 6.5.0-1025-azure (buildd@lcy02-amd64-040) (x86_64-linux-gnu-gcc-12 (Ubuntu 12.3.0-1ubuntu1~22.04) 12.3.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #26~22.04.1-Ubuntu SMP Thu Jul 11 22:33:04 UTC 2024',
      'gcc 12.3.0',
    ],
    [
      'Linux version 6.18.44-fc-v669 (builder@sandboxing) (gcc (GCC) 15.3.0, GNU ld (GNU Binutils) 2.46) #1 SMP PREEMPT_DYNAMIC @0',
      'gcc 15.3.0',
    ],
    // clang
    [
      'Linux version 5.10.43-android12-9-00001-g4b1d7a8a6f9d (build-user@build-host) (Android (7284624, based on r416183b) clang version 12.0.5 (https://android.googlesource.com/toolchain/llvm-project c935d99d7cf2016289302412d708641d52d2f7ee), LLD 12.0.5) #1 SMP PREEMPT Tue Jun 1 00:00:00 UTC 2021',
      'clang 12.0.5',
    ],
    [
      'Linux version 6.1.0 (root@host) (Debian clang version 14.0.6, Debian LLD 14.0.6) #1 SMP PREEMPT_DYNAMIC',
      'clang 14.0.6',
    ],
    ['Linux version 5.4.1 (root@host) #1 SMP', null],
  ]
  for (const [text, want] of table) {
    const got = parseCompiler(text)
    assert.equal(got && formatCompiler(got), want, text)
  }
})

test('parseLevel takes the leading X.Y[.Z] of a release', () => {
  const table: Array<[string, string | null]> = [
    ['5.4.0-29-generic', '5.4.0'],
    ['5.3.11-300.fc31.x86_64', '5.3.11'],
    ['5.4.1-arch1-1', '5.4.1'],
    ['5.4', '5.4.0'],
    ['6.18.44-fc-v669', '6.18.44'],
    ['4.19.84-microsoft-standard', '4.19.84'],
    ['linux', null],
    ['', null],
  ]
  for (const [release, want] of table) {
    const got = parseLevel(release)
    assert.equal(got && formatLevel(got), want, release)
  }
})

test('parseUbuntuSignature gives the upstream level of an Ubuntu build', () => {
  const sig = parseUbuntuSignature('Ubuntu 5.4.0-29.33-generic 5.4.34\n')
  assert.deepEqual(sig && [sig.release, formatLevel(sig.level)], [
    '5.4.0-29.33-generic',
    '5.4.34',
  ])
  const gcp = parseUbuntuSignature('Ubuntu 5.3.0-1008.9-gcp 5.3.7')
  assert.equal(gcp && formatLevel(gcp.level), '5.3.7')
  assert.equal(parseUbuntuSignature('Debian 5.4.13-1'), null)
})

test('parseDebianLevel finds the real level behind an ABI name', () => {
  const table: Array<[string, string | null]> = [
    ['#1 SMP Debian 5.4.13-1 (2020-01-19)', '5.4.13'],
    ['#1 SMP Debian 5.3.9-3 (2019-11-19)', '5.3.9'],
    ['#1 SMP Debian 4.19.67-2+deb10u2 (2019-11-11)', '4.19.67'],
    ['#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3 (2024-08-26)', '6.1.106'],
    ['#1 SMP Debian 5.2.17-1~bpo10+1 (2019-09-30)', '5.2.17'],
    ['#26~22.04.1-Ubuntu SMP Thu Jul 11 22:33:04 UTC 2024', null],
    ['#1 SMP PREEMPT Fri, 29 Nov 2019 13:37:24 +0000', null],
  ]
  for (const [text, want] of table) {
    const got = parseDebianLevel(text)
    assert.equal(got && formatLevel(got), want, text)
  }
})

test('inAffectedRange is exactly 5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1', () => {
  const table: Array<[string, boolean]> = [
    ['4.19', false],
    ['4.19.300', false],
    ['5.1.21', false],
    ['5.2.0', true],
    ['5.2.21', true],
    ['5.3.0', true],
    ['5.3.14', true],
    ['5.3.15', false],
    ['5.4.0', true],
    ['5.4.1', true],
    ['5.4.2', false],
    ['5.5.0', false],
    ['6.2.1', false],
  ]
  for (const [level, want] of table) {
    assert.equal(inAffectedRange(parseLevel(level)!), want, level)
  }
})

test('the affected levels are one semver range; advice names the series fix', () => {
  assert.equal(AFFECTED_RANGE, '>=5.2.0 <5.3.15 || >=5.4.0 <5.4.2')
  const table: Array<[string, boolean, boolean, string | null]> = [
    // level, predates the bug, in range, first fixed level for advice
    ['4.19', true, false, null],
    ['5.1.21', true, false, null],
    ['5.2.0', false, true, '5.4.2'],
    ['5.2.21', false, true, '5.4.2'],
    ['5.3.0', false, true, '5.3.15'],
    ['5.3.14', false, true, '5.3.15'],
    ['5.3.15', false, false, null],
    ['5.4.0', false, true, '5.4.2'],
    ['5.4.1', false, true, '5.4.2'],
    ['5.4.2', false, false, null],
    ['5.5.0', false, false, null],
  ]
  for (const [text, before, inRange, fixed] of table) {
    const level = parseLevel(text)!
    assert.equal(predatesBug(level), before, text)
    assert.equal(inAffectedRange(level), inRange, text)
    if (fixed) assert.equal(firstFixedLevel(level), fixed, text)
  }
})

test('only GCC 9 and later builds carry the bug', () => {
  const table: Array<[string, boolean]> = [
    ['(gcc version 8.3.0 (Debian 8.3.0-6))', false],
    ['(gcc version 9.2.1 20191008 (Ubuntu 9.2.1-9ubuntu2))', true],
    ['(gcc version 10.2.1 20210110 (Debian 10.2.1-6))', true],
    ['clang version 12.0.5', false],
  ]
  for (const [text, want] of table) {
    assert.equal(isBuggyGcc(parseCompiler(text)!), want, text)
  }
})

// A captured /proc/version is another machine's word: crafted ones must
// neither stall the parsers nor make them see a compiler that is not there.
// 1 MiB each, the size that took today's expression 88 s; the answers are
// asserted here, the time is bench/parsers.bench.ts's to print.
const MIB = 1024 * 1024
const crafted = (unit: string) => unit.repeat(Math.ceil(MIB / unit.length))

test('parseCompiler and parseDebianLevel answer null on crafted 1 MiB inputs', () => {
  const units = [
    '(gcc (',
    '(gcc (x) 9.1.0 ',
    '(gcc ((a)',
    '(gcc-10 (Debian 10.2.1-6) 10.2.1 ',
    '(x86_64-linux-gnu-gcc-13 (',
    'clang version 1',
    '(gcc version ',
    'Debian 5.4-',
    'Debian 5.4.13-1 ',
    ' \t',
  ]
  for (const unit of units) {
    const text = crafted(unit)
    assert.equal(parseCompiler(text), null, JSON.stringify(unit))
    assert.equal(parseDebianLevel(text), null, JSON.stringify(unit))
  }
})

test('a real compiler note after crafted filler is still found', () => {
  const real =
    '(gcc-10 (Debian 10.2.1-6) 10.2.1 20210110, GNU ld (GNU Binutils for Debian) 2.35.2)'
  // (Not after "(gcc (x) 9.1.0 ": the note's comma would complete that one.)
  for (const unit of ['(gcc (', '(gcc ((a)', 'clang version x']) {
    const c = parseCompiler(crafted(unit) + ' ' + real)
    assert.equal(c && formatCompiler(c), 'gcc 10.2.1', JSON.stringify(unit))
  }
  // Overlapping heads: the note that matches opens inside one that does not.
  const c = parseCompiler('(gcc (gcc-10 (Debian 10.2.0-3) 10.2.0, GNU ld')
  assert.equal(c && formatCompiler(c), 'gcc 10.2.0')
  const debian = parseDebianLevel(
    crafted('Debian 5.4-') + ' #1 SMP Debian 5.4.13-1 (2020-01-19)',
  )
  assert.equal(debian && formatLevel(debian), '5.4.13')
})

// Real strings of real kernels (test/fixtures/hosts, assess.test.ts): the
// row each one is recognised by, or none.
const FIXED_BUILD_CASES: Array<
  [
    kernel: string,
    release: string,
    signature: string | null,
    procVersion: string | null,
    row: string | null,
  ]
> = [
  [
    'WSL2 5.4.72',
    '5.4.72-microsoft-standard-WSL2',
    null,
    'Linux version 5.4.72-microsoft-standard-WSL2 (oe-user@oe-host) (gcc version 8.2.0 (GCC)) #1 SMP Wed Oct 28 23:40:43 UTC 2020',
    'wsl2-kernel',
  ],
  [
    'Ubuntu 20.04 5.4.0-39',
    '5.4.0-39-generic',
    'Ubuntu 5.4.0-39.43-generic 5.4.41',
    'Linux version 5.4.0-39-generic (buildd@lcy01-amd64-016) (gcc version 9.3.0 (Ubuntu 9.3.0-10ubuntu2)) #43-Ubuntu SMP Fri Jun 19 10:28:31 UTC 2020',
    'ubuntu-5.4-backport',
  ],
  [
    'Ubuntu 20.04 5.4.0-39, signature unreadable',
    '5.4.0-39-generic',
    null,
    'Linux version 5.4.0-39-generic (buildd@lcy01-amd64-016) (gcc version 9.3.0 (Ubuntu 9.3.0-10ubuntu2)) #43-Ubuntu SMP Fri Jun 19 10:28:31 UTC 2020',
    'ubuntu-5.4-backport',
  ],
  [
    "Ubuntu's mainline build of plain 5.4.0",
    '5.4.0-050400-generic',
    null,
    'Linux version 5.4.0-050400-generic (kernel@gloin) (gcc version 9.2.1 20191109 (Ubuntu 9.2.1-19ubuntu1)) #201911242031 SMP Sun Nov 24 20:35:37 UTC 2019',
    null,
  ],
  [
    'Ubuntu 19.10 5.3.0-1008-gcp (buggy)',
    '5.3.0-1008-gcp',
    'Ubuntu 5.3.0-1008.9-gcp 5.3.7',
    'Linux version 5.3.0-1008-gcp (buildd@lgw01-amd64-038) (gcc version 9.2.1 20191008 (Ubuntu 9.2.1-9ubuntu2)) #9-Ubuntu SMP Fri Nov 8 15:40:31 UTC 2019',
    null,
  ],
  [
    "Debian's 5.4.0-3 (really 5.4.13)",
    '5.4.0-3-amd64',
    null,
    'Linux version 5.4.0-3-amd64 (debian-kernel@lists.debian.org) (gcc version 9.2.1 20200117 (Debian 9.2.1-24)) #1 SMP Debian 5.4.13-1 (2020-01-19)',
    null,
  ],
]

for (const [
  kernel,
  release,
  signature,
  procVersion,
  row,
] of FIXED_BUILD_CASES) {
  test(`known fixed builds: ${kernel} → ${row ?? 'none'}`, () => {
    const found = knownFixedBuild({ release, signature, procVersion })
    assert.equal(found?.code ?? null, row)
  })
}

test('every known fixed build names its public source and is tested', () => {
  const tested = new Set(FIXED_BUILD_CASES.map((c) => c[4]))
  for (const row of KNOWN_FIXED_BUILDS) {
    assert.ok(row.source.length > 20, row.code)
    assert.ok(tested.has(row.code), `${row.code} has a case`)
  }
})
