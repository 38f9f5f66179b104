// The Report and what is rendered from it (outputs, annotations, the job
// summary, the terminal text, the Prometheus lines), one row per captured
// host × reproducer evidence, built as src/audit.ts builds it: host facts →
// assessment → evidence → verdict → decision → Report. The evidence is real:
// the reproducer is compiled once and run on this machine.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { assess } from '../src/assess.js'
import { runBuilt } from '../src/audit.js'
import {
  compileReproducer,
  nativeDir,
  type ReproducerBuild,
} from '../src/compile.js'
import { readHostFacts, type HostFacts } from '../src/host.js'
import { parseOptions, type Options } from '../src/options.js'
import { renderPrometheus } from '../src/prometheus.js'
import {
  buildReport,
  renderSummary,
  renderText,
  reportAnnotations,
  reportOutputs,
  type Annotation,
  type Report,
} from '../src/report.js'
import {
  evidenceFromBuildFailure,
  evidenceFromSkip,
  parseMlockProbeLine,
  type ReproducerEvidence,
} from '../src/evidence.js'
import { planRun } from '../src/reproducer.js'
import { decide, decideVerdict } from '../src/verdict.js'
import { STATUSES, type Status } from '../src/status.js'
import { ROOT } from './support/action.js'
import { preemptsInKernelMode } from '../src/kernel.js'

const HOSTS = path.join(ROOT, 'test', 'fixtures', 'hosts')
const HERE_PREEMPTS = preemptsInKernelMode(
  fs.readFileSync('/proc/sys/kernel/version', 'utf8'),
)
const REPORT_FILE = '/home/runner/work/_temp/sigvec-check-report.json'
const NOW = new Date('2025-03-04T05:06:07.000Z')

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-report-'))
let build: ReproducerBuild | null = null
before(async () => {
  // Built privately: a tool cache shared with other tests is not touched.
  const built = await compileReproducer({
    compiler: 'cc',
    nativeDir: nativeDir(),
    tempDir: temp,
    toolCacheDir: null,
  })
  assert.ok(built.ok, built.ok ? '' : `${built.reason}\n${built.output}`)
  build = built
})
after(async () => {
  await build?.dispose()
  fs.rmSync(temp, { recursive: true, force: true })
})

function built(): ReproducerBuild {
  assert.ok(build, 'the reproducer was not built')
  return build
}

/** The reproducer's evidence, each kind made the way the audit makes it. */
type Evidence =
  'skipped' | 'clean' | 'clean-stress' | 'drill' | 'build-failure' | 'error'

async function makeEvidence(
  kind: Evidence,
  options: Options,
  finding: Parameters<typeof planRun>[1],
): Promise<ReproducerEvidence> {
  const log = () => {}
  switch (kind) {
    case 'skipped': {
      const plan = planRun(options.reproduce, finding)
      assert.equal(plan.run, false, plan.why)
      return evidenceFromSkip(plan.why, options.drill)
    }
    case 'clean':
    case 'clean-stress':
    case 'drill':
      return runBuilt(built(), options, { log, ioDir: temp })
    case 'build-failure': {
      // A checkout cut short: the reproducer's main unit ends halfway.
      const dir = path.join(temp, 'native-cut')
      fs.cpSync(nativeDir(), dir, { recursive: true })
      const unit = fs
        .readdirSync(dir)
        .filter((n) => n.endsWith('.c'))
        .sort()[0] as string
      const text = fs.readFileSync(path.join(dir, unit), 'utf8')
      fs.writeFileSync(path.join(dir, unit), text.slice(0, text.length / 2))
      const failed = await compileReproducer({
        compiler: options.compiler,
        nativeDir: dir,
        tempDir: temp,
        toolCacheDir: null,
      })
      assert.equal(failed.ok, false)
      if (failed.ok) throw new Error('unreachable')
      return evidenceFromBuildFailure(failed, options.drill)
    }
    case 'error': {
      // A temp folder mounted noexec: the binary is there, exec is refused.
      const copy = path.join(temp, 'sigvec-repro-noexec')
      fs.copyFileSync(built().binary, copy)
      fs.chmodSync(copy, 0o644)
      return runBuilt({ ...built(), binary: copy }, options, {
        log,
        ioDir: temp,
      })
    }
  }
}

