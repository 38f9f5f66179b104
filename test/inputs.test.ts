// Every input, given a bad value, fails the step with an error that names
// the input, the value and what is accepted, and leaves nothing behind.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, test } from 'node:test'
import { InputError, parseOptions } from '../src/options.js'
import { actionYml, runAction } from './support/action.js'

const dirs: string[] = []
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

const BAD: Array<[input: string, value: string, accepted: RegExp]> = [
  ['reproduce', 'sometimes', /one of: auto, always, never/],
  ['mode', 'fast', /one of: auto, uffd, stress/],
  ['duration', '10h', /a duration from 0\.5s to 60m/],
  ['duration', '0', /a duration from 0\.5s to 60m/],
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

for (const [input, value, accepted] of BAD) {
  test(`the action fails cleanly on ${input}: ${JSON.stringify(value)}`, async () => {
    const run = await runAction({ [input]: value })
    dirs.push(run.dir)
    assert.equal(run.code, 1)
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::'))
    assert.ok(error, run.stdout)
    assert.ok(error.includes(`Invalid input '${input}'`), error)
    assert.match(error, accepted)
    assert.deepEqual(run.outputs, {})
    assert.deepEqual(run.env, {})
    assert.equal(run.summary, '')
    assert.deepEqual(fs.readdirSync(run.runnerTemp), [])
    assert.equal(fs.existsSync(path.join(run.dir, 'reports')), false)
  })
}
