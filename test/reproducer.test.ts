// Evidence from reproducer runs: pure, over the lines the binary prints.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { CompileOutcome } from '../src/compile.js'
import {
  CLEARING_MISS_PROBABILITY,
  deliveriesFor,
  evidenceFromRuns,
  missText,
  parseResultLine,
  type ReproducerLine,
  STOP_MISS_PROBABILITY,
} from '../src/evidence.js'
import { planRun, realRunArgs } from '../src/reproducer.js'
import type { GroupRun } from '../src/spawn.js'

const build: CompileOutcome & { ok: true } = {
  ok: true,
  binary: '/cache/sigvec-repro',
  cacheHit: true,
  key: '0123456789abcdef',
  compiler: 'cc (Debian 12.2.0-14) 12.2.0 (x86_64-linux-gnu)',
  seconds: 0.01,
}

function run(line: ReproducerLine | null, extra: Partial<GroupRun> = {}) {
  const r: GroupRun = {
    code: line ? (line.result === 'corrupted' ? 1 : 0) : null,
    signal: null,
    stdout: line ? JSON.stringify(line) + '\n' : '',
    stderr: '',
    timedOut: false,
    seconds: 1,
    ...extra,
  }
  return { run: r, line: parseResultLine(r.stdout), deadlineMs: 11000 }
}

const injected: ReproducerLine = {
  version: 1,
  result: 'corrupted',
  mode: 'uffd',
  seconds: 0.02,
  faultingDeliveries: 4,
  timeToFirstMismatch: 0.015,
  mismatch: {
    task: 0,
    role: 'checker',
    register: 'ymm5',
    registers: ['ymm5'],
    expected: 'aa',
    observed: 'bb',
    leakedFrom: 'injected',
    leakedTask: null,
    leakedRole: null,
    leakedRegister: null,
    seen: 'the injected bytes in 1 of 16 registers',
  },
}
const clean = (
  faulting: number,
  mode = 'uffd',
  seconds = 3,
): ReproducerLine => ({
  version: 1,
  result: 'clean',
  mode,
  modeReason: 'uffd-available',
  seconds,
  signals: faulting * 2,
  faultingDeliveries: faulting,
  liveFaultingDeliveries: faulting,
})

/** Evidence from a real run after a self-test that found its injection. */
const judged = (real: ReturnType<typeof run>) =>
  evidenceFromRuns({ build, selfTest: run(injected), real, drill: false })

test('a clean run counts only after the self-test found its injection', () => {
  const ok = judged(run(clean(5000)))
  assert.equal(ok.result, 'clean')
  assert.equal(ok.enoughEvents, true)
  assert.equal(ok.selfTest?.passed, true)

  const blind = evidenceFromRuns({
    build,
    selfTest: run(clean(50)),
    real: run(clean(5000)),
    drill: false,
  })
  assert.equal(blind.result, 'error')
  assert.match(
    blind.reason,
    /^self-test failed: did not find its injected corruption \(result clean\)/,
  )
})

test('a clean run clears only below the miss probability line, and only in uffd mode', () => {
  const needed = deliveriesFor('uffd', CLEARING_MISS_PROBABILITY)!
  assert.ok(needed > 1)
  const short = judged(run(clean(needed - 1)))
  assert.equal(short.result, 'clean')
  assert.equal(short.enoughEvents, false)
  assert.ok(short.missProbability! >= CLEARING_MISS_PROBABILITY)
  assert.equal(short.minEvents, needed)
  const enough = judged(run(clean(needed)))
  assert.equal(enough.enoughEvents, true)
  assert.ok(enough.missProbability! < CLEARING_MISS_PROBABILITY)
  assert.match(enough.missBasis ?? '', /lab/)
  // Stress mode's lab rate is an upper bound: however long, it never
  // clears, even where the kernel preempts and the figure stands.
  for (const faulting of [needed, 100 * needed, 10_000_000]) {
    const stress = evidenceFromRuns({
      build,
      selfTest: run(injected),
      real: run(clean(faulting, 'stress', 600)),
      drill: false,
      kernelVersion: '#1 SMP PREEMPT Sat Nov 28 2026',
    })
    assert.equal(stress.enoughEvents, false, `${faulting}`)
    assert.equal(stress.minEvents, null)
    assert.ok(stress.missProbability !== null)
  }
})

