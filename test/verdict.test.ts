import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import { assess, type Assessment } from '../src/assess.js'
import { readHostFacts } from '../src/host.js'
import { EMPTY_EVIDENCE, type ReproducerEvidence } from '../src/evidence.js'
import {
  decide,
  decideVerdict,
  memlockCommands,
  mergeGodebug,
} from '../src/verdict.js'
import { STATUSES, type FailOn, type Status } from '../src/status.js'
import { ROOT } from './support/action.js'

test('mergeGodebug sets asyncpreemptoff and keeps every other setting', () => {
  const table: Array<[string | undefined, string]> = [
    [undefined, 'asyncpreemptoff=1'],
    ['', 'asyncpreemptoff=1'],
    ['madvdontneed=1', 'madvdontneed=1,asyncpreemptoff=1'],
    ['asyncpreemptoff=0', 'asyncpreemptoff=1'],
    ['gctrace=1, asyncpreemptoff=0 ,x=y', 'gctrace=1,x=y,asyncpreemptoff=1'],
  ]
  for (const [current, want] of table) {
    assert.equal(mergeGodebug(current, 'asyncpreemptoff', '1'), want)
  }
})

test('fail-on decides which statuses fail the step', () => {
  const fails: Record<FailOn, Status[]> = {
    affected: ['affected'],
    vulnerable: ['affected', 'vulnerable'],
    unknown: ['affected', 'vulnerable', 'unknown'],
    never: [],
  }
  for (const [failOn, failing] of Object.entries(fails) as Array<
    [FailOn, Status[]]
  >) {
    for (const status of STATUSES) {
      const d = decide(status, { failOn, mitigate: false }, undefined)
      assert.equal(d.fail, failing.includes(status), `${failOn}/${status}`)
      assert.equal(d.godebug, null)
    }
  }
})

test('mitigate switches a failing status to GODEBUG instead of failing', () => {
  const d = decide(
    'vulnerable',
    { failOn: 'vulnerable', mitigate: true },
    'gctrace=1',
  )
  assert.deepEqual(d, {
    failing: true,
    fail: false,
    godebug: 'gctrace=1,asyncpreemptoff=1',
    mitigation: 'godebug',
    evidenceMissing: null,
  })
  const clean = decide(
    'unaffected',
    { failOn: 'vulnerable', mitigate: true },
    undefined,
  )
  assert.equal(clean.mitigation, 'none')
})

test('memlock advice uses KiB for ulimit and bytes for Docker', () => {
  const cmds = memlockCommands(67108864)
  const text = (label: string) =>
    cmds.find((c) => c.label.startsWith(label))?.text
  assert.equal(text('shell'), 'ulimit -l 65536')
  assert.match(text('docker run') ?? '', /--ulimit memlock=67108864:67108864/)
  assert.deepEqual(JSON.parse(text('/etc/docker/daemon.json') ?? ''), {
    'default-ulimits': {
      memlock: { Name: 'memlock', Soft: 67108864, Hard: 67108864 },
    },
  })
})

test('evidence overrides the version check, and says how much it was', async () => {
  const hosts = path.join(ROOT, 'test', 'fixtures', 'hosts')
  const assessed = async (name: string) =>
    assess(
      await readHostFacts({ root: path.join(hosts, name), goVersion: null }),
      {
        memlockThreads: 64,
      },
    )
  const buggy = await assessed('arch-5.4.1-gcc9')
  const clear = await assessed('gha-ubuntu-22.04-6.5.0-1025-azure')
  const unknown = await assessed('fedora31-5.3.7-no-proc-version')
  const arm = await assessed('debian-sid-arm64-5.3.0-2')
  const ev = (e: Partial<ReproducerEvidence>): ReproducerEvidence => ({
    ...EMPTY_EVIDENCE,
    mode: 'uffd',
    seconds: 0.2,
    minEvents: 50,
    ...e,
  })
  const clean = ev({
    result: 'clean',
    faultingDeliveries: 600,
    liveFaultingDeliveries: 600,
    missProbability: 1e-30,
    enoughEvents: true,
  })
  const little = ev({
    result: 'clean',
    faultingDeliveries: 10,
    liveFaultingDeliveries: 10,
    missProbability: 0.02,
    enoughEvents: false,
  })
  const crashed = ev({
    result: 'crashed',
    faultingDeliveries: 9000,
    liveFaultingDeliveries: 9000,
    missProbability: 1e-30,
    crashes: [
      {
        task: 1,
        signal: 'SIGSEGV',
        seconds: 3,
        detail: 'SIGSEGV in thread 40: si_code 1, address 0x10, rip 0x4011f0',
      },
    ],
  })
  const corrupted = ev({
    result: 'corrupted',
    leak: "ymm1 of task 1 held task 2's ymm1 canary",
  })
  const error = ev({ result: 'error', reason: 'self-test failed' })
  const skipped = ev({ result: 'skipped', reason: 'reproduce: never' })
  const table: Array<[Assessment, ReproducerEvidence, Status, string | null]> =
    [
      [buggy, skipped, 'vulnerable', null],
      [buggy, error, 'vulnerable', null],
      [buggy, clean, 'unaffected', 'reproducer-clean'],
      [buggy, little, 'vulnerable', 'reproducer-too-little'],
      [buggy, crashed, 'vulnerable', 'reproducer-crashed'],
      [clear, crashed, 'unaffected', 'reproducer-crashed'],
      [unknown, crashed, 'unknown', 'reproducer-crashed'],
      [buggy, corrupted, 'affected', 'reproducer-corrupted'],
      [clear, corrupted, 'affected', 'reproducer-corrupted'],
      [clear, clean, 'unaffected', 'reproducer-clean'],
      [unknown, clean, 'unaffected', 'reproducer-clean'],
      [unknown, little, 'unknown', 'reproducer-too-little'],
      [arm, corrupted, 'not-applicable', null],
    ]
  for (const [a, e, status, code] of table) {
    const v = decideVerdict(a, e)
    assert.equal(v.status, status, `${a.kernel.release} ${e.result}`)
    if (code)
      assert.ok(
        v.reasons.some((r) => r.code === code),
        code,
      )
  }
  const v = decideVerdict(buggy, clean)
  assert.match(
    v.reasons.find((r) => r.code === 'reproducer-clean')?.message ?? '',
    /ran 600 live faulting signal deliveries in 0\.20 s \(uffd mode\) without corruption; a kernel with the bug would have stayed clean with probability below 1e-12/,
  )
  assert.match(
    decideVerdict(buggy, little).reasons.find(
      (r) => r.code === 'reproducer-too-little',
    )?.message ?? '',
    /stayed clean over 10 live faulting .* but a kernel with the bug would have stayed clean with probability 0\.02; clearing a kernel takes 50 live faulting deliveries/,
  )
  assert.deepEqual(
    decideVerdict(buggy, skipped).mitigations.map((m) => m.id),
    ['upgrade-kernel', 'godebug-asyncpreemptoff', 'raise-memlock'],
  )
})
