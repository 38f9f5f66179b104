// Every example in the README is checked against the real action.yml, the
// real input validation and the real CLI.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { parse } from 'yaml'
import { parseOptions } from '../src/options.js'
import { actionYml, ROOT } from './support/action.js'
import { cli } from './support/cli.js'

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
const ACTION = /^org\/sigvec-check@(v\d+(?:\.\d+\.\d+)?)$/

function blocks(lang: string): string[] {
  const re = new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g')
  return [...README.matchAll(re)].map((m) => m[1] as string)
}

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

/** Every step list anywhere in a parsed example. */
function stepsOf(doc: unknown): Step[] {
  if (Array.isArray(doc)) {
    const isSteps = doc.every(
      (s) => s && typeof s === 'object' && ('uses' in s || 'run' in s),
    )
    return isSteps ? (doc as Step[]) : doc.flatMap(stepsOf)
  }
  if (doc && typeof doc === 'object') return Object.values(doc).flatMap(stepsOf)
  return []
}

test('the README has the workflow examples this test reads', () => {
  assert.ok(blocks('yaml').length >= 5)
  assert.ok(blocks('sh').length >= 3)
})

test('every workflow example uses only real inputs with valid values', () => {
  const action = actionYml()
  for (const block of blocks('yaml')) {
    const steps = stepsOf(parse(block))
    for (const step of steps.filter((s) => ACTION.test(s.uses ?? ''))) {
      const withs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]),
      )
      for (const key of Object.keys(withs)) {
        assert.ok(key in action.inputs, `README uses input ${key}`)
      }
      const literal = (name: string) =>
        withs[name]?.includes('${{') ? '' : (withs[name] ?? '')
      assert.doesNotThrow(() => parseOptions(literal), JSON.stringify(withs))
    }
    for (const step of steps) {
      assert.ok(
        !step.run?.includes('${{'),
        `no expression inside run: ${step.run}`,
      )
    }
    for (const m of block.matchAll(/steps\.sigvec\.outputs\.([\w-]+)/g)) {
      assert.ok((m[1] as string) in action.outputs, `output ${m[1]}`)
    }
  }
})

test('every CLI flag in the README exists', () => {
  const help = cli(['--help']).stdout
  const text = blocks('sh').join('\n') + blocks('').join('\n')
  const lines = text
    .split('\n')
    .filter((l) => /sigvec-check|dist\/cli\.js/.test(l))
  assert.ok(lines.length > 0)
  for (const line of lines) {
    const cmd = line.slice(line.search(/sigvec-check|dist\/cli\.js/))
    for (const flag of cmd.match(/--[a-z][\w-]*/g) ?? []) {
      assert.ok(help.includes(flag), `${flag} (in: ${line.trim()})`)
    }
  }
})

test("the cron recipe's command prints Prometheus lines here", () => {
  const r = cli(['--prometheus', '--no-reproduce'])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /^# HELP sigvec_check_status /m)
  assert.match(
    r.stdout,
    /^sigvec_check_status\{host="[^"]+",status="unaffected"\} 1$/m,
  )
  assert.match(
    README,
    /sigvec_check_status\{status=~"affected\|vulnerable"\} == 1/,
  )
  assert.match(
    r.stdout,
    /^sigvec_check_memlock_sufficient\{host="[^"]+"\} [01]$/m,
  )
})

/**
 * Install lines that do not name `version` exactly: npx or npm install of
 * sigvec-check without `@version`, and `npx --yes` (which installs without
 * asking) of any package without an exact version.
 */
