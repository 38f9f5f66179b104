// A captured tree (--root) is another machine's input: real trees in temp
// folders with links, FIFOs, oversized and hostile files, read by the host
// reader and audited by the CLI as built from src/ (node build/src/cli-entry.js).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { assess } from '../src/assess.js'
import {
  CAPTURED_FILE_MAX_BYTES,
  detectContainer,
  readHostFacts,
} from '../src/host.js'
import { ROOT } from './support/action.js'
import { foldersRemovedAfter } from './support/folders.js'

const FIXTURE = path.join(
  ROOT,
  'test/fixtures/hosts/debian-sid-5.4.0-3-real-5.4.13',
)

const dirs = foldersRemovedAfter()

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-rootfs-'))
  dirs.push(d)
  return d
}

/** A copy of a real captured host, to be spoiled by each test. */
function capturedCopy(): string {
  const root = path.join(tempDir(), 'host')
  fs.cpSync(FIXTURE, root, { recursive: true })
  return root
}

function write(root: string, rel: string, text: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
  fs.rmSync(path.join(root, rel), { force: true })
  fs.writeFileSync(path.join(root, rel), text)
}

/** The CLI as compiled from src/, on a captured root. */
function audit(root: string, ...flags: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'build/src/cli-entry.js'), '--root', root, ...flags],
    { encoding: 'utf8' },
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const LINK_REFUSED = 'links in a captured tree are not followed'

test('a file that is a link to one outside the tree is not read, and says why', async () => {
  const outside = path.join(tempDir(), 'secret')
  const secret = 'Linux version 5.4.1 (gcc version 9.2.0) TOPSECRET-7f3a'
  fs.writeFileSync(outside, secret + '\n')
  const root = capturedCopy()
  fs.rmSync(path.join(root, 'proc/version'))
  fs.symlinkSync(outside, path.join(root, 'proc/version'))

  const facts = await readHostFacts({ root, goVersion: null })
  assert.deepEqual(facts.procVersion, {
    ok: false,
    error: `a link; ${LINK_REFUSED}`,
    source: '/proc/version',
  })
  for (const format of [['--json'], []]) {
    const r = audit(root, ...format)
    assert.doesNotMatch(r.stdout + r.stderr, /TOPSECRET/)
  }
  const report = JSON.parse(audit(root, '--json').stdout)
  const fact = report.host.facts.find(
    (f: { source: string }) => f.source === '/proc/version',
  )
  assert.equal(fact.error, `a link; ${LINK_REFUSED}`)
  assert.equal(report.kernel.compiler, null)
})

test('a folder of the tree that is a link (proc -> /proc) is refused for every file under it', async () => {
  const root = capturedCopy()
  fs.rmSync(path.join(root, 'proc'), { recursive: true })
  fs.symlinkSync('/proc', path.join(root, 'proc'))
  const facts = await readHostFacts({ root, goVersion: null })
  const refused = {
    ok: false,
    error: `/proc is a link; ${LINK_REFUSED}`,
  }
  for (const fact of [
    facts.release,
    facts.procVersion,
    facts.cpu,
    facts.memlock,
    facts.capIpcLock,
    facts.userNamespace,
    facts.hostname,
  ]) {
    assert.deepEqual({ ok: fact.ok, error: !fact.ok && fact.error }, refused)
  }
  // What this machine's /proc says reaches nothing: the kernel is unknown.
  const report = JSON.parse(audit(root, '--json').stdout)
  assert.equal(report.kernel.release, null)
  assert.equal(report.go.memlockSoft, null)
  assert.equal(report.status, 'unknown')
})

test('a link deeper in the tree (proc/sys -> elsewhere) is refused too', async () => {
  const root = capturedCopy()
  const elsewhere = path.join(tempDir(), 'sys')
  fs.cpSync(path.join(root, 'proc/sys'), elsewhere, { recursive: true })
  fs.rmSync(path.join(root, 'proc/sys'), { recursive: true })
  fs.symlinkSync(elsewhere, path.join(root, 'proc/sys'))
  const facts = await readHostFacts({ root, goVersion: null })
  assert.deepEqual(facts.release, {
    ok: false,
    error: `/proc/sys is a link; ${LINK_REFUSED}`,
    source: '/proc/sys/kernel/osrelease',
  })
})

