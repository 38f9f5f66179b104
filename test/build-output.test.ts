// A compiler that floods its output: the action still ends with a verdict,
// and the job summary (capped by GitHub at 1 MiB) shows an excerpt.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { actionYml, ROOT } from './support/action.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

test('5 MB of compiler errors reach the summary as a bounded excerpt', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-flood-'))
  dirs.push(dir)
  const cc = path.join(dir, 'floodcc')
  fs.writeFileSync(
    cc,
    `#!/bin/sh
case "$1" in --version) echo 'floodcc 1.0'; exit 0;; -dumpmachine) echo x86_64-linux-gnu; exit 0;; esac
echo 'error: FIRST ERROR' >&2
i=0; while [ $i -lt 50000 ]; do echo "native/sigvec-repro.c:$i: error: \\\`\\\`\\\` line padding padding padding padding padding" ; i=$((i+1)); done >&2
echo 'error: LAST ERROR' >&2
exit 1
`,
    { mode: 0o755 },
  )
  for (const f of ['summary', 'output']) fs.writeFileSync(path.join(dir, f), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: path.join(dir, 'runner-temp'),
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
  }
  fs.mkdirSync(env.RUNNER_TEMP as string)
  for (const [name, spec] of Object.entries(actionYml().inputs))
    env[`INPUT_${name.toUpperCase()}`] = spec.default ?? ''
  Object.assign(env, {
    INPUT_COMPILER: cc,
    INPUT_REPRODUCE: 'always',
    'INPUT_FAIL-ON': 'never',
  })
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'build', 'src', 'index.js')],
    { env, encoding: 'utf8', maxBuffer: 64 << 20 },
  )
  // The step ends with a verdict; reproduce: always owes evidence, so it fails.
  assert.equal(r.status, 1, r.stderr)
  assert.match(
    r.stdout,
    /^::error title=sigvec-check%3A reproduce%3A always%2C but no evidence::/m,
  )
  const summary = fs.readFileSync(path.join(dir, 'summary'), 'utf8')
  assert.ok(summary.length < 64 * 1024, `summary of ${summary.length} chars`)
  // The page says why the step failed, though fail-on is never.
  assert.match(
    summary,
    /This step failed: `reproduce: always` asks for evidence, and the reproducer gave none/,
  )
  assert.match(summary, /<summary>Compiler output<\/summary>/)
  assert.match(summary, /error: FIRST ERROR/)
  assert.match(summary, /error: LAST ERROR/)
  assert.match(
    summary,
    /\[… \d+ characters of compiler output left out here; the JSON Report holds more …\]/,
  )
  // The output's own ``` cannot close the block: the fence is longer.
  assert.match(summary, /\n````\n/)
  // At most about 16 000 characters of it (README): head, tail and the mark.
  const block = summary.split('<summary>Compiler output</summary>')[1] ?? ''
  const shown = /\n(`{4,})[^\n]*\n([\s\S]*?)\n\1\n/.exec(block)
  assert.ok(shown, 'a fenced block of compiler output')
  assert.ok(shown[2]!.length <= 16_000 + 200, `${shown[2]!.length} chars`)
  assert.ok(shown[2]!.length >= 16_000, `${shown[2]!.length} chars`)
})
