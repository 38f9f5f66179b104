// Wrong invocations are errors that name the input, what was given and what
// is accepted; the common forms people write (setup-go's 1.15.x, 1m30s) are
// understood; what cannot be done (uffd as nobody, a compiler path that does
// not exist, a cache folder that cannot be written) is said in the user's
// terms, with what would make it work.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { before, test } from 'node:test'
import { audit } from '../src/audit.js'
import { goFamily, goHasUbuntuSkip, parseGoVersion } from '../src/goruntime.js'
import { InputError } from '../src/inputerror.js'
import {
  DURATION_ACCEPTED,
  editDistance,
  envName,
  GO_VERSION_ACCEPTED,
  HOOK_SETTINGS,
  KNOWN_ENV_NAMES,
  unknownSigvecVariables,
} from '../src/inputs.js'
import { parseDuration, parseOptions } from '../src/options.js'
import { TOOL_DEADLINE_ENV } from '../src/spawn.js'
import { decide, missingEvidence } from '../src/verdict.js'
import {
  asNobody,
  copyForNobody,
  NOBODY,
  tempDirForNobody,
} from '../harness/privileges.js'
import { ROOT, runAction } from './support/action.js'
import { cli } from './support/cli.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()
const HOSTS = path.join(ROOT, 'test', 'fixtures', 'hosts')