test('a run whose workers crashed is evidence, not a clean result', () => {
  const crashed: ReproducerLine = {
    ...clean(100_000),
    result: 'crashed',
    crashes: [
      {
        task: 1,
        pid: 40,
        signal: 'SIGSEGV',
        seconds: 1.5,
        detail: 'SIGSEGV in thread 40: si_code 1 at 0x10',
      },
      {
        task: 3,
        pid: 41,
        signal: 'SIGBUS',
        seconds: 2.5,
        detail: 'no fault handler ran',
      },
    ],
  }
  const e = judged(run(crashed))
  assert.equal(e.result, 'crashed')
  assert.equal(e.enoughEvents, false)
  assert.deepEqual(
    e.crashes.map((c) => c.signal),
    ['SIGSEGV', 'SIGBUS'],
  )
  assert.match(
    e.reason,
    /no corruption seen, but 2 workers killed by SIGSEGV, SIGBUS$/,
  )
})

test('corruption names the register and whose canary leaked in', () => {
  const leak: ReproducerLine = {
    ...injected,
    mismatch: {
      task: 0,
      role: 'checker',
      register: 'ymm3',
      registers: Array.from({ length: 16 }, (_, i) => `ymm${i}`),
      expected: '11',
      observed: '22',
      leakedFrom: 'task:2',
      leakedTask: 2,
      leakedRole: 'competitor',
      leakedRegister: 'ymm3',
      seen: 'the canary of task 2 (competitor) in 16 of 16 registers',
    },
  }
  const e = judged(run(leak))
  assert.equal(e.result, 'corrupted')
  assert.equal(
    e.leak,
    // The bytes are not in the sentence: the summary shows them once.
    'ymm3 of task 0 held the canary of task 2 (competitor) in 16 of 16 registers',
  )
})

test('crashes, timeouts and silence are errors that say how it ended', () => {
  const table: Array<[ReturnType<typeof run>, RegExp]> = [
    [run(null, { signal: 'SIGSEGV' }), /crashed with SIGSEGV/],
    [
      run(null, { timedOut: true, signal: 'SIGKILL' }),
      /killed after the 11 s deadline/,
    ],
    [
      run(null, { code: 4, stderr: 'setup: mmap failed\n' }),
      /exited 4 without a result: setup: mmap failed/,
    ],
    [
      run({
        version: 1,
        result: 'error',
        reason: 'timer',
        reasonText: 'timer_create: EPERM',
      }),
      /error: timer: timer_create: EPERM/,
    ],
  ]
  for (const [real, why] of table) {
    const e = evidenceFromRuns({
      build,
      selfTest: run(injected),
      real,
      drill: false,
    })
    assert.equal(e.result, 'error')
    assert.match(e.reason, why)
  }
  const st = evidenceFromRuns({
    build,
    selfTest: run(null, { signal: 'SIGILL' }),
    real: null,
    drill: false,
  })
  assert.match(st.reason, /self-test failed: crashed with SIGILL/)
})

test('an unsupported machine skips, it does not error', () => {
  const e = evidenceFromRuns({
    build,
    selfTest: run({
      version: 1,
      result: 'unsupported',
      reason: 'no-avx',
      reasonText: 'CPUID: no AVX',
    }),
    real: null,
    drill: false,
  })
  assert.equal(e.result, 'skipped')
  assert.match(e.reason, /cannot run here: no-avx: CPUID: no AVX/)
})

