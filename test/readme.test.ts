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
    for (const step of steps.filter((s) => s.uses === 'org/sigvec-check@v1')) {
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
