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

/** The Marketplace refuses a description of 125 characters or more. */
const MARKETPLACE_DESCRIPTION_MAX = 124

function actionProblems(doc: Doc, packageAuthor = ''): string[] {
  const problems: string[] = []
  const description = typeof doc.description === 'string' ? doc.description : ''
  if (description === '') problems.push('no description')
  if ([...description].length > MARKETPLACE_DESCRIPTION_MAX)
    problems.push(
      `description has ${[...description].length} characters; the Marketplace takes at most ${MARKETPLACE_DESCRIPTION_MAX}`,
    )
  // package.json's "Name <email>" names the same people.
  const author = typeof doc.author === 'string' ? doc.author : ''
  if (
    author === '' ||
    author === doc.name ||
    author !== packageAuthor.replace(/\s*<[^>]*>$/, '')
  )
    problems.push(`author "${author}" is not package.json's author`)
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

/** A job's steps' scripts, joined. */
function jobRuns(body: Record<string, unknown>): string {
  const steps = Array.isArray(body.steps) ? body.steps : []
  return steps
    .filter(isObject)
    .map((s) => (typeof s.run === 'string' ? s.run : ''))
    .join('\n')
}

/** Every job's permissions, as scope → level. */
function jobPermissions(doc: Doc): Record<string, Record<string, unknown>> {
  const jobs = isObject(doc.jobs) ? doc.jobs : {}
  return Object.fromEntries(
    Object.entries(jobs).map(([job, body]) => [
      job,
      isObject(body) && isObject(body.permissions) ? body.permissions : {},
    ]),
  )
}

/**
 * The release workflow: only a pushed vX.Y.Z tag starts it; no permission at
 * the top; each job holds only what its steps use (id-token only where npm
 * publishes, contents: write only where the release is made); npm publishes
 * with provenance, after the job that checks the tag and runs .ci/run; the
 * release's notes come from scripts/release-notes.mjs; the npm token reaches
 * only the publishing step.
 */
function releaseWorkflowProblems(text: string): string[] {
  const doc = readDoc(text)
  const problems: string[] = []
  const on = isObject(doc.on) ? doc.on : {}
  const push = isObject(on.push) ? on.push : {}
  const triggers = Object.keys(on)
  if (triggers.join() !== 'push')
    problems.push(`triggers: ${triggers.join(', ') || String(doc.on)}`)
  const tags = Array.isArray(push.tags) ? push.tags : []
  if (
    tags.join() !== 'v[0-9]+.[0-9]+.[0-9]+' ||
    Object.keys(push).join() !== 'tags'
  )
    problems.push(`push: ${JSON.stringify(push)}, not only tags vX.Y.Z`)
  if (!isObject(doc.permissions) || Object.keys(doc.permissions).length > 0)
    problems.push(
      `top-level permissions: ${JSON.stringify(doc.permissions)}, not {}`,
    )

  const jobs = (isObject(doc.jobs) ? doc.jobs : {}) as Record<string, Doc>
  const perms = jobPermissions(doc)
  const jobWhere = (re: RegExp) =>
    Object.keys(jobs).filter((j) => re.test(jobRuns(jobs[j] ?? {})))
  const needs = (job: string) => {
    const n = jobs[job]?.needs
    return Array.isArray(n) ? n.map(String) : n === undefined ? [] : [String(n)]
  }
  const check = jobWhere(/bash \.ci\/run/)
  const publish = jobWhere(/npm publish/)
  const gh = jobWhere(/gh release create/)
  if (check.length !== 1) problems.push(`jobs running .ci/run: ${check.join()}`)
  if (publish.length !== 1) problems.push(`jobs publishing: ${publish.join()}`)
  if (gh.length !== 1) problems.push(`jobs making the release: ${gh.join()}`)
  const [c, p, g] = [check[0] ?? '', publish[0] ?? '', gh[0] ?? '']
  if (!/node scripts\/release-notes\.mjs "\$TAG"/.test(jobRuns(jobs[c] ?? {})))
    problems.push(`${c}: does not check the tag with release-notes.mjs`)
  if (
    !/git merge-base --is-ancestor HEAD origin\/main/.test(
      jobRuns(jobs[c] ?? {}),
    )
  )
    problems.push(`${c}: does not check that the tagged commit is on main`)
  if (!needs(p).includes(c)) problems.push(`${p} does not need ${c}`)
  if (!needs(g).includes(p)) problems.push(`${g} does not need ${p}`)
  if (!/npm publish --provenance --access public/.test(jobRuns(jobs[p] ?? {})))
    problems.push(`${p}: not npm publish --provenance --access public`)
  if (
    !/release-notes\.mjs "\$TAG" >"\$notes"[\s\S]*--notes-file "\$notes"/.test(
      jobRuns(jobs[g] ?? {}),
    )
  )
    problems.push(`${g}: the notes are not release-notes.mjs's`)

  const expected: Record<string, Record<string, string>> = {
    [c]: { contents: 'read' },
    [p]: { contents: 'read', 'id-token': 'write' },
    [g]: { contents: 'write' },
  }
  for (const job of Object.keys(jobs)) {
    const want = expected[job] ?? { contents: 'read' }
    if (JSON.stringify(perms[job]) !== JSON.stringify(want))
      problems.push(
        `${job} permissions: ${JSON.stringify(perms[job])}, not ${JSON.stringify(want)}`,
      )
  }

  for (const { job, index, step } of stepsOf(doc)) {
    const env = isObject(step.env) ? step.env : {}
    const secretsIn = [
      ...Object.entries(env).filter(([, v]) => String(v).includes('secrets.')),
      ...Object.entries(isObject(step.with) ? step.with : {}).filter(([, v]) =>
        String(v).includes('secrets.'),
      ),
    ].map(([k, v]) => `${k}=${String(v)}`)
    const publishes =
      typeof step.run === 'string' && /npm publish/.test(step.run)
    const allowed = publishes
      ? ['NODE_AUTH_TOKEN=${{ secrets.NPM_TOKEN }}']
      : []
    if (JSON.stringify(secretsIn) !== JSON.stringify(allowed))
      problems.push(
        `${job}.steps[${index}] secrets: ${secretsIn.join(', ') || 'none'}`,
      )
  }
  return problems
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
  for (const f of [
    'test.yml',
    'self-test.yml',
    'fleet-audit.yml',
    'release.yml',
  ])
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
  const pkg = JSON.parse(read(path.join(ROOT, 'package.json')))
  assert.deepEqual(actionProblems(doc, pkg.author), [])
  assert.deepEqual(unpinnedUses(doc), [])
  assert.deepEqual(expressionsInRun(doc), [])
})

