// The tool cache as root meets it on shared machines: folders others can
// write, entries someone planted, truncated or deleted binaries, a noexec
// mount, a binary another run holds open for writing, several runs filling
// one cache at once. Each case runs the CLI (build/src/cli-entry.js, the code as
// compiled, not the committed bundle) as a real process on a real cache.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test, type TestContext } from 'node:test'
import { runBuilt } from '../src/audit.js'
import {
  compileReproducer,
  DIGEST_FILE,
  REPRODUCER_TOOL,
} from '../src/compile.js'
import { parseOptions } from '../src/options.js'
import { ROOT } from './support/action.js'
import { asNobody, tempDirForNobody } from '../harness/privileges.js'

const CLI = path.join(ROOT, 'build', 'src', 'cli-entry.js')

const dirs: string[] = []
const mounts: string[] = []
after(() => {
  for (const m of mounts) spawnSync('umount', [m])
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
})

/** A runner's folders, reachable by nobody: tool-cache/, runner-temp/. */
function runnerDirs() {
  const base = tempDirForNobody('sigvec-cache-')
  dirs.push(base)
  const cache = path.join(base, 'tool-cache')
  const temp = path.join(base, 'runner-temp')
  fs.mkdirSync(cache, { mode: 0o755 })
  fs.mkdirSync(temp, { mode: 0o755 })
  return { base, cache, temp }
}

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  /** The Report's reproducer section, if a Report was written. */
  reproducer: {
    result: string
    reason: string
    build: { cacheHit: boolean; key: string } | null
  } | null
}

/** One audit with the reproducer, as a user runs the CLI. */
function runCli(where: { cache: string; temp: string }): Promise<CliRun> {
  const report = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-report-')),
    'report.json',
  )
  dirs.push(path.dirname(report))
  const args = ['--reproduce', 'always', '--duration', '0.5']
  const child = spawn(
    process.execPath,
    [CLI, ...args, '--report-path', report],
    {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/root',
        RUNNER_TOOL_CACHE: where.cache,
        RUNNER_TEMP: where.temp,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve) =>
    child.on('close', (code) =>
      resolve({
        code,
        stdout,
        stderr,
        reproducer: fs.existsSync(report)
          ? JSON.parse(fs.readFileSync(report, 'utf8')).reproducer
          : null,
      }),
    ),
  )
}

/** A real reproducer result on this (fixed) machine: it ran clean. */
function assertRealResult(run: CliRun): void {
  const all = run.stdout + run.stderr
  assert.equal(run.code, 0, all)
  assert.equal(run.reproducer?.result, 'clean', all)
  assert.doesNotMatch(all, /spawn \S+ (ENOENT|EACCES|ETXTBSY)/)
}

/** The entry folder of `key` in `cache`. */
const entryDir = (cache: string, key: string) =>
  path.join(cache, REPRODUCER_TOOL, `1.0.0-${key}`, os.arch())

/** Fills `cache` with a run, returns the entry folder it made. */
async function seeded(where: { cache: string; temp: string }) {
  const seed = await runCli(where)
  assertRealResult(seed)
  const dir = entryDir(where.cache, seed.reproducer?.build?.key as string)
  assert.ok(fs.statSync(path.join(dir, REPRODUCER_TOOL)).isFile())
  return dir
}

/** A program that leaves a file named after the uid it ran as. */
function markerScript(markers: string): string {
  return `#!/bin/sh\ntouch '${markers}/ran-as-'"$(id -u)"\n`
}

function markersDir(base: string): string {
  const markers = path.join(base, 'markers')
  fs.mkdirSync(markers)
  fs.chmodSync(markers, 0o777)
  return markers
}

const sha256 = (bytes: string | Buffer) =>
  crypto.createHash('sha256').update(bytes).digest('hex')

/** The entry holds a binary whose digest is the one recorded beside it. */
function assertEntryIntact(dir: string): void {
  const bytes = fs.readFileSync(path.join(dir, REPRODUCER_TOOL))
  const recorded = fs.readFileSync(path.join(dir, DIGEST_FILE), 'utf8')
  assert.equal(recorded, `${sha256(bytes)}  ${REPRODUCER_TOOL}\n`)
}