/** A captured host: its folder, and its host.json (options, oracle). */
interface HostSpec {
  options?: { goVersion?: string; memlockThreads?: number }
  expect: {
    kernelRelease: string | null
    kernelVersion: string | null
    compiler: string | null
    inAffectedRange: boolean | null
    goWorkaround: string
    memlockSoft: number | 'unlimited' | null
    memlockSufficient: boolean | null
  }
}

function hostSpec(name: string): HostSpec {
  return JSON.parse(
    fs.readFileSync(path.join(HOSTS, name, 'host.json'), 'utf8'),
  ) as HostSpec
}

/** The outputs host.json's hand-made oracle already settles. */
function hostOutputs(name: string): Record<string, string> {
  const e = hostSpec(name).expect
  const str = (v: string | number | boolean | null) =>
    v === null ? '' : String(v)
  return {
    'kernel-release': str(e.kernelRelease),
    'kernel-version': str(e.kernelVersion),
    'kernel-compiler': str(e.compiler),
    'in-affected-range': str(e.inAffectedRange),
    'go-workaround': e.goWorkaround,
    'memlock-limit': str(e.memlockSoft),
    'memlock-sufficient': str(e.memlockSufficient),
  }
}

/** The facts of a captured host, changed as the row says. */
async function hostFacts(row: Row): Promise<HostFacts> {
  let root = path.join(HOSTS, row.host)
  if (row.linked) {
    // A capture whose file is a link: the tree refuses it, as root too
    // (a chmod 000 would not stop root from reading it).
    root = path.join(temp, row.host)
    fs.cpSync(path.join(HOSTS, row.host), root, { recursive: true })
    fs.rmSync(path.join(root, row.linked))
    fs.symlinkSync(`/${row.linked}`, path.join(root, row.linked))
  }
  const goVersion = hostSpec(row.host).options?.goVersion ?? null
  const facts = await readHostFacts({ root, goVersion })
  // As the audit sets it where it tried a real mlock.
  return row.mlockProbe
    ? { ...facts, mlockProof: parseMlockProbeLine(row.mlockProbe) }
    : facts
}

async function reportFor(row: Row): Promise<Report> {
  const threads = hostSpec(row.host).options?.memlockThreads
  const raw: Record<string, string> = {
    ...(threads ? { 'memlock-threads': String(threads) } : {}),
    ...row.inputs,
  }
  const options = parseOptions((name) => raw[name] ?? '')
  const facts = await hostFacts(row)
  const assessment = assess(facts, { memlockThreads: options.memlockThreads })
  const evidence = await makeEvidence(
    row.evidence,
    options,
    assessment.kernel.finding,
  )
  const verdict = decideVerdict(assessment, evidence)
  const decision = decide(verdict.status, options, undefined)
  return buildReport({
    toolVersion: '0.1.0',
    facts,
    assessment,
    evidence,
    verdict,
    options,
    decision,
    now: NOW,
  })
}

interface Row {
  name: string
  /** A folder of test/fixtures/hosts; its host.json gives the Go version. */
  host: string
  evidence: Evidence
  /** Action inputs as a workflow gives them. */
  inputs?: Record<string, string>
  /** A file of the capture replaced by a link, which the tree refuses. */
  linked?: string
  /** The probe's line, as a real mlock by the audit printed it. */
  mlockProbe?: string
  expect: {
    status: Status
    /** Outputs beyond the host's own (host.json) and the status. */
    outputs: { reproducer: string; 'reproducer-mode': string } & Record<
      string,
      string
    >
    annotations: Array<[Annotation['level'], string]>
    /** Lines each renderer must show; the first is its first line. */
    summary: Array<string | RegExp>
    text: Array<string | RegExp>
    prometheus: Array<string | RegExp>
    /** Reason codes the verdict or the Go view must give. */
    reasons: string[]
    /** Fact rows of the Report: name → [value, error]. */
    facts: Record<string, [string | null, string | null]>
  }
}

/** Every output, in action.yml's and the README's order. */
const OUTPUT_KEYS = [
  'status',
  'kernel-release',
  'kernel-version',
  'kernel-compiler',
  'in-affected-range',
  'reproducer',
  'reproducer-mode',
  'go-workaround',
  'memlock-limit',
  'memlock-sufficient',
  'mitigation',
  'godebug',
  'report',
]

