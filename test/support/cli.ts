// Runs the CLI bundle as a user does.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ROOT } from './action.js'

export function cli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  /** Modules node loads first (`node --import`), e.g. platform.mjs. */
  preload: string[] = [],
) {
  const r = spawnSync(
    process.execPath,
    [
      ...preload.flatMap((m) => ['--import', m]),
      path.join(ROOT, 'dist', 'cli.js'),
      ...args,
    ],
    {
      encoding: 'utf8',
      env,
    },
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
