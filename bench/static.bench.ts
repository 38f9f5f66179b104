// The static audit's start-up, side by side with two floors: a bare
// `node -e 0`, and a bundled action that only imports @actions/core, reads
// an input, sets an output and writes a summary line (bench/floor/action.ts,
// bundled here with ncc as scripts/bundle.mjs bundles ours). Targets: the
// action (reproduce: never) at most 1.15× that floor, the CLI at most 2× a
// bare node. Each run is a fresh process started as the runner starts it
// (INPUT_* variables, real temp files for GITHUB_OUTPUT, GITHUB_ENV and
// GITHUB_STEP_SUMMARY, RUNNER_TEMP, RUNNER_TOOL_CACHE), interleaved round by
// round; figures only, no verdict on them. BENCH_ROUNDS sets the rounds
// (default 30); BENCH_CALLGRIND=1 also counts each one's instructions once
// under valgrind, which a busy machine does not skew; BENCH_BASELINE=DIR adds
// the action of an earlier build's dist/ (e.g. `git archive vX dist | tar -x`).
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { actionYml, parseCommandFile } from '../test/support/action.js'
import {
  type Contender,
  fmt,
  median,
  quantile,
  ROOT,
  timeInterleaved,
} from './support.js'

const NCC = path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js')

/** The floor action bundled into `dir` the way scripts/bundle.mjs does ours. */
function bundleFloor(dir: string): string {
  execFileSync(
    process.execPath,
    [
      NCC,
      'build',
      path.join(ROOT, 'build/bench/floor/action.js'),
      '-o',
      path.join(dir, 'action'),
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '-q',
    ],
    { stdio: 'inherit' },
  )
  fs.writeFileSync(path.join(dir, 'index.js'), "import './action/index.js'\n")
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n')
  return path.join(dir, 'index.js')
}

/** A runner's files for one action in `dir`, emptied before each run. */
function runnerFiles(dir: string) {
  const files = {
    RUNNER_TEMP: path.join(dir, 'runner-temp'),
    RUNNER_TOOL_CACHE: path.join(dir, 'tool-cache'),
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  }
  fs.mkdirSync(files.RUNNER_TEMP)
  fs.mkdirSync(files.RUNNER_TOOL_CACHE)
  const reset = () => {
    for (const f of [
      files.GITHUB_OUTPUT,
      files.GITHUB_ENV,
      files.GITHUB_STEP_SUMMARY,
    ])
      fs.writeFileSync(f, '')
  }
  const output = () =>
    parseCommandFile(fs.readFileSync(files.GITHUB_OUTPUT, 'utf8'))
  return { env: { ...files, GITHUB_ACTIONS: 'true' }, reset, output }
}

/** Where `go` would be found on PATH, or null. */
function goOnPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir || '.', 'go')
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return null
}

/** Instructions one run executes, counted by valgrind's callgrind. */
function instructions(c: Contender, dir: string): number | null {
  c.reset?.()
  const r = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      // A child forked to run a program (the go probe) counts on from the
      // parent's figure until its exec; only the process itself is wanted.
      '--child-silent-after-fork=yes',
      `--callgrind-out-file=${path.join(dir, 'callgrind.out.%p')}`,
      c.cmd,
      ...c.args,
    ],
    { ...c.opts, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const m = new RegExp(`^==${r.pid}== Collected : (\\d+)`, 'm').exec(
    String(r.stderr ?? ''),
  )
  return m ? Number(m[1]) : null
}

