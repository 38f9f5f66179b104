// The alerting rules in prometheus/ against the real `--prometheus` output:
// every metric and label value they ask for is one the CLI prints, promtool
// accepts that output, and the rules fire over it for exactly the hosts
// whose Report says so. The CI (.ci/run) installs promtool, so there these
// tests never skip.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { after, test } from 'node:test'
import YAML from 'yaml'
import { ROOT } from './support/action.js'
import { cli } from './support/cli.js'
import { parseExposition } from './support/exposition.js'
import { HOSTS, folder, removeFolders } from './support/merge.js'
import { packedFiles } from './support/pack.js'

after(removeFolders)

const RULES = path.join(ROOT, 'prometheus', 'sigvec-check.rules.yml')
const RULES_TEST = path.join(ROOT, 'prometheus', 'sigvec-check.rules.test.yml')

const promtoolFound = !spawnSync('promtool', ['--version']).error
const needPromtool = promtoolFound
  ? false
  : 'promtool is not on PATH (Debian: apt-get install prometheus)'

function promtool(args: string[], input?: string) {
  const r = spawnSync('promtool', args, { encoding: 'utf8', input })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

type Sample = ReturnType<typeof parseExposition>[number]

interface Host {
  /** The `instance` label a scrape of this host would add. */
  instance: string
  text: string
  samples: Sample[]
  /** The cron job stopped right after this audit. */
  stopped: boolean
  /** The alerts the rules must raise for this host, and no others. */
  alerts: string[]
}

const MEMLOCK = 'SigvecCheckMemlockInsufficient'
const VULNERABLE = 'SigvecCheckVulnerable'

function audit(
  instance: string,
  args: string[],
  alerts: string[],
  stopped = false,
  env: NodeJS.ProcessEnv = process.env,
): Host {
  const r = cli([...args, '--prometheus'], env)
  assert.notEqual(r.stdout, '', `${instance}: ${r.stderr}`)
  const samples = parseExposition(r.stdout)
  return { instance, text: r.stdout, samples, stopped, alerts }
}

function root(name: string): string[] {
  return ['--root', path.join(HOSTS, name)]
}

/** Captured hosts, audited offline, and a drill on this machine. */
function fleet(): Host[] {
  const hosts = [
    audit('vulnerable-fatal', root('arch-5.4.1-gcc9'), [VULNERABLE, MEMLOCK]),
    audit(
      'vulnerable-silent',
      [...root('arch-5.4.1-gcc9'), '--go-version', '1.15.5'],
      [VULNERABLE, MEMLOCK],
    ),
    // Unaffected (really 5.4.13), but Go reads "5.4.0" as buggy.
    audit('go-mlock-fails', root('debian-sid-5.4.0-3-real-5.4.13'), [MEMLOCK]),
    audit('memlock-unlimited', root('fedora30-5.2.18-unlimited-memlock'), [
      VULNERABLE,
    ]),
    audit('clean', root('gha-ubuntu-22.04-6.5.0-1025-azure'), []),
    // A fixed kernel with a 64 KiB limit: memlock_sufficient 0, but Go never
    // mlocks here, so no memlock alert.
    audit('fixed-low-memlock', root('codespace-5.15.0-1041-azure'), []),
    audit(
      'cron-stopped',
      root('gha-ubuntu-22.04-6.5.0-1025-azure'),
      ['SigvecCheckAuditStale'],
      true,
    ),
  ]
  // A drill: the reproducer really runs and reports the corruption it
  // injects, so this output is a real `affected` one. Go's view of this
  // machine's memlock is whatever the Report says.
  const cache = folder()
  const drill = audit('drill', ['--drill'], ['SigvecCheckAffected'], false, {
    ...process.env,
    RUNNER_TOOL_CACHE: cache,
    RUNNER_TEMP: cache,
  })
  const workaround = drill.samples.find(
    (s) => s.name === 'sigvec_check_go_workaround',
  )?.labels.workaround
  if (/^mlock-fails-/.test(workaround ?? '')) drill.alerts.push(MEMLOCK)
  return [...hosts, drill]
}

let hosts: Host[] | undefined
function audited(): Host[] {
  hosts ??= fleet()
  return hosts
}

interface Rule {
  alert: string
  expr: string
  annotations: Record<string, string>
}

function rules(): Rule[] {
  const doc = YAML.parse(fs.readFileSync(RULES, 'utf8')) as {
    groups: Array<{ rules: Rule[] }>
  }
  return doc.groups.flatMap((g) => g.rules)
}

/** The labels a scrape adds to every sample: not the CLI's to print. */
const SCRAPE_LABELS = new Set(['instance', 'job'])

test('every metric and label value the rules ask for is in real output', () => {
  const samples = audited().flatMap((h) => h.samples)
  const printed = new Set(samples.flatMap((s) => Object.keys(s.labels)))
  let selectors = 0
  for (const rule of rules()) {
    const names = rule.expr.match(/\bsigvec_check_\w+/g) ?? []
    assert.ok(names.length > 0, `${rule.alert} reads a sigvec_check metric`)
    for (const name of names) {
      assert.ok(
        samples.some((s) => s.name === name),
        `${rule.alert}: ${name} is printed`,
      )
    }
    for (const [, name, matchers] of rule.expr.matchAll(
      /\b(sigvec_check_\w+)\{([^}]*)\}/g,
    )) {
      for (const [, label, op, value] of (matchers as string).matchAll(
        /(\w+)\s*(=~|=)\s*"([^"]*)"/g,
      )) {
        const values = op === '=~' ? (value as string).split('|') : [value]
        for (const v of values) {
          selectors++
          assert.ok(
            samples.some((s) => s.name === name && s.labels[label!] === v),
            `${rule.alert}: ${name}{${label}="${v}"} is printed`,
          )
        }
      }
    }
    const used = [
      ...Object.values(rule.annotations)
        .join(' ')
        .matchAll(/\$labels\.(\w+)/g),
      ...rule.expr.matchAll(/group_left\s*\((\w+)\)/g),
    ].map((m) => m[1] as string)
    for (const label of used) {
      assert.ok(
        SCRAPE_LABELS.has(label) || printed.has(label),
        `${rule.alert}: label ${label} is printed or added by the scrape`,
      )
    }
  }
  // affected, vulnerable, mlock-fails-fatal, mlock-fails-silent
  assert.equal(selectors, 4)
})

