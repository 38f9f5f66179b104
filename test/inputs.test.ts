// Every input, given a bad value, fails the step with an error that names
// the input, the value and what is accepted, and leaves nothing behind.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { spawnSync } from 'node:child_process'
import { audit } from '../src/audit.js'
import { InputError } from '../src/inputerror.js'
import { ACTION_INPUTS, envName, INPUTS } from '../src/inputs.js'
import { parseOptions } from '../src/options.js'
import { reportOutputs } from '../src/report.js'
import { PROBE_DEADLINE_SECONDS } from '../src/spawn.js'
import { actionYml, ROOT, runAction, type ActionRun } from './support/action.js'
import { waitUntil } from '../harness/native.js'
import { stillRunning, stuckProgram } from './support/stuck.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

const BAD: Array<[input: string, value: string, accepted: RegExp]> = [
  ['reproduce', 'sometimes', /one of: auto, always, never/],
  ['mode', 'fast', /one of: auto, uffd, io, stress/],
  ['duration', '10h', /a duration from 0\.5s to 1h/],
  ['duration', '0', /a duration from 0\.5s to 1h/],
  ['duration', '61m', /a duration/],
  ['duration', '-5s', /a duration/],
  ['compiler', 'gcc -O3', /one program name or path/],
  ['compiler', 'cc;rm -rf /', /one program name or path/],
  ['drill', 'maybe', /true or false/],
  ['fail-on', 'always', /one of: affected, vulnerable, unknown, never/],
  ['fail-on', 'Vulnerable', /one of: affected, vulnerable, unknown, never/],
  ['mitigate', 'yes', /true or false/],
  ['mitigate', '1', /true or false/],
  ['go-version', 'latest', /a Go version such as 1\.14\.0/],
  ['go-version', '1.x', /a Go version/],
  ['memlock-threads', '0', /a whole number from 1 to 1000000/],
  ['memlock-threads', '-4', /a whole number/],
  ['memlock-threads', '12.5', /a whole number/],
  ['memlock-threads', '1e3', /a whole number/],
  ['report-path', 'reports/', /a file path \(not a directory\)/],
]

test('the bad-input table covers every input of action.yml', () => {
  const covered = new Set(BAD.map(([input]) => input))
  assert.deepEqual([...covered].sort(), Object.keys(actionYml().inputs).sort())
})

// action.yml is written by hand, since GitHub reads it; the input table
// (src/inputs.ts) is what the code reads. They must say the same.
test("action.yml's inputs are the table's action inputs, in its order", () => {
  assert.deepEqual(Object.keys(actionYml().inputs), [...ACTION_INPUTS])
})

for (const spec of INPUTS.filter((s) => s.action)) {
  test(`action.yml's ${spec.name} has the table's default and description`, () => {
    const yml = actionYml().inputs[spec.name] as {
      default?: string
      description?: string
      required?: boolean
    }
    assert.equal(yml.default, spec.default)
    assert.equal(yml.description, spec.description)
    assert.equal(yml.required, false)
  })
}

test('an empty input takes the default action.yml gives it', () => {
  const empty = parseOptions(() => '')
  const fromYml = parseOptions(
    (name) => actionYml().inputs[name]?.default ?? '',
  )
  assert.deepEqual(empty, fromYml)
})

const HOSTS = path.join(ROOT, 'test', 'fixtures', 'hosts')

test("action.yml's outputs are exactly what real Reports give", async () => {
  const declared = Object.keys(actionYml().outputs).sort()
  const hosts = fs
    .readdirSync(HOSTS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
  assert.ok(hosts.length > 0)
  for (const host of hosts) {
    const report = await audit(
      parseOptions(() => '', path.join(HOSTS, host.name)),
      {
        godebug: undefined,
        now: new Date(),
        tempDir: os.tmpdir(),
        ioDir: os.tmpdir(),
        toolCacheDir: null,
        log: () => {},
      },
    )
    for (const file of ['/tmp/report.json', null]) {
      assert.deepEqual(
        Object.keys(reportOutputs(report, file)).sort(),
        declared,
        host.name,
      )
    }
  }
})

/** The CLI as built from src/ (dist/ is rebuilt at release). */
function cliFromSource(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'build', 'src', 'cli-entry.js'), ...args],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    },
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

