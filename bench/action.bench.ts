// The action with the reproducer: compile time with a cold tool cache, the
// time a cache hit takes, and the whole action's overhead beyond the time
// the reproducer itself ran.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { deliveriesFor, STOP_MISS_PROBABILITY } from '../src/evidence.js'
import { fmt, median, ROOT } from './support.js'

interface Sample {
  wallMs: number
  compileMs: number
  cacheHit: boolean
  reproMs: number
  selfTestMs: number
}

function runAction(cache: string, mode: string): Sample {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-bench-'))
  const files = ['output', 'env', 'summary'].map((f) => path.join(tmp, f))
  files.forEach((f) => fs.writeFileSync(f, ''))
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/index.js')], {
    cwd: tmp,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      RUNNER_TEMP: tmp,
      RUNNER_TOOL_CACHE: cache,
      GITHUB_OUTPUT: files[0],
      GITHUB_ENV: files[1],
      GITHUB_STEP_SUMMARY: files[2],
      INPUT_REPRODUCE: 'always',
      INPUT_MODE: mode,
      INPUT_DURATION: '12s',
    },
  })
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`action exited ${r.status}`)
  const report = JSON.parse(
    fs.readFileSync(path.join(tmp, 'sigvec-check-report.json'), 'utf8'),
  )
  fs.rmSync(tmp, { recursive: true, force: true })
  const rep = report.reproducer
  return {
    wallMs,
    compileMs: rep.build.seconds * 1000,
    cacheHit: rep.build.cacheHit,
    reproMs: rep.seconds * 1000,
    selfTestMs: rep.selfTest.seconds * 1000,
  }
}

export default async function bench(): Promise<void> {
  const caches: string[] = []
  const freshCache = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-cache-'))
    caches.push(d)
    return d
  }
  try {
    const cold = [0, 1, 2].map(() => runAction(freshCache(), 'uffd'))
    const cache = freshCache()
    runAction(cache, 'uffd')
    const warm = [0, 1, 2, 3, 4].map(() => runAction(cache, 'uffd'))
    if (!warm.every((s) => s.cacheHit) || cold.some((s) => s.cacheHit)) {
      throw new Error('the cache did not behave as expected')
    }
    const coldCompile = median(cold.map((s) => s.compileMs))
    const warmLookup = median(warm.map((s) => s.compileMs))
    console.log('action with reproduce: always (median; cold of 3, warm of 5)')
    console.log(`  compile, cold tool cache     ${fmt(coldCompile)}`)
    console.log(
      `  compiler probe + cache hit   ${fmt(warmLookup)}  (${(coldCompile / warmLookup).toFixed(1)}× faster than a compile)`,
    )
    for (const [label, samples] of [
      [
        `uffd (stops at ${deliveriesFor('uffd', STOP_MISS_PROBABILITY)} live)`,
        warm,
      ],
      [
        'stress (runs its 12 s)',
        [runAction(cache, 'stress'), runAction(cache, 'stress')],
      ],
    ] as const) {
      const wall = median(samples.map((s) => s.wallMs))
      const repro = median(samples.map((s) => s.reproMs))
      const over = median(samples.map((s) => s.wallMs - s.reproMs))
      console.log(
        `  ${label.padEnd(28)} wall ${fmt(wall)}, reproducer ran ${fmt(repro)}, overhead ${fmt(over)} (${(wall / repro).toFixed(2)}×)`,
      )
    }
  } finally {
    caches.forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
  }
}