export default async function bench(): Promise<void> {
  const given = process.env.BENCH_ROUNDS ?? '30'
  const rounds = Number(given)
  if (!/^\d+$/.test(given) || rounds < 1)
    throw new Error(
      `BENCH_ROUNDS: "${given}" is not a number of rounds (a whole number, 1 or more)`,
    )
  const node = process.execPath
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-bench-'))
  try {
    const floorDir = path.join(tmp, 'floor')
    fs.mkdirSync(floorDir)
    const floorEntry = bundleFloor(path.join(tmp, 'floor-bundle'))
    const floorFiles = runnerFiles(floorDir)
    const inputs: Record<string, string> = {}
    for (const [name, spec] of Object.entries(actionYml().inputs))
      inputs[`INPUT_${name.toUpperCase()}`] = spec.default ?? ''
    inputs.INPUT_REPRODUCE = 'never'
    // The same few variables for every process: ones such as
    // NODE_EXTRA_CA_CERTS, set on this machine, make every node start slower.
    const base = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
    }
    const exited = (label: string) => (status: number | null) => {
      if (status !== 0) throw new Error(`${label} exited ${status}`)
    }

    /** The action bundled in `dist`, run in a folder of its own. */
    const action = (label: string, dist: string): Contender => {
      const dir = fs.mkdtempSync(path.join(tmp, 'action-'))
      const files = runnerFiles(dir)
      return {
        label,
        cmd: node,
        args: [path.join(dist, 'index.js')],
        opts: { cwd: dir, env: { ...base, ...files.env, ...inputs } },
        reset: files.reset,
        check: (status) => {
          // 1 is a failed step on an affected or vulnerable kernel: still a
          // whole audit, with its outputs.
          if (status !== 0 && status !== 1)
            throw new Error(`${label} exited ${status}`)
          if (!files.output().status)
            throw new Error(`${label} set no status output`)
        },
      }
    }
    const contenders: Contender[] = [
      {
        label: 'node -e 0',
        cmd: node,
        args: ['-e', '0'],
        opts: { env: base },
        check: exited('node -e 0'),
      },
      {
        label: 'floor: @actions/core action',
        cmd: node,
        args: [floorEntry],
        opts: {
          cwd: floorDir,
          env: { ...base, ...floorFiles.env, INPUT_WHO: 'bench' },
        },
        reset: floorFiles.reset,
        check: (status) => {
          exited('the floor action')(status)
          if (floorFiles.output().greeting !== 'hello bench')
            throw new Error('the floor action set no output')
        },
      },
      action('ours: action, reproduce never', path.join(ROOT, 'dist')),
      {
        label: 'ours: sigvec-check --json',
        cmd: node,
        args: [path.join(ROOT, 'dist/cli.js'), '--json'],
        opts: { env: base },
        check: (status, stdout) => {
          if (status !== 0 && status !== 1)
            throw new Error(`the CLI exited ${status}`)
          JSON.parse(stdout)
        },
      },
    ]
    // BENCH_BASELINE=DIR: the dist/ of an earlier build, run alongside.
    const baseline = process.env.BENCH_BASELINE
    if (baseline)
      contenders.push(action('baseline: BENCH_BASELINE action', baseline))
    const times = timeInterleaved(contenders, rounds, 3)
    const [b, f, a, c] = times as [number[], number[], number[], number[]]
    const go = goOnPath()
    console.log(
      `${rounds} interleaved rounds after 3 warm-up rounds, wall time of each whole process; go on PATH: ${go ?? 'none'}`,
    )
    console.log(
      `  ${'process'.padEnd(32)}${'median'.padStart(10)}${'p90'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}`,
    )
    contenders.forEach((c, i) => {
      const t = times[i] as number[]
      console.log(
        `  ${c.label.padEnd(32)}${[median(t), quantile(t, 0.9), Math.min(...t), Math.max(...t)].map((x) => fmt(x).padStart(10)).join('')}`,
      )
    })
    const ratio = (a: number[], b: number[]) => median(a) / median(b)
    // The same ratio round by round: two runs moments apart met the same load.
    const paired = (a: number[], b: number[]) => {
      const r = a.map((x, i) => x / (b[i] as number))
      return `round by round median ${median(r).toFixed(2)}×, p10–p90 ${quantile(r, 0.1).toFixed(2)}–${quantile(r, 0.9).toFixed(2)}×; fastest runs ${(Math.min(...a) / Math.min(...b)).toFixed(2)}×`
    }
    console.log(
      `  action / floor       ${ratio(a, f).toFixed(2)}× (target ≤ 1.15×); ${paired(a, f)}`,
    )
    console.log(
      `  action / node -e 0   ${ratio(a, b).toFixed(2)}×; ${paired(a, b)}`,
    )
    console.log(
      `  floor / node -e 0    ${ratio(f, b).toFixed(2)}×; ${paired(f, b)}`,
    )
    console.log(
      `  CLI / node -e 0      ${ratio(c, b).toFixed(2)}× (target ≤ 2×); ${paired(c, b)}`,
    )
    const old = times[4]
    if (old)
      console.log(
        `  action / baseline    ${ratio(a, old).toFixed(2)}×; ${paired(a, old)}`,
      )

    if (process.env.BENCH_CALLGRIND === '1') {
      const counts = contenders.map((ct) => instructions(ct, tmp))
      const [ib, iff] = counts
      console.log('  instructions, one run each under callgrind:')
      contenders.forEach((ct, i) => {
        const n = counts[i] ?? null
        console.log(
          `  ${ct.label.padEnd(32)}${n === null ? 'not counted' : `${(n / 1e6).toFixed(0)} M, ${ib ? (n / ib).toFixed(2) : '?'}× node -e 0, ${iff ? (n / iff).toFixed(2) : '?'}× the floor`}`,
        )
      })
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }

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
