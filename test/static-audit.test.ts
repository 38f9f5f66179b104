// A static audit (reproduce: never) starts one program, the go on PATH for
// its version, and no compiler: the compile, the tool cache and the
// reproducer are loaded and run only when the reproducer runs. Stand-ins on
// PATH note each call in a file; a control run in which the reproducer does
// run shows that a compiler's call would be seen.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { runAction } from './support/action.js'
import { cli } from './support/cli.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

/** A folder of stand-in cc, gcc, clang and go, and where their calls are noted. */
function standIns() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-static-'))
  dirs.push(dir)
  const bin = path.join(dir, 'bin')
  const calls = path.join(dir, 'calls')
  fs.mkdirSync(bin)
  for (const name of ['cc', 'gcc', 'clang']) {
    fs.writeFileSync(
      path.join(bin, name),
      `#!/bin/sh\necho "${name} $*" >> '${calls}'\nexit 1\n`,
      { mode: 0o755 },
    )
  }
  fs.writeFileSync(
    path.join(bin, 'go'),
    `#!/bin/sh\necho "go $*" >> '${calls}'\necho go1.19.8\n`,
    { mode: 0o755 },
  )
  return {
    env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? '/usr/bin'}` },
    calls: () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8') : ''),
  }
}

test('the action with reproduce: never asks go its version and runs no compiler', async () => {
  const stand = standIns()
  const run = await runAction({ reproduce: 'never' }, { env: stand.env })
  dirs.push(run.dir)
  assert.equal(run.code, 0, run.stdout + run.stderr)
  assert.equal(run.outputs.status, 'unaffected')
  assert.equal(run.outputs.reproducer, 'skipped')
  assert.equal(run.outputs['go-workaround'], 'inactive')
  assert.equal(stand.calls(), 'go env GOVERSION\n')

  // The control: told to reproduce, the action calls the cc on that PATH.
  const control = await runAction({ reproduce: 'always' }, { env: stand.env })
  dirs.push(control.dir)
  assert.match(stand.calls(), /^cc /m)
})

test('the CLI with --no-reproduce asks go its version and runs no compiler', () => {
  const stand = standIns()
  const env = { ...process.env, ...stand.env }
  const r = cli(['--json', '--no-reproduce'], env)
  assert.equal(r.code, 0, r.stderr)
  assert.equal(JSON.parse(r.stdout).reproducer.result, 'skipped')
  assert.equal(stand.calls(), 'go env GOVERSION\n')

  const control = cli(['--json', '--reproduce', 'always'], env)
  assert.match(stand.calls(), /^cc /m, control.stderr)
})