function tempDir(prefix = 'sigvec-usage-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** The error parseOptions raises for one raw setting, or null. */
function refusal(
  settings: Record<string, string>,
  root = '/',
): InputError | null {
  try {
    parseOptions((name) => settings[name] ?? '', root)
    return null
  } catch (err) {
    assert.ok(err instanceof InputError, String(err))
    return err
  }
}

// --- durations ---------------------------------------------------------

const DURATIONS: Array<[string, number]> = [
  ['30s', 30],
  ['90s', 90],
  ['2m', 120],
  ['1m30s', 90],
  ['1h', 3600],
  ['1h0m0s', 3600],
  ['45', 45],
  ['0.5', 0.5],
  ['0.5s', 0.5],
  ['1.5m', 90],
  ['59m59s', 3599],
]
for (const [text, seconds] of DURATIONS) {
  test(`duration ${JSON.stringify(text)} is ${seconds} s`, () => {
    assert.equal(parseDuration(text), seconds)
    assert.equal(
      parseOptions((n) => (n === 'duration' ? text : '')).duration,
      seconds,
    )
  })
}

const BAD_DURATIONS = [
  '-1s', // no sign
  '0', // below the shortest
  '0s',
  '1d', // no such unit
  '1m30', // a number without its unit after another
  '30 s',
  '1s1m', // units out of order
  '1h1s', // above the longest
  '2h',
  '61m',
  '30S',
  'PT30S',
  '1.5.2s',
  '.5s',
  '1ms',
]
for (const text of BAD_DURATIONS) {
  test(`duration ${JSON.stringify(text)} is refused, naming the grammar`, () => {
    const err = refusal({ duration: text })
    assert.ok(err, text)
    assert.equal(err.input, 'duration')
    assert.equal(err.value, text)
    assert.equal(err.accepted, DURATION_ACCEPTED)
    assert.equal(
      err.message,
      `Invalid input 'duration': ${JSON.stringify(text)}. Expected ${DURATION_ACCEPTED}.`,
    )
  })
}

// --- go-version --------------------------------------------------------

// The form written, the release it is judged as, its family, whether that
// release skips Ubuntu's fixed 5.4.0/5.4.1 builds.
const GO_VERSIONS: Array<[string, string, string, boolean]> = [
  ['1.15.x', '1.15.0', '1.14.1-1.15', false],
  ['1.15', '1.15.0', '1.14.1-1.15', false],
  ['go1.15.8', '1.15.8', '1.14.1-1.15', true],
  ['1.15.2', '1.15.2', '1.14.1-1.15', true],
  ['1.14.x', '1.14.0', '1.14.0', false],
  ['go1.14', '1.14.0', '1.14.0', false],
  ['1.14.1', '1.14.1', '1.14.1-1.15', false],
  ['1.16.x', '1.16.0', '1.16+', true],
  ['1.22.1', '1.22.1', '1.16+', true],
  ['1.16rc1', '1.16.0', '1.16+', true],
  ['1.13.x', '1.13.0', 'before-1.14', false],
]
for (const [text, version, family, skip] of GO_VERSIONS) {
  test(`go-version ${text} is judged as ${version} (${family})`, () => {
    assert.equal(
      parseOptions((n) => (n === 'go-version' ? text : '')).goVersion,
      text,
    )
    const v = parseGoVersion(text)
    assert.ok(v)
    assert.equal(v.version, version)
    assert.equal(goFamily(v), family)
    assert.equal(goHasUbuntuSkip(v), skip)
  })
}

const BAD_GO_VERSIONS = [
  '1.x',
  '>=1.14',
  '^1.15',
  '~1.15.0',
  '1.15.*',
  '1',
  'stable',
  'oldstable',
  'v1.15.0',
  '1.15.x.1',
  'go1.15.xrc1',
  '1.15.X',
  'latest',
]
for (const text of BAD_GO_VERSIONS) {
  test(`go-version ${JSON.stringify(text)} is refused, listing the accepted forms`, () => {
    const err = refusal({ 'go-version': text })
    assert.ok(err, text)
    assert.equal(err.input, 'go-version')
    assert.equal(err.accepted, GO_VERSION_ACCEPTED)
    assert.match(err.message, /1\.15\.x/)
  })
}

test("go-version 1.15.x on Ubuntu's 5.4.0: judged as 1.15.0, which mlocks there (1.15.8 would not)", async () => {
  const root = path.join(HOSTS, 'ubuntu-20.04-5.4.0-42-go1.15.5')
  const ctx = {
    godebug: undefined,
    now: new Date(),
    tempDir: os.tmpdir(),
    ioDir: os.tmpdir(),
    toolCacheDir: null,
    log: () => {},
  }
  const judged = async (goVersion: string) =>
    (
      await audit(
        parseOptions((n) => (n === 'go-version' ? goVersion : ''), root),
        ctx,
      )
    ).go
  const family = await judged('1.15.x')
  assert.equal(family.goVersion, '1.15.x')
  assert.equal(family.ubuntuSkip, false)
  assert.notEqual(family.workaround, 'not-triggered')
  assert.match(
    family.reasons.map((r) => r.message).join('\n'),
    /go-version 1\.15\.x names a family of releases; judged as its worst case for this check, Go 1\.15\.0\./,
  )
  const late = await judged('go1.15.8')
  assert.equal(late.ubuntuSkip, true)
  assert.equal(late.workaround, 'not-triggered')
})

// --- --root with reproducer settings -------------------------------------

const CAPTURED = path.join(HOSTS, 'arch-5.4.1-gcc9')

const ROOT_REFUSED: Array<[Record<string, string>, string, RegExp]> = [
  [{ drill: 'true' }, 'drill', /Expected false with --root/],
  [{ reproduce: 'always' }, 'reproduce', /Expected auto or never with --root/],
  [{ mode: 'uffd' }, 'mode', /Expected no value with --root/],
  [{ mode: 'auto' }, 'mode', /Expected no value with --root/],
  [{ duration: '1m' }, 'duration', /Expected no value with --root/],
  [{ compiler: 'gcc' }, 'compiler', /Expected no value with --root/],
]
for (const [settings, input, expected] of ROOT_REFUSED) {
  test(`--root refuses ${JSON.stringify(settings)}: nothing runs on a captured host`, () => {
    const err = refusal(settings, CAPTURED)
    assert.ok(err)
    assert.equal(err.input, input)
    assert.match(err.message, expected)
    assert.match(err.message, /nothing is built or run/)
    // The same settings on this machine are fine.
    assert.equal(refusal(settings), null)
  })
}

test('--root keeps what still applies: reproduce auto or never, go-version, memlock-threads', () => {
  for (const settings of [
    { reproduce: 'never' } as Record<string, string>,
    { reproduce: 'auto' },
    { 'go-version': '1.14.x', 'memlock-threads': '256' },
  ])
    assert.equal(refusal(settings, CAPTURED), null, JSON.stringify(settings))
})

// --- SIGVEC_* typos ----------------------------------------------------

test('every SIGVEC_* name the tool reads comes from the input table', () => {
  assert.deepEqual(
    [...KNOWN_ENV_NAMES].sort(),
    [...HOOK_SETTINGS.map(envName), TOOL_DEADLINE_ENV].sort(),
  )
  assert.deepEqual(
    unknownSigvecVariables(
      Object.fromEntries(KNOWN_ENV_NAMES.map((n) => [n, 'x'])),
    ),
    [],
  )
})

const TYPOS: Array<[string, string]> = [
  ['SIGVEC_MOD', 'SIGVEC_MODE'],
  ['SIGVEC_FAILON', 'SIGVEC_FAIL_ON'],
  ['SIGVEC_FAIL-ON', 'SIGVEC_FAIL_ON'],
  ['SIGVEC_REPORTPATH', 'SIGVEC_REPORT_PATH'],
  ['SIGVEC_GO_VERION', 'SIGVEC_GO_VERSION'],
  ['SIGVEC_STATEDIR', 'SIGVEC_STATE_DIR'],
  ['SIGVEC_REPRODUCER', 'SIGVEC_REPRODUCE'],
  ['SIGVEC_TOOL_DEADLINE', 'SIGVEC_CHECK_TOOL_DEADLINE'],
]
for (const [typo, closest] of TYPOS) {
  test(`${typo} is reported, suggesting ${closest}`, () => {
    assert.deepEqual(
      unknownSigvecVariables({ [typo]: '1', PATH: '/bin', GODEBUG: 'x=1' }),
      [{ name: typo, closest }],
    )
  })
}

test('edit distance', () => {
  assert.equal(editDistance('', ''), 0)
  assert.equal(editDistance('MODE', 'MOD'), 1)
  assert.equal(editDistance('kitten', 'sitting'), 3)
})

test('the CLI warns of a SIGVEC_* it does not read, on stderr', () => {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir() }
  const typo = cli(['--root', CAPTURED], { ...env, SIGVEC_FAILON: 'unknown' })
  assert.equal(typo.code, 2, typo.stderr)
  assert.match(
    typo.stderr,
    /^sigvec-check: warning: SIGVEC_FAILON is not a variable sigvec-check reads, so it is ignored; did you mean SIGVEC_FAIL_ON \(which only `sigvec-check hook` reads\)\?$/m,
  )
  // The audit reads no hook variable: one given is ignored, and said to be.
  const hookOnly = cli(['--root', CAPTURED], {
    ...env,
    SIGVEC_FAIL_ON: 'unknown',
  })
  assert.match(
    hookOnly.stderr,
    /^sigvec-check: warning: SIGVEC_FAIL_ON is read only by `sigvec-check hook`, so it is ignored here; give its setting as a flag or an action input instead$/m,
  )
  const hook = cli(['hook', '--root', CAPTURED], {
    ...env,
    SIGVEC_MOD: 'io',
    SIGVEC_FAIL_ON: 'unknown',
  })
  assert.match(
    hook.stderr,
    /SIGVEC_MOD is not a variable .* did you mean SIGVEC_MODE\?$/m,
  )
  assert.doesNotMatch(hook.stderr, /SIGVEC_FAIL_ON/)
})