const NO_UID_MAP: [null, string] = [null, 'missing (ENOENT)']
const NO_MLOCK: [null, string] = [
  null,
  'not tried, or no answer: it is tried only on the audited machine itself, where Go 1.14–1.15 would lock memory',
]
const NO_OUTPUTS = { reproducer: 'skipped', 'reproducer-mode': '' }
const MEMLOCK_LOW = 'sigvec-check: memlock too low for Go 1.14–1.15'
/**
 * `sigvec-repro --mlock-probe 262144` refused under Docker's default 64 KiB,
 * in the probe's own format (parseMlockProbeLine; the probe's unit is not in
 * native/ at this commit, so the line is recorded rather than run).
 */
const PROBE_REFUSED =
  '{"version":1,"mlockProbe":{"bytes":262144,"lockedBytes":262144,"ok":false,"call":"mlock","errno":12,"error":"ENOMEM"}}'

const ARCH = 'arch-5.4.1-gcc9'
const ROWS: Row[] = [
  {
    name: 'GitHub-hosted ubuntu-24.04 (6.8, gcc 13), reproducer skipped by auto',
    host: 'gha-ubuntu-24.04-6.8.0-1021-azure',
    evidence: 'skipped',
    expect: {
      status: 'unaffected',
      outputs: NO_OUTPUTS,
      annotations: [],
      summary: [
        '## ✅ sigvec-check: `unaffected`',
        '| Reproducer | skipped (reproduce: auto, and the kernel is already settled as unaffected) |',
        '| Decision | passes (fail-on: vulnerable) |',
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        '  upstream level     6.8.12 (from /proc/version_signature)',
        '  memlock            8 MiB; needs 262144 bytes for 64 threads: enough',
      ],
      prometheus: [
        'sigvec_check_kernel_info{host="unknown",release="6.8.0-1021-azure",version="6.8.12",compiler="gcc 13.3.0"} 1',
        'sigvec_check_kernel_in_affected_range{host="unknown"} 0',
        'sigvec_check_reproducer{host="unknown",result="skipped",drill="false"} 1',
        'sigvec_check_go_workaround{host="unknown",workaround="not-triggered"} 1',
      ],
      reasons: ['fixed-upstream', 'go-not-triggered'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Arch 5.4.1 (gcc 9), reproduce: never, fail-on: vulnerable',
    host: ARCH,
    evidence: 'skipped',
    inputs: { reproduce: 'never' },
    expect: {
      status: 'vulnerable',
      outputs: NO_OUTPUTS,
      annotations: [
        ['error', 'sigvec-check: vulnerable'],
        ['warning', 'sigvec-check: reproducer skipped'],
        ['warning', MEMLOCK_LOW],
      ],
      summary: [
        '## ⚠️ sigvec-check: `vulnerable`',
        '| Reproducer | skipped (reproduce: never) |',
        '| Decision | step fails (fail-on: vulnerable) |',
        '| shell (KiB) | `ulimit -l 65536` |',
      ],
      text: [
        'sigvec-check: VULNERABLE',
        '  reproducer         skipped (reproduce: never)',
        "  * Upgrade the kernel: Boot 5.4.2+ or 5.5+, or a distribution build with commit 59c4bd853abc. Containers share the host's kernel: upgrade the host.",
      ],
      prometheus: [
        'sigvec_check_kernel_in_affected_range{host="unknown"} 1',
        'sigvec_check_reproducer{host="unknown",result="skipped",drill="false"} 1',
      ],
      reasons: ['in-affected-range', 'built-by-gcc-9-or-later'],
      facts: {
        CAP_IPC_LOCK: ['no', null],
        'user namespace': NO_UID_MAP,
        'real mlock': NO_MLOCK,
      },
    },
  },
  {
    name: 'Arch 5.4.1 (gcc 9), reproduce: never, fail-on: never',
    host: ARCH,
    evidence: 'skipped',
    inputs: { reproduce: 'never', 'fail-on': 'never' },
    expect: {
      status: 'vulnerable',
      outputs: NO_OUTPUTS,
      annotations: [
        ['warning', 'sigvec-check: vulnerable'],
        ['warning', 'sigvec-check: reproducer skipped'],
        ['warning', MEMLOCK_LOW],
      ],
      summary: [
        '## ⚠️ sigvec-check: `vulnerable`',
        '| Decision | passes (fail-on: never) |',
      ],
      text: ['sigvec-check: VULNERABLE'],
      prometheus: [],
      reasons: ['in-affected-range', 'built-by-gcc-9-or-later'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Arch 5.4.1 (gcc 9), a real drill: corruption injected on purpose',
    host: ARCH,
    evidence: 'drill',
    inputs: { drill: 'true', duration: '30s' },
    expect: {
      status: 'affected',
      outputs: { reproducer: 'corrupted', 'reproducer-mode': 'uffd' },
      annotations: [
        ['error', 'DRILL — sigvec-check: affected'],
        ['warning', MEMLOCK_LOW],
      ],
      summary: [
        '## 🛑 sigvec-check: `affected` (DRILL)',
        '> [!WARNING]',
        '| Result | **corrupted** (DRILL: corruption injected on purpose) |',
        /^\| Self-test \| passed: found its injected corruption in \d+ ms \|$/,
        /^\| Reproducer \| corrupted — DRILL: uffd mode, [\d.]+ s, \d+ faulting deliveries; ymm\d+ of task \d+ held a injected canary/,
      ],
      text: [
        'sigvec-check: AFFECTED (DRILL)',
        "  DRILL: the reproducer injected corruption on purpose to rehearse this workflow's reaction; Linux 5.4.1-arch1-1 itself was not judged by it.",
      ],
      prometheus: [
        'sigvec_check_reproducer{host="unknown",result="corrupted",mode="uffd",drill="true"} 1',
        /^sigvec_check_reproducer_faulting_deliveries\{host="unknown"\} [1-9]\d*$/,
      ],
      reasons: ['drill-corruption'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Arch 5.4.1 (gcc 9), cleared by a real clean uffd run',
    host: ARCH,
    evidence: 'clean',
    inputs: { mode: 'uffd', duration: '30s' },
    expect: {
      status: 'unaffected',
      outputs: { reproducer: 'clean', 'reproducer-mode': 'uffd' },
      annotations: [['warning', MEMLOCK_LOW]],
      summary: [
        '## ✅ sigvec-check: `unaffected`',
        '| Result | **clean** |',
        '| Mode | uffd — requested: --mode uffd |',
        /^\| Reproducer \| clean: uffd mode, [\d.]+ s, \d+ faulting deliveries, miss probability (below 1e-12|\d\.\de-\d+) \|$/,
        /^\| Miss probability \| .* Clearing takes 31 live faulting deliveries \(miss probability below 1e-6\)\./,
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        /^ {2}- The reproducer ran \d+ live faulting signal deliveries in [\d.]+ s \(uffd mode\) without corruption; a kernel with the bug would have stayed clean with probability .* \[reproducer-clean\]$/,
      ],
      prometheus: [
        'sigvec_check_reproducer{host="unknown",result="clean",mode="uffd",drill="false"} 1',
        /^sigvec_check_reproducer_miss_probability\{host="unknown"\} (0|\d(\.\d+)?e-\d+)$/,
      ],
      reasons: ['in-affected-range', 'reproducer-clean'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Arch 5.4.1 (gcc 9), a real clean stress run, which never clears',
    host: ARCH,
    evidence: 'clean-stress',
    inputs: { mode: 'stress', duration: '1s' },
    expect: {
      status: 'vulnerable',
      outputs: { reproducer: 'clean', 'reproducer-mode': 'stress' },
      annotations: [
        ['error', 'sigvec-check: vulnerable'],
        ['warning', MEMLOCK_LOW],
      ],
      summary: [
        '## ⚠️ sigvec-check: `vulnerable`',
        /^\| Miss probability \| .* Clearing takes a uffd-mode run \(root, CAP_SYS_PTRACE or vm\.unprivileged_userfaultfd=1\) or an io-mode run \(a folder on a disk: RUNNER_TEMP, the workspace or TMPDIR, not tmpfs\): stress mode never clears a kernel\./,
      ],
      text: [
        'sigvec-check: VULNERABLE',
        // Stress needs a preemption in the fault-in: where this machine's
        // kernel does not say PREEMPT, its miss probability is unknown.
        HERE_PREEMPTS
          ? /^ {2}reproducer {9}clean: stress mode, [\d.]+ s, \d+ faulting deliveries, miss probability .* at the lab's rate, which may overstate stress mode on this kernel$/
          : /^ {2}reproducer {9}clean: stress mode, [\d.]+ s, \d+ faulting deliveries, miss probability unknown$/,
        /\[reproducer-too-little\]$/,
      ],
      prometheus: [
        'sigvec_check_reproducer{host="unknown",result="clean",mode="stress",drill="false"} 1',
      ],
      reasons: ['reproducer-too-little'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Arch 5.4.1 (gcc 9), the reproducer fails to compile',
    host: ARCH,
    evidence: 'build-failure',
    expect: {
      status: 'vulnerable',
      outputs: NO_OUTPUTS,
      annotations: [
        ['error', 'sigvec-check: vulnerable'],
        ['warning', 'sigvec-check: reproducer skipped'],
        ['warning', MEMLOCK_LOW],
      ],
      summary: [
        '## ⚠️ sigvec-check: `vulnerable`',
        '| Reproducer | skipped (cc failed to compile the reproducer (exit 1)) |',
        '| Why | cc failed to compile the reproducer (exit 1) |',
        '<details><summary>Compiler output</summary>',
        /error/,
      ],
      text: [
        'sigvec-check: VULNERABLE',
        '  reproducer         skipped (cc failed to compile the reproducer (exit 1))',
      ],
      prometheus: [
        'sigvec_check_reproducer{host="unknown",result="skipped",drill="false"} 1',
      ],
      reasons: ['in-affected-range'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Arch 5.4.1 (gcc 9), the built reproducer cannot be started (EACCES)',
    host: ARCH,
    evidence: 'error',
    expect: {
      status: 'vulnerable',
      outputs: { reproducer: 'error', 'reproducer-mode': '' },
      annotations: [
        ['error', 'sigvec-check: vulnerable'],
        ['warning', 'sigvec-check: reproducer error'],
        ['warning', MEMLOCK_LOW],
      ],
      summary: [
        '## ⚠️ sigvec-check: `vulnerable`',
        '| Result | **error** |',
        /^\| Self-test \| FAILED: the reproducer could not be started \(EACCES\)/,
        /^\| Binary \| compiled in [\d.]+ s \(key `[0-9a-f]{16}`\) \|$/,
      ],
      text: [
        'sigvec-check: VULNERABLE',
        /^ {2}reproducer {9}error: self-test failed: the reproducer could not be started \(EACCES\)/,
      ],
      prometheus: [
        'sigvec_check_reproducer{host="unknown",result="error",drill="false"} 1',
      ],
      reasons: ['in-affected-range'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Debian sid arm64 5.3.0-2 (in range, gcc 9): not x86',
    host: 'debian-sid-arm64-5.3.0-2',
    evidence: 'skipped',
    expect: {
      status: 'not-applicable',
      outputs: NO_OUTPUTS,
      annotations: [],
      summary: [
        '## ➖ sigvec-check: `not-applicable`',
        '| Reproducer | skipped (reproduce: auto, and the bug cannot happen on this machine) |',
      ],
      text: [
        'sigvec-check: NOT-APPLICABLE',
        '  - The architecture is aarch64; the bug is x86-only. [not-x86]',
      ],
      prometheus: [
        'sigvec_check_go_workaround{host="unknown",workaround="inactive"} 1',
      ],
      reasons: ['not-x86', 'go-not-x86'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'Fedora 31 5.3.13 whose release file cannot be read, fail-on: unknown',
    host: 'fedora31-5.3.13-unreadable-osrelease',
    evidence: 'skipped',
    linked: 'proc/sys/kernel/osrelease',
    inputs: { reproduce: 'never', 'fail-on': 'unknown' },
    expect: {
      status: 'unknown',
      outputs: NO_OUTPUTS,
      annotations: [
        ['error', 'sigvec-check: unknown'],
        ['warning', 'sigvec-check: reproducer skipped'],
      ],
      summary: [
        '## ❔ sigvec-check: `unknown`',
        '| Kernel | `—` — upstream — (—) |',
        '| kernel release | `/proc/sys/kernel/osrelease` | _a link; links in a captured tree are not followed_ |',
        '| Decision | step fails (fail-on: unknown) |',
      ],
      text: ['sigvec-check: UNKNOWN', '  kernel release     —'],
      prometheus: [
        // No release, no level: only what is known is labelled.
        'sigvec_check_kernel_info{host="unknown",compiler="gcc 9.2.1"} 1',
        'sigvec_check_go_workaround{host="unknown",workaround="inactive",go_version="1.16"} 1',
      ],
      reasons: ['release-unreadable', 'go-no-workaround'],
      facts: {
        'kernel release': [
          null,
          'a link; links in a captured tree are not followed',
        ],
        'user namespace': NO_UID_MAP,
        'real mlock': NO_MLOCK,
      },
    },
  },
  {
    name: 'Ubuntu 20.04 5.4.0-39 (fixed) with Go 1.14.0 and a 64 KiB memlock',
    host: 'ubuntu-20.04-5.4.0-39-go1.14.0',
    evidence: 'skipped',
    expect: {
      status: 'unaffected',
      outputs: NO_OUTPUTS,
      annotations: [['warning', MEMLOCK_LOW]],
      summary: [
        '## ✅ sigvec-check: `unaffected`',
        '| 1.14.0 | says buggy | `mlock-fails-fatal` | 64 KiB | 262144 bytes (64 threads) | no |',
        '| shell (KiB) | `ulimit -l 65536` |',
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        '  memlock            64 KiB; needs 262144 bytes for 64 threads: TOO LOW',
        '      shell (KiB): ulimit -l 65536',
      ],
      prometheus: [
        'sigvec_check_go_workaround{host="unknown",workaround="mlock-fails-fatal",go_version="1.14.0"} 1',
        'sigvec_check_memlock_limit_bytes{host="unknown"} 65536',
        'sigvec_check_memlock_needed_bytes{host="unknown"} 262144',
        'sigvec_check_memlock_sufficient{host="unknown"} 0',
      ],
      reasons: ['ubuntu-5.4-backport', 'go-triggered', 'mlock-fails-fatal'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'golang:1.14.0 container on Ubuntu 19.10, a real mlock refused',
    host: 'docker-golang1.14.0-on-ubuntu-19.10-5.3.0-40',
    evidence: 'skipped',
    mlockProbe: PROBE_REFUSED,
    expect: {
      status: 'unaffected',
      outputs: NO_OUTPUTS,
      annotations: [['warning', MEMLOCK_LOW]],
      summary: [
        '## ✅ sigvec-check: `unaffected`',
        "| Container | yes (/.dockerenv exists; /proc/1/cgroup names docker) — the host's kernel counts |",
        '| real mlock | `sigvec-repro --mlock-probe` | `262144 bytes refused (errno 12)` |',
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        '  container          yes: /.dockerenv exists; /proc/1/cgroup names docker',
        '  - A real mlock of 262144 bytes failed here (errno 12), and 262144 bytes are needed. [mlock-proof-failed]',
      ],
      prometheus: ['sigvec_check_memlock_sufficient{host="unknown"} 0'],
      reasons: ['mlock-proof-failed', 'mlock-fails-fatal'],
      facts: {
        CAP_IPC_LOCK: ['no', null],
        'user namespace': NO_UID_MAP,
        'real mlock': ['262144 bytes refused (errno 12)', null],
      },
    },
  },
  {
    name: 'Fedora 31 5.3.11 as root of the initial namespace, mitigate: true',
    host: 'fedora31-5.3.11-root-capipclock',
    evidence: 'skipped',
    inputs: { reproduce: 'never', mitigate: 'true' },
    expect: {
      status: 'vulnerable',
      outputs: {
        ...NO_OUTPUTS,
        mitigation: 'godebug',
        godebug: 'asyncpreemptoff=1',
      },
      annotations: [
        ['warning', 'sigvec-check: vulnerable — mitigated'],
        ['warning', 'sigvec-check: reproducer skipped'],
      ],
      summary: [
        '## ⚠️ sigvec-check: `vulnerable`',
        '| Decision | mitigated: later steps get `GODEBUG=asyncpreemptoff=1` |',
        '| user namespace | `/proc/self/uid_map` | `initial (uid_map 0 0 4294967295)` |',
      ],
      text: [
        'sigvec-check: VULNERABLE',
        '  memlock            64 KiB; needs 262144 bytes for 64 threads: enough',
        '      environment: GODEBUG=asyncpreemptoff=1',
      ],
      prometheus: [
        'sigvec_check_go_workaround{host="unknown",workaround="mlock",go_version="1.14.0"} 1',
        'sigvec_check_memlock_sufficient{host="unknown"} 1',
      ],
      reasons: ['in-affected-range', 'go-triggered'],
      facts: {
        CAP_IPC_LOCK: ['yes', null],
        'user namespace': ['initial (uid_map 0 0 4294967295)', null],
        'real mlock': NO_MLOCK,
      },
    },
  },
]

function assertLines(
  what: string,
  rendered: string,
  want: Array<string | RegExp>,
): void {
  const lines = rendered.split('\n')
  for (const line of want) {
    const found =
      typeof line === 'string'
        ? lines.includes(line)
        : lines.some((l) => line.test(l))
    assert.ok(found, `${what} lacks ${String(line)}:\n${rendered}`)
  }
}

for (const row of ROWS) {
  test(row.name, async (t) => {
    const r = await reportFor(row)
    const e = row.expect
    if (row.evidence === 'clean' && r.reproducer.result === 'skipped') {
      // uffd refused here (unprivileged, vm.unprivileged_userfaultfd=0).
      t.skip(r.reproducer.reason)
      return
    }
    assert.equal(r.status, e.status, r.reasons.map((x) => x.code).join(' '))

    const outputs = reportOutputs(r, REPORT_FILE)
    assert.deepEqual(Object.keys(outputs), OUTPUT_KEYS)
    assert.deepEqual(outputs, {
      status: e.status,
      ...hostOutputs(row.host),
      mitigation: 'none',
      godebug: '',
      ...e.outputs,
      report: REPORT_FILE,
    })

    const annotations = reportAnnotations(r)
    assert.deepEqual(
      annotations.map((a) => [a.level, a.title]),
      e.annotations,
    )
    for (const a of annotations) assert.notEqual(a.message, '')

    const codes = [...r.reasons, ...r.go.reasons].map((x) => x.code)
    for (const code of e.reasons) assert.ok(codes.includes(code), code)

    const summary = renderSummary(r)
    const text = renderText(r)
    const prometheus = renderPrometheus(r)
    assert.equal(summary.split('\n')[0], e.summary[0])
    assert.equal(text.split('\n')[0], e.text[0])
    assertLines('the summary', summary, e.summary)
    assertLines('the text', text, e.text)
    assertLines('the Prometheus lines', prometheus, e.prometheus)

    // One status series per status, and exactly the verdict's is 1.
    const series = prometheus
      .split('\n')
      .filter((l) => l.startsWith('sigvec_check_status{'))
    assert.deepEqual(
      series,
      STATUSES.map(
        (s) =>
          `sigvec_check_status{host="unknown",status="${s}"} ${s === e.status ? 1 : 0}`,
      ),
    )

    // A drill says so everywhere; nothing else ever says DRILL.
    const drill = row.inputs?.drill === 'true'
    const saysDrill = [
      annotations[0]?.title ?? '',
      summary.split('\n')[0] ?? '',
      text.split('\n')[0] ?? '',
      /drill="true"/.test(prometheus) ? 'DRILL' : '',
    ].map((s) => s.includes('DRILL'))
    assert.deepEqual(saysDrill, [drill, drill, drill, drill])
    if (!drill) {
      for (const out of [summary, text, JSON.stringify(annotations)])
        assert.doesNotMatch(out, /DRILL/)
    }

    for (const [name, [value, error]] of Object.entries(e.facts)) {
      const fact = r.host.facts.filter((f) => f.name === name)
      assert.equal(fact.length, 1, name)
      assert.deepEqual([fact[0]?.value, fact[0]?.error], [value, error], name)
      assertLines('the summary', summary, [
        `| ${name} | \`${fact[0]?.source}\` | ${value !== null ? `\`${value}\`` : `_${error}_`} |`,
      ])
    }
  })
}
