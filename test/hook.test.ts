// The job-started hook as a self-hosted runner runs it: `bash -e` on the
// script that ACTIONS_RUNNER_HOOK_JOB_STARTED names, settings from the
// runner's environment, the exit code as the gate, the report in the log;
// and the state folder that keeps the reproducer to once per boot.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import { hookExitCode } from '../src/hook.js'
import { envName, HOOK_SETTINGS } from '../src/inputs.js'
import { FAIL_ON, STATUSES, type FailOn, type Status } from '../src/status.js'
import { ROOT } from './support/action.js'
import { packedFile, packedFiles } from './support/pack.js'

const SCRIPT = path.join(ROOT, 'scripts', 'job-started.sh')
const HOSTS = path.join(ROOT, 'test', 'fixtures', 'hosts')
const BOOT_ID = fs
  .readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')
  .trim()
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-hook-'))
after(() => fs.rmSync(TMP, { recursive: true, force: true }))

/** A runner's home: its own HOME, temp and tool cache, kept across jobs. */
function runnerDir(name: string): string {
  const dir = path.join(TMP, name)
  for (const sub of ['home', 'temp', 'tool-cache', 'work'])
    fs.mkdirSync(path.join(dir, sub), { recursive: true })
  return dir
}

/** One job start: the runner runs `bash -e <script>` in its environment. */
function jobStarted(
  dir: string,
  settings: Record<string, string>,
  args: string[] = [],
) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: path.join(dir, 'home'),
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: path.join(dir, 'temp'),
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    ACTIONS_RUNNER_HOOK_JOB_STARTED: SCRIPT,
    ...settings,
  }
  const hook = env.ACTIONS_RUNNER_HOOK_JOB_STARTED as string
  const r = spawnSync('bash', ['-e', hook, ...args], {
    cwd: path.join(dir, 'work'),
    env,
    encoding: 'utf8',
  })
  if (r.error) throw r.error
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const status = (stdout: string) =>
  /^sigvec-check: ([A-Z-]+)$/m.exec(stdout)?.[1]?.toLowerCase()

test('each job start audits; a second job reuses this boot’s reproducer result', async (t) => {
  const dir = runnerDir('memory')
  const state = path.join(dir, 'state')
  const settings = {
    SIGVEC_STATE_DIR: state,
    SIGVEC_REPRODUCE: 'always',
    SIGVEC_DURATION: '0.5',
    SIGVEC_FAIL_ON: 'vulnerable',
  }
  const resultFile = /^reproducer: result remembered for this boot in (.+)$/m
  let file = ''
  let firstRow = ''

  await t.test('the first job runs it and remembers the result', () => {
    const r = jobStarted(dir, settings)
    assert.equal(r.code, 0, r.stderr)
    assert.equal(status(r.stdout), 'unaffected')
    assert.match(
      r.stdout,
      /^sigvec-check hook: unaffected passes fail-on vulnerable: the job runs$/m,
    )
    assert.match(r.stderr, /^reproducer: self-test /m)
    file = resultFile.exec(r.stderr)?.[1] ?? ''
    assert.equal(path.dirname(file), state)
    assert.match(
      path.basename(file),
      new RegExp(`^reproducer-${BOOT_ID}-[0-9a-f]{16}\\.json$`),
    )
    assert.equal(fs.statSync(state).mode & 0o777, 0o700)
    assert.equal(fs.statSync(file).mode & 0o777, 0o600)
    const kept = JSON.parse(fs.readFileSync(file, 'utf8'))
    assert.equal(kept.schema, 'sigvec-check/boot-result')
    assert.equal(kept.bootId, BOOT_ID)
    assert.match(kept.evidence.result, /^(clean|corrupted|error)$/)
    firstRow = /^ {2}reproducer +(\S+)/m.exec(r.stdout)?.[1] ?? ''
    assert.match(firstRow, /^(clean|corrupted|error):$/)
  })

  await t.test('the second job takes it from the state folder', () => {
    const before = fs.readFileSync(file, 'utf8')
    const r = jobStarted(dir, settings)
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /^reproducer: remembered from this boot's run at /m)
    assert.doesNotMatch(r.stderr, /self-test/)
    assert.equal(/^ {2}reproducer +(\S+)/m.exec(r.stdout)?.[1], firstRow)
    assert.equal(fs.readFileSync(file, 'utf8'), before)
  })

  await t.test(
    'a result from an earlier boot is not used, and is removed',
    () => {
      const earlier = path.join(
        state,
        path
          .basename(file)
          .replace(BOOT_ID, '00000000-0000-4000-8000-000000000000'),
      )
      fs.renameSync(file, earlier)
      const r = jobStarted(dir, settings)
      assert.equal(r.code, 0, r.stderr)
      assert.match(r.stderr, /^reproducer: no result remembered for this boot/m)
      assert.match(r.stderr, /^reproducer: self-test /m)
      assert.match(r.stderr, /^reproducer: forgot reproducer-00000000-/m)
      assert.equal(resultFile.exec(r.stderr)?.[1], file)
      assert.deepEqual(fs.readdirSync(state), [path.basename(file)])
    },
  )

  await t.test(
    'a result for another build key is not used, and is kept',
    () => {
      const other = path.join(
        state,
        path
          .basename(file)
          .replace(/-[0-9a-f]{16}\.json$/, '-0123456789abcdef.json'),
      )
      fs.renameSync(file, other)
      const r = jobStarted(dir, settings)
      assert.equal(r.code, 0, r.stderr)
      assert.match(r.stderr, /^reproducer: self-test /m)
      assert.deepEqual(
        fs.readdirSync(state).sort(),
        [path.basename(other), path.basename(file)].sort(),
      )
      fs.rmSync(other)
    },
  )

  await t.test(
    'a corrupt state file is ignored with a warning, then replaced',
    () => {
      fs.writeFileSync(file, '{"schema": "sigvec-check/boot-res')
      const r = jobStarted(dir, settings)
      assert.equal(r.code, 0, r.stderr)
      assert.match(
        r.stderr,
        /^warning: ignoring .+: not JSON \(.+\); the reproducer runs again$/m,
      )
      assert.match(r.stderr, /^reproducer: self-test /m)
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).bootId, BOOT_ID)
    },
  )

  await t.test('a state file others may write to is not trusted', () => {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8'))
    kept.evidence.result = 'clean'
    fs.writeFileSync(file, JSON.stringify(kept))
    fs.chmodSync(file, 0o666)
    const r = jobStarted(dir, settings)
    assert.equal(r.code, 0, r.stderr)
    assert.match(
      r.stderr,
      /^warning: ignoring .+: it can be written by others \(mode 666\); the reproducer runs again$/m,
    )
    assert.match(r.stderr, /^reproducer: self-test /m)
    assert.equal(fs.statSync(file).mode & 0o777, 0o600)
  })

  await t.test('evidence of the wrong shape is not trusted', () => {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8'))
    kept.evidence.faultingDeliveries = 'many'
    fs.writeFileSync(file, JSON.stringify(kept), { mode: 0o600 })
    const r = jobStarted(dir, settings)
    assert.match(
      r.stderr,
      /ignoring .+: its evidence has a bad faultingDeliveries: "many"/,
    )
    assert.match(r.stderr, /^reproducer: self-test /m)
    // Nothing but the one result: no temp files left behind.
    assert.deepEqual(fs.readdirSync(state), [path.basename(file)])
  })
})