test("the CLI's usage has a line for every flag of the table, with its default", () => {
  // A help text wrapped onto the next line is read as one line.
  const usage = cliFromSource(['--help']).stdout.replace(/\n {25}/g, ' ')
  const lineOf = (name: string) =>
    usage.split('\n').find((l) => l.startsWith(`  --${name} `)) ?? ''
  for (const spec of INPUTS.filter((s) => s.cli !== null || s.hook)) {
    const line = lineOf(spec.name)
    const listedForHook = usage.includes(`--${spec.name},`)
    assert.ok(line !== '' || (spec.hook && listedForHook), spec.name)
    if (line === '') continue
    if (spec.cli !== 'switch')
      assert.ok(line.startsWith(`  --${spec.name} ${spec.placeholder} `), line)
    if (spec.default !== '' && spec.cli !== 'switch')
      assert.ok(line.endsWith(`(default ${spec.default})`), line)
  }
  const hookOnly = INPUTS.filter((s) => s.hook && s.cli === null)
  assert.ok(hookOnly.length > 0)
  for (const spec of hookOnly) assert.notEqual(lineOf(spec.name), '')
  assert.ok(usage.includes(envName(hookOnly[0]!.name)), usage)
})

test('every bad input is refused alike by the CLI built from src/', () => {
  for (const [input, value, accepted] of BAD) {
    const spec = INPUTS.find((s) => s.name === input)
    if (spec?.cli !== 'value') continue
    const r = cliFromSource([`--${input}=${value}`])
    assert.equal(r.code, 1, `${input}=${value}`)
    assert.ok(
      r.stderr.startsWith(
        `sigvec-check: invalid --${input}: ${JSON.stringify(value)}. Expected `,
      ),
      r.stderr,
    )
    assert.match(r.stderr, accepted, `${input}=${value}`)
    assert.equal(r.stdout, '')
  }
})

test("every bad hook setting is refused by its variable's name", () => {
  for (const [input, value, accepted] of BAD) {
    const spec = INPUTS.find((s) => s.name === input)
    if (!spec?.hook) continue
    const variable = envName(spec.name)
    const r = cliFromSource(['hook'], { [variable]: value })
    assert.equal(r.code, 1, `${variable}=${value}`)
    assert.ok(
      r.stderr.startsWith(
        `sigvec-check: invalid ${variable}: ${JSON.stringify(value)}. Expected `,
      ),
      r.stderr,
    )
    assert.match(r.stderr, accepted, `${variable}=${value}`)
    assert.equal(r.stdout, '')
  }
})

test('durations are read in seconds', () => {
  const table: Array<[string, number]> = [
    ['', 30],
    ['30s', 30],
    ['2m', 120],
    ['45', 45],
    ['0.5', 0.5],
    ['1.5m', 90],
  ]
  for (const [value, seconds] of table) {
    const o = parseOptions((name) => (name === 'duration' ? value : ''))
    assert.equal(o.duration, seconds, value)
  }
})

test('a drill needs the reproducer', () => {
  assert.throws(
    () => parseOptions((n) => ({ drill: 'true', reproduce: 'never' })[n] ?? ''),
    /Invalid input 'drill': "true"\. Expected false while reproduce is 'never'/,
  )
})

test('parseOptions rejects each bad value with the input, value and accepted set', () => {
  for (const [input, value, accepted] of BAD) {
    assert.throws(
      () => parseOptions((name) => (name === input ? value : '')),
      (err: unknown) =>
        err instanceof InputError &&
        err.message.startsWith(
          `Invalid input '${input}': ${JSON.stringify(value)}.`,
        ) &&
        accepted.test(err.message),
      `${input}=${value}`,
    )
  }
})

/** A failed step: one error naming the input, and nothing written. */
function assertFailedCleanly(run: ActionRun, input: string): string {
  assert.equal(run.code, 1, run.stdout + run.stderr)
  const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'))
  assert.ok(error, run.stdout)
  assert.ok(error.includes(`Invalid input '${input}'`), error)
  assert.deepEqual(run.outputs, {})
  assert.deepEqual(run.env, {})
  assert.equal(run.summary, '')
  assert.deepEqual(fs.readdirSync(run.runnerTemp), [])
  assert.equal(fs.existsSync(path.join(run.dir, 'reports')), false)
  return error
}

