// OS matrices: on a macOS or Windows runner the bug cannot happen, so the
// action and the CLI say not-applicable at once, read no /proc file and
// build nothing. The platform is overridden for real: node preloads
// test/support/platform.ts, which redefines process.platform before the
// bundle loads; the bundle has no hook for it.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { ROOT, runAction, type ActionRun } from './support/action.js'
import { cli } from './support/cli.js'
import { foldersRemovedAfter } from './support/folders.js'
import { PLATFORM_PRELOAD } from './support/platform.js'

const dirs = foldersRemovedAfter()

async function actionOn(
  platform: string,
  inputs: Record<string, string>,
): Promise<ActionRun> {
  const run = await runAction(inputs, {
    preload: [PLATFORM_PRELOAD],
    env: { PRELOAD_PLATFORM: platform },
  })
  dirs.push(run.dir)
  return run
}

/** What a compile would have left: tool-cache entries, build folders. */
function builtAnything(run: ActionRun): string[] {
  const cache = fs.readdirSync(path.join(run.dir, 'tool-cache'))
  const temp = fs
    .readdirSync(run.runnerTemp)
    .filter((f) => f !== 'sigvec-check-report.json')
  return [...cache, ...temp]
}

for (const platform of ['darwin', 'win32']) {
  test(`on ${platform}, reproduce: always and fail-on: unknown pass as not-applicable, with nothing built`, async () => {
    const run = await actionOn(platform, {
      reproduce: 'always',
      'fail-on': 'unknown',
    })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.equal(run.outputs.status, 'not-applicable')
    assert.equal(run.outputs.reproducer, 'skipped')
    assert.equal(run.outputs.mitigation, 'none')
    assert.equal(run.outputs['kernel-release'], '')
    assert.doesNotMatch(run.stdout, /::(error|warning)/)
    assert.deepEqual(builtAnything(run), [])
    // No list of missing /proc files: each fact says why it was not read.
    assert.match(run.summary, /^## ➖ sigvec-check: `not-applicable`/)
    assert.match(run.summary, /not Linux; the bug is in the Linux kernel/)
    assert.doesNotMatch(run.summary, /ENOENT|missing/)
    assert.match(
      run.summary,
      new RegExp(`not read: this machine runs ${platform}, not Linux`),
    )
    const report = JSON.parse(
      fs.readFileSync(run.outputs.report as string, 'utf8'),
    )
    assert.equal(report.status, 'not-applicable')
    assert.equal(report.reasons[0].code, 'not-linux')
    assert.equal(report.decision.evidenceMissing, null)
  })

  test(`on ${platform}, mitigate: true exports nothing`, async () => {
    const run = await actionOn(platform, {
      mitigate: 'true',
      'fail-on': 'unknown',
    })
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.equal(run.outputs.status, 'not-applicable')
    assert.equal(run.outputs.godebug, '')
    assert.deepEqual(run.env, {})
  })
}

test('the same preload saying linux builds and runs as usual (the check above can fail)', async () => {
  const run = await actionOn('linux', { reproduce: 'always' })
  assert.equal(run.code, 0, run.stdout + run.stderr)
  assert.notEqual(run.outputs.reproducer, 'skipped')
  assert.notDeepEqual(builtAnything(run), [])
})

function cliOn(platform: string, args: string[]) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-platform-'))
  dirs.push(home)
  return cli(
    args,
    {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      PRELOAD_PLATFORM: platform,
    },
    [PLATFORM_PRELOAD],
  )
}

test('the CLI on darwin says NOT-APPLICABLE and exits 0, even with --reproduce always', () => {
  const r = cliOn('darwin', ['--reproduce', 'always'])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /^sigvec-check: NOT-APPLICABLE\n/)
  assert.match(r.stdout, /This machine runs macOS \(darwin\), not Linux/)
  assert.match(r.stderr, /^reproducer: skipped \(this machine runs darwin/m)
  assert.doesNotMatch(r.stderr, /compiled|cached/)
  const json = JSON.parse(cliOn('win32', ['--json']).stdout)
  assert.equal(json.status, 'not-applicable')
  assert.equal(json.go.workaround, 'inactive')
})

test('--root is a Linux capture wherever the CLI runs: judged as Linux on darwin', () => {
  const host = path.join(ROOT, 'test', 'fixtures', 'hosts', 'arch-5.4.1-gcc9')
  const r = cliOn('darwin', ['--root', host, '--json'])
  assert.equal(r.code, 2, r.stderr)
  assert.equal(JSON.parse(r.stdout).status, 'vulnerable')
})

test('on darwin a drill is no drill (nothing ran to inject), and the hook keeps no boot memory', () => {
  const drill = JSON.parse(cliOn('darwin', ['--drill', '--json']).stdout)
  assert.equal(drill.status, 'not-applicable')
  assert.equal(drill.reproducer.result, 'skipped')
  assert.equal(drill.reproducer.drill, false)
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-platform-'))
  dirs.push(state)
  const stateDir = path.join(state, 'hook-state')
  const hook = cli(
    ['hook', '--state-dir', stateDir],
    {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: state,
      PRELOAD_PLATFORM: 'darwin',
    },
    [PLATFORM_PRELOAD],
  )
  assert.equal(hook.code, 0, hook.stderr)
  assert.doesNotMatch(hook.stderr, /boot/)
  assert.equal(fs.existsSync(stateDir), false)
})
