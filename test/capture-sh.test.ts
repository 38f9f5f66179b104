// scripts/capture.sh: the capture of a host that cannot run Node, run as
// Debian's /bin/sh (dash) runs it, and `--root` judging what it kept.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import {
  asNobody,
  copyForNobody,
  NOBODY,
  tempDirForNobody,
} from '../harness/privileges.js'
import { captureHost } from '../src/capture.js'
import {
  CAPTURED_RUNS_FILE,
  readCapturedEvidence,
} from '../src/capturedruns.js'
import { evidenceFromRuns, parseResultLine } from '../src/evidence.js'
import { HOST_FILES, readHostFacts } from '../src/host.js'
import { INPUTS } from '../src/inputs.js'
import { renderSummary } from '../src/summary.js'
import { realRunArgs, selfTestArgs } from '../src/reproducer.js'
import { TOOL_VERSION } from '../src/version.js'
import { ROOT } from './support/action.js'
import { cli } from './support/cli.js'
import { foldersRemovedAfter } from './support/folders.js'
import { packedFile, packedFiles } from './support/pack.js'

const SCRIPT = path.join(ROOT, 'scripts', 'capture.sh')
const AFFECTED = path.join(ROOT, 'test', 'fixtures', 'hosts', 'arch-5.4.1-gcc9')
const dirs = foldersRemovedAfter()
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-capture-sh-'))
  dirs.push(d)
  return d
}

/** The environment a capture runs in: its temp folder, no runner's. */
function scriptEnv(tmp: string, extra: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, ...extra }
  delete env.RUNNER_TEMP
  delete env.GITHUB_WORKSPACE
  return env
}

/** The script run by `shell` (argv), as `sh capture.sh` runs it. */
function runScript(
  shell: string[],
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
) {
  const r = spawnSync(
    shell[0] as string,
    [...shell.slice(1), SCRIPT, ...args],
    {
      encoding: 'utf8',
      env,
    },
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const dash = (args: string[], env?: NodeJS.ProcessEnv) =>
  runScript(['dash'], args, env)
const BUSYBOX = spawnSync('busybox', ['--help']).status === 0

// One real capture of this machine, with the reproducer, shared by the
// tests that judge or tamper with it.
let captured: string | null = null
function capturedHere(): string {
  if (captured) return captured
  const tmp = tempDir()
  const out = path.join(tempDir(), 'host')
  const r = dash(['--duration', '2', out], scriptEnv(tmp))
  assert.equal(r.code, 0, r.stderr)
  assert.deepEqual(fs.readdirSync(tmp), [], 'the build folder is removed')
  captured = out
  return out
}

const runLines = (dir: string) =>
  fs
    .readFileSync(path.join(dir, CAPTURED_RUNS_FILE), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)

test('the script copies the files HOST_FILES names, no more, no fewer', () => {
  const r = dash(['--list-files'])
  assert.equal(r.code, 0, r.stderr)
  assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
    ...Object.values(HOST_FILES),
  ])
})

test("the script's runs are the audit's: selfTestArgs, then realRunArgs", () => {
  const tmp = tempDir()
  for (const [mode, duration, seconds] of [
    ['auto', '30s', 30],
    ['uffd', '45', 45],
    ['io', '2m', 120],
    ['stress', '0.5', 0.5],
    ['auto', '1.5m', 90],
    ['io', '3600', 3600],
    ['uffd', '1m30s', 90],
    ['stress', '1h', 3600],
    ['io', '0.5h', 1800],
  ] as const) {
    const r = dash(
      ['--dry-run', '--mode', mode, '--duration', duration],
      scriptEnv(tmp),
    )
    assert.equal(r.code, 0, r.stderr)
    const resolved =
      mode === 'auto' ? (['uffd', 'io', 'stress'] as const) : [mode]
    assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
      `self-test: ${selfTestArgs(mode, tmp).join(' ')}`,
      ...resolved.map(
        (m) => `run ${m}: ${realRunArgs(m, seconds, false, tmp).join(' ')}`,
      ),
    ])
  }
  // io mode's folder is chosen as ioFolder chooses it.
  const runner = dash(['--dry-run', '--mode', 'io'], {
    ...scriptEnv(tmp),
    RUNNER_TEMP: '/runner/temp',
  })
  assert.match(runner.stdout, /^self-test: --mode io --io-dir \/runner\/temp /)
})