test('the action warns of a SIGVEC_* it does not read, with an annotation', async () => {
  const run = await runAction(
    {},
    {
      env: {
        SIGVEC_REPORTPATH: '/tmp/r.json',
        SIGVEC_REPRODUCE: 'always',
      },
    },
  )
  dirs.push(run.dir)
  assert.equal(run.code, 0, run.stdout)
  assert.match(
    run.stdout,
    /^::warning title=sigvec-check%3A variable ignored::SIGVEC_REPORTPATH is not a variable sigvec-check reads, so it is ignored; did you mean SIGVEC_REPORT_PATH \(which only `sigvec-check hook` reads\)\?$/m,
  )
  assert.match(
    run.stdout,
    /^::warning title=sigvec-check%3A variable ignored::SIGVEC_REPRODUCE is read only by `sigvec-check hook`, so it is ignored here/m,
  )
})

// --- --root that is not a folder -----------------------------------------

test('--root that does not exist, or is a file, is a usage error naming it', () => {
  const gone = path.join(tempDir(), 'no-such-capture')
  const file = path.join(CAPTURED, 'host.json')
  for (const [root, problem] of [
    [gone, 'does not exist'],
    [file, 'is not a folder'],
  ] as const) {
    for (const args of [
      ['--root', root],
      ['hook', '--root', root],
    ]) {
      const r = cli(args)
      assert.equal(r.code, 1, r.stderr)
      assert.equal(r.stdout, '')
      assert.equal(
        r.stderr,
        `sigvec-check: invalid --root: ${JSON.stringify(root)} ${problem}. Expected a folder made by \`sigvec-check capture DIR\` or \`scripts/capture.sh DIR\`.\n`,
      )
    }
  }
})