test('the action rules catch a bad action.yml', () => {
  const doc = readDoc(
    [
      'name: sigvec-check',
      `description: ${'x'.repeat(125)}`,
      'author: sigvec-check',
      'runs:\n  using: node20\n  main: lib/main.js\n',
    ].join('\n'),
  )
  assert.deepEqual(actionProblems(doc, 'sigvec-check'), [
    'description has 125 characters; the Marketplace takes at most 124',
    'author "sigvec-check" is not package.json\'s author',
    'runs.using is node20, not node24',
    'runs.main is lib/main.js, not dist/index.js',
    'no branding.icon',
    'no branding.color',
  ])
  assert.deepEqual(
    actionProblems(
      readDoc(`description: ${'é'.repeat(124)}\nauthor: A\n`),
      'A <a@example.invalid>',
    ).slice(0, 1),
    ['runs.using is undefined, not node24'],
  )
  assert.deepEqual(
    actionProblems(readDoc('author: A\n'), 'B <b@example.invalid>').slice(0, 2),
    ['no description', 'author "A" is not package.json\'s author'],
  )
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

test('release.yml: a tag starts it, each job holds only what it uses', () => {
  assert.deepEqual(
    releaseWorkflowProblems(read(path.join(WORKFLOWS, 'release.yml'))),
    [],
  )
})

test('the release rules catch a careless release workflow', () => {
  const bad = `
on:
  push:
    branches: [main]
    tags: ['v*']
  workflow_dispatch:
permissions:
  contents: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
  publish:
    runs-on: ubuntu-latest
    permissions:
      contents: write
      id-token: write
    steps:
      - env:
          NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}
          GH: \${{ secrets.PAT }}
        run: npm publish
  release:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - run: gh release create "$TAG" --generate-notes
`
  assert.deepEqual(releaseWorkflowProblems(bad), [
    'triggers: push, workflow_dispatch',
    'push: {"branches":["main"],"tags":["v*"]}, not only tags vX.Y.Z',
    'top-level permissions: {"contents":"write"}, not {}',
    'jobs running .ci/run: ',
    ': does not check the tag with release-notes.mjs',
    ': does not check that the tagged commit is on main',
    'publish does not need ',
    'release does not need publish',
    'publish: not npm publish --provenance --access public',
    "release: the notes are not release-notes.mjs's",
    'check permissions: {}, not {"contents":"read"}',
    'publish permissions: {"contents":"write","id-token":"write"}, not {"contents":"read","id-token":"write"}',
    'release permissions: {"id-token":"write"}, not {"contents":"write"}',
    'publish.steps[0] secrets: NODE_AUTH_TOKEN=${{ secrets.NPM_TOKEN }}, GH=${{ secrets.PAT }}',
  ])
})