test('an entry nobody planted in a 1777 cache never runs as root', async () => {
  const where = runnerDirs()
  const markers = markersDir(where.base)
  fs.chmodSync(where.cache, 0o1777)
  // The key the audit will look up: an audit of this machine tells it.
  const probe = await runCli(where)
  const key = probe.reproducer?.build?.key as string
  fs.rmSync(path.join(where.cache, REPRODUCER_TOOL), {
    recursive: true,
    force: true,
  })
  // Nobody makes a complete entry, its digest and all, at that key.
  const script = markerScript(markers)
  const dir = entryDir(where.cache, key)
  const [setpriv, ...plantArgs] = asNobody([
    'sh',
    '-c',
    'mkdir -p "$1" && printf %s "$2" > "$1/sigvec-repro" && chmod 755 "$1/sigvec-repro" && printf %s "$3" > "$1/sigvec-repro.sha256" && : > "$1.complete"',
    'plant',
    dir,
    script,
    `${sha256(script)}  ${REPRODUCER_TOOL}\n`,
  ]) as [string, ...string[]]
  const plant = spawnSync(setpriv, plantArgs, { encoding: 'utf8' })
  assert.equal(plant.status, 0, plant.stderr)
  assert.equal(fs.statSync(path.join(dir, REPRODUCER_TOOL)).uid, 65534)

  const run = await runCli(where)
  assertRealResult(run)
  assert.deepEqual(fs.readdirSync(markers), [])
  assert.match(
    run.stderr,
    new RegExp(
      `^reproducer: built privately, not cached: the tool cache \\(RUNNER_TOOL_CACHE\\) is not only ours: ${where.cache} can be written by others \\(mode 1777\\), so a binary there could be anyone's$`,
      'm',
    ),
  )
  // Nothing of ours went into a cache others can write.
  assert.equal(fs.readFileSync(path.join(dir, REPRODUCER_TOOL), 'utf8'), script)
})

test('a symbolic link on the way into the cache is refused', async () => {
  const where = runnerDirs()
  const markers = markersDir(where.base)
  const dir = await seeded(where)
  // A root-owned entry with a matching digest, reached through a link.
  const script = markerScript(markers)
  fs.writeFileSync(path.join(dir, REPRODUCER_TOOL), script, { mode: 0o755 })
  fs.writeFileSync(
    path.join(dir, DIGEST_FILE),
    `${sha256(script)}  ${REPRODUCER_TOOL}\n`,
  )
  const tool = path.join(where.cache, REPRODUCER_TOOL)
  const elsewhere = path.join(where.base, 'elsewhere')
  fs.renameSync(tool, elsewhere)
  fs.symlinkSync(elsewhere, tool)

  const run = await runCli(where)
  assertRealResult(run)
  assert.deepEqual(fs.readdirSync(markers), [])
  assert.match(
    run.stderr,
    new RegExp(
      `^reproducer: built privately, not cached: the tool cache \\(RUNNER_TOOL_CACHE\\) is not only ours: ${tool} is a symbolic link, `,
      'm',
    ),
  )
})

test('a truncated cached binary is rebuilt, and the result is real', async () => {
  const where = runnerDirs()
  const dir = await seeded(where)
  const binary = path.join(dir, REPRODUCER_TOOL)
  fs.truncateSync(binary, Math.floor(fs.statSync(binary).size / 2))

  const run = await runCli(where)
  assertRealResult(run)
  assert.match(
    run.stderr,
    /^reproducer: rebuilt: the cached binary in .* is not the one we built \(its \d+ bytes have sha256 [0-9a-f]{64}, recorded [0-9a-f]{64}\)$/m,
  )
  assert.equal(run.reproducer?.build?.cacheHit, false)
  assertEntryIntact(dir)
  const again = await runCli(where)
  assertRealResult(again)
  assert.equal(again.reproducer?.build?.cacheHit, true)
})