test('--root with a reproducer flag is a usage error; no verdict is printed', () => {
  const table: Array<[string[], RegExp]> = [
    [
      ['--drill'],
      /^sigvec-check: invalid --drill: "true"\. Expected false with --root/,
    ],
    [
      ['--reproduce', 'always'],
      /^sigvec-check: invalid --reproduce: "always"\. Expected auto or never with --root/,
    ],
    [
      ['--mode', 'io'],
      /^sigvec-check: invalid --mode: "io"\. Expected no value with --root/,
    ],
    [
      ['--duration', '2m'],
      /^sigvec-check: invalid --duration: "2m"\. Expected no value/,
    ],
    [
      ['--compiler', 'gcc'],
      /^sigvec-check: invalid --compiler: "gcc"\. Expected no value/,
    ],
  ]
  for (const [flags, expected] of table) {
    const r = cli(['--root', CAPTURED, ...flags])
    assert.equal(r.code, 1, flags.join(' '))
    assert.equal(r.stdout, '', flags.join(' '))
    assert.match(r.stderr, expected)
    assert.doesNotMatch(r.stderr, /DRILL|VULNERABLE/)
  }
  const hook = cli(['hook', '--root', CAPTURED], {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tempDir(),
    SIGVEC_MODE: 'io',
  })
  assert.equal(hook.code, 1)
  assert.match(
    hook.stderr,
    /^sigvec-check: invalid SIGVEC_MODE: "io"\. Expected no value with --root/m,
  )
  const fine = cli([
    '--root',
    CAPTURED,
    '--no-reproduce',
    '--go-version',
    '1.14.x',
  ])
  assert.equal(fine.code, 2, fine.stderr)
})

// --- report-path that is a folder ----------------------------------------

test('--report-path naming a folder is refused before the audit runs', () => {
  const folder = tempDir()
  const r = cli(['--report-path', folder, '--reproduce', 'always'])
  assert.equal(r.code, 1)
  assert.equal(r.stdout, '')
  assert.equal(
    r.stderr,
    `sigvec-check: invalid --report-path: ${JSON.stringify(folder)} is a folder. Expected a file path, not a folder, such as ${folder}/sigvec-report.json.\n`,
  )
  assert.deepEqual(fs.readdirSync(folder), [])
  const hook = cli(['hook'], {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tempDir(),
    SIGVEC_REPORT_PATH: folder,
  })
  assert.equal(hook.code, 1)
  assert.match(
    hook.stderr,
    /^sigvec-check: invalid SIGVEC_REPORT_PATH: ".*" is a folder\./,
  )
  // A path refused only when written (a /proc file takes no report) is
  // named as it was given too.
  const proc = cli(['hook', '--reproduce', 'never'], {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: tempDir(),
    SIGVEC_REPORT_PATH: '/proc/version',
  })
  assert.equal(proc.code, 1, proc.stderr)
  assert.match(proc.stderr, /^sigvec-check: invalid SIGVEC_REPORT_PATH: /m)
})