test('bad flags and values are refused by name, with what is accepted', () => {
  const accepted = (name: string) =>
    INPUTS.find((s) => s.name === name)?.accepted
  for (const [args, message] of [
    [
      ['--duration', '0', 'x'],
      `invalid --duration: "0". Expected ${accepted('duration')}.`,
    ],
    [
      ['--duration', '1h1s', 'x'],
      `invalid --duration: "1h1s". Expected ${accepted('duration')}.`,
    ],
    [
      ['--duration', '2s1m', 'x'],
      `invalid --duration: "2s1m". Expected ${accepted('duration')}.`,
    ],
    [
      ['--duration', '5\n5', 'x'],
      `invalid --duration: "5\n5". Expected ${accepted('duration')}.`,
    ],
    [
      ['--mode', 'fast', 'x'],
      `invalid --mode: "fast". Expected ${accepted('mode')}.`,
    ],
    [['--mode'], '--mode needs a value'],
    [['--fast', 'x'], 'unknown flag "--fast"'],
    [['a', 'b'], 'one OUTDIR only'],
    [[], 'give the folder to capture into (OUTDIR)'],
  ] as const) {
    const r = dash([...args])
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`)
    assert.ok(r.stderr.includes(message), `${args.join(' ')}: ${r.stderr}`)
  }
})

test('the script trims each file exactly as `capture` does, keeping no secret', async () => {
  const from = tempDir()
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(from, rel)), { recursive: true })
    fs.writeFileSync(path.join(from, rel), text)
  }
  write(
    HOST_FILES.environ,
    'PATH=/bin\0API_TOKEN=hunter2\0NOTE=a\ncontainer=leak\0container=podman\0HOME=/root\0',
  )
  write(
    HOST_FILES.status,
    'Name:\tnode\nPid:\t42\nCapEff:\t0000000000004000\nCapBnd:\t1\n',
  )
  write(
    HOST_FILES.cpuinfo,
    'processor\t: 0\nflags\t\t: avx\n\t\nprocessor\t: 1\nserial\t: secret\n',
  )
  write(HOST_FILES.uidMap, '         0          0 4294967295\n')
  write(HOST_FILES.release, '5.4.1-arch1-1\n')
  write(HOST_FILES.dockerenv, '')
  const node = path.join(tempDir(), 'by-node')
  await captureHost(from, node)
  const shells = BUSYBOX ? [['dash'], ['busybox', 'sh']] : [['dash']]
  for (const shell of shells) {
    const script = path.join(tempDir(), 'by-script')
    const r = runScript(shell, ['--no-reproduce', '--from', from, script])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^captured 6 files into /)
    assert.match(r.stdout, /reproducer: not run \(--no-reproduce\)/)
    for (const rel of Object.values(HOST_FILES)) {
      const read = (dir: string) =>
        fs.existsSync(path.join(dir, rel))
          ? fs.readFileSync(path.join(dir, rel), 'latin1')
          : null
      assert.equal(read(script), read(node), `${shell[0]}: ${rel}`)
    }
    assert.equal(
      fs.readFileSync(path.join(script, HOST_FILES.environ), 'utf8'),
      'container=podman\0',
    )
    assert.equal(fs.statSync(script).mode & 0o777, 0o700)
    assert.deepEqual(fs.readdirSync(path.join(script, 'sigvec')), [
      'capture.txt',
    ])
  }
})

test('a capture under dash keeps the runs, and --root judges with them', () => {
  const out = capturedHere()
  for (const rel of [
    HOST_FILES.release,
    HOST_FILES.unameVersion,
    HOST_FILES.cpuinfo,
  ])
    assert.ok(fs.existsSync(path.join(out, rel)), rel)
  const [selfTest, real, ...more] = runLines(out)
  assert.deepEqual(more, [])
  assert.equal(selfTest?.result, 'corrupted')
  assert.equal(
    (selfTest?.mismatch as { leakedFrom: string }).leakedFrom,
    'injected',
  )
  assert.ok(real && real.result !== 'error', JSON.stringify(real))
  const notes = fs.readFileSync(path.join(out, 'sigvec/capture.txt'), 'utf8')
  assert.match(
    notes,
    new RegExp(`^script=scripts/capture\\.sh ${TOOL_VERSION}$`, 'm'),
  )
  assert.match(notes, /^compiler=.+$/m)
  assert.match(notes, /^self-test-exit=\d+$/m)
  assert.match(notes, /^run-exit=\d+$/m)
  assert.ok(
    notes.includes(
      `uname=${spawnSync('uname', ['-a'], { encoding: 'utf8' }).stdout.trim()}\n`,
    ),
  )

  const r = cli(['--root', out, '--json'])
  const report = JSON.parse(r.stdout)
  assert.equal(report.reproducer.result, real.result)
  assert.equal(report.reproducer.selfTest.passed, true)
  assert.match(
    report.reproducer.origin,
    /^captured on Linux \S+ .+ at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ by scripts\/capture\.sh \d+\.\d+\.\d+$/,
  )
  const text = cli(['--root', out])
  assert.ok(text.stdout.includes(report.reproducer.origin), text.stdout)
  // Markdown-escaped there; the time and the script name as they are.
  const summary = renderSummary(report)
  const at = / at (\S+) by (scripts\/capture\.sh \S+)$/
    .exec(report.reproducer.origin)
    ?.slice(1)
  for (const line of [
    /^\| Reproducer runs \| captured on (.*) at (\S+) by (scripts\/capture\.sh \S+) \|$/m,
    /^The reproducer: .* Its runs were captured on (.*) at (\S+) by (scripts\/capture\.sh \S+), not made here\.$/m,
  ])
    assert.deepEqual(line.exec(summary)?.slice(2), at, summary)
  assert.match(
    text.stderr,
    /reproducer: not run here; its runs were captured on /,
  )
})

test('--root never builds or runs the reproducer', () => {
  const out = capturedHere()
  const judged = JSON.parse(cli(['--root', out, '--json']).stdout)
  // No compiler on the PATH: a build would have been a build failure.
  const env = { ...process.env, PATH: tempDir() }
  const r = cli(['--root', out, '--json'], env)
  assert.deepEqual(JSON.parse(r.stdout).reproducer, judged.reproducer)
  const bare = JSON.parse(cli(['--root', AFFECTED, '--json'], env).stdout)
  assert.equal(bare.reproducer.result, 'skipped')
  assert.equal(bare.reproducer.build, null)
})

/** A copy of the affected fixture, with `lines` as its captured runs. */
function affectedWith(lines: Array<Record<string, unknown>>): string {
  const dir = path.join(tempDir(), 'tree')
  fs.cpSync(AFFECTED, dir, { recursive: true })
  fs.mkdirSync(path.join(dir, 'sigvec'))
  fs.writeFileSync(
    path.join(dir, CAPTURED_RUNS_FILE),
    lines.map((l) => JSON.stringify(l) + '\n').join(''),
  )
  return dir
}

/** The captured lines as if made on the affected fixture's kernel. */
function onAffectedKernel(): Array<Record<string, unknown>> {
  const uname = {
    release: fs
      .readFileSync(path.join(AFFECTED, HOST_FILES.release), 'utf8')
      .trim(),
    version: fs
      .readFileSync(path.join(AFFECTED, HOST_FILES.unameVersion), 'utf8')
      .trim(),
  }
  return runLines(capturedHere()).map((l) => ({ ...l, uname }))
}

test('captured runs judge an in-range kernel exactly as live runs would', () => {
  const lines = onAffectedKernel()
  const report = JSON.parse(
    cli(['--root', affectedWith(lines), '--json']).stdout,
  )
  const [st, real] = lines.map((l) => parseResultLine(JSON.stringify(l)))
  const live = evidenceFromRuns({
    build: {
      ok: true,
      binary: '',
      cacheHit: false,
      key: '',
      compiler: '',
      seconds: 0,
    },
    selfTest: {
      run: {
        code: 0,
        signal: null,
        stdout: '',
        stderr: '',
        timedOut: false,
        seconds: 0,
      },
      line: st ?? null,
      deadlineMs: 0,
    },
    real: {
      run: {
        code: 0,
        signal: null,
        stdout: '',
        stderr: '',
        timedOut: false,
        seconds: 0,
      },
      line: real ?? null,
      deadlineMs: 0,
    },
    drill: false,
    kernelVersion: (lines[0]?.uname as { version: string }).version,
  })
  for (const key of [
    'result',
    'reason',
    'mode',
    'enoughEvents',
    'missProbability',
    'liveFaultingDeliveries',
  ] as const)
    assert.deepEqual(report.reproducer[key], live[key], key)
  // Without its runs, the same tree is only vulnerable by its version.
  assert.equal(
    JSON.parse(cli(['--root', AFFECTED, '--json']).stdout).status,
    'vulnerable',
  )
  // Enough clean deliveries clear the in-range kernel; too few leave it so.
  assert.equal(report.status, live.enoughEvents ? 'unaffected' : 'vulnerable')

  // A clean stress run never clears, however many deliveries it claims.
  const stress = lines.map((l, i) =>
    i === 0
      ? l
      : {
          ...l,
          result: 'clean',
          mode: 'stress',
          mismatch: null,
          liveFaultingDeliveries: 1e9,
          faultingDeliveries: 1e9,
          settings: { ...(l.settings as object), events: 0 },
        },
  )
  const judged = JSON.parse(
    cli(['--root', affectedWith(stress), '--json']).stdout,
  )
  assert.equal(judged.reproducer.result, 'clean')
  assert.equal(judged.reproducer.enoughEvents, false)
  assert.equal(judged.status, 'vulnerable')
  assert.ok(
    judged.reasons.some(
      (r: { code: string }) => r.code === 'reproducer-too-little',
    ),
  )
})

test('a hostile runs file fails closed, naming the file and the reason', async () => {
  const good = onAffectedKernel()
  const real = good[1] as Record<string, unknown>
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    [
      'a link',
      (d) => {
        const f = path.join(d, CAPTURED_RUNS_FILE)
        fs.renameSync(f, f + '.real')
        fs.symlinkSync('reproducer.jsonl.real', f)
      },
      /a link; links in a captured tree are not followed/,
    ],
    [
      'a FIFO',
      (d) => {
        const f = path.join(d, CAPTURED_RUNS_FILE)
        fs.rmSync(f)
        assert.equal(spawnSync('mkfifo', [f]).status, 0)
      },
      /not a regular file/,
    ],
    [
      'oversized',
      (d) =>
        fs.appendFileSync(
          path.join(d, CAPTURED_RUNS_FILE),
          ' '.repeat(600 * 1024),
        ),
      /too large \(\d+ bytes; at most 524288/,
    ],
    [
      'garbage',
      (d) => fs.writeFileSync(path.join(d, CAPTURED_RUNS_FILE), 'rm -rf /\n'),
      /line 1: not a result line of the reproducer/,
    ],
    [
      'too many lines',
      (d) =>
        fs.appendFileSync(
          path.join(d, CAPTURED_RUNS_FILE),
          JSON.stringify(real) + '\n',
        ),
      /3 lines, where the capture writes at most 2/,
    ],
  ]
  const lineCases: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'another kernel',
      {
        ...real,
        uname: { release: '5.4.2-arch1-1', version: '#1 SMP PREEMPT' },
      },
      /line 2: made on another kernel \(5\.4\.2-arch1-1 #1 SMP PREEMPT\) than the tree's \(5\.4\.1-arch1-1 /,
    ],
    [
      'no kernel',
      { ...real, uname: undefined },
      /line 2: it does not say which kernel/,
    ],
    [
      'an --events stop in stress mode',
      {
        ...real,
        result: 'clean',
        mode: 'stress',
        mismatch: null,
        settings: { ...(real.settings as object), events: 62 },
      },
      /line 2: the real run ran with --events 62, where the capture gives stress mode's real run no --events/,
    ],
    [
      'a drill',
      { ...real, settings: { ...(real.settings as object), inject: 4 } },
      /line 2: the real run ran with --inject 4, where the capture gives \w+ mode's real run no --inject/,
    ],
    [
      'an unknown mode',
      { ...real, mode: 'magic' },
      /line 2: mode "magic" is not one of uffd, io, stress/,
    ],
    [
      'a terminal escape',
      { ...real, modeReasonText: 'ok\u001b[2J' },
      /line 2: the line\.modeReasonText holds control characters/,
    ],
    [
      'a negative count',
      { ...real, liveFaultingDeliveries: -5 },
      /line 2: liveFaultingDeliveries is not a count/,
    ],
  ]
  for (const [name, line, why] of lineCases)
    cases.push([
      name,
      (d) =>
        fs.writeFileSync(
          path.join(d, CAPTURED_RUNS_FILE),
          [good[0], line].map((l) => JSON.stringify(l)).join('\n') + '\n',
        ),
      why,
    ])
  for (const [name, tamper, why] of cases) {
    const dir = affectedWith(good)
    tamper(dir)
    const facts = await readHostFacts({ root: dir, goVersion: null })
    const e = await readCapturedEvidence(facts)
    assert.equal(e?.result, 'error', name)
    assert.ok(
      e.reason.startsWith(`${CAPTURED_RUNS_FILE} not counted: `),
      `${name}: ${e.reason}`,
    )
    assert.match(e.reason, why, name)
    assert.match(
      e.origin ?? '',
      /^captured on .* by scripts\/capture\.sh/,
      name,
    )
  }
  // End to end: the CLI judges by the version alone and says why.
  const dir = affectedWith([
    good[0] as object,
    { ...real, uname: { release: 'x', version: 'y' } },
  ] as Array<Record<string, unknown>>)
  const r = cli(['--root', dir])
  assert.equal(r.code, 2, r.stderr)
  assert.match(r.stdout, /VULNERABLE/)
  assert.match(
    r.stdout,
    /reproducer +error: sigvec\/reproducer\.jsonl not counted: line 2: made on another kernel/,
  )
})

test('as nobody, the capture keeps its runs and --root judges them', () => {
  const base = tempDirForNobody('sigvec-capture-nobody-')
  dirs.push(base)
  const pkg = path.join(base, 'pkg')
  fs.mkdirSync(path.join(pkg, 'scripts'), { recursive: true, mode: 0o755 })
  copyForNobody(SCRIPT, path.join(pkg, 'scripts'))
  copyForNobody(path.join(ROOT, 'native'), pkg)
  copyForNobody(path.join(ROOT, 'package.json'), pkg)
  const own = path.join(base, 'own')
  fs.mkdirSync(own)
  fs.chownSync(own, NOBODY.uid, NOBODY.gid)
  const out = path.join(own, 'host')
  const argv = asNobody([
    'dash',
    path.join(pkg, 'scripts', 'capture.sh'),
    '--duration',
    '1',
    out,
  ])
  const r = spawnSync(argv[0] as string, argv.slice(1), {
    encoding: 'utf8',
    env: scriptEnv(own),
  })
  assert.equal(r.status, 0, r.stderr)
  assert.equal(fs.statSync(out).uid, NOBODY.uid)
  const lines = runLines(out)
  assert.ok(lines.length >= 1 && lines.length <= 2, JSON.stringify(lines))
  const report = JSON.parse(cli(['--root', out, '--json']).stdout)
  assert.match(
    report.reproducer.origin,
    /^captured on .* by scripts\/capture\.sh /,
  )
  assert.equal(
    report.reproducer.selfTest?.passed,
    lines[0]?.result === 'corrupted',
  )
  assert.equal(
    report.host.facts.find((f: { name: string }) => f.name === 'CAP_IPC_LOCK')
      .value,
    'no',
  )
})

test('without a compiler the files are captured alone, and it says so', () => {
  // A PATH of the tools the script uses, without cc.
  const bin = tempDir()
  for (const tool of [
    'awk',
    'cat',
    'date',
    'dirname',
    'grep',
    'head',
    'id',
    'ls',
    'mkdir',
    'mktemp',
    'rm',
    'rmdir',
    'sed',
    'tail',
    'tr',
    'uname',
  ]) {
    const at = ['/usr/bin', '/bin']
      .map((d) => path.join(d, tool))
      .find((p) => fs.existsSync(p))
    assert.ok(at, tool)
    fs.symlinkSync(at, path.join(bin, tool))
  }
  const env = scriptEnv(tempDir(), { PATH: bin })
  delete env.CC
  for (const extra of [{}, { CC: '/nonexistent/gcc' }]) {
    const out = path.join(tempDir(), 'host')
    const r = spawnSync('/usr/bin/dash', [SCRIPT, out], {
      encoding: 'utf8',
      env: { ...env, ...extra },
    })
    assert.equal(r.status, 0, r.stderr)
    assert.match(
      r.stdout,
      /reproducer: not run: no C compiler here \(looked for (cc|\/nonexistent\/gcc); set CC to name one\); the files alone are captured/,
    )
    assert.ok(fs.existsSync(path.join(out, HOST_FILES.release)))
    assert.equal(fs.existsSync(path.join(out, CAPTURED_RUNS_FILE)), false)
    const report = JSON.parse(cli(['--root', out, '--json']).stdout)
    assert.equal(report.reproducer.result, 'skipped')
  }
})

test('an OUTDIR that is not empty, a link or a file is refused, untouched', () => {
  const parent = tempDir()
  const full = path.join(parent, 'full')
  fs.mkdirSync(full)
  fs.writeFileSync(path.join(full, 'keep'), 'x')
  const link = path.join(parent, 'link')
  fs.symlinkSync(tempDir(), link)
  const file = path.join(parent, 'file')
  fs.writeFileSync(file, 'x')
  for (const [out, why] of [
    [full, 'is not empty'],
    [link, 'is a link'],
    [link + '/', 'is a link'],
    [file, 'is not a folder'],
  ] as const) {
    const r = dash(['--no-reproduce', out])
    assert.equal(r.code, 2, r.stderr)
    assert.ok(
      r.stderr.includes(
        `OUTDIR ${out.replace(/\/$/, '')} ${why}; give a new or empty folder`,
      ),
      r.stderr,
    )
  }
  assert.deepEqual(fs.readdirSync(parent).sort(), ['file', 'full', 'link'])
  assert.deepEqual(fs.readdirSync(full), ['keep'])
  // An empty folder is taken, and made the script's own.
  const empty = path.join(parent, 'empty')
  fs.mkdirSync(empty, { mode: 0o777 })
  assert.equal(dash(['--no-reproduce', empty]).code, 0)
  assert.equal(fs.statSync(empty).mode & 0o777, 0o700)
})

/** Processes whose command line holds each text (arguments NUL-separated). */
function processesWith(...texts: string[]): string[] {
  return fs.readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      return texts.every((text) => cmdline.includes(text))
    } catch {
      return false
    }
  })
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${signal} during the run leaves no reproducer, no temp folder, no capture`, async (t) => {
    const tmp = tempDir()
    const out = path.join(tempDir(), 'host')
    const child = spawn(
      'dash',
      [SCRIPT, '--mode', 'stress', '--duration', '600', out],
      { env: scriptEnv(tmp) },
    )
    t.after(() => child.kill('SIGKILL'))
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const closed = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    )
    // The real run is under way once its process is (polled, not timed).
    const realRun = `${tmp}/sigvec-capture.`
    while (processesWith(realRun, '--duration\0' + '600').length === 0) {
      assert.equal(child.exitCode, null, `ended before its real run: ${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    child.kill(signal)
    assert.equal(await closed, code, stderr)
    assert.match(stderr, /interrupted; nothing kept/)
    assert.deepEqual(processesWith(realRun), [])
    assert.deepEqual(fs.readdirSync(tmp), [])
    assert.equal(fs.existsSync(out), false)
  })
}

test(
  'under busybox sh it captures, runs and trims the same',
  { skip: BUSYBOX ? false : 'busybox is not installed' },
  () => {
    const busybox = ['busybox', 'sh']
    assert.deepEqual(
      runScript(busybox, ['--list-files']),
      dash(['--list-files']),
    )
    const tmp = tempDir()
    const dry = ['--dry-run', '--duration', '1m30s']
    assert.deepEqual(
      runScript(busybox, dry, scriptEnv(tmp)),
      dash(dry, scriptEnv(tmp)),
    )
    assert.equal(runScript(busybox, ['--mode', 'fast', 'x']).code, 2)
    const out = path.join(tempDir(), 'host')
    const r = runScript(busybox, ['--duration', '1', out], scriptEnv(tmp))
    assert.equal(r.code, 0, r.stderr)
    assert.deepEqual(fs.readdirSync(tmp), [])
    const trimmed = [HOST_FILES.cpuinfo, HOST_FILES.status, HOST_FILES.uidMap]
    for (const rel of trimmed)
      assert.equal(
        fs.readFileSync(path.join(out, rel), 'utf8'),
        fs.readFileSync(path.join(capturedHere(), rel), 'utf8'),
        rel,
      )
    const report = JSON.parse(cli(['--root', out, '--json']).stdout)
    assert.equal(report.reproducer.selfTest.passed, true)
    assert.match(report.reproducer.origin, /by scripts\/capture\.sh /)
  },
)

test('the npm package ships the script, executable, with the sources it builds', () => {
  const files = packedFiles()
  const script = packedFile('scripts/capture.sh')
  assert.ok(script, 'scripts/capture.sh is in the package')
  assert.equal(script.mode & 0o111, 0o111)
  for (const name of fs.readdirSync(path.join(ROOT, 'native')))
    assert.ok(
      files.some((f) => f.path === `native/${name}`),
      name,
    )
  assert.ok(files.some((f) => f.path === 'package.json'))
})

test("the capture's notes are hostile too: only plain values are shown", async () => {
  const dir = affectedWith(onAffectedKernel())
  const notes = path.join(dir, 'sigvec/capture.txt')
  const origin = async () =>
    (
      await readCapturedEvidence(
        await readHostFacts({ root: dir, goVersion: null }),
      )
    )?.origin
  fs.writeFileSync(
    notes,
    'script=rm -rf /\ndate=yesterday\nuname=Linux \u001b[2Jevil\n',
  )
  assert.equal(
    await origin(),
    'captured on an unknown host at an unknown time by scripts/capture.sh',
  )
  fs.rmSync(notes)
  fs.symlinkSync('/etc/os-release', notes)
  assert.equal(
    await origin(),
    'captured on an unknown host at an unknown time by scripts/capture.sh',
  )
  fs.rmSync(notes)
  fs.writeFileSync(
    notes,
    'script=scripts/capture.sh 9.9.9\ndate=2026-01-02T03:04:05Z\nuname=Linux old 4.14.0\n',
  )
  assert.equal(
    await origin(),
    'captured on Linux old 4.14.0 at 2026-01-02T03:04:05Z by scripts/capture.sh 9.9.9',
  )
})

/** Every entry under `dir` that is neither a regular file nor a folder. */
function notPlain(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter(
    (rel) => {
      const st = fs.lstatSync(path.join(dir, rel))
      return !st.isFile() && !st.isDirectory()
    },
  )
}

test('--from copies plain files only: a FIFO or a link in the tree is not read', () => {
  const from = tempDir()
  const secret = path.join(tempDir(), 'secret')
  fs.writeFileSync(secret, 'root-only\n')
  fs.mkdirSync(path.join(from, 'proc/sys/kernel'), { recursive: true })
  fs.mkdirSync(path.join(from, 'etc'))
  fs.writeFileSync(path.join(from, HOST_FILES.release), '5.4.1-arch1-1\n')
  assert.equal(
    spawnSync('mkfifo', [path.join(from, HOST_FILES.cpuinfo)]).status,
    0,
  )
  fs.symlinkSync(secret, path.join(from, 'etc/os-release'))
  const shells = BUSYBOX ? [['dash'], ['busybox', 'sh']] : [['dash']]
  for (const shell of shells) {
    const out = path.join(tempDir(), 'host')
    // The timeout only ends a hang; the assertions are on the outcome.
    const r = spawnSync(
      shell[0] as string,
      [...shell.slice(1), SCRIPT, '--no-reproduce', '--from', from, out],
      { encoding: 'utf8', timeout: 120_000 },
    )
    assert.equal(r.status, 0, `${shell[0]}: ${r.stderr}`)
    assert.match(
      r.stdout,
      /^captured 1 files into .*; not a plain file, not copied: \/etc\/os-release \/proc\/cpuinfo$/m,
    )
    assert.equal(
      fs.readFileSync(path.join(out, HOST_FILES.release), 'utf8'),
      '5.4.1-arch1-1\n',
    )
    for (const rel of [HOST_FILES.cpuinfo, 'etc/os-release'])
      assert.equal(fs.existsSync(path.join(out, rel)), false, rel)
    assert.deepEqual(notPlain(out), [])
  }
  const r = dash(['--from', path.join(from, 'nowhere'), tempDir()])
  assert.equal(r.code, 2)
  assert.match(r.stderr, /invalid --from: ".*nowhere"\. Expected a folder\./)
})

test('a capture holds only plain files and folders', () => {
  assert.deepEqual(notPlain(capturedHere()), [])
})

test('OUTDIR swapped for a link mid-run: nothing is written through the link', () => {
  const parent = tempDir()
  const out = path.join(parent, 'host')
  const decoy = path.join(tempDir(), 'decoy')
  // Where the writes would land through the link.
  fs.mkdirSync(path.join(decoy, 'sigvec'), { recursive: true })
  // A compiler that, when first called, moves OUTDIR away and puts a link
  // to the decoy in its place, as another user who can write in OUTDIR's
  // parent could; its build fails, so the script goes on writing notes.
  const cc = path.join(tempDir(), 'cc')
  fs.writeFileSync(
    cc,
    [
      '#!/bin/sh',
      'if [ ! -L "$SWAP_OUT" ]; then',
      '  mv -- "$SWAP_OUT" "$SWAP_OUT.moved" && ln -s -- "$SWAP_TO" "$SWAP_OUT"',
      'fi',
      'case $1 in --version) echo swapping-cc 1 ;; *) exit 1 ;; esac',
      '',
    ].join('\n'),
    { mode: 0o755 },
  )
  const shells = BUSYBOX ? [['dash'], ['busybox', 'sh']] : [['dash']]
  for (const shell of shells) {
    fs.rmSync(out, { recursive: true, force: true })
    fs.rmSync(out + '.moved', { recursive: true, force: true })
    const r = runScript(
      shell,
      [out],
      scriptEnv(tempDir(), { CC: cc, SWAP_OUT: out, SWAP_TO: decoy }),
    )
    assert.equal(r.code, 0, `${shell[0]}: ${r.stderr}`)
    assert.match(r.stdout, /reproducer: not run: the build failed/)
    assert.ok(fs.lstatSync(out).isSymbolicLink(), 'the swap happened')
    assert.deepEqual(fs.readdirSync(decoy, { recursive: true }), ['sigvec'])
    // Everything went into the folder the script made, wherever it is now.
    const notes = fs.readFileSync(
      path.join(out + '.moved', 'sigvec/capture.txt'),
      'utf8',
    )
    assert.match(notes, /^compiler=swapping-cc 1$/m)
    assert.match(notes, /^build-exit=1$/m)
    assert.ok(fs.existsSync(path.join(out + '.moved', HOST_FILES.release)))
  }
})