for (const [input, value, accepted] of BAD) {
  test(`the action fails cleanly on ${input}: ${JSON.stringify(value)}`, async () => {
    const run = await runAction({ [input]: value })
    dirs.push(run.dir)
    assert.match(assertFailedCleanly(run, input), accepted)
  })
}

// Values that parse but fail when used. Each must end the step, not hang it:
// Node's recursive mkdir never returns on a path under /proc.
const FAIL_WHEN_USED: Array<[input: string, value: string, why: RegExp]> = [
  [
    'report-path',
    '/proc/nope/report.json',
    /cannot create folder \/proc\/nope: \/proc exists but refuses new folders \(ENOENT\)/,
  ],
  [
    'report-path',
    '/proc/self/nope/deeper/report.json',
    /cannot create folder \/proc\/self\/nope: \/proc\/self exists but refuses new folders/,
  ],
  [
    'report-path',
    '/proc/version/report.json',
    /\/proc\/version exists and is not a folder/,
  ],
]

for (const [input, value, why] of FAIL_WHEN_USED) {
  test(`the action ends and fails cleanly on ${input}: ${JSON.stringify(value)}`, async () => {
    const run = await runAction({ [input]: value })
    dirs.push(run.dir)
    const error = assertFailedCleanly(run, input)
    assert.ok(error.includes(JSON.stringify(value)), error)
    assert.match(error, /Expected a file path in a folder that exists/)
    assert.match(error, why)
  })
}

// A compiler that never exits: killed with its group at the deadline, the
// step fails naming the input. The deadline is shortened for the test only;
// the program never finishes, so any deadline ends it.
for (const stage of ['--version', 'compile'] as const) {
  test(`the action ends and fails cleanly on a compiler stuck at ${stage}`, async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-stuck-'))
    dirs.push(bin)
    const answers: Record<string, string> =
      stage === 'compile'
        ? { '--version': 'stuck-cc 1.0', '-dumpmachine': 'x86_64-linux-gnu' }
        : {}
    const cc = stuckProgram(bin, 'stuck-cc', answers)
    // The version probe has its own short deadline; the compile has the
    // tool deadline, shortened here since the program never finishes.
    const seconds = stage === 'compile' ? 5 : PROBE_DEADLINE_SECONDS
    const run = await runAction(
      { reproduce: 'always', compiler: cc.file },
      stage === 'compile' ? { env: { SIGVEC_CHECK_TOOL_DEADLINE: '5' } } : {},
    )
    dirs.push(run.dir)
    const error = assertFailedCleanly(run, 'compiler')
    assert.ok(error.includes(JSON.stringify(cc.file)), error)
    const what =
      stage === 'compile'
        ? "the reproducer's compile"
        : JSON.stringify(`${cc.file} --version`)
    assert.ok(
      error.includes(
        `${what} did not finish within ${seconds} s, so it was killed with its process group`,
      ),
      error,
    )
    assert.equal(cc.pids().length, 2, 'the program and its child started')
    assert.ok(
      await waitUntil(() => stillRunning(cc.pids()).length === 0, 30_000),
      `left running: ${stillRunning(cc.pids()).join(' ')}`,
    )
    assert.equal(
      fs.existsSync(path.join(run.dir, 'tool-cache', 'sigvec-repro')),
      false,
    )
  })
}

test('a bad SIGVEC_CHECK_TOOL_DEADLINE is named with what it accepts', async () => {
  const run = await runAction(
    { reproduce: 'always' },
    { env: { SIGVEC_CHECK_TOOL_DEADLINE: '0' } },
  )
  dirs.push(run.dir)
  assert.equal(run.code, 1)
  assert.match(
    run.stdout,
    /^::error::Invalid SIGVEC_CHECK_TOOL_DEADLINE: "0"\. Expected whole seconds from 1 to 3600\.$/m,
  )
  assert.deepEqual(run.outputs, {})
})
