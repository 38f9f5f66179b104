// The kernel lab (../shared/lab): finds it, builds static payloads, boots a
// guest through its run-in-vm.sh and reads what the guest printed. The lab
// tests and the lab bench share this module; nothing in it is faked.
import { execFile, spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { reproSources, type ReproLine } from './native.js'

const execFileAsync = promisify(execFile)

// Set from the lab's measurements. With the reproducer that provokes one
// faulting delivery per window, the slowest of the affected-kernel runs
// measured while it was built (about 30, both modes, 1 and 2 CPUs) found the
// bug after 0.9 s of guest time and 17 faulting deliveries; 60 s is some 70
// times that, while a run that finds the bug stops at once. A boot takes
// 25-90 s of host time on a busy 2-core host. These are limits, not speed
// assertions.
export const LAB_LIMITS = {
  /** --duration on the affected kernel: the reproducer stops sooner. */
  affectedSeconds: 60,
  /**
   * --duration on the fixed kernels: the whole of it runs, clean. It only
   * has to prove "clean over N deliveries": 10 s make some 3 000 uffd and
   * stress deliveries here, and 80-170 io deliveries (a read from the
   * emulated disk each).
   */
  fixedSeconds: 10,
  /** Live deliveries a clean io run on a fixed disk kernel must reach. */
  fixedIoDeliveries: 10,
  /** --duration of stress mode on the nopreempt kernel, which it cannot see. */
  blindSeconds: 20,
  /** -t beyond --duration: the guest's own limit for its payload. */
  guestSlackSeconds: 15,
  /** BOOT_MARGIN: host seconds run-in-vm.sh waits beyond -t (boot, exit). */
  bootMarginSeconds: 150,
  /** Our own deadline beyond run-in-vm.sh's, in case it hangs itself. */
  hostSlackSeconds: 30,
  /**
   * Boots again when a guest powered off before its payload started: under
   * load the emulated timer can miss the kernel's boot-time check ("IO-APIC
   * + timer doesn't work!"), a failure of the lab, not of the payload.
   */
  bootRetries: 2,
  /**
   * Host seconds a guest has to start its payload before we kill it and
   * boot again (a failed boot). Under load (load 5 on this 2-core host)
   * the disk kernels were seen hanging at boot after "ACPI Error: ...
   * AE_AML_LOOP_TIMEOUT" while evaluating the PCI routing table, which
   * without this cost the whole run's deadline (3-4 minutes) each.
   */
  bootDeadlineSeconds: 120,
  /**
   * Boots again for a disk kernel: under load its ACPI PCI routing table
   * can time out at boot (AE_AML_LOOP_TIMEOUT), and the disk, left without
   * an interrupt, then never answers. Such a boot is killed at once.
   */
  diskBootRetries: 4,
  /** Disk guests at a time (beside at most guests - 1 others). */
  diskGuests: 1,
  /** Guests at a time: each is one busy QEMU thread per guest CPU. */
  guests: 2,
} as const

const here = path.dirname(fileURLToPath(import.meta.url))
// build/harness → repository root
export const ROOT = path.resolve(here, '..', '..')

/** ../shared/lab beside the project, or $SIGVEC_LAB. */
export function labDir(): string {
  return process.env.SIGVEC_LAB
    ? path.resolve(process.env.SIGVEC_LAB)
    : path.resolve(ROOT, '..', 'shared', 'lab')
}

export const AFFECTED = 'bzImage-5.4.1-affected'
export const FIXED = 'bzImage-5.4.1-fixed'
// The pairs with a block layer (run-in-vm.sh -disk: an ext2 disk at /disk,
// TMPDIR=/disk), for io mode; the second pair is PREEMPT_NONE at 250 Hz, a
// kernel that never preempts in kernel mode.
export const AFFECTED_DISK = 'bzImage-5.4.1-affected-disk'
export const FIXED_DISK = 'bzImage-5.4.1-fixed-disk'
export const AFFECTED_NOPREEMPT = 'bzImage-5.4.1-affected-disk-nopreempt'
export const FIXED_NOPREEMPT = 'bzImage-5.4.1-fixed-disk-nopreempt'
export const DISK_KERNELS = [
  AFFECTED_DISK,
  FIXED_DISK,
  AFFECTED_NOPREEMPT,
  FIXED_NOPREEMPT,
] as const
export const WIKI_SOURCE = 'peers/wiki-repro.c'

function onPath(program: string): boolean {
  return !spawnSync(program, ['--version'], { stdio: 'ignore' }).error
}

/** Why the lab cannot run here, in one line, or null when it can. */
export function labAbsence(): string | null {
  const dir = labDir()
  const shown = process.env.SIGVEC_LAB ? dir : '../shared/lab'
  if (!fs.existsSync(path.join(dir, 'run-in-vm.sh'))) {
    return `lab tests skipped: ${shown} not found`
  }
  if (!onPath('qemu-system-x86_64')) {
    return 'lab tests skipped: qemu-system-x86_64 missing (Debian: apt-get install qemu-system-x86)'
  }
  if (!onPath('cpio')) return 'lab tests skipped: cpio missing'
  return null
}

/** Why the disk kernels cannot run here (io mode), or null when they can. */
export function diskLabAbsence(): string | null {
  const missing = DISK_KERNELS.filter(
    (k) => !fs.existsSync(path.join(labDir(), k)),
  )
  if (missing.length) {
    return `disk lab tests skipped: no ${missing.join(', ')} in the lab`
  }
  if (!onPath('mke2fs') && !fs.existsSync('/sbin/mke2fs')) {
    return 'disk lab tests skipped: mke2fs missing (Debian: apt-get install e2fsprogs)'
  }
  return null
}

export interface Meter {
  exit: number
  wall: number
  minflt: number
  nivcsw: number
  nvcsw: number
  utime: number
  stime: number
}

export interface GuestOutput {
  /** The guest booted far enough to start the payload. */
  started: boolean
  /** The payload's exit code from the RESULT line (-1: killed at -t). */
  exit: number | null
  /** Guest time from the payload's start to its end. */
  elapsedMs: number | null
  /** The guest's own limit (-t) ran out. */
  timedOut: boolean
  line: ReproLine | null
  /** The payload's other lines: its stderr and anything not JSON. */
  payloadText: string
  meter: Meter | null
}

// The guest's BIOS writes terminal escapes onto the same console.
const ESC = String.fromCharCode(27)
const ANSI = new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]|${ESC}c`, 'g')

/** Reads run-in-vm.sh's stdout (the guest's serial console). */
export function parseGuestOutput(text: string): GuestOutput {
  const lines = text.replace(ANSI, '').split(/\r?\n/)
  const start = lines.findIndex((l) => l.startsWith('=== START '))
  const out: GuestOutput = {
    started: start >= 0,
    exit: null,
    elapsedMs: null,
    timedOut: false,
    line: null,
    payloadText: '',
    meter: null,
  }
  const payload: string[] = []
  let inPayload = false
  for (const [i, l] of lines.entries()) {
    const result =
      /^=== RESULT exit=(-?\d+) elapsed_ms=(\d+) timed_out=([01]) ===/.exec(l)
    if (result) {
      out.exit = Number(result[1])
      out.elapsedMs = Number(result[2])
      out.timedOut = result[3] === '1'
      inPayload = false
    } else if (l.startsWith('=== METER ')) {
      out.meter = JSON.parse(l.slice('=== METER '.length)) as Meter
      inPayload = false
    } else if (i === start) {
      inPayload = true
    } else if (inPayload) {
      const at = l.indexOf('{"version":')
      if (at >= 0 && !out.line) {
        out.line = JSON.parse(l.slice(at)) as ReproLine
        if (at > 0) payload.push(l.slice(0, at))
      } else {
        payload.push(l)
      }
    }
  }
  out.payloadText = payload.join('\n').trim()
  return out
}

export interface GuestRun extends GuestOutput {
  /** run-in-vm.sh's exit status (124: its own timeout killed QEMU). */
  status: number | null
  /** QEMU was killed from the host: run-in-vm.sh's timeout or ours. */
  hostTimedOut: boolean
  /** We killed it because the payload had not started by the boot deadline. */
  bootHung: boolean
  hostMs: number
  /** run-in-vm.sh's whole stdout, for the record. */
  output: string
  hostStderr: string
  /** The output of each boot that failed before the payload started. */
  bootFailures: string[]
}

export interface GuestSpec {
  kernel: string
  cpus: number
  /** The payload's limit in the guest, seconds (-t). */
  limitSeconds: number
  payload: string
  args: string[]
  /** Attach a fresh ext2 disk at /disk (run-in-vm.sh -disk, a *-disk kernel). */
  disk?: boolean
  /** Host seconds before we kill it all; default from LAB_LIMITS. */
  hostDeadlineSeconds?: number
}

// Guests still running and temp dirs still held, so an exit or a signal
// leaves no QEMU and no scratch space behind.
const live = new Set<number>()
const held = new Set<string>()
let hooked = false

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  held.add(dir)
  return dir
}

function release(dir: string): void {
  held.delete(dir)
  fs.rmSync(dir, { recursive: true, force: true })
}

function cleanUp(): void {
  live.forEach(killTree)
  held.forEach(release)
}

function hookExit(): void {
  if (hooked) return
  hooked = true
  process.on('exit', cleanUp)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      cleanUp()
      process.kill(process.pid, signal)
    })
  }
}

function parentOf(pid: string): { ppid: number; pgid: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(fields[1]), pgid: Number(fields[2]) }
  } catch {
    return null // gone while we looked
  }
}

/**
 * Kills run-in-vm.sh and everything under it. `timeout` puts QEMU in a
 * process group of its own, so killing our group alone would leave it.
 */
function killTree(root: number): void {
  const children = new Map<number, Array<{ pid: number; pgid: number }>>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const p = parentOf(name)
    if (!p) continue
    const siblings = children.get(p.ppid) ?? []
    children.set(p.ppid, [...siblings, { pid: Number(name), pgid: p.pgid }])
  }
  const pids = [root]
  const groups = new Set([root])
  for (let i = 0; i < pids.length; i++) {
    for (const c of children.get(pids[i]!) ?? []) {
      pids.push(c.pid)
      groups.add(c.pgid)
    }
  }
  for (const g of groups) signal(-g)
  for (const pid of pids) signal(pid)
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

/**
 * Boots one guest, again if it powered off before starting the payload;
 * resolves when it powered off or was killed.
 */
export async function runGuest(spec: GuestSpec): Promise<GuestRun> {
  const bootFailures: string[] = []
  for (;;) {
    const run = await bootOnce(spec)
    const bootFailed = (!run.started && run.status === 0) || run.bootHung
    const retries = spec.disk
      ? LAB_LIMITS.diskBootRetries
      : LAB_LIMITS.bootRetries
    if (!bootFailed || bootFailures.length >= retries) {
      return { ...run, bootFailures }
    }
    bootFailures.push(run.output + run.hostStderr)
  }
}

function bootOnce(spec: GuestSpec): Promise<Omit<GuestRun, 'bootFailures'>> {
  hookExit()
  const lab = labDir()
  const scratch = tempDir('sigvec-guest-')
  const args = [
    '-k',
    path.isAbsolute(spec.kernel) ? spec.kernel : path.join(lab, spec.kernel),
    '-smp',
    String(spec.cpus),
    '-t',
    String(spec.limitSeconds),
    ...(spec.disk ? ['-disk'] : []),
    spec.payload,
    ...spec.args,
  ]
  const deadlineMs =
    (spec.hostDeadlineSeconds ??
      spec.limitSeconds +
        LAB_LIMITS.bootMarginSeconds +
        LAB_LIMITS.hostSlackSeconds) * 1000
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(lab, 'run-in-vm.sh'), args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TMPDIR: scratch,
        BOOT_MARGIN: String(LAB_LIMITS.bootMarginSeconds),
      },
    })
    const pid = child.pid!
    live.add(pid)
    let output = ''
    let hostStderr = ''
    let killed = false
    let bootHung = false
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
      if (
        spec.disk &&
        !bootHung &&
        !output.includes('=== START ') &&
        output.includes('AE_AML_LOOP_TIMEOUT')
      ) {
        bootHung = true
        killTree(pid)
      }
    })
    const bootTimer = setTimeout(() => {
      if (output.includes('=== START ')) return
      bootHung = true
      killTree(pid)
    }, LAB_LIMITS.bootDeadlineSeconds * 1000)
    child.stderr.on('data', (d: Buffer) => (hostStderr += d.toString()))
    const timer = setTimeout(() => {
      killed = true
      killTree(pid)
      // Should anything outlive that and hold our pipes, stop waiting on it.
      setTimeout(() => {
        child.stdout.destroy()
        child.stderr.destroy()
      }, 5000).unref()
    }, deadlineMs)
    const finish = (): void => {
      clearTimeout(timer)
      clearTimeout(bootTimer)
      live.delete(pid)
      signal(-pid) // a member of its group that outlived it
      release(scratch)
    }
    child.on('error', (err) => {
      finish()
      reject(err)
    })
    child.on('close', (status) => {
      finish()
      resolve({
        ...parseGuestOutput(output),
        status,
        hostTimedOut: killed || bootHung || status === 124,
        bootHung,
        hostMs: Date.now() - started,
        output,
        hostStderr,
      })
    })
  })
}

/** At most `n` of the given jobs at a time, in the order they are asked. */
export function limiter(n: number): <T>(job: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: Array<() => void> = []
  return async (job) => {
    if (running >= n) await new Promise<void>((go) => waiting.push(go))
    running++
    try {
      return await job()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}

/** Static payloads (the guest has no libc), built once into a temp dir. */
export class Payloads {
  readonly dir: string
  private readonly builds = new Map<string, Promise<string>>()

  constructor() {
    hookExit()
    this.dir = tempDir('sigvec-lab-')
  }

  /** `cc -O2 -pthread -static -o OUT native/*.c`, whatever native/ holds. */
  reproducer(): Promise<string> {
    return this.build('sigvec-repro', reproSources(), [])
  }

  /** The Go wiki's program; it stops itself after `seconds` clean. */
  wiki(seconds: number): Promise<string> {
    const source = path.join(labDir(), WIKI_SOURCE)
    const flags = ['-mavx', `-DSEED_SECONDS=${seconds}`]
    return this.build(`wiki-repro-${seconds}`, [source], flags)
  }

  remove(): void {
    release(this.dir)
  }

  private build(name: string, sources: string[], flags: string[]) {
    let build = this.builds.get(name)
    if (!build) {
      const out = path.join(this.dir, name)
      const argv = ['-O2', '-pthread', '-static', ...flags, '-o', out]
      build = execFileAsync('cc', [...argv, ...sources]).then(() => out)
      this.builds.set(name, build)
    }
    return build
  }
}

/** The evidence a reader needs from one reproducer run, as one line. */
export function evidence(run: GuestRun): string {
  const l = run.line
  return JSON.stringify({
    exit: run.exit,
    elapsedMs: run.elapsedMs,
    failedBoots: run.bootFailures.length,
    timedOut: run.timedOut,
    hostTimedOut: run.hostTimedOut,
    result: l?.result ?? null,
    reason: l?.reason ?? null,
    mode: l?.mode,
    cpus: l?.cpus,
    timeToFirstMismatch: l?.timeToFirstMismatch,
    faultingDeliveries: l?.faultingDeliveries,
    liveFaultingDeliveries: l?.liveFaultingDeliveries,
    ioMajorFaults: l?.ioMajorFaults,
    ioSleptDeliveries: l?.ioSleptDeliveries,
    kernel: l?.uname?.version,
    leakedFrom: l?.mismatch?.leakedFrom,
    crashes: l?.crashes ?? null,
  })
}
