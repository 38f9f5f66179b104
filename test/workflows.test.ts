// The release's supply-chain rules for our workflows and action.yml, and
// README's Inputs/Outputs tables against action.yml. Every rule is a function
// over a parsed document, tried on a deliberately bad example as well as on
// the real files, so a rule that can never fail is caught too.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

// Tests compile to build/test/*.js.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const WORKFLOWS = path.join(ROOT, '.github', 'workflows')

type Doc = Record<string, unknown>
interface Step {
  job: string
  index: number
  step: Record<string, unknown>
}

/** A full commit SHA is the only ref that cannot be moved under us. */
const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function readDoc(text: string): Doc {
  const doc: unknown = parse(text)
  assert.ok(isObject(doc), 'the document is not a YAML mapping')
  return doc
}

function stepsOf(doc: Doc): Step[] {
  const out: Step[] = []
  const jobs = isObject(doc.jobs) ? doc.jobs : {}
  for (const [job, body] of Object.entries(jobs)) {
    if (!isObject(body) || !Array.isArray(body.steps)) continue
    body.steps.forEach((step: unknown, index) => {
      if (isObject(step)) out.push({ job, index, step })
    })
  }
  // A composite action keeps its steps under runs.
  const runs = isObject(doc.runs) ? doc.runs : {}
  if (Array.isArray(runs.steps)) {
    runs.steps.forEach((step: unknown, index) => {
      if (isObject(step)) out.push({ job: 'runs', index, step })
    })
  }
  return out
}

/** Every `uses:`: steps', and reusable workflows' at job level. */
function usesOf(doc: Doc): Array<{ where: string; uses: string }> {
  const out = stepsOf(doc)
    .filter((s) => typeof s.step.uses === 'string')
    .map((s) => ({
      where: `${s.job}.steps[${s.index}]`,
      uses: s.step.uses as string,
    }))
  const jobs = isObject(doc.jobs) ? doc.jobs : {}
  for (const [job, body] of Object.entries(jobs)) {
    if (isObject(body) && typeof body.uses === 'string')
      out.push({ where: job, uses: body.uses })
  }
  return out
}

function unpinnedUses(doc: Doc): string[] {
  return usesOf(doc)
    .filter(({ uses }) => !uses.startsWith('./') && !PINNED.test(uses))
    .map(({ where, uses }) => `${where}: ${uses}`)
}

/** The SHA says what runs; the comment says which release that was. */
function pinsWithoutVersionComment(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^\s*(-\s+)?uses:\s*[^.\s][^\s]*@[0-9a-f]{40}/.test(line))
    .filter((line) => !/@[0-9a-f]{40}\s+#\s*v\d+\.\d+\.\d+\s*$/.test(line))
    .map((line) => line.trim())
}

function topLevelPermissionProblems(doc: Doc): string[] {
  if (!('permissions' in doc)) return ['no top-level permissions']
  const p = doc.permissions
  if (typeof p === 'string')
    return p === 'write-all' ? ['top-level permissions: write-all'] : []
  if (!isObject(p)) return [`top-level permissions: ${String(p)}`]
  return Object.entries(p)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => `top-level permissions grant ${scope}: write`)
}

function checkoutsPersistingCredentials(doc: Doc): string[] {
  return stepsOf(doc)
    .filter(
      ({ step }) =>
        typeof step.uses === 'string' &&
        step.uses.startsWith('actions/checkout@'),
    )
    .filter(
      ({ step }) =>
        !isObject(step.with) ||
        String(step.with['persist-credentials']) !== 'false',
    )
    .map(({ job, index }) => `${job}.steps[${index}]`)
}

/** An expression in a script is spliced in before the shell parses it. */
function expressionsInRun(doc: Doc): string[] {
  return stepsOf(doc)
    .filter(({ step }) => typeof step.run === 'string')
    .filter(({ step }) => (step.run as string).includes('${{'))
    .map(({ job, index }) => `${job}.steps[${index}]`)
}

function setupNodeNotOn20(doc: Doc): string[] {
  return stepsOf(doc)
    .filter(
      ({ step }) =>
        typeof step.uses === 'string' &&
        step.uses.startsWith('actions/setup-node@'),
    )
    .filter(
      ({ step }) =>
        !isObject(step.with) || String(step.with['node-version']) !== '20',
    )
    .map(({ job, index }) => `${job}.steps[${index}]`)
}

/** Workflow problems, one line each; empty when the workflow is fine. */
function workflowProblems(text: string): string[] {
  const doc = readDoc(text)
  return [
    ...unpinnedUses(doc).map((p) => `not pinned to a commit SHA: ${p}`),
    ...pinsWithoutVersionComment(text).map((p) => `no # vX.Y.Z: ${p}`),
    ...topLevelPermissionProblems(doc),
    ...checkoutsPersistingCredentials(doc).map(
      (p) => `checkout without persist-credentials: false: ${p}`,
    ),
    ...expressionsInRun(doc).map((p) => `\${{ }} inside run: ${p}`),
    ...setupNodeNotOn20(doc).map((p) => `setup-node not on 20: ${p}`),
  ]
}

function actionProblems(doc: Doc): string[] {
  const problems: string[] = []
  const runs = isObject(doc.runs) ? doc.runs : {}
  if (runs.using !== 'node24')
    problems.push(`runs.using is ${String(runs.using)}, not node24`)
  if (runs.main !== 'dist/index.js')
    problems.push(`runs.main is ${String(runs.main)}, not dist/index.js`)
  const branding = isObject(doc.branding) ? doc.branding : {}
  if (typeof branding.icon !== 'string' || branding.icon === '')
    problems.push('no branding.icon')
  if (typeof branding.color !== 'string' || branding.color === '')
    problems.push('no branding.color')
  return problems
}