test('a cached binary too large to be ours is refused unread, then rebuilt', async () => {
  const where = runnerDirs()
  const dir = await seeded(where)
  // Sparse: 3 GiB on paper, nothing on disk; reading it whole would not do.
  fs.truncateSync(path.join(dir, REPRODUCER_TOOL), 3 * 1024 ** 3)

  const run = await runCli(where)
  assertRealResult(run)
  assert.match(
    run.stderr,
    /^reproducer: rebuilt: the cached binary in .* is not the one we built \(.*\/sigvec-repro is too large \(3221225472 bytes; at most 67108864 are read\)\)$/m,
  )
  assertEntryIntact(dir)
})

test('a deleted cached binary is rebuilt, with no spawn ENOENT', async () => {
  const where = runnerDirs()
  const dir = await seeded(where)
  fs.rmSync(path.join(dir, REPRODUCER_TOOL))

  const run = await runCli(where)
  assertRealResult(run)
  assert.match(run.stderr, /^reproducer: rebuilt: the cached binary in /m)
  assertEntryIntact(dir)
})

test('a cached binary that is not the one we built is never run', async () => {
  const where = runnerDirs()
  const markers = markersDir(where.base)
  const dir = await seeded(where)
  // A valid executable, root's own, in place of ours: the digest differs.
  const binary = path.join(dir, REPRODUCER_TOOL)
  fs.writeFileSync(`${binary}.new`, markerScript(markers), { mode: 0o755 })
  fs.renameSync(`${binary}.new`, binary)

  const run = await runCli(where)
  assertRealResult(run)
  assert.deepEqual(fs.readdirSync(markers), [])
  assert.match(run.stderr, /^reproducer: rebuilt: .* recorded [0-9a-f]{64}\)$/m)
  assertEntryIntact(dir)
})

test('a cached binary that cannot be executed still gives a result', async () => {
  const where = runnerDirs()
  const dir = await seeded(where)
  // What a noexec mount does to the cached file, without the mount.
  fs.chmodSync(path.join(dir, REPRODUCER_TOOL), 0o644)

  const run = await runCli(where)
  assertRealResult(run)
  assert.equal(run.reproducer?.build?.cacheHit, true)
})

test('a cached binary another run is writing (ETXTBSY) still gives a result', async () => {
  const where = runnerDirs()
  const dir = await seeded(where)
  // tool-cache copies onto the entry while it is held open for writing.
  const writer = fs.openSync(path.join(dir, REPRODUCER_TOOL), 'r+')
  try {
    const run = await runCli(where)
    assertRealResult(run)
    assert.equal(run.reproducer?.build?.cacheHit, true)
  } finally {
    fs.closeSync(writer)
  }
})

/** A fresh noexec tmpfs at `dir`, or the test is skipped where mount is refused. */
function noexecMount(t: TestContext, dir: string): boolean {
  fs.mkdirSync(dir, { recursive: true })
  const r = spawnSync(
    'mount',
    ['-t', 'tmpfs', '-o', 'noexec,mode=755,size=64m', 'tmpfs', dir],
    { encoding: 'utf8' },
  )
  if (r.status !== 0) {
    t.skip(`mount refused here: ${r.stderr || r.error?.message}`)
    return false
  }
  mounts.unshift(dir)
  return true
}

test('a tool cache on a noexec mount: built, cached, then hit, each with a result', async (t) => {
  const where = runnerDirs()
  if (!noexecMount(t, where.cache)) return
  const first = await runCli(where)
  assertRealResult(first)
  const second = await runCli(where)
  assertRealResult(second)
  assert.equal(second.reproducer?.build?.cacheHit, true)
})

test('a noexec temp folder: the private copy runs from the trusted cache', async (t) => {
  const where = runnerDirs()
  if (!noexecMount(t, where.temp)) return
  const run = await runCli(where)
  assertRealResult(run)
  assert.match(
    run.stderr,
    new RegExp(
      `^reproducer: ${where.temp} does not let programs run \\(EACCES\\)$`,
      'm',
    ),
  )
  // The private copy went with the run.
  assert.deepEqual(
    fs
      .readdirSync(path.join(where.cache, REPRODUCER_TOOL))
      .filter((f) => f.startsWith('sigvec-run-')),
    [],
  )
})

