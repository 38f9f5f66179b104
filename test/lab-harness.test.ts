// The lab harness without QEMU: how it reads a guest's console, when it
// skips, how many guests it lets run, and that its deadline leaves no
// process behind (a stand-in runner that hangs the way a stuck boot would).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import {
  labAbsence,
  limiter,
  parseGuestOutput,
  runGuest,
} from '../harness/lab.js'
import { liveProcesses } from '../harness/native.js'

/** Runs `fn` with SIGVEC_LAB pointing at `dir`. */
async function withLab<T>(dir: string, fn: () => T | Promise<T>): Promise<T> {
  const saved = process.env.SIGVEC_LAB
  process.env.SIGVEC_LAB = dir
  try {
    return await fn()
  } finally {
    if (saved === undefined) delete process.env.SIGVEC_LAB
    else process.env.SIGVEC_LAB = saved
  }
}

const ESC = String.fromCharCode(27)
const CONSOLE = [
  `${ESC}c${ESC}[?7l${ESC}[2JSeaBIOS (version 1.16.2)`,
  '=== START payload timeout=75s ncpu=2 guest_uptime=10.63s',
  'sigvec-repro: mode uffd (requested: --mode uffd)',
  '{"version":1,"result":"corrupted","mode":"uffd","cpus":2,"mismatch":{"leakedFrom":"task:2"}}',
  'sigvec-repro: [FAIL] task 1 saw ymm0 change after a signal',
  '=== METER {"exit":1,"wall":2.065,"minflt":107,"nivcsw":551,"nvcsw":224,"utime":0.874,"stime":2.834}',
  '=== RESULT exit=1 elapsed_ms=2065 timed_out=0 ===',
  'reboot: Power down',
].join('\r\n')

test('a guest console: the RESULT line, the JSON line, the rest', () => {
  const out = parseGuestOutput(CONSOLE)
  assert.equal(out.exit, 1)
  assert.equal(out.elapsedMs, 2065)
  assert.equal(out.timedOut, false)
  assert.equal(out.line?.result, 'corrupted')
  assert.equal(out.line?.mismatch?.leakedFrom, 'task:2')
  assert.equal(out.meter?.minflt, 107)
  assert.equal(
    out.payloadText,
    'sigvec-repro: mode uffd (requested: --mode uffd)\n' +
      'sigvec-repro: [FAIL] task 1 saw ymm0 change after a signal',
  )
})

test('a payload killed at its limit, and a boot that never started', () => {
  const killed = parseGuestOutput(
    '=== START payload\n=== METER {"exit":-1}\n' +
      '=== RESULT exit=-1 elapsed_ms=75001 timed_out=1 ===\n',
  )
  assert.deepEqual(
    [killed.exit, killed.timedOut, killed.line],
    [-1, true, null],
  )
  const none = parseGuestOutput('SeaBIOS\n### host timeout: qemu killed\n')
  assert.deepEqual([none.exit, none.elapsedMs, none.line], [null, null, null])
})

test('no lab: one line that says where it looked', async () => {
  const absence = await withLab('/nonexistent/lab', labAbsence)
  assert.equal(absence, 'lab tests skipped: /nonexistent/lab not found')
})

test('the limiter runs at most n jobs at a time, in order', async () => {
  const limit = limiter(2)
  let running = 0
  let most = 0
  const started: number[] = []
  await Promise.all(
    [0, 1, 2, 3, 4].map((i) =>
      limit(async () => {
        started.push(i)
        most = Math.max(most, ++running)
        await new Promise((r) => setTimeout(r, 20))
        running--
      }),
    ),
  )
  assert.equal(most, 2)
  assert.deepEqual(started, [0, 1, 2, 3, 4])
})

const fakeLab = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-fakelab-'))
after(() => fs.rmSync(fakeLab, { recursive: true, force: true }))

/** A stand-in runner: the bash script given, as run-in-vm.sh. */
function fakeRunner(script: string): void {
  const file = path.join(fakeLab, 'run-in-vm.sh')
  fs.writeFileSync(file, `#!/bin/bash\n${script}`, { mode: 0o755 })
}

const GUEST = {
  kernel: 'none',
  cpus: 1,
  limitSeconds: 1,
  payload: '/bin/true',
  args: [],
}

test('past its deadline a guest is killed with all it started', async () => {
  // Like run-in-vm.sh: `timeout` moves the emulator into a process group of
  // its own, so killing the runner's group alone would leave it running.
  const marker = `${Math.floor(Math.random() * 1e6)}.5`
  fakeRunner(`echo '=== START payload'\ntimeout 900 sleep ${marker} &\nwait\n`)
  const run = await withLab(fakeLab, () =>
    runGuest({ ...GUEST, hostDeadlineSeconds: 1 }),
  )
  assert.equal(run.hostTimedOut, true)
  assert.equal(run.exit, null)
  const left = liveProcesses().filter((p) => {
    try {
      const argv = fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8')
      return argv.split('\0').includes(marker)
    } catch {
      return false // gone while we looked
    }
  })
  assert.deepEqual(left, [])
})

test('a guest that powered off before its payload is booted again', async () => {
  // The first boot panics; the second gets as far as the payload.
  const boots = path.join(fakeLab, 'boots')
  fakeRunner(
    `echo x >> '${boots}'\n` +
      `[ "$(wc -l < '${boots}')" -ge 2 ] || { echo 'Kernel panic'; exit 0; }\n` +
      `echo '=== START payload'\n` +
      `echo '=== RESULT exit=0 elapsed_ms=5 timed_out=0 ==='\n`,
  )
  const run = await withLab(fakeLab, () => runGuest(GUEST))
  assert.equal(run.exit, 0)
  assert.deepEqual(run.bootFailures, ['Kernel panic\n'])
})
