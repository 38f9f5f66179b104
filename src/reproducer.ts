// How the compiled reproducer (native/) is run: whether it runs at all, and
// its arguments — a self-test with injected corruption first, so a clean
// result counts only from a reproducer proven to see corruption; then the
// real run, which stops at ample evidence where its mode can clear. What
// its output means is evidence.ts's.
import type { KernelFinding } from './assess.js'
import {
  deliveriesFor,
  LAB_CALIBRATION,
  type RunMode,
  STOP_MISS_PROBABILITY,
} from './evidence.js'
import type { Options } from './options.js'

/** `--mlock-probe BYTES`: lock that much and say whether it worked. */
export function mlockProbeArgs(bytes: number): string[] {
  return ['--mlock-probe', String(bytes)]
}

/** The positive control: corrupt the frame on this share of deliveries. */
export const SELF_TEST_INJECT_EVERY = 4
// It stops at the first corruption; the limit only matters on a busy machine.
export const SELF_TEST_SECONDS = 10

/** Grace beyond the requested duration before the group is killed. */
export const DEADLINE_GRACE_MS = 10_000

export type RunPlan = { run: true; why: string } | { run: false; why: string }

export function planRun(
  reproduce: Options['reproduce'],
  finding: KernelFinding,
): RunPlan {
  if (reproduce === 'never') return { run: false, why: 'reproduce: never' }
  if (reproduce === 'always') return { run: true, why: 'reproduce: always' }
  if (finding === 'clear') {
    return {
      run: false,
      why: 'reproduce: auto, and the kernel is already settled as unaffected',
    }
  }
  if (finding === 'not-applicable') {
    return {
      run: false,
      why: 'reproduce: auto, and the bug cannot happen on this machine',
    }
  }
  return {
    run: true,
    why: `reproduce: auto, and the kernel is ${finding === 'buggy' ? 'in the affected range' : 'not settled'}`,
  }
}

/**
 * The folder io mode keeps its signal stack's file in: one of the job's own
 * on a disk, RUNNER_TEMP, else the workspace, else TMPDIR. The reproducer
 * refuses a memory-only file system (tmpfs, ramfs) and says why.
 */
export function ioFolder(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP || env.GITHUB_WORKSPACE || env.TMPDIR || '/tmp'
}

/** `--io-dir` where the mode may be io (asked for, or auto's choice). */
function ioArgs(mode: Options['mode'], ioDir: string): string[] {
  return mode === 'io' || mode === 'auto' ? ['--io-dir', ioDir] : []
}

export function selfTestArgs(mode: Options['mode'], ioDir: string): string[] {
  return [
    '--mode',
    mode,
    ...ioArgs(mode, ioDir),
    '--duration',
    String(SELF_TEST_SECONDS),
    '--inject',
    String(SELF_TEST_INJECT_EVERY),
  ]
}

export function realRunArgs(
  mode: RunMode | 'auto',
  duration: number,
  drill: boolean,
  ioDir: string,
): string[] {
  const args = [
    '--mode',
    mode,
    ...ioArgs(mode, ioDir),
    '--duration',
    String(duration),
  ]
  // Stop at ample evidence where the mode can clear; stress runs its time.
  const stopAt =
    mode !== 'auto' && LAB_CALIBRATION[mode].clears
      ? deliveriesFor(mode, STOP_MISS_PROBABILITY)
      : null
  if (stopAt !== null) args.push('--events', String(stopAt))
  if (drill) args.push('--inject', String(SELF_TEST_INJECT_EVERY))
  return args
}