test(
  'promtool accepts the real output as metrics',
  { skip: needPromtool },
  () => {
    for (const h of audited()) {
      const r = promtool(['check', 'metrics'], h.text)
      assert.equal(r.code, 0, `${h.instance}: ${r.out}`)
    }
  },
)

test(
  'the rules pass promtool check and their own unit tests',
  {
    skip: needPromtool,
  },
  () => {
    const check = promtool(['check', 'rules', RULES])
    assert.equal(check.code, 0, check.out)
    assert.match(check.out, /SUCCESS: 4 rules found/)
    const unit = promtool(['test', 'rules', RULES_TEST])
    assert.equal(unit.code, 0, unit.out)
  },
)

/** A label value as PromQL writes it in a series selector. */
function quoted(v: string): string {
  return JSON.stringify(v)
}

/**
 * A host's real output as promtool input series, one sample a minute with
 * this `instance`. promtool's clock starts at 0, so the audit timestamp
 * becomes time since the audit: it ran at 0, and at every minute after
 * unless the cron job stopped.
 */
function inputSeries(h: Host, minutes: number) {
  return h.samples.map((s) => {
    const labels = { ...s.labels, instance: `${h.instance}:9100`, job: 'node' }
    const text = Object.entries(labels)
      .map(([k, v]) => `${k}=${quoted(v)}`)
      .join(',')
    const stamp = s.name === 'sigvec_check_last_audit_timestamp_seconds'
    const value = Number.isFinite(s.value)
      ? String(s.value)
      : s.value > 0
        ? '+Inf'
        : '-Inf'
    return {
      series: `${s.name}{${text}}`,
      values: stamp
        ? h.stopped
          ? `0x${minutes}`
          : `0+60x${minutes}`
        : // promtool reads `+Infx300` as a name; `+Inf+0x300` it takes.
          `${value}+0x${minutes}`,
    }
  })
}

test(
  'over real output the rules fire for exactly the hosts whose Report says so',
  {
    skip: needPromtool,
  },
  () => {
    const fleetHosts = audited()
    const firing = fleetHosts.flatMap((h) =>
      h.alerts.map((alert) => ({
        labels: `{alertname=${quoted(alert)},instance=${quoted(`${h.instance}:9100`)}}`,
        value: 1,
      })),
    )
    const low = fleetHosts.find((h) => h.instance === 'fixed-low-memlock')
    assert.equal(
      low?.samples.find((s) => s.name === 'sigvec_check_memlock_sufficient')
        ?.value,
      0,
    )
    // Every alert fires for some host, and a clean host has none.
    assert.deepEqual(
      [...new Set(fleetHosts.flatMap((h) => h.alerts))].sort(),
      rules()
        .map((r) => r.alert)
        .sort(),
    )
    const suite = {
      rule_files: [RULES],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: fleetHosts.flatMap((h) => inputSeries(h, 300)),
          promql_expr_test: [
            {
              // Four hours on: past every `for`, and three hours past the
              // stopped host's last audit.
              expr: 'count by (alertname, instance) (ALERTS{alertstate="firing"})',
              eval_time: '4h',
              exp_samples: firing,
            },
          ],
        },
      ],
    }
    // JSON is YAML, which promtool reads.
    const file = path.join(folder(), 'real-output.test.yml')
    fs.writeFileSync(file, JSON.stringify(suite, null, 2))
    const r = promtool(['test', 'rules', file])
    assert.equal(r.code, 0, r.out)
    assert.match(r.out, /SUCCESS/)
  },
)

test('the npm package ships the rules and their unit tests', () => {
  const files = packedFiles().map((f) => f.path)
  for (const file of [RULES, RULES_TEST])
    assert.ok(files.includes(path.relative(ROOT, file)), file)
})
