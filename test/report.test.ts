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
import { renderSummary } from '../src/summary.js'
import { runInGroup } from '../src/spawn.js'
import { parseResultLine } from '../src/evidence.js'
import { evidenceFromRuns } from '../src/evidence.js'
import { selfTestArgs } from '../src/reproducer.js'
import { assertSummaryShape } from './support/summary.js'
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
  | 'skipped'
  | 'clean'
  | 'clean-stress'
  | 'drill'
  | 'tagged'
  | 'build-failure'
  | 'error'

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
    case 'tagged': {
      // The bytes a buggy kernel restores into a checker: task 2's canary,
      // written by --inject-tag (native/README.md), in a run that is no
      // drill: an affected verdict from a real run's line.
      const b = built()
      const stArgs = selfTestArgs('uffd', temp)
      const st = await runInGroup(b.binary, stArgs, 20_000)
      const args = ['--mode', 'uffd', '--duration', '25']
      const real = await runInGroup(
        b.binary,
        [...args, '--inject', '2', '--inject-tag', '2'],
        40_000,
      )
      return evidenceFromRuns({
        build: b,
        selfTest: {
          run: st,
          line: parseResultLine(st.stdout),
          deadlineMs: 20_000,
        },
        real: {
          run: real,
          line: parseResultLine(real.stdout),
          deadlineMs: 40_000,
        },
        drill: false,
      })
    }
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
  const goVersion =
    row.inputs?.['go-version'] ?? hostSpec(row.host).options?.goVersion ?? null
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
        "The reproducer did not run (reproduce: auto, and the kernel is already settled as unaffected): the verdict rests on the kernel's version and compiler.",
        '- **Nothing to do for the kernel.** It does not have the bug.',
        '| Locked-memory limit | 8 MiB; Go 1.14–1.15 need 256 KiB for 64 threads: enough (exact: soft 8388608 bytes, hard 8388608 bytes, needed 262144 bytes) |',
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        '  upstream level     6.8.12 (from /proc/version_signature)',
        '  memlock            8 MiB; Go 1.14–1.15 need 256 KiB for 64 threads: enough',
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
        "The reproducer did not run (reproduce: never): the verdict rests on the kernel's version and compiler.",
        '- **Get evidence on the machine itself**: these facts are a capture (`--root`), where the reproducer cannot run; this action on that machine with `reproduce: always` runs it on its kernel.',
        '- **This step failed, as `fail-on: vulnerable` fails on `vulnerable`. With `mitigate: true` it would pass and set `GODEBUG=asyncpreemptoff=1` for the later steps instead.**',
        '- **Raise the locked-memory limit.** Go 1.14–1.15 need 256 KiB for 64 threads; the limit is 64 KiB. Note the units: ulimit -l counts KiB, Docker counts bytes.',
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
        '- **This step passed: `fail-on: never` does not fail on `vulnerable`; `fail-on: vulnerable` would.**',
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
        '- **Nothing to fix: this was a drill.** The reproducer injected the corruption itself. Remove `drill: true` for a real check.',
        '- **How this workflow reacted:** failed, as `fail-on: vulnerable` fails on `affected`. With `mitigate: true` it would pass and set `GODEBUG=asyncpreemptoff=1` for the later steps instead.',
        /^\| Self-test \| passed: found its injected corruption in (under 0\.01 s|\d+\.\d\d s) \|$/,
        /^The reproducer: \*\*corrupted\*\* \(DRILL: injected on purpose\), uffd mode in (under 0\.01 s|\d+\.\d\d s): \d+ signals, \d+ faulting deliveries \(\d+ with the canaries live\)\. ymm(\d+) of task \d+ held an injected canary in 1 of 16 registers\.$/,
        /^\| Lane \| ymm0 \| ymm1 \| .* \| ymm15 \|$/,
        /^\| 0 \| (· \| )*inj( \| ·)* \|$/,
        'Legend: `·` intact (its own canary) · `inj` the injected canary.',
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
    name: "Arch 5.4.1 (gcc 9), a real run whose checker held task 2's canary",
    host: ARCH,
    evidence: 'tagged',
    expect: {
      status: 'affected',
      outputs: { reproducer: 'corrupted', 'reproducer-mode': 'uffd' },
      annotations: [
        ['error', 'sigvec-check: affected'],
        ['warning', MEMLOCK_LOW],
      ],
      summary: [
        '## 🛑 sigvec-check: `affected`',
        /^- The reproducer saw registers corrupted: ymm\d+ of task \d+ held the canary of task 2 \(competitor\) in 1 of 16 registers\.$/,
        "- **Upgrade the kernel.** Boot 5.4.2+ or 5.5+, or a distribution build with commit 59c4bd853abc. Containers share the host's kernel: upgrade the host.",
        /^\| 3 \| (· \| )*T2( \| ·)* \|$/,
        "Legend: `·` intact (its own canary) · `T2` task 2's canary.",
      ],
      text: ['sigvec-check: AFFECTED'],
      prometheus: [],
      reasons: ['reproducer-corrupted'],
      facts: { 'user namespace': NO_UID_MAP, 'real mlock': NO_MLOCK },
    },
  },
  {
    name: 'GitHub-hosted ubuntu-24.04 with the go on PATH printing go1.19.8',
    host: 'gha-ubuntu-24.04-6.8.0-1021-azure',
    evidence: 'skipped',
    inputs: { 'go-version': 'go1.19.8' },
    expect: {
      status: 'unaffected',
      outputs: { ...NO_OUTPUTS, 'go-workaround': 'inactive' },
      annotations: [],
      summary: [
        '## ✅ sigvec-check: `unaffected`',
        '- Go 1.19.8 has no mlock workaround (it exists in Go 1.14–1.15 only).',
        '| Go | 1.19.8 |',
      ],
      text: ['sigvec-check: UNAFFECTED', /^ {2}go {17}1\.19\.8; /],
      prometheus: [],
      reasons: ['go-no-workaround'],
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
        '| Mode | uffd, as asked: --mode uffd |',
        /^The reproducer: \*\*clean\*\*, uffd mode in \d+\.\d\d s: \d+ signals, \d+ faulting deliveries \(\d+ with the canaries live\)\.$/,
        /^\| Miss probability \| .* Clearing takes 31 live faulting deliveries \(miss probability below 1e-6\)\./,
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        /^ {2}- The reproducer ran \d+ live faulting signal deliveries in \d+\.\d\d s \(uffd mode\) without corruption; a kernel with the bug would have stayed clean with probability .*\.$/,
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
        /^- \*\*A run that can clear the kernel\*\*: clearing takes a uffd-mode run/,
        /^\| Miss probability \| .* Clearing takes a uffd-mode run \(root, CAP\\_SYS\\_PTRACE or vm\.unprivileged\\_userfaultfd=1\) or an io-mode run \(a folder on a disk: RUNNER\\_TEMP, the workspace or TMPDIR, not tmpfs\): stress mode never clears a kernel\./,
      ],
      text: [
        'sigvec-check: VULNERABLE',
        // Stress needs a preemption in the fault-in: where this machine's
        // kernel does not say PREEMPT, its miss probability is unknown.
        HERE_PREEMPTS
          ? /^ {2}reproducer {9}clean: stress mode, \d+\.\d\d s, \d+ faulting deliveries \(\d+ live\), miss probability .* at the lab's rate, which may overstate stress mode on this kernel$/
          : /^ {2}reproducer {9}clean: stress mode, \d+\.\d\d s, \d+ faulting deliveries \(\d+ live\), miss probability unknown$/,
        /^ {2}- The reproducer stayed clean over \d+ live faulting signal deliveries in \d+\.\d\d s \(stress mode\)/,
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
        'The reproducer: **skipped**: cc failed to compile the reproducer (exit 1).',
        '- **The reproducer could not be built** (cc failed to compile the reproducer (exit 1)); with a working C compiler (`compiler: …`), `reproduce: always` runs it here: a corruption makes the kernel `affected`, a long enough clean run clears it.',
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
        /^The reproducer: \*\*error\*\*: self-test failed: the reproducer could not be started \(EACCES\)/,
        /^- \*\*The reproducer failed\*\* \(self-test failed: the reproducer could not be started \(EACCES\)/,
        /^\| Self-test \| FAILED: the reproducer could not be started \(EACCES\)/,
        /^\| Reproducer binary \| compiled in \d+\.\d\d s \(key `[0-9a-f]{16}`\) \|$/,
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
        "The reproducer did not run (reproduce: auto, and the bug cannot happen on this machine): the verdict rests on the kernel's version and compiler.",
        '- **Nothing to do for the kernel.** The bug cannot happen on this machine.',
      ],
      text: [
        'sigvec-check: NOT-APPLICABLE',
        '  - The architecture is aarch64; the bug is x86-only.',
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
        '| Kernel | — |',
        '| Upstream level | — |',
        '- **Get evidence on the machine itself**: these facts are a capture (`--root`), where the reproducer cannot run; this action on that machine with `reproduce: always` runs it on its kernel.',
        '| kernel release | `/proc/sys/kernel/osrelease` | _a link; links in a captured tree are not followed_ |',
        '- **This step failed, as `fail-on: unknown` fails on `unknown`. With `mitigate: true` it would pass and set `GODEBUG=asyncpreemptoff=1` for the later steps instead.**',
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
        '- The memlock limit (64 KiB) is below the 256 KiB needed: Go 1.14.0 dies with "mlock of signal stack failed: 12".',
        '| Go | 1.14.0 |',
        '| Go’s mlock workaround | locks each thread’s signal stack, but may not (Go 1.14.0 dies) |',
        '| shell (KiB) | `ulimit -l 65536` |',
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        '  memlock            64 KiB; Go 1.14–1.15 need 256 KiB for 64 threads: too low',
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
        "| Container | yes (/.dockerenv exists; /proc/1/cgroup names docker): the host's kernel counts |",
        '- A real mlock of 256 KiB failed here (errno 12), and 256 KiB are needed.',
        '| real mlock | `sigvec-repro --mlock-probe` | `262144 bytes refused (errno 12)` |',
      ],
      text: [
        'sigvec-check: UNAFFECTED',
        '  container          yes: /.dockerenv exists; /proc/1/cgroup names docker',
        '  - A real mlock of 256 KiB failed here (errno 12), and 256 KiB are needed.',
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
        '- **Later steps of this job already run with `GODEBUG=asyncpreemptoff=1`** (`mitigate: true`): Go 1.14+ then preempts without signals, so corruption becomes rarer, not impossible.',
        '- **This step passed and set `GODEBUG=asyncpreemptoff=1` for the later steps of this job, as `mitigate: true` asks.**',
        '| user namespace | `/proc/self/uid_map` | `initial (uid_map 0 0 4294967295)` |',
      ],
      text: [
        'sigvec-check: VULNERABLE',
        '  memlock            64 KiB; Go 1.14–1.15 need 256 KiB for 64 threads: enough',
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
    if (
      (row.evidence === 'clean' || row.evidence === 'tagged') &&
      r.reproducer.result === 'skipped'
    ) {
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
    assertSummaryShape(summary, r)
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
        // Fact names are literal text in the table: CAP\_IPC\_LOCK.
        `| ${name.replace(/_/g, '\\_')} | \`${fact[0]?.source}\` | ${value !== null ? `\`${value}\`` : `_${error}_`} |`,
      ])
    }
  })
}
