// Captured hosts (test/fixtures/hosts/*): real strings of real kernels,
// audited offline through the CLI bundle, each against the expectations
// written in its host.json from the published facts.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { ROOT } from './support/action.js'
import {
  asNobody,
  copyForNobody,
  tempDirForNobody,
  whyNobodyCannotReach,
} from '../harness/privileges.js'
import { foldersRemovedAfter } from './support/folders.js'

const HOSTS = path.join(ROOT, 'test', 'fixtures', 'hosts')

interface HostSpec {
  description: string
  options?: { goVersion?: string; memlockThreads?: number }
  unreadable?: string[]
  expect: {
    status: string
    kernelRelease: string | null
    kernelVersion: string | null
    compiler: string | null
    inAffectedRange: boolean | null
    goWorkaround: string
    memlockSoft: number | 'unlimited' | null
    memlockSufficient: boolean | null
    container: boolean
    arch: string | null
    avx: boolean | null
  }
}

const EXIT: Record<string, number> = {
  unaffected: 0,
  'not-applicable': 0,
  affected: 2,
  vulnerable: 2,
  unknown: 3,
}

const hosts = fs
  .readdirSync(HOSTS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()

const dirs = foldersRemovedAfter()

/** A copy nobody may read, but for the files the host marks unreadable. */
function lockedCopy(name: string, unreadable: string[]): string {
  const dir = tempDirForNobody('sigvec-host-')
  dirs.push(dir)
  const root = copyForNobody(path.join(HOSTS, name), dir)
  for (const rel of unreadable) fs.chmodSync(path.join(root, rel), 0)
  return root
}

/**
 * The CLI bundle as nobody can run it: the checkout may sit where only root
 * can enter (a clone under /root), so dist/ is copied out, once.
 */
let cliCopy: string | null = null
function cliForNobody(): string {
  if (!cliCopy) {
    const dir = tempDirForNobody('sigvec-dist-')
    dirs.push(dir)
    cliCopy = path.join(copyForNobody(path.join(ROOT, 'dist'), dir), 'cli.js')
  }
  return cliCopy
}

test('the corpus holds at least 15 captured hosts', () => {
  assert.ok(hosts.length >= 15, `${hosts.length} hosts`)
})

for (const name of hosts) {
  const spec = JSON.parse(
    fs.readFileSync(path.join(HOSTS, name, 'host.json'), 'utf8'),
  ) as HostSpec
  test(`${name}: ${spec.description}`, (t) => {
    const unreadable = spec.unreadable ?? []
    // Runs as nobody, who must be able to start node itself.
    const nodeBlocked = unreadable.length
      ? whyNobodyCannotReach(process.execPath, 'run')
      : null
    if (nodeBlocked) {
      t.skip(`cannot run as nobody: ${nodeBlocked}`)
      return
    }
    const root = unreadable.length
      ? lockedCopy(name, unreadable)
      : path.join(HOSTS, name)
    const cliJs = unreadable.length
      ? cliForNobody()
      : path.join(ROOT, 'dist', 'cli.js')
    const args = [cliJs, '--root', root, '--json']
    if (spec.options?.goVersion)
      args.push('--go-version', spec.options.goVersion)
    if (spec.options?.memlockThreads) {
      args.push('--memlock-threads', String(spec.options.memlockThreads))
    }
    const argv = unreadable.length
      ? asNobody([process.execPath, ...args])
      : [process.execPath, ...args]
    const r = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8' })
    assert.equal(r.stderr, '')
    const report = JSON.parse(r.stdout)
    const e = spec.expect
    const got = {
      status: report.status,
      kernelRelease: report.kernel.release,
      kernelVersion: report.kernel.level,
      compiler: report.kernel.compiler,
      inAffectedRange: report.kernel.inAffectedRange,
      goWorkaround: report.go.workaround,
      memlockSoft: report.go.memlockSoft,
      memlockSufficient: report.go.memlockSufficient,
      container: report.host.container.detected,
      arch: report.host.arch,
      avx: report.host.cpu ? report.host.cpu.avx : null,
    }
    const want = Object.fromEntries(
      Object.keys(got).map((k) => [k, e[k as keyof typeof e]]),
    )
    assert.deepEqual(
      got,
      want,
      report.reasons.map((x: { code: string }) => x.code).join(' '),
    )
    assert.equal(r.status, EXIT[e.status])
    for (const rel of unreadable) {
      const fact = report.host.facts.find(
        (f: { source: string }) => f.source === `/${rel}`,
      )
      assert.ok(fact, `no fact read from /${rel}`)
      assert.match(fact.error, /^unreadable \(EACCES\)/)
    }
  })
}