/** Names in the first column of the table under `### <heading>`. */
function readmeTableNames(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.trim() === `### ${heading}`)
  if (start === -1) return []
  const names: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,3}\s/.test(line)) break
    const m = /^\| *`([^`]+)` *\|/.exec(line)
    if (m?.[1]) names.push(m[1])
  }
  return names
}

function namesDisagreement(
  kind: string,
  readme: string[],
  action: string[],
): string[] {
  return [
    ...readme
      .filter((n) => !action.includes(n))
      .map((n) => `${kind} \`${n}\` is in README.md but not in action.yml`),
    ...action
      .filter((n) => !readme.includes(n))
      .map((n) => `${kind} \`${n}\` is in action.yml but not in README.md`),
  ]
}

function readmeProblems(markdown: string, action: Doc): string[] {
  const keys = (v: unknown) => (isObject(v) ? Object.keys(v) : [])
  return [
    ...namesDisagreement(
      'input',
      readmeTableNames(markdown, 'Inputs'),
      keys(action.inputs),
    ),
    ...namesDisagreement(
      'output',
      readmeTableNames(markdown, 'Outputs'),
      keys(action.outputs),
    ),
  ]
}

const workflowFiles = fs
  .readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
const read = (file: string) => fs.readFileSync(file, 'utf8')

const BAD_WORKFLOW = `
name: bad
on: pull_request_target
permissions:
  contents: write
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
        with:
          node-version: 22
      - run: echo "\${{ github.event.pull_request.title }}"
  b:
    uses: octo/workflows/.github/workflows/x.yml@main
`

test('the bad example breaks every workflow rule', () => {
  const doc = readDoc(BAD_WORKFLOW)
  assert.deepEqual(unpinnedUses(doc), [
    'a.steps[0]: actions/checkout@v4',
    'b: octo/workflows/.github/workflows/x.yml@main',
  ])
  assert.equal(pinsWithoutVersionComment(BAD_WORKFLOW).length, 1)
  assert.deepEqual(topLevelPermissionProblems(doc), [
    'top-level permissions grant contents: write',
  ])
  assert.deepEqual(checkoutsPersistingCredentials(doc), ['a.steps[0]'])
  assert.deepEqual(expressionsInRun(doc), ['a.steps[2]'])
  assert.deepEqual(setupNodeNotOn20(doc), ['a.steps[1]'])
  assert.deepEqual(
    topLevelPermissionProblems(readDoc('on: push\njobs: {}\n')),
    ['no top-level permissions'],
  )
  assert.deepEqual(
    topLevelPermissionProblems(readDoc('permissions: write-all\n')),
    ['top-level permissions: write-all'],
  )
})

test('a good example passes every workflow rule', () => {
  const good = `
on: push
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - uses: ./
      - env:
          TITLE: \${{ github.event.head_commit.message }}
        run: echo "$TITLE"
`
  assert.deepEqual(workflowProblems(good), [])
})

test('invalid YAML is rejected', () => {
  assert.throws(() => readDoc('jobs:\n  a: [unclosed\n'))
  assert.throws(() => readDoc('on: push\non: pull_request\n'), /unique/i)
})

test('the release, self-test and fleet-audit workflows exist', () => {
  for (const f of ['test.yml', 'self-test.yml', 'fleet-audit.yml'])
    assert.ok(workflowFiles.includes(f), `.github/workflows/${f} is missing`)
})

for (const file of workflowFiles) {
  test(`.github/workflows/${file} follows the rules`, () => {
    assert.deepEqual(workflowProblems(read(path.join(WORKFLOWS, file))), [])
  })
}

test('action.yml follows the rules', () => {
  const text = read(path.join(ROOT, 'action.yml'))
  const doc = readDoc(text)
  assert.deepEqual(actionProblems(doc), [])
  assert.deepEqual(unpinnedUses(doc), [])
  assert.deepEqual(expressionsInRun(doc), [])
})

test('the action rules catch a bad action.yml', () => {
  const doc = readDoc('runs:\n  using: node20\n  main: lib/main.js\n')
  assert.deepEqual(actionProblems(doc), [
    'runs.using is node20, not node24',
    'runs.main is lib/main.js, not dist/index.js',
    'no branding.icon',
    'no branding.color',
  ])
})

test("README's Inputs and Outputs tables match action.yml", () => {
  const action = readDoc(read(path.join(ROOT, 'action.yml')))
  const readme = read(path.join(ROOT, 'README.md'))
  assert.ok(readmeTableNames(readme, 'Inputs').length > 0, 'no Inputs table')
  assert.ok(readmeTableNames(readme, 'Outputs').length > 0, 'no Outputs table')
  assert.deepEqual(readmeProblems(readme, action), [])
})

test('the README rule catches a missing and an extra row', () => {
  const readme = [
    '### Inputs',
    '',
    '| input | default |',
    '|---|---|',
    '| `fail-on` | `vulnerable` |',
    '| `colour` | `red` |',
    '',
    '### Outputs',
    '',
    '| output | values |',
    '|---|---|',
    '| `status` | … |',
    '',
    '## CLI',
    '| `not-an-output` | … |',
  ].join('\n')
  const action = readDoc(
    'inputs:\n  fail-on: {}\n  mode: {}\noutputs:\n  status: {}\n',
  )
  assert.deepEqual(readmeTableNames(readme, 'Outputs'), ['status'])
  assert.deepEqual(readmeProblems(readme, action), [
    'input `colour` is in README.md but not in action.yml',
    'input `mode` is in action.yml but not in README.md',
  ])
})
