// Runs a program in its own process group with a hard deadline, and ends
// the whole group on every path: normal exit, timeout, and the action being
// cancelled (SIGINT, then SIGTERM, as the runner sends them). The compiler,
// `go` and the reproducer all run through here, so nothing is waited on
// without an end, and no output is kept without a bound.
import { spawn } from 'node:child_process'

export interface GroupRun {
  code: number | null
  signal: NodeJS.Signals | null
  /** At most OUTPUT_HEAD_BYTES + OUTPUT_TAIL_BYTES of it, and a marker. */
  stdout: string
  stderr: string
  timedOut: boolean
  seconds: number
}

/** A run as runInGroup saw it, with how much each stream really carried. */
export interface CountedGroupRun extends GroupRun {
  stdoutBytes: number
  stderrBytes: number
}

/**
 * What is kept of each stream: the head (a compiler's first errors, a
 * usage message) and the tail (the reproducer's result line is its last).
 * A compiler that printed 700 MB once crashed the action with a RangeError
 * (a string past V8's limit); nothing we run needs more than this.
 */
export const OUTPUT_HEAD_BYTES = 64 * 1024
export const OUTPUT_TAIL_BYTES = 64 * 1024

/** The line that stands where output was left out. */
export function leftOutMarker(bytes: number): string {
  return `\n[sigvec-check: ${bytes} bytes of output left out here]\n`
}

/** One stream's head and tail, however much the program writes. */
class BoundedOutput {
  private head: Buffer[] = []
  private headBytes = 0
  private tail: Buffer[] = []
  private tailBytes = 0
  bytes = 0

  add(chunk: Buffer): void {
    this.bytes += chunk.length
    const toHead = Math.min(OUTPUT_HEAD_BYTES - this.headBytes, chunk.length)
    if (toHead > 0) {
      this.head.push(chunk.subarray(0, toHead))
      this.headBytes += toHead
      chunk = chunk.subarray(toHead)
      if (chunk.length === 0) return
    }
    this.tail.push(chunk)
    this.tailBytes += chunk.length
    // Whole chunks that the tail no longer needs are dropped as they come.
    while (this.tailBytes - (this.tail[0]?.length ?? 0) >= OUTPUT_TAIL_BYTES) {
      this.tailBytes -= (this.tail.shift() as Buffer).length
    }
  }

  text(): string {
    const tail = Buffer.concat(this.tail)
    const kept = tail.subarray(Math.max(0, tail.length - OUTPUT_TAIL_BYTES))
    const leftOut = this.bytes - this.headBytes - kept.length
    const head = Buffer.concat(this.head).toString('utf8')
    return leftOut > 0
      ? head + leftOutMarker(leftOut) + kept.toString('utf8')
      : head + kept.toString('utf8')
  }
}

const liveGroups = new Set<number>()

/** How long the pipes may stay open after the program itself exited. */
const DRAIN_MS = 10_000

/**
 * The deadline for each call of a helper program (the compiler, `go`):
 * generous, since only a program that waits on something that never comes
 * should meet it. SIGVEC_CHECK_TOOL_DEADLINE (seconds) overrides it, for a
 * compiler that is slow on purpose and for the tests of stuck programs.
 */
export const TOOL_DEADLINE_SECONDS = 300
export const TOOL_DEADLINE_ENV = 'SIGVEC_CHECK_TOOL_DEADLINE'

export function toolDeadlineSeconds(
  env: NodeJS.ProcessEnv = process.env,
): number {
  const raw = env[TOOL_DEADLINE_ENV]?.trim()
  if (!raw) return TOOL_DEADLINE_SECONDS
  const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!(seconds >= 1 && seconds <= 3600))
    throw new Error(
      `Invalid ${TOOL_DEADLINE_ENV}: ${JSON.stringify(raw)}. Expected whole seconds from 1 to 3600.`,
    )
  return seconds
}

/**
 * A version probe (`go env GOVERSION`, `cc --version`, `cc -dumpmachine`)
 * answers at once on any working toolchain; one that does not is stuck on
 * something (a shim downloading a toolchain, a licence server) and must not
 * cost the tool deadline on every audit. A lower tool deadline still wins.
 */
export const PROBE_DEADLINE_SECONDS = 10

export function probeDeadlineSeconds(
  env: NodeJS.ProcessEnv = process.env,
): number {
  return Math.min(PROBE_DEADLINE_SECONDS, toolDeadlineSeconds(env))
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL')
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Kills every group still running; for the cancellation handler. */
export function killAllGroups(): void {
  for (const pgid of liveGroups) killGroup(pgid)
  liveGroups.clear()
}

let cancelHandlersInstalled = false
const cancelCleanups = new Set<() => void>()

/**
 * Runs `cleanup` (synchronously, e.g. removing a scratch folder) if the job
 * is cancelled before the returned function is called.
 */
export function cleanupOnCancel(cleanup: () => void): () => void {
  endGroupsOnCancel()
  cancelCleanups.add(cleanup)
  return () => cancelCleanups.delete(cleanup)
}

/**
 * On SIGINT/SIGTERM kill the groups we started and exit with the signal's
 * conventional code, so nothing we started outlives a cancelled job.
 */
function endGroupsOnCancel(): void {
  if (cancelHandlersInstalled) return
  cancelHandlersInstalled = true
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(sig, () => {
      killAllGroups()
      for (const cleanup of cancelCleanups) {
        try {
          cleanup()
        } catch {
          // what cannot be removed is left; the exit must not wait on it
        }
      }
      process.stderr.write(
        `sigvec-check: ${sig} received; the programs it started are stopped\n`,
      )
      process.exit(code)
    })
  }
}

export function runInGroup(
  file: string,
  args: string[],
  deadlineMs: number,
): Promise<CountedGroupRun> {
  // Whatever runs in a group is ended if the job is cancelled meanwhile.
  endGroupsOnCancel()
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout = new BoundedOutput()
    const stderr = new BoundedOutput()
    let timedOut = false
    child.stdout.on('data', (d: Buffer) => stdout.add(d))
    child.stderr.on('data', (d: Buffer) => stderr.add(d))
    const pgid = child.pid
    if (pgid !== undefined) liveGroups.add(pgid)
    // A program that left the group (setsid) can hold our pipes open for
    // ever; once the deadline or the drain time after exit has passed, the
    // pipes are closed on our side so 'close' still comes.
    const stopReading = () => {
      child.stdout.destroy()
      child.stderr.destroy()
    }
    let drain: NodeJS.Timeout | undefined
    const timer = setTimeout(() => {
      timedOut = true
      if (pgid !== undefined) killGroup(pgid)
      stopReading()
    }, deadlineMs)
    child.on('exit', () => {
      drain = setTimeout(stopReading, DRAIN_MS)
    })
    child.on('error', (err) => {
      clearTimeout(timer)
      clearTimeout(drain)
      if (pgid !== undefined) liveGroups.delete(pgid)
      reject(err)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      clearTimeout(drain)
      // Anything the program left in its group goes with it.
      if (pgid !== undefined) {
        killGroup(pgid)
        liveGroups.delete(pgid)
      }
      resolve({
        code,
        signal,
        stdout: stdout.text(),
        stderr: stderr.text(),
        stdoutBytes: stdout.bytes,
        stderrBytes: stderr.bytes,
        timedOut,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      })
    })
  })
}
