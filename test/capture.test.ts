// capture → --root: a host frozen into a folder is judged as it is live.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { captureHost } from '../src/capture.js'
import { cli } from './support/cli.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-capture-'))
  dirs.push(d)
  return d
}

test('a captured copy of this machine gets the same verdict offline', () => {
  const dir = path.join(tempDir(), 'this-host')
  const r = cli(['capture', dir])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /^captured \d+ files into /)
  const live = JSON.parse(cli(['--json', '--no-reproduce']).stdout)
  const offline = JSON.parse(cli(['--root', dir, '--json']).stdout)
  assert.equal(offline.host.live, false)
  assert.deepEqual(offline.kernel, live.kernel)
  assert.equal(offline.status, live.status)
  assert.deepEqual(offline.host.cpu, live.host.cpu)
  assert.equal(offline.host.arch, live.host.arch)
  assert.deepEqual(offline.host.container, live.host.container)
  assert.equal(offline.go.memlockSoft, live.go.memlockSoft)
  assert.equal(offline.go.memlockSufficient, live.go.memlockSufficient)
})

test('capture keeps only what the audit needs from sensitive files', async () => {
  const from = tempDir()
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(from, rel)), { recursive: true })
    fs.writeFileSync(path.join(from, rel), text)
  }
  write('proc/1/environ', 'PATH=/bin\0API_TOKEN=hunter2\0container=podman\0')
  write(
    'proc/self/status',
    'Name:\tnode\nPid:\t42\nCapEff:\t0000000000004000\n',
  )
  write(
    'proc/cpuinfo',
    'processor\t: 0\nflags\t\t: avx\n\nprocessor\t: 1\nflags\t\t: avx\n',
  )
  const to = path.join(tempDir(), 'out')
  const r = await captureHost(from, to)
  assert.equal(
    fs.readFileSync(path.join(to, 'proc/1/environ'), 'utf8'),
    'container=podman\0',
  )
  assert.equal(
    fs.readFileSync(path.join(to, 'proc/self/status'), 'utf8'),
    'CapEff:\t0000000000004000\n',
  )
  assert.equal(
    fs.readFileSync(path.join(to, 'proc/cpuinfo'), 'utf8'),
    'processor\t: 0\nflags\t\t: avx\n',
  )
  assert.deepEqual(r.copied.sort(), [
    'proc/1/environ',
    'proc/cpuinfo',
    'proc/self/status',
  ])
  assert.ok(r.missing.includes('proc/version'))
})

test('capture refuses a folder that is not empty and leaves nothing behind', () => {
  const parent = tempDir()
  const dir = path.join(parent, 'taken')
  fs.mkdirSync(dir)
  fs.writeFileSync(path.join(dir, 'keep'), 'x')
  const r = cli(['capture', dir])
  assert.equal(r.code, 1)
  assert.match(r.stderr, /capture folder .*taken is not empty/)
  assert.deepEqual(fs.readdirSync(parent), ['taken'])
  assert.deepEqual(fs.readdirSync(dir), ['keep'])
  assert.match(cli(['capture']).stderr, /capture needs exactly one folder/)
})

test('capture into a folder that cannot be made ends with the reason', () => {
  // Node's recursive mkdir never returns here; capture must.
  const r = cli(['capture', '/proc/nope/host'])
  assert.equal(r.code, 1)
  assert.match(
    r.stderr,
    /^sigvec-check: capture folder \/proc\/nope\/host: cannot create folder \/proc\/nope: \/proc exists but refuses new folders \(ENOENT\)$/m,
  )
  assert.equal(r.stdout, '')
})

test('capture never writes through links planted where it stages', async () => {
  // The staging folder was once `${dir}.partial-${pid}`: anyone could make
  // it first with links to root's files, which capture then overwrote.
  const from = tempDir()
  fs.mkdirSync(path.join(from, 'proc/self'), { recursive: true })
  fs.writeFileSync(path.join(from, 'proc/self/status'), 'CapEff:\t0\n')
  const parent = tempDir()
  const victim = path.join(parent, 'shadow')
  fs.writeFileSync(victim, 'root:$6$secret\n', { mode: 0o600 })
  const dir = path.join(parent, 'out')
  const planted = `${dir}.partial-${process.pid}`
  fs.mkdirSync(path.join(planted, 'proc/self'), { recursive: true })
  fs.symlinkSync(victim, path.join(planted, 'proc/self/status'))
  const r = await captureHost(from, dir)
  assert.deepEqual(r.copied, ['proc/self/status'])
  assert.equal(fs.readFileSync(victim, 'utf8'), 'root:$6$secret\n')
  assert.equal(
    fs.readFileSync(path.join(dir, 'proc/self/status'), 'utf8'),
    'CapEff:\t0\n',
  )
  assert.equal(fs.statSync(dir).mode & 0o777, 0o755)
  assert.deepEqual(
    fs.readdirSync(parent).sort(),
    ['out', path.basename(planted), 'shadow'].sort(),
  )
})