test('the result is the last JSON line, whatever came before', () => {
  assert.equal(
    parseResultLine('noise\n{"result":"clean","version":1}\n')?.result,
    'clean',
  )
  assert.equal(parseResultLine('{"half": '), null)
  assert.equal(parseResultLine(''), null)
})

test('reproduce: auto runs only where the static verdict is not settled', () => {
  assert.equal(planRun('auto', 'buggy').run, true)
  assert.equal(planRun('auto', 'unknown').run, true)
  assert.equal(planRun('auto', 'clear').run, false)
  assert.equal(planRun('auto', 'not-applicable').run, false)
  assert.equal(planRun('always', 'clear').run, true)
  assert.equal(planRun('never', 'buggy').run, false)
})

test('a drill injects in the real run; every run stops once it has enough', () => {
  // Stress needs its time: no early stop on a count.
  assert.deepEqual(realRunArgs('stress', 30, false, '/runner/temp'), [
    '--mode',
    'stress',
    '--duration',
    '30',
  ])
  assert.deepEqual(realRunArgs('uffd', 30, true, '/runner/temp'), [
    '--mode',
    'uffd',
    '--duration',
    '30',
    '--events',
    String(deliveriesFor('uffd', STOP_MISS_PROBABILITY)),
    '--inject',
    '4',
  ])
})

// Stress mode's trigger needs a preemption during the fault-in: where the
// kernel does not say it preempts in kernel mode, its lab rate says nothing
// (the lab's PREEMPT_NONE build ran 60 s of stress clean while buggy).
const STRESS_KERNELS: Array<[string, string | null, boolean]> = [
  ['full preemption (the lab, 5.4.1)', '#1 SMP PREEMPT Sat Nov 28 2026', true],
  ['real-time', '#1 SMP PREEMPT_RT Thu Jan 4 2024', true],
  ['PREEMPT_DYNAMIC: chosen at boot', '#1 SMP PREEMPT_DYNAMIC @0', false],
  ['Debian: voluntary', '#1 SMP Debian 5.4.13-1 (2020-01-19)', false],
  ['Ubuntu: voluntary', '#29-Ubuntu SMP Fri Apr 17 15:06:57 UTC 2020', false],
  ['the lab PREEMPT_NONE build', '#1 SMP Sat Nov 28 12:00:00 UTC 2026', false],
  ['not known', null, false],
]
for (const [what, version, figure] of STRESS_KERNELS) {
  test(`a clean stress run's miss probability on ${what}: ${figure ? 'a figure' : 'unknown'}`, () => {
    const e = evidenceFromRuns({
      build,
      selfTest: run(injected),
      real: run(clean(5000, 'stress')),
      drill: false,
      kernelVersion: version,
    })
    assert.equal(e.result, 'clean')
    assert.equal(e.enoughEvents, false)
    if (figure) {
      assert.ok(e.missProbability !== null && e.missProbability < 1e-6)
      assert.match(missText(e), /at the lab's rate/)
    } else {
      assert.equal(e.missProbability, null)
      assert.equal(missText(e), 'unknown')
      assert.match(e.missBasis ?? '', /needs a preemption during the fault-in/)
    }
  })
}

test("without the audit's uname -v the line's own uname decides", () => {
  const line = {
    ...clean(5000, 'stress'),
    uname: { release: '5.4.1', version: '#1 SMP PREEMPT Sat Nov 28 2026' },
  }
  const e = judged(run(line))
  assert.ok(e.missProbability !== null)
  const none = judged(
    run({ ...line, uname: { release: '5.4.1', version: '#1 SMP' } }),
  )
  assert.equal(none.missProbability, null)
})

test('uffd mode does not need preemption: its figure stands on any kernel', () => {
  const e = evidenceFromRuns({
    build,
    selfTest: run(injected),
    real: run(clean(5000)),
    drill: false,
    kernelVersion: '#1 SMP Debian 5.4.13-1 (2020-01-19)',
  })
  assert.ok(e.missProbability !== null)
  assert.equal(e.enoughEvents, true)
})
