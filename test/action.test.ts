// End-to-end: the committed bundle, run as the runner runs it, on this machine.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { test } from 'node:test'
import { runAction } from './support/action.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

/** The compiler as /proc/version names it, read here independently. */
function hostCompiler(): string {
  const v = fs.readFileSync('/proc/version', 'utf8')
  const m =
    /\(gcc version (\d+\.\d+\.\d+)/.exec(v) ??
    /\bgcc[^,]*\) (\d+\.\d+\.\d+)[^,]*, GNU ld/.exec(v)
  assert.ok(m, `this test knows no compiler in ${v}`)
  return `gcc ${m[1]}`
}

test('the action judges this machine unaffected and says so everywhere', async () => {
  const run = await runAction({})
  dirs.push(run.dir)
  assert.equal(run.code, 0, run.stdout + run.stderr)
  const release = fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()
  assert.equal(run.outputs.status, 'unaffected')
  assert.equal(run.outputs['kernel-release'], release)
  assert.equal(run.outputs['kernel-compiler'], hostCompiler())
  assert.equal(run.outputs['in-affected-range'], 'false')
  assert.equal(run.outputs.mitigation, 'none')
  assert.equal(run.outputs.reproducer, 'skipped')
  assert.deepEqual(run.env, {})
  assert.doesNotMatch(run.stdout, /::error/)

  // The summary a person reads: verdict first, the tables, the facts.
  assert.match(run.summary, /^## ✅ sigvec-check: `unaffected`/)
  assert.ok(run.summary.includes(`| Kernel | \`${release}\` |`))
  assert.match(run.summary, /^- \*\*Nothing to do for the kernel\.\*\*/m)
  assert.match(
    run.summary,
    /<details><summary>The machine, the Go runtime and the facts read<\/summary>/,
  )

  // The Report is where the output says, and is the versioned JSON.
  const report = JSON.parse(
    fs.readFileSync(run.outputs.report as string, 'utf8'),
  )
  assert.equal(report.schema, 'sigvec-check/report')
  assert.equal(report.version, 1)
  assert.equal(report.status, 'unaffected')
  assert.equal(report.kernel.release, release)
  assert.ok(run.outputs.report?.startsWith(run.runnerTemp))
})

test('go-version and memlock-threads reach the Go runtime view', async () => {
  const run = await runAction({
    'go-version': '1.14.0',
    'memlock-threads': '16',
  })
  dirs.push(run.dir)
  assert.equal(run.code, 0)
  const report = JSON.parse(
    fs.readFileSync(run.outputs.report as string, 'utf8'),
  )
  assert.equal(report.go.goVersion, '1.14.0')
  assert.equal(report.go.family, '1.14.0')
  assert.equal(report.go.memlockNeeded, 16 * 4096)
  assert.equal(run.outputs['go-workaround'], 'not-triggered')
})

// Under `ulimit -v` the action used to die while loading (@actions/core's
// HTTP stack compiles WebAssembly at import, reserving gigabytes of address
// space): 4 GiB is below what that needed, and far above what the audit and
// the reproducer use.
for (const reproduce of ['never', 'always'] as const) {
  test(`the action runs whole under ulimit -v 4 GiB (reproduce: ${reproduce})`, async () => {
    const run = await runAction(
      { reproduce, duration: '1s' },
      { addressSpaceKiB: 4 * 1024 * 1024 },
    )
    dirs.push(run.dir)
    assert.equal(run.code, 0, run.stdout + run.stderr)
    assert.doesNotMatch(run.stderr, /RangeError|WebAssembly/)
    assert.equal(run.outputs.status, 'unaffected')
    assert.equal(
      run.outputs.reproducer,
      reproduce === 'never' ? 'skipped' : 'clean',
    )
  })
}