test('nowhere to run it: the reproducer is an error with the reason', async (t) => {
  const where = runnerDirs()
  const mnt = path.join(where.base, 'noexec')
  if (!noexecMount(t, mnt)) return
  const inside = {
    cache: path.join(mnt, 'cache'),
    temp: path.join(mnt, 'temp'),
  }
  const run = await runCli({ ...where, ...inside })
  assert.equal(run.reproducer?.result, 'error', run.stdout + run.stderr)
  assert.match(
    run.reproducer?.reason ?? '',
    /^self-test failed: the reproducer could not be started \(EACCES\): spawn \S+ EACCES$/,
  )
  // --reproduce always asked for evidence it did not get: unknown's code.
  assert.equal(run.code, 3, 'the static verdict stands, the evidence is owed')
})

test('a reproducer that cannot be started is an error result, not a throw', async () => {
  const missing = path.join(os.tmpdir(), 'sigvec-nowhere', REPRODUCER_TOOL)
  const evidence = await runBuilt(
    {
      ok: true,
      binary: missing,
      cacheHit: false,
      key: '0123456789abcdef',
      compiler: 'cc',
      seconds: 0,
    },
    parseOptions(() => ''),
    { log: () => {}, ioDir: os.tmpdir() },
  )
  assert.equal(evidence.result, 'error')
  assert.equal(
    evidence.reason,
    `self-test failed: the reproducer could not be started (ENOENT): spawn ${missing} ENOENT`,
  )
  assert.equal(evidence.selfTest?.passed, false)
  assert.equal(evidence.build?.key, '0123456789abcdef')
})

test('three runs filling one empty cache at once all get a result', async () => {
  const where = runnerDirs()
  const runs = await Promise.all([runCli(where), runCli(where), runCli(where)])
  runs.forEach(assertRealResult)
  // Whatever the interleaving left, the next run is served or repairs it.
  assertRealResult(await runCli(where))
})

test('the key covers every *.c and *.h unit; all *.c units build one binary', async () => {
  const where = runnerDirs()
  const native = path.join(where.base, 'native')
  fs.mkdirSync(native)
  fs.writeFileSync(path.join(native, 'answer.h'), 'int answer(void);\n')
  fs.writeFileSync(
    path.join(native, 'answer.c'),
    '#include "answer.h"\nint answer(void) { return ANSWER; }\n'.replace(
      'ANSWER',
      '42',
    ),
  )
  fs.writeFileSync(
    path.join(native, 'main.c'),
    '#include "answer.h"\nint main(void) { return answer() == 42 ? 0 : 1; }\n',
  )
  fs.writeFileSync(path.join(native, 'README.md'), 'not a unit\n')
  {
    const build = () =>
      compileReproducer({
        compiler: 'cc',
        nativeDir: native,
        tempDir: where.temp,
        toolCacheDir: where.cache,
      })
    const first = await build()
    assert.ok(first.ok, JSON.stringify(first))
    await first.dispose()
    assert.equal(first.cached, true)
    assert.equal(
      spawnSync(first.binary).error?.message.includes('ENOENT'),
      true,
    )

    fs.writeFileSync(path.join(native, 'README.md'), 'still not a unit\n')
    const same = await build()
    assert.ok(same.ok)
    // The binary links both units: it runs and exits 0.
    assert.equal(spawnSync(same.binary).status, 0)
    await same.dispose()
    assert.equal(same.key, first.key)
    assert.equal(same.cacheHit, true)

    fs.appendFileSync(path.join(native, 'answer.h'), '/* a change */\n')
    const changed = await build()
    assert.ok(changed.ok)
    await changed.dispose()
    assert.notEqual(changed.key, first.key)
    assert.equal(changed.cacheHit, false)
  }
})
