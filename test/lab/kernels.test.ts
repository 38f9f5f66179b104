// The reproducer against real kernels (`npm run test:lab`): Linux 5.4.1 with
// the bug must show the corruption and name whose registers leaked in; its
// fixed twin must stay clean. Each guest boots in QEMU through the lab's
// run-in-vm.sh; without the lab or QEMU the suite says so once and passes.
import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'
import { type Mismatch, missOfCleanRun } from '../../src/evidence.js'
import {
  AFFECTED,
  AFFECTED_DISK,
  AFFECTED_NOPREEMPT,
  diskLabAbsence,
  evidence,
  FIXED,
  FIXED_DISK,
  FIXED_NOPREEMPT,
  LAB_LIMITS,
  labAbsence,
  limiter,
  Payloads,
  runGuest,
  type GuestRun,
} from '../../harness/lab.js'

const absent = labAbsence()
const diskAbsent = absent ?? diskLabAbsence()
const MODES = ['uffd', 'stress'] as const

/**
 * What a found corruption says leaked in: a task's canary, almost always,
 * or bytes that name no task. A kernel that swaps registers while the other
 * task's are half loaded leaves such bytes: seen twice in some 35 stress
 * detections and once in uffd mode (2 CPUs, 2026-11-30 CI), where the
 * 40-run bench had named a task every time. The corruption is still found,
 * which is what these rows prove; that a leak is attributed when the bytes
 * carry a canary is proven with --inject-tag in test/native.test.ts.
 */
const LEAK = /^(task:\d+|unknown)$/

/**
 * The register map the job summary draws, checked on a real corruption:
 * 16 registers of 4 lanes, a lane marked exactly where the bytes differ
 * (the registers the line lists), and the reported register's row naming
 * the task whose canary leaked in.
 */
function assertRegisterMap(mismatch: Mismatch): void {
  const lanes = mismatch.lanes
  assert.ok(lanes, 'the mismatch carries its lanes')
  assert.equal(lanes.length, 16)
  for (const row of lanes) assert.equal(row.length, 4)
  const marked = lanes.flatMap((row, r) =>
    row.some((cell) => cell !== null) ? [`ymm${r}`] : [],
  )
  assert.deepEqual(marked, mismatch.registers)
  const reported = lanes[Number(mismatch.register.replace('ymm', ''))]
  if (/^task:\d+$/.test(mismatch.leakedFrom))
    assert.ok(
      reported!.includes(mismatch.leakedFrom),
      `${mismatch.register}: ${JSON.stringify(reported)}`,
    )
}

function describeRun(run: GuestRun): string {
  return [run.payloadText, run.hostStderr, run.line ? '' : run.output]
    .filter(Boolean)
    .join('\n')
}