function unpinnedInstalls(text: string, version: string): string[] {
  const problems: string[] = []
  const exact = /@\d+\.\d+\.\d+$/
  const ours = /^sigvec-check(@|$)/
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(
      /\bnpx((?:\s+-[-\w]+(?:=\S+)?)*)\s+([^\s`'"]+)/g,
    )) {
      const [flags, spec] = [m[1] ?? '', m[2] ?? '']
      if (ours.test(spec) && spec !== `sigvec-check@${version}`)
        problems.push(
          `npx of ${spec}, not sigvec-check@${version}: ${line.trim()}`,
        )
      else if (/(^|\s)(--yes|-y)\b/.test(flags) && !exact.test(spec))
        problems.push(
          `npx --yes of ${spec} without an exact version: ${line.trim()}`,
        )
    }
    for (const m of line.matchAll(/\bnpm\s+(?:install|i|add)\b([^`;&|#]*)/g)) {
      for (const arg of (m[1] ?? '').trim().split(/\s+/)) {
        if (ours.test(arg) && arg !== `sigvec-check@${version}`)
          problems.push(
            `npm install of ${arg}, not sigvec-check@${version}: ${line.trim()}`,
          )
      }
    }
  }
  return problems
}

/** `uses:` of this action that name neither its major tag nor its release. */
function wrongActionRefs(text: string, version: string): string[] {
  const major = `v${version.split('.')[0]}`
  return [...text.matchAll(/org\/sigvec-check@([^\s`'"]+)/g)]
    .map((m) => m[1] ?? '')
    .filter(
      (ref) => ref !== major && ref !== `v${version}` && ref !== '<commit>',
    )
}

test('the pin rules catch unpinned and wrongly pinned installs', () => {
  const bad = [
    'npx sigvec-check merge reports/',
    '0 * * * * root npx --yes sigvec-check --prometheus',
    'npx -y sigvec-check@latest',
    'npx --yes sigvec-check@0.9.0 --json',
    'npx --yes cowsay hello',
    'npx --yes --package=x cowsay@^1.0.0',
    'sudo npm install -g sigvec-check',
    'npm i -g sigvec-check@^1.2.3',
    'npm install --global --prefix /opt sigvec-check@1.2.4',
    '`npm add sigvec-check`',
  ]
  for (const line of bad)
    assert.equal(unpinnedInstalls(line, '1.2.3').length, 1, line)
  const good = [
    '0 * * * * root npx --yes sigvec-check@1.2.3 --prometheus > x',
    'npx --yes cowsay@1.0.0',
    'npm install -g --prefix /opt sigvec-check@1.2.3 # comment sigvec-check',
    'npm ci && npm test',
    'npm install',
    'run npx prettier --write on files you touch',
  ]
  for (const line of good)
    assert.deepEqual(unpinnedInstalls(line, '1.2.3'), [], line)
  assert.deepEqual(
    wrongActionRefs(
      [
        'uses: org/sigvec-check@v1',
        'uses: org/sigvec-check@v1.2.3',
        'uses: org/sigvec-check@<commit> # v1.2.3',
        'uses: org/sigvec-check@v2',
        'uses: org/sigvec-check@main',
        '`org/sigvec-check@v1.2.2`',
      ].join('\n'),
      '1.2.3',
    ),
    ['v2', 'main', 'v1.2.2'],
  )
})

/** README.md and every Markdown file under docs/. */
function docsText(): Array<[string, string]> {
  const docs = fs
    .readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f))
  return ['README.md', ...docs].map((f) => [
    f,
    fs.readFileSync(path.join(ROOT, f), 'utf8'),
  ])
}

test("every install line in README.md and docs/ names package.json's version", () => {
  assert.match(PKG.version, /^\d+\.\d+\.\d+$/)
  for (const [file, text] of docsText()) {
    assert.deepEqual(unpinnedInstalls(text, PKG.version), [], file)
    assert.deepEqual(wrongActionRefs(text, PKG.version), [], file)
  }
  // The recipes that run as root name the exact version.
  assert.match(
    README,
    new RegExp(
      `root npx --yes sigvec-check@${PKG.version.replaceAll('.', '\\.')} `,
    ),
  )
  assert.match(
    README,
    new RegExp(
      `sudo npm install -g sigvec-check@${PKG.version.replaceAll('.', '\\.')}\n`,
    ),
  )
})

test('a recipe on self-hosted runners uses the exact release', () => {
  let selfHosted = 0
  for (const block of blocks('yaml')) {
    if (!block.includes('self-hosted')) continue
    const uses = stepsOf(parse(block))
      .map((s) => ACTION.exec(s.uses ?? '')?.[1])
      .filter((ref) => ref !== undefined)
    assert.ok(uses.length > 0, block)
    assert.deepEqual(
      uses,
      uses.map(() => `v${PKG.version}`),
      block,
    )
    selfHosted++
  }
  assert.ok(selfHosted > 0, 'no self-hosted recipe')
})

test("package.json names the repository the README's uses: lines name", () => {
  const repo = 'https://github.com/org/sigvec-check'
  assert.match(README, /uses: org\/sigvec-check@/)
  assert.deepEqual(PKG.repository, { type: 'git', url: `git+${repo}.git` })
  assert.equal(PKG.bugs?.url, `${repo}/issues`)
  assert.ok(String(PKG.homepage).startsWith(repo), PKG.homepage)
  assert.ok(Array.isArray(PKG.keywords) && PKG.keywords.length > 0)
  // Everything runs from the bundles: nothing for npm to fetch beside them.
  assert.equal(PKG.dependencies, undefined)
})
