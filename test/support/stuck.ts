// Real programs that never finish: a shell script that starts a child and
// waits on it for ever, as a compiler wrapper waiting on a licence server
// or a stuck ccache does. Each records its pid and its child's, so a test
// can check that nothing it started outlives the run.
import fs from 'node:fs'
import path from 'node:path'
import { isAlive } from '../../harness/native.js'

export interface StuckProgram {
  file: string
  /** The pids the program wrote: its own, then its child's. */
  pids: () => number[]
}

/**
 * Writes `dir/name`. Arguments listed in `answers` are answered at once
 * (e.g. `--version`); any other call hangs.
 */
export function stuckProgram(
  dir: string,
  name: string,
  answers: Record<string, string> = {},
): StuckProgram {
  const file = path.join(dir, name)
  const pidFile = `${file}.pids`
  const cases = Object.entries(answers)
    .map(([arg, out]) => `  ${arg}) echo '${out}'; exit 0 ;;\n`)
    .join('')
  fs.writeFileSync(
    file,
    `#!/bin/sh\ncase "$1" in\n${cases}esac\necho $$ >> '${pidFile}'\nsleep 100000 &\necho $! >> '${pidFile}'\nwait\n`,
    { mode: 0o755 },
  )
  return {
    file,
    pids: () =>
      fs.existsSync(pidFile)
        ? fs.readFileSync(pidFile, 'utf8').trim().split('\n').map(Number)
        : [],
  }
}

/** The pids among `pids` still running (zombies count as ended). */
export function stillRunning(pids: number[]): number[] {
  return pids.filter(isAlive)
}