test('by default a settled kernel gets the static audit only', () => {
  const dir = runnerDir('default')
  const r = jobStarted(dir, {})
  assert.equal(r.code, 0, r.stderr)
  assert.equal(status(r.stdout), 'unaffected')
  assert.match(
    r.stderr,
    /^reproducer: skipped \(reproduce: auto, and the kernel is already settled/m,
  )
  // The default state folder is made (owner-only) but holds nothing.
  const state = path.join(dir, 'home', '.local', 'state', 'sigvec-check')
  assert.equal(fs.statSync(state).mode & 0o777, 0o700)
  assert.deepEqual(fs.readdirSync(state), [])
})

// Written out by hand: a status at or above the level fails with the CLI's
// exit code for it; below the level the job runs (0).
const EXPECTED: Record<Status, Record<FailOn, number>> = {
  affected: { affected: 2, vulnerable: 2, unknown: 2, never: 0 },
  vulnerable: { affected: 0, vulnerable: 2, unknown: 2, never: 0 },
  unknown: { affected: 0, vulnerable: 0, unknown: 3, never: 0 },
  unaffected: { affected: 0, vulnerable: 0, unknown: 0, never: 0 },
  'not-applicable': { affected: 0, vulnerable: 0, unknown: 0, never: 0 },
}

test('fail-on turns every status into an exit code', () => {
  for (const s of STATUSES)
    for (const level of FAIL_ON)
      assert.equal(
        hookExitCode(s, level),
        EXPECTED[s][level],
        `${s} × ${level}`,
      )
})

test('through the script: the exit code follows fail-on, the report shows the status anyway', () => {
  const dir = runnerDir('levels')
  const hosts: Record<string, Status> = {
    'arch-5.4.1-gcc9': 'vulnerable',
    'fedora31-5.3.7-no-proc-version': 'unknown',
    'ubuntu-24.04-6.8.0-31-generic': 'unaffected',
    'arch-5.4.1-celeron-j1900-no-avx': 'not-applicable',
  }
  for (const [host, expected] of Object.entries(hosts)) {
    for (const level of FAIL_ON) {
      const what = `${host} × ${level}`
      const r = jobStarted(dir, { SIGVEC_FAIL_ON: level }, [
        '--root',
        path.join(HOSTS, host),
      ])
      assert.equal(r.code, EXPECTED[expected][level], `${what}: ${r.stderr}`)
      assert.equal(status(r.stdout), expected, what)
      const fails = r.code !== 0
      assert.match(
        r.stdout,
        new RegExp(
          `^sigvec-check hook: ${expected} ${fails ? 'fails' : 'passes'} fail-on ${level}: the job ${fails ? `fails \\(exit ${r.code}\\)` : 'runs'}$`,
          'm',
        ),
        what,
      )
    }
  }
})

test('bad settings fail the job with exit 1, name the setting, and write nothing', () => {
  const dir = runnerDir('bad')
  const state = path.join(dir, 'state')
  const open = path.join(dir, 'open')
  fs.mkdirSync(open)
  fs.chmodSync(open, 0o1777)
  const aFile = path.join(dir, 'a-file')
  fs.writeFileSync(aFile, '')
  // A link to root's own 0700 folder: its owner never chose it as the state
  // folder, and the hook would write and delete files there as root.
  const rootOnly = path.join(dir, 'root-only')
  fs.mkdirSync(rootOnly, { mode: 0o700 })
  const link = path.join(dir, 'link')
  fs.symlinkSync(rootOnly, link)
  const table: Array<[Record<string, string>, string[], RegExp]> = [
    [
      { SIGVEC_FAIL_ON: 'sometimes' },
      [],
      /^sigvec-check: invalid SIGVEC_FAIL_ON: "sometimes"\. Expected one of: affected, vulnerable, unknown, never\.$/m,
    ],
    [
      { SIGVEC_FAIL_ON: 'never' },
      ['--fail-on', 'sometimes'],
      /invalid --fail-on: "sometimes"\. Expected one of: affected, vulnerable, unknown, never\./,
    ],
    [
      { SIGVEC_REPRODUCE: 'once' },
      [],
      /invalid SIGVEC_REPRODUCE: "once"\. Expected one of: auto, always, never\./,
    ],
    [
      { SIGVEC_DURATION: '2h' },
      [],
      /invalid SIGVEC_DURATION: "2h"\. Expected a duration from 0\.5s to 1h/,
    ],
    [
      { SIGVEC_STATE_DIR: 'relative/state' },
      [],
      /invalid SIGVEC_STATE_DIR: "relative\/state"\. Expected an absolute folder path, such as \/var\/lib\/sigvec-check\./,
    ],
    [
      { SIGVEC_STATE_DIR: link },
      [],
      /invalid SIGVEC_STATE_DIR: ".+\/link"\. Expected a folder that only this user or root can write to \(it is a symbolic link; give the folder itself\)\./,
    ],
    [
      { SIGVEC_STATE_DIR: open },
      [],
      /invalid SIGVEC_STATE_DIR: ".+\/open"\. Expected a folder that only this user or root can write to \(it can be written by others \(mode 1777\)\)\./,
    ],
    [
      {},
      ['--state-dir', aFile],
      /invalid --state-dir: ".+\/a-file"\. Expected a folder that only this user or root can write to \(it is not a folder\)\./,
    ],
    [{}, ['--bogus'], /Unknown option '--bogus'/],
    [
      { SIGVEC_NODE: '/nonexistent/node' },
      [],
      /invalid SIGVEC_NODE: "\/nonexistent\/node"\. Expected a Node\.js 20\+ program/,
    ],
  ]
  for (const [settings, args, message] of table) {
    const what = JSON.stringify([settings, args])
    const r = jobStarted(dir, { SIGVEC_STATE_DIR: state, ...settings }, args)
    assert.equal(r.code, 1, what)
    assert.match(r.stderr, message, what)
    assert.equal(r.stdout, '', what)
  }
  assert.ok(!fs.existsSync(state), 'no state folder made for a bad setting')
  assert.deepEqual(fs.readdirSync(open), [])
  assert.deepEqual(fs.readdirSync(rootOnly), [])
})

test('the README recipe: its .env settings are real and pass here', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  // The hook's settings, the script's node, the tool deadline that every
  // mode of the CLI reads, and where the lab tests find the lab.
  const known = new Set([
    ...HOOK_SETTINGS.map(envName),
    'SIGVEC_NODE',
    'SIGVEC_CHECK_TOOL_DEADLINE',
    'SIGVEC_LAB',
  ])
  for (const m of readme.matchAll(/\bSIGVEC_[A-Z_]+/g))
    assert.ok(known.has(m[0]), `README names ${m[0]}`)
  const block = /```dotenv\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  const lines = block.split('\n').filter((l) => /^[A-Z_]+=/.test(l))
  const env = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  )
  assert.match(
    env.ACTIONS_RUNNER_HOOK_JOB_STARTED ?? '',
    /\/sigvec-check\/scripts\/job-started\.sh$/,
  )
  assert.ok(env.SIGVEC_FAIL_ON && env.SIGVEC_STATE_DIR, block)
  const dir = runnerDir('readme')
  const r = jobStarted(dir, {
    ...env,
    ACTIONS_RUNNER_HOOK_JOB_STARTED: SCRIPT,
    SIGVEC_STATE_DIR: path.join(dir, 'state'),
  })
  assert.equal(r.code, 0, r.stderr)
  assert.equal(status(r.stdout), 'unaffected')
})

test('the npm package ships the hook script, executable', () => {
  const files = packedFiles()
  const script = packedFile('scripts/job-started.sh')
  assert.ok(script, 'scripts/job-started.sh is in the package')
  assert.equal(script.mode & 0o111, 0o111)
  assert.ok(!files.some((f) => f.path === 'scripts/release.sh'))
})