test('the action input report-path naming a folder fails the step at once, with no outputs', async () => {
  const folder = tempDir()
  const run = await runAction({ 'report-path': folder, reproduce: 'always' })
  dirs.push(run.dir)
  assert.equal(run.code, 1)
  assert.match(
    run.stdout,
    new RegExp(
      `^::error::Invalid input 'report-path': "${folder}" is a folder\\. Expected a file path, not a folder, such as ${folder}/sigvec-report\\.json\\.$`,
      'm',
    ),
  )
  assert.doesNotMatch(run.stdout, /reproducer:|EISDIR|rename/)
  assert.deepEqual(run.outputs, {})
  assert.equal(run.summary, '')
  assert.deepEqual(fs.readdirSync(folder), [])
})

// --- reproduce: always owes evidence ---------------------------------------

test('reproduce: always without evidence fails; other settings and not-applicable owe none', () => {
  const skipped = { result: 'skipped' as const, reason: 'no C compiler' }
  const clean = { result: 'clean' as const, reason: '' }
  assert.equal(
    missingEvidence('always', 'unaffected', skipped),
    'no C compiler',
  )
  assert.equal(
    missingEvidence('always', 'vulnerable', { result: 'error', reason: 'x' }),
    'x',
  )
  assert.equal(missingEvidence('always', 'unaffected', clean), null)
  assert.equal(missingEvidence('auto', 'vulnerable', skipped), null)
  assert.equal(missingEvidence('always', 'not-applicable', skipped), null)
  const policy = { failOn: 'never' as const, mitigate: false }
  assert.equal(decide('unaffected', policy, undefined, 'why').fail, true)
  assert.equal(decide('unaffected', policy, undefined, null).fail, false)
  // mitigate answers the bug, not the missing evidence.
  const mitigated = decide(
    'vulnerable',
    { failOn: 'vulnerable', mitigate: true },
    undefined,
    'why',
  )
  assert.equal(mitigated.mitigation, 'godebug')
  assert.equal(mitigated.fail, true)
})

// --- a compiler path that is not a compiler ----------------------------------

test('a compiler path that does not exist, is a folder or cannot be run is said so, and reproduce: always fails', async () => {
  const dir = tempDir()
  const plain = path.join(dir, 'cc-not-executable')
  fs.writeFileSync(plain, '#!/bin/sh\n', { mode: 0o644 })
  const table: Array<[string, string]> = [
    [
      path.join(dir, 'no', 'cc'),
      `${path.join(dir, 'no', 'cc')} does not exist`,
    ],
    [dir, `${dir} is a folder, not a program`],
    [plain, `${plain} is not executable`],
  ]
  for (const [compiler, why] of table) {
    const run = await runAction({ reproduce: 'always', compiler })
    dirs.push(run.dir)
    assert.equal(run.code, 1, run.stdout)
    assert.equal(run.outputs.reproducer, 'skipped')
    const report = JSON.parse(
      fs.readFileSync(run.outputs.report as string, 'utf8'),
    )
    assert.ok(
      report.reproducer.reason.startsWith(`no C compiler: ${why} (`),
      report.reproducer.reason,
    )
    assert.doesNotMatch(report.reproducer.reason, /is not on PATH/)
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error '))
    assert.ok(error?.includes(why), run.stdout)
    assert.match(
      error ?? '',
      /title=sigvec-check%3A reproduce%3A always%2C but no evidence/,
    )
  }
})

// --- uffd refused, and the cache folder, as nobody ----------------------------

let nobodyCli = ''
before(() => {
  const dir = tempDirForNobody('sigvec-usage-nobody-')
  dirs.push(dir)
  copyForNobody(path.join(ROOT, 'native'), dir)
  nobodyCli = path.join(copyForNobody(path.join(ROOT, 'dist'), dir), 'cli.js')
})

/** The CLI as nobody, with only the variables given. */
function cliAsNobody(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [program, ...rest] = asNobody([
    process.execPath,
    nobodyCli,
    ...args,
  ]) as [string, ...string[]]
  // Its own TMPDIR: the build and run folders it makes as nobody must not
  // land in /tmp, where another test file counts what nobody left behind.
  const tmp = tempDirForNobody('sigvec-usage-tmp-')
  dirs.push(tmp)
  fs.chownSync(tmp, NOBODY.uid, NOBODY.gid)
  const child = spawn(program, rest, {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmp, ...env },
    cwd: '/',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  )
}