test('container marks that are links do not count; plain files do', async () => {
  const outside = tempDir()
  fs.writeFileSync(path.join(outside, '.dockerenv'), '')
  fs.mkdirSync(path.join(outside, 'run'))
  fs.writeFileSync(path.join(outside, 'run/.containerenv'), '')
  const linked = tempDir()
  fs.symlinkSync(
    path.join(outside, '.dockerenv'),
    path.join(linked, '.dockerenv'),
  )
  fs.symlinkSync(path.join(outside, 'run'), path.join(linked, 'run'))
  assert.deepEqual(await detectContainer(linked), {
    detected: false,
    signals: [],
  })
  assert.deepEqual(await detectContainer(outside), {
    detected: true,
    signals: ['/.dockerenv exists', '/run/.containerenv exists'],
  })
})

test('a FIFO in the tree is refused without waiting, and is no container mark', async () => {
  const root = capturedCopy()
  fs.rmSync(path.join(root, 'proc/self/limits'))
  const made = spawnSync('mkfifo', [path.join(root, 'proc/self/limits')])
  assert.equal(made.status, 0, String(made.stderr))
  const made2 = spawnSync('mkfifo', [path.join(root, '.dockerenv')])
  assert.equal(made2.status, 0, String(made2.stderr))
  const facts = await readHostFacts({ root, goVersion: null })
  assert.deepEqual(facts.memlock, {
    ok: false,
    error: 'unreadable (not a regular file)',
    source: '/proc/self/limits',
  })
  assert.equal(facts.container.detected, false)
})

test('files larger than a real machine has are refused as too large, not parsed', async () => {
  const root = capturedCopy()
  // 1 MiB of the pattern that made the old compiler expression take 88 s.
  const crafted = '(gcc (x) 9.1.0 '.repeat(Math.ceil(1048576 / 15))
  write(root, 'proc/version', crafted)
  // Sparse: a 32 MiB cpuinfo costs no disk and is refused by its size.
  const cpuinfo = path.join(root, 'proc/cpuinfo')
  fs.truncateSync(cpuinfo, 32 * 1024 * 1024)
  const facts = await readHostFacts({ root, goVersion: null })
  assert.deepEqual(facts.procVersion, {
    ok: false,
    error: `too large (${crafted.length} bytes; at most ${CAPTURED_FILE_MAX_BYTES['proc/version']} are read from a captured tree)`,
    source: '/proc/version',
  })
  assert.equal(facts.cpu.ok, false)
  assert.match(
    !facts.cpu.ok ? facts.cpu.error : '',
    /^too large \(33554432 bytes; at most \d+ are read from a captured tree\)$/,
  )
  const a = assess(facts, { memlockThreads: 64 })
  assert.equal(a.kernel.compiler, null)
  // A real-sized file of the same host is still read.
  assert.equal(facts.release.ok && facts.release.value, '5.4.0-3-amd64')
})

test('strings a report would show are refused when no real host could say them', async () => {
  const root = capturedCopy()
  const injected = 'runner-7\n::error title=PWNED::forged\n\x1b[2J'
  write(root, 'proc/sys/kernel/hostname', injected)
  write(root, 'proc/sys/kernel/osrelease', '5.4.1\u202egnp.exe\n')
  write(root, 'proc/1/environ', 'PATH=/bin\0container=podman\n::warning::x\0')
  const facts = await readHostFacts({ root, goVersion: null })
  assert.deepEqual(facts.hostname, {
    ok: false,
    error:
      'not believed: it holds control or formatting characters (a newline, a terminal escape)',
    source: '/proc/sys/kernel/hostname',
  })
  assert.equal(facts.release.ok, false)
  assert.deepEqual(facts.container.signals, [
    'PID 1 has a container variable (its value is not a plain name)',
  ])
  for (const format of [['--json'], []]) {
    const r = audit(root, ...format)
    // JSON would escape the controls, so the words are what must not show.
    for (const word of ['PWNED', '::warning', 'gnp.exe', '\u202e', '\x1b'])
      assert.ok(!r.stdout.includes(word), word)
  }
  write(root, 'proc/sys/kernel/hostname', 'h'.repeat(65) + '\n')
  const long = await readHostFacts({ root, goVersion: null })
  assert.deepEqual(long.hostname, {
    ok: false,
    error: 'not believed: 65 characters, where a real one has at most 64',
    source: '/proc/sys/kernel/hostname',
  })
  write(root, 'proc/sys/kernel/hostname', 'ci-runner-07.example.org\n')
  const fine = await readHostFacts({ root, goVersion: null })
  assert.equal(
    fine.hostname.ok && fine.hostname.value,
    'ci-runner-07.example.org',
  )
})

test('the live root still follows /proc/self, a link there', async () => {
  assert.ok(fs.lstatSync('/proc/self').isSymbolicLink())
  const facts = await readHostFacts({ root: '/', goVersion: '1.15.5' })
  assert.ok(facts.memlock.ok)
  assert.ok(facts.capIpcLock.ok)
  assert.ok(facts.userNamespace.ok)
})
