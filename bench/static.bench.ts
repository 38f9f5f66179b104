// The static audit's wall time against a bare `node -e 0` (target ≤ 2×),
// and the size of what the runner downloads and loads.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fmt, median, ROOT, timeCommand } from './support.js'

export default async function bench(): Promise<void> {
  const runs = 20
  const node = process.execPath
  timeCommand(node, ['-e', '0'], 3) // warm the page cache
  const bare = median(timeCommand(node, ['-e', '0'], runs))
  const cli = median(
    timeCommand(node, [path.join(ROOT, 'dist/cli.js'), '--json'], runs),
  )

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-bench-'))
  const files = ['output', 'env', 'summary'].map((f) => path.join(tmp, f))
  const env = {
    PATH: process.env.PATH,
    RUNNER_TEMP: tmp,
    GITHUB_OUTPUT: files[0],
    GITHUB_ENV: files[1],
    GITHUB_STEP_SUMMARY: files[2],
  }
  const action = median(
    timeCommand(node, [path.join(ROOT, 'dist/index.js')], runs, {
      env,
      cwd: tmp,
    }),
  )
  fs.rmSync(tmp, { recursive: true, force: true })

  console.log(`median of ${runs} runs, wall time of the whole process`)
  console.log(`  node -e 0                    ${fmt(bare)}`)
  console.log(
    `  sigvec-check --json (CLI)    ${fmt(cli)}  ${(cli / bare).toFixed(2)}× node -e 0 (target ≤ 2×)`,
  )
  console.log(
    `  node dist/index.js (action)  ${fmt(action)}  ${(action / bare).toFixed(2)}× node -e 0`,
  )
  for (const dir of ['action', 'cli']) {
    const files = fs
      .readdirSync(path.join(ROOT, 'dist', dir))
      .filter((f) => f.endsWith('.js'))
    const size = (f: string) =>
      fs.statSync(path.join(ROOT, 'dist', dir, f)).size
    const total = files.reduce((n, f) => n + size(f), 0)
    console.log(
      `  dist/${dir}/ ${(total / 1024).toFixed(0).padStart(6)} KiB in ${files.length} files, ${(size('index.js') / 1024).toFixed(0)} KiB loaded at start`,
    )
  }
}