test('as nobody, --mode uffd says uffd is not permitted, why, and what would permit it; the cache folder is named as chosen', async () => {
  assert.equal(
    fs.readFileSync('/proc/sys/vm/unprivileged_userfaultfd', 'utf8').trim(),
    '0',
    'this test needs vm.unprivileged_userfaultfd=0',
  )
  const r = await cliAsNobody(['--reproduce', 'always', '--mode', 'uffd'], {
    HOME: '/nonexistent',
  })
  assert.match(
    r.stdout,
    /^ {2}reproducer {9}error: mode uffd is not permitted here: userfaultfd\(2\) refused with EPERM \(vm\.unprivileged_userfaultfd=0, no CAP_SYS_PTRACE\); \/dev\/userfaultfd: EACCES\. It is permitted as root, with CAP_SYS_PTRACE, with the sysctl vm\.unprivileged_userfaultfd=1, or \(Linux 6\.1\+\) with read-write access to \/dev\/userfaultfd; or set mode to auto/m,
  )
  assert.equal(r.code, 3, '--reproduce always without evidence')
  // The cache the CLI chose, $HOME/.cache/sigvec-check, is named: not the
  // runner's variable it never read.
  assert.match(
    r.stderr,
    /^reproducer: not cached in the cache folder \/nonexistent\/\.cache\/sigvec-check \(\$HOME\/\.cache\/sigvec-check; set XDG_CACHE_HOME or HOME to a folder you can write to move it\): cannot create folder \/nonexistent: EACCES$/m,
  )
  assert.doesNotMatch(r.stderr, /RUNNER_TOOL_CACHE|RUNNER_TEMP/)
})

test('as nobody, an XDG_CACHE_HOME root owns (0755) is named as $XDG_CACHE_HOME', async () => {
  const owned = tempDir('sigvec-rootcache-')
  fs.chmodSync(owned, 0o755)
  const r = await cliAsNobody(['--reproduce', 'always', '--mode', 'uffd'], {
    HOME: '/nonexistent',
    XDG_CACHE_HOME: owned,
  })
  assert.equal(r.code, 3, r.stderr)
  assert.match(
    r.stderr,
    new RegExp(
      `^reproducer: not cached in the cache folder ${owned}/sigvec-check \\(\\$XDG_CACHE_HOME/sigvec-check; set XDG_CACHE_HOME or HOME to a folder you can write to move it\\): cannot create folder ${owned}/sigvec-check: EACCES$`,
      'm',
    ),
  )
  // The terminal text says it too.
  assert.match(r.stdout, /reproducer {9}error: mode uffd is not permitted here/)
  assert.deepEqual(fs.readdirSync(owned), [])
})

test('the action with mode: uffd where userfaultfd is refused (Docker seccomp): an error annotation with what would permit it', async () => {
  const tools = tempDir('sigvec-nouffd-')
  const wrapper = path.join(tools, 'no-userfaultfd')
  const cc = spawnSync(
    'cc',
    [
      '-O2',
      '-o',
      wrapper,
      path.join(ROOT, 'test', 'support', 'no-userfaultfd.c'),
    ],
    {
      encoding: 'utf8',
    },
  )
  assert.equal(cc.status, 0, cc.stderr)
  const run = await runAction(
    { reproduce: 'always', mode: 'uffd', duration: '1s' },
    { wrapper: [wrapper] },
  )
  dirs.push(run.dir)
  assert.equal(run.code, 1, run.stdout)
  assert.equal(run.outputs.reproducer, 'error')
  const error = run.stdout.split('\n').find((l) => l.startsWith('::error '))
  assert.match(
    error ?? '',
    /mode uffd is not permitted here: userfaultfd\(2\) refused with EPERM/,
  )
  assert.match(error ?? '', /It is permitted as root, with CAP_SYS_PTRACE/)
  assert.match(
    run.summary,
    /\| Self-test \| FAILED: mode uffd is not permitted here/,
  )
})