if (absent) {
  test(absent, { skip: true }, () => {})
} else {
  const payloads = new Payloads()
  const limit = limiter(LAB_LIMITS.guests)
  after(() => payloads.remove())

  // Disk guests one at a time (beside one other): their boot is the one
  // that hangs under load (LAB_LIMITS.diskBootRetries).
  const diskLimit = limiter(LAB_LIMITS.diskGuests)
  const boot = (
    kernel: string,
    cpus: number,
    mode: string,
    seconds: number,
    disk = false,
  ) => {
    const job = () =>
      limit(async () =>
        runGuest({
          kernel,
          cpus,
          limitSeconds: seconds + LAB_LIMITS.guestSlackSeconds,
          payload: await payloads.reproducer(),
          args: ['--mode', mode, '--duration', String(seconds)],
          disk,
        }),
      )
    if (!disk) return job()
    // An emulated 2-CPU guest has now and then kept the io probe's freshly
    // written pages in memory however long it waited (an artifact of the
    // emulator's disk, never seen on hardware): that guest cannot test io
    // mode, so it is booted again, at most twice, like a hung boot.
    const probeRefused = (run: GuestRun) =>
      run.line?.reason === 'io-refused' &&
      /stayed in memory/.test(run.line.reasonText ?? '')
    return diskLimit(async () => {
      let run = await job()
      for (let again = 0; again < 2 && probeRefused(run); again++)
        run = await job()
      return run
    })
  }

  // The disk kernels (run-in-vm.sh -disk: ext2 at /disk, TMPDIR=/disk).
  // Full preemption, or none: io mode's fault-in sleeps on the read either
  // way, while stress mode needs a preemption the second kernel never makes.
  const DISK_PAIRS = [
    { affected: AFFECTED_DISK, fixed: FIXED_DISK, preempt: true },
    { affected: AFFECTED_NOPREEMPT, fixed: FIXED_NOPREEMPT, preempt: false },
  ] as const
  const diskSkip = diskAbsent ?? false

  describe('Linux 5.4.1 disk kernels, io mode', { concurrency: true }, () => {
    for (const pair of DISK_PAIRS) {
      const model = pair.preempt ? 'PREEMPT' : 'PREEMPT_NONE'
      for (const cpus of [1, 2]) {
        test(
          `affected ${model}, io, ${cpus} CPU(s): corruption found, the leak read from its bytes`,
          {
            skip: diskSkip,
          },
          async (t) => {
            const run = await boot(
              pair.affected,
              cpus,
              'io',
              LAB_LIMITS.affectedSeconds,
              true,
            )
            t.diagnostic(evidence(run))
            assert.ok(run.line, `no JSON line:\n${describeRun(run)}`)
            assert.equal(run.line.result, 'corrupted', describeRun(run))
            assert.equal(run.exit, 1)
            assert.equal(run.line.mode, 'io')
            assert.equal(run.line.cpus, cpus)
            assert.equal(run.line.ioDir, '/disk')
            assert.equal(run.line.ioFs, 'ext2')
            assert.equal(
              /\bPREEMPT\b/.test(run.line.uname!.version),
              pair.preempt,
            )
            const mismatch = run.line.mismatch
            assert.ok(mismatch)
            assert.match(mismatch.leakedFrom, LEAK)
            assert.notEqual(mismatch.observed, mismatch.expected)
            assertRegisterMap(mismatch)
          },
        )
        test(
          `fixed ${model}, io, ${cpus} CPU(s): clean over its deliveries`,
          {
            skip: diskSkip,
          },
          async (t) => {
            const run = await boot(
              pair.fixed,
              cpus,
              'io',
              LAB_LIMITS.fixedSeconds,
              true,
            )
            t.diagnostic(evidence(run))
            assert.ok(run.line, `no JSON line:\n${describeRun(run)}`)
            const crashed = (run.line.crashes ?? []).length > 0
            assert.equal(
              run.line.result,
              crashed ? 'crashed' : 'clean',
              describeRun(run),
            )
            assert.equal(run.line.mode, 'io')
            assert.equal(run.line.stopReason, 'duration')
            assert.equal(run.line.mismatch, null)
            // Every delivery read its stack back from the disk, and enough of
            // them switched tasks meanwhile to mean something.
            // (an eviction may fail now and then: a page busy for a moment).
            assert.ok(
              run.line.ioMajorFaults! >= 0.9 * run.line.faultingDeliveries!,
              evidence(run),
            )
            assert.ok(
              run.line.liveFaultingDeliveries! >= LAB_LIMITS.fixedIoDeliveries,
              evidence(run),
            )
          },
        )
      }
    }
    test(
      'affected PREEMPT_NONE, stress, 1 CPU: clean, what stress mode cannot see',
      {
        skip: diskSkip,
      },
      async (t) => {
        const run = await boot(
          AFFECTED_NOPREEMPT,
          1,
          'stress',
          LAB_LIMITS.blindSeconds,
          true,
        )
        t.diagnostic(evidence(run))
        assert.ok(run.line, `no JSON line:\n${describeRun(run)}`)
        // The kernel has the bug (io and uffd find it in a few deliveries),
        // but never preempts the fault-in that stress mode waits on.
        assert.equal(run.line.result, 'clean', describeRun(run))
        assert.equal(run.line.mode, 'stress')
        assert.equal(run.line.stopReason, 'duration')
        assert.doesNotMatch(run.line.uname!.version, /\bPREEMPT\b/)
        assert.ok(run.line.liveFaultingDeliveries! > 1000, evidence(run))
        // And the action says so: no figure from the preemptible lab for
        // this clean run, but an unknown miss probability.
        const miss = missOfCleanRun(
          'stress',
          run.line.liveFaultingDeliveries!,
          run.line.uname!.version,
        )
        assert.equal(miss.missProbability, null)
        assert.match(miss.missBasis, /does not say PREEMPT/)
      },
    )
  })

  describe('Linux 5.4.1 lab kernels', { concurrency: true }, () => {
    for (const mode of MODES) {
      for (const cpus of [1, 2]) {
        test(`affected, ${mode}, ${cpus} CPU(s): corruption found, the leak read from its bytes`, async (t) => {
          const run = await boot(
            AFFECTED,
            cpus,
            mode,
            LAB_LIMITS.affectedSeconds,
          )
          t.diagnostic(evidence(run))
          assert.ok(run.line, `no JSON line:\n${describeRun(run)}`)
          assert.equal(run.line.result, 'corrupted', describeRun(run))
          assert.equal(run.exit, 1)
          assert.equal(run.line.mode, mode)
          assert.equal(run.line.cpus, cpus)
          const mismatch = run.line.mismatch
          assert.ok(mismatch)
          assert.match(mismatch.leakedFrom, LEAK)
          assert.notEqual(mismatch.observed, mismatch.expected)
          assertRegisterMap(mismatch)
        })
      }
    }
    for (const mode of MODES) {
      test(`fixed, ${mode}, 2 CPUs: clean`, async (t) => {
        const run = await boot(FIXED, 2, mode, LAB_LIMITS.fixedSeconds)
        t.diagnostic(evidence(run))
        assert.ok(run.line, `no JSON line:\n${describeRun(run)}`)
        // Clean means no corruption. A worker crash is not corruption: the
        // lab saw one on this kernel in about 560 000 uffd deliveries (it is
        // reported, and such a run never clears a kernel), so it may happen.
        const crashed = (run.line.crashes ?? []).length > 0
        assert.equal(
          run.line.result,
          crashed ? 'crashed' : 'clean',
          describeRun(run),
        )
        assert.equal(run.exit, crashed ? 5 : 0)
        assert.equal(run.line.mode, mode)
        assert.equal(run.line.stopReason, 'duration')
        assert.equal(run.line.mismatch, null)
      })
    }
  })
}
