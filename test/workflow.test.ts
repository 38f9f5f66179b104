// The runner's side of the conversation: file commands written to real temp
// files and read back as the runner parses them; workflow commands escaped
// so a message cannot end early or add properties.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import {
  annotate,
  appendSummary,
  exportVariable,
  getInput,
  inputVariable,
  setOutputs,
  workflowCommand,
} from '../src/workflow.js'
import { parseCommandFile } from './support/action.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-workflow-'))
after(() => fs.rmSync(dir, { recursive: true, force: true }))

const VALUES: Array<[string, string]> = [
  ['plain', 'unaffected'],
  ['empty', ''],
  ['multi-line', 'line one\nline two\n'],
  ['looks like a command', 'x<<EOF\nstatus=affected'],
  ['unicode', '5.4.0–5.4.1 ✅'],
]

for (const [what, value] of VALUES) {
  test(`an output survives the file command intact: ${what}`, async () => {
    const file = path.join(dir, `output-${what.replace(/\W/g, '-')}`)
    fs.writeFileSync(file, '')
    await setOutputs({ status: value, other: 'x' }, { GITHUB_OUTPUT: file })
    assert.deepEqual(parseCommandFile(fs.readFileSync(file, 'utf8')), {
      status: value,
      other: 'x',
    })
  })
}

test('exportVariable writes GITHUB_ENV and sets the variable here', async () => {
  const file = path.join(dir, 'env')
  fs.writeFileSync(file, '')
  const env: NodeJS.ProcessEnv = { GITHUB_ENV: file }
  await exportVariable('GODEBUG', 'asyncpreemptoff=1,x=y', env)
  assert.equal(env.GODEBUG, 'asyncpreemptoff=1,x=y')
  assert.deepEqual(parseCommandFile(fs.readFileSync(file, 'utf8')), {
    GODEBUG: 'asyncpreemptoff=1,x=y',
  })
})

test('outside a runner nothing is written and nothing fails', async () => {
  await setOutputs({ status: 'x' }, {})
  assert.equal(await appendSummary('# x', {}), false)
})

test('a file command the runner named but that cannot be written names it', async () => {
  const missing = path.join(dir, 'no-such-folder', 'output')
  await assert.rejects(
    setOutputs({ status: 'x' }, { GITHUB_OUTPUT: missing }),
    new RegExp(`cannot write GITHUB_OUTPUT \\(${missing}\\)`),
  )
})

test('summaries are appended, not replaced', async () => {
  const file = path.join(dir, 'summary')
  fs.writeFileSync(file, 'earlier step\n')
  assert.equal(
    await appendSummary('## ours\n', { GITHUB_STEP_SUMMARY: file }),
    true,
  )
  assert.equal(fs.readFileSync(file, 'utf8'), 'earlier step\n## ours\n')
})

test('inputs are read as the runner sets them, trimmed', () => {
  assert.equal(inputVariable('fail-on'), 'INPUT_FAIL-ON')
  assert.equal(inputVariable('go version'), 'INPUT_GO_VERSION')
  assert.equal(getInput('fail-on', { 'INPUT_FAIL-ON': ' never \n' }), 'never')
  assert.equal(getInput('mode', {}), '')
})

const COMMANDS: Array<[string, string, Record<string, string>, string]> = [
  ['plain', 'kernel is fine', {}, '::warning::kernel is fine'],
  [
    'a newline cannot start a new command',
    'one\n::error::two',
    {},
    '::warning::one%0A::error::two',
  ],
  ['percent is kept', '100% sure', {}, '::warning::100%25 sure'],
  [
    'a title cannot add properties',
    'm',
    { title: 'a: b, file=x' },
    '::warning title=a%3A b%2C file=x::m',
  ],
]

for (const [what, message, props, line] of COMMANDS) {
  test(`workflow command: ${what}`, () => {
    assert.equal(workflowCommand('warning', message, props), line + os.EOL)
  })
}

test('annotate writes one line through the given writer', () => {
  const lines: string[] = []
  annotate('error', 'affected', 'sigvec-check', (t) => lines.push(t))
  assert.deepEqual(lines, [`::error title=sigvec-check::affected${os.EOL}`])
})
