// End-to-end: the action compiles, caches and runs the reproducer, as the
// runner runs the bundle, on this (fixed) machine.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { runAction } from './support/action.js'
import { groupMembers, liveProcesses, waitUntil } from '../harness/native.js'
import { stillRunning, stuckProgram } from './support/stuck.js'
import { foldersRemovedAfter } from './support/folders.js'
import { assertSummaryShape, tables } from './support/summary.js'

const dirs = foldersRemovedAfter()
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-e2e-'))
  dirs.push(d)
  return d
}
function cmdline(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  } catch {
    return []
  }
}
const report = (run: { outputs: Record<string, string> }) =>
  JSON.parse(fs.readFileSync(run.outputs.report as string, 'utf8'))

test('reproduce: always runs clean here, fills the cache, then hits it', async () => {
  const dir = tempDir()
  const first = await runAction(
    { reproduce: 'always', duration: '2s' },
    { dir },
  )
  assert.equal(first.code, 0, first.stdout + first.stderr)
  assert.equal(first.outputs.status, 'unaffected')
  assert.equal(first.outputs.reproducer, 'clean')
  assert.match(first.outputs['reproducer-mode'] ?? '', /^(uffd|io|stress)$/)
  assert.match(
    first.stdout,
    /reproducer: compiled in [\d.]+ s with .*; cached under key [0-9a-f]{16}/,
  )
  const r1 = report(first)
  assert.equal(r1.reproducer.build.cacheHit, false)
  assert.equal(r1.reproducer.selfTest.passed, true)
  assert.ok(r1.reproducer.faultingDeliveries > 0)
  const cached = path.join(
    dir,
    'tool-cache',
    'sigvec-repro',
    `1.0.0-${r1.reproducer.build.key}`,
    os.arch(),
  )
  assert.ok(fs.statSync(path.join(cached, 'sigvec-repro')).isFile())
  assert.ok(fs.existsSync(`${cached}.complete`))
  assert.match(
    first.summary,
    /^The reproducer: \*\*clean\*\*, \w+ mode in .*: \d+ signals, [1-9]\d* faulting deliveries/m,
  )

  const second = await runAction(
    { reproduce: 'always', duration: '1s' },
    { dir },
  )
  assert.equal(second.code, 0)
  assert.match(second.stdout, /reproducer: tool cache hit \(key [0-9a-f]{16}/)
  assert.equal(report(second).reproducer.build.cacheHit, true)
  assert.deepEqual(
    fs
      .readdirSync(second.runnerTemp)
      .filter((f) => f.startsWith('sigvec-build-')),
    [],
  )
})

test('no compiler on PATH: skipped with the reason, static verdict stands, and reproduce: always fails the step', async () => {
  const empty = tempDir()
  const run = await runAction({ reproduce: 'always' }, { env: { PATH: empty } })
  assert.equal(run.code, 1, run.stdout)
  assert.equal(run.outputs.reproducer, 'skipped')
  assert.equal(run.outputs.status, 'unaffected')
  assert.match(
    report(run).reproducer.reason,
    /no C compiler: "cc" is not on PATH/,
  )
  assert.match(
    run.stdout,
    /^::error title=sigvec-check%3A reproduce%3A always%2C but no evidence::reproduce is always, but the reproducer gave no evidence: no C compiler: "cc" is not on PATH/m,
  )
  assert.match(
    run.stdout,
    /^ {2}decision {11}the step fails \(reproduce: always, and no evidence\)$/m,
  )
})

test('a compiler that fails: skipped, with its output in a collapsed block', async () => {
  const dir = tempDir()
  const broken = path.join(dir, 'broken-cc')
  // A real program that behaves as a compiler does when it rejects its input.
  fs.writeFileSync(
    broken,
    '#!/bin/sh\ncase "$1" in --version) echo "broken-cc 1.0";; -dumpmachine) echo x86_64-linux-gnu;; *) echo "sigvec-repro.c:1:1: error: this compiler rejects everything" >&2; exit 1;; esac\n',
    { mode: 0o755 },
  )
  const run = await runAction({ reproduce: 'always', compiler: broken })
  assert.equal(run.code, 1, 'reproduce: always owes evidence')
  assert.equal(run.outputs.reproducer, 'skipped')
  assert.match(
    report(run).reproducer.reason,
    /failed to compile the reproducer \(exit 1\)/,
  )
  assert.match(
    run.summary,
    /<details><summary>Compiler output<\/summary>\n\n```\nsigvec-repro\.c:1:1: error: this compiler rejects everything\n```/,
  )
})

test('drill: affected, marked as a drill, the step fails with an error', async () => {
  const run = await runAction({ drill: 'true', duration: '2s' })
  assert.equal(run.code, 1, run.stdout)
  assert.equal(run.outputs.status, 'affected')
  assert.equal(run.outputs.reproducer, 'corrupted')
  const error = run.stdout.split('\n').find((l) => l.startsWith('::error '))
  assert.match(error ?? '', /title=DRILL — sigvec-check%3A affected::DRILL: /)
  assert.match(run.summary, /^## 🛑 sigvec-check: `affected` \(DRILL\)/)
  assert.match(run.summary, /This was a \*\*drill\*\*/)
  const r = report(run)
  assert.equal(r.reproducer.drill, true)
  assert.equal(r.reproducer.mismatch.leakedFrom, 'injected')
  // The page the runner shows, as written to GITHUB_STEP_SUMMARY: its
  // shape, and the injected register's four lanes on the map.
  assertSummaryShape(run.summary, r)
  const reg = Number(r.reproducer.mismatch.register.slice(3))
  const map = tables(run.summary).find((t) => t[0]?.[0] === 'Lane')
  assert.deepEqual(
    map?.slice(1).map((row) => row.slice(1)),
    Array.from({ length: 4 }, () =>
      Array.from({ length: 16 }, (_, i) => (i === reg ? 'inj' : '·')),
    ),
  )
  // The terminal text names the leak without its bytes.
  assert.match(run.stdout, /held an injected canary in 1 of 16 registers/)
  assert.ok(!run.stdout.includes(r.reproducer.mismatch.observed.slice(0, 16)))
  assert.deepEqual(run.env, {})
})

test('drill with mitigate: GODEBUG exported, merged, and a warning', async () => {
  const run = await runAction(
    { drill: 'true', mitigate: 'true', duration: '2s' },
    { env: { GODEBUG: 'madvdontneed=1' } },
  )
  assert.equal(run.code, 0, run.stdout)
  assert.equal(run.outputs.status, 'affected')
  assert.equal(run.outputs.mitigation, 'godebug')
  assert.equal(run.env.GODEBUG, 'madvdontneed=1,asyncpreemptoff=1')
  assert.equal(run.outputs.godebug, 'madvdontneed=1,asyncpreemptoff=1')
  assert.match(
    run.stdout,
    /^::warning title=DRILL — sigvec-check%3A affected — mitigated::/m,
  )
  assert.doesNotMatch(run.stdout, /^::error/m)
})

for (const how of ['cancel', 'kill'] as const) {
  test(`a ${how === 'cancel' ? 'cancelled (SIGINT, then SIGTERM)' : 'SIGKILLed'} action leaves no process behind`, async () => {
    let actionPid = 0
    const running = runAction(
      { reproduce: 'always', mode: 'stress', duration: '60s' },
      { onSpawn: (pid) => (actionPid = pid) },
    )
    let group = 0
    const started = await waitUntil(() => {
      // The real 60 s run (not the self-test), once it has its children.
      const repro = liveProcesses().find(
        (p) =>
          p.name === 'sigvec-repro' &&
          p.ppid === actionPid &&
          cmdline(p.pid).includes('60'),
      )
      group = repro?.pgid ?? 0
      return group !== 0 && groupMembers(group).length > 1
    }, 20_000)
    assert.ok(started, 'the reproducer started')
    if (how === 'cancel') {
      process.kill(actionPid, 'SIGINT')
      await new Promise((r) => setTimeout(r, 200))
      try {
        process.kill(actionPid, 'SIGTERM')
      } catch {
        // already gone after SIGINT
      }
    } else {
      process.kill(actionPid, 'SIGKILL')
    }
    const run = await running
    dirs.push(run.dir)
    assert.notEqual(run.code, 0)
    const gone = await waitUntil(() => groupMembers(group).length === 0, 30_000)
    assert.ok(gone, `group ${group} still has ${groupMembers(group).join(' ')}`)
    assert.deepEqual(run.outputs, {})
  })
}

test('a cancelled action (SIGTERM) kills a compile in progress', async () => {
  const bin = tempDir()
  const cc = stuckProgram(bin, 'stuck-cc', {
    '--version': 'stuck-cc 1.0',
    '-dumpmachine': 'x86_64-linux-gnu',
  })
  let actionPid = 0
  const running = runAction(
    { reproduce: 'always', compiler: cc.file },
    { onSpawn: (pid) => (actionPid = pid) },
  )
  // Cancelled once the compile and the child it waits on are running.
  const compiling = await waitUntil(() => cc.pids().length === 2, 60_000)
  assert.ok(compiling, 'the compile started')
  process.kill(actionPid, 'SIGTERM')
  const run = await running
  dirs.push(run.dir)
  assert.equal(run.code, 143, run.stdout + run.stderr)
  assert.match(
    run.stderr,
    /SIGTERM received; the programs it started are stopped/,
  )
  assert.ok(
    await waitUntil(() => stillRunning(cc.pids()).length === 0, 30_000),
    `left running: ${stillRunning(cc.pids()).join(' ')}`,
  )
  assert.deepEqual(run.outputs, {})
  // The compile's scratch folder went with it.
  assert.deepEqual(fs.readdirSync(run.runnerTemp), [])
})
