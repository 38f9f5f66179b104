// Where userfaultfd is refused (Docker's default seccomp profile, an
// unprivileged runner with vm.unprivileged_userfaultfd=0), `auto` takes io
// mode where the job's folder is on a disk, else stress, and says why; the
// action's outputs, summary, Prometheus lines and merge name the mode.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { before, test } from 'node:test'
import { diskFolder } from '../harness/native.js'
import { ROOT, runAction } from './support/action.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()
const tools = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-nouffd-'))
dirs.push(tools)
const noUserfaultfd = path.join(tools, 'no-userfaultfd')
before(() => {
  const cc = spawnSync(
    'cc',
    [
      '-O2',
      '-Wall',
      '-o',
      noUserfaultfd,
      path.join(ROOT, 'test', 'support', 'no-userfaultfd.c'),
    ],
    { encoding: 'utf8' },
  )
  assert.equal(cc.status, 0, cc.stderr)
})

const report = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))

test('under a seccomp filter that refuses userfaultfd, auto takes io mode on the job folder and says why', async (t) => {
  const dir = diskFolder()
  if (dir === null) return t.skip('no folder on a disk here')
  dirs.push(dir)
  const run = await runAction(
    { reproduce: 'always', duration: '2s' },
    { dir, wrapper: [noUserfaultfd] },
  )
  assert.equal(run.code, 0, run.stdout + run.stderr)
  assert.equal(run.outputs['reproducer-mode'], 'io')
  const r = report(run.outputs.report as string)
  assert.equal(r.reproducer.mode, 'io')
  assert.match(r.reproducer.modeReason, /^io-available: --io-dir /)
  assert.ok(r.reproducer.modeReason.includes(run.runnerTemp))
  assert.match(r.reproducer.modeReason, /uffd passed over \(uffd-refused\)/)
  assert.ok(r.reproducer.selfTest.passed, r.reproducer.reason)
  assert.match(run.summary, /io mode/)
  // The file the signal stack was mapped from is gone.
  assert.deepEqual(
    fs.readdirSync(run.runnerTemp).filter((f) => !f.endsWith('.json')),
    [],
  )

  // Prometheus and merge name the mode too.
  const cli = path.join(ROOT, 'dist', 'cli.js')
  const prom = spawnSync(
    process.execPath,
    [cli, 'merge', '--json', run.outputs.report as string],
    { encoding: 'utf8' },
  )
  assert.match(JSON.parse(prom.stdout).rows[0].reproducer, /\(io, /)
})

test('with every folder on tmpfs, auto falls back to stress and says why', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-tmpfs-'))
  dirs.push(dir)
  const mount = spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', dir])
  if (mount.status !== 0) return t.skip('mount (tmpfs) is refused here')
  let r
  let run
  try {
    run = await runAction(
      { reproduce: 'always', duration: '1s' },
      { dir, wrapper: [noUserfaultfd] },
    )
    assert.equal(run.code, 0, run.stdout + run.stderr)
    r = report(run.outputs.report as string)
  } finally {
    spawnSync('umount', [dir])
  }
  assert.equal(run.outputs['reproducer-mode'], 'stress')
  assert.match(r.reproducer.modeReason, /io passed over \(io-refused\)/)
  assert.match(r.reproducer.modeReason, /is on tmpfs/)
  assert.match(r.reproducer.modeReason, /uffd passed over/)
})

test('the Prometheus lines carry the mode', (t) => {
  const disk = diskFolder()
  if (disk === null) return t.skip('no folder on a disk here')
  dirs.push(disk)
  const r = spawnSync(
    noUserfaultfd,
    [
      process.execPath,
      path.join(ROOT, 'dist', 'cli.js'),
      '--reproduce',
      'always',
      '--duration',
      '1s',
      '--prometheus',
    ],
    { encoding: 'utf8', env: { ...process.env, TMPDIR: disk } },
  )
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /mode="io"/)
})
