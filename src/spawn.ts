// Runs a program in its own process group with a hard deadline, and ends
// the whole group on every path: normal exit, timeout, and the action being
// cancelled (SIGINT, then SIGTERM, as the runner sends them).
import { spawn } from 'node:child_process'

export interface GroupRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
  seconds: number
}

const liveGroups = new Set<number>()

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

/**
 * On SIGINT/SIGTERM kill the groups we started and exit with the signal's
 * conventional code, so nothing we started outlives a cancelled job.
 */
export function endGroupsOnCancel(): void {
  if (cancelHandlersInstalled) return
  cancelHandlersInstalled = true
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(sig, () => {
      killAllGroups()
      process.stderr.write(
        `sigvec-check: ${sig} received; reproducer stopped\n`,
      )
      process.exit(code)
    })
  }
}

export function runInGroup(
  file: string,
  args: string[],
  deadlineMs: number,
): Promise<GroupRun> {
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    const pgid = child.pid
    if (pgid !== undefined) liveGroups.add(pgid)
    const timer = setTimeout(() => {
      timedOut = true
      if (pgid !== undefined) killGroup(pgid)
    }, deadlineMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      if (pgid !== undefined) liveGroups.delete(pgid)
      reject(err)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      // Anything the program left in its group goes with it.
      if (pgid !== undefined) {
        killGroup(pgid)
        liveGroups.delete(pgid)
      }
      resolve({
        code,
        signal,
        stdout,
        stderr,
        timedOut,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      })
    })
  })
}
