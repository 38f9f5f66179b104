// The parsers on crafted inputs from a hostile captured tree: each at
// 1 MiB and 2 MiB (linear work doubles, quadratic quadruples), the old
// new-format compiler expression beside them at sizes it can still finish,
// and a whole --root read whose files are 1 MiB each (refused by size).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { assess } from '../src/assess.js'
import {
  archFromCpuinfo,
  HOST_FILES,
  hasCapability,
  parseCpuinfo,
  parseMemlock,
  parseOsRelease,
  parseUidMap,
  readHostFacts,
} from '../src/host.js'
import { parseCompiler, parseDebianLevel } from '../src/kernel.js'
import { fmt, median } from './support.js'

const MIB = 1024 * 1024

/** The expression parseCompiler used before the linear scan, for contrast. */
const OLD_NEW_GCC =
  /\([\w.-]*gcc(?:-\d+)?\s+\((?:[^()]|\([^()]*\))*\)\s+(\d+)\.(\d+)(?:\.(\d+))?[^,]*,\s*GNU ld/

const crafted = (unit: string, bytes: number) =>
  unit.repeat(Math.ceil(bytes / unit.length))

function time(f: () => unknown, runs = 5): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    f()
    times.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return median(times)
}

const CASES: Array<[string, string, (text: string) => unknown]> = [
  ['parseCompiler', '(gcc (x) 9.1.0 ', parseCompiler],
  ['parseCompiler', '(gcc (', parseCompiler],
  ['parseCompiler', '(gcc ((a)', parseCompiler],
  ['parseCompiler', 'clang version 1', parseCompiler],
  ['parseDebianLevel', 'Debian 5.4-', parseDebianLevel],
  ['parseDebianLevel', 'Debian 5.4.13-1 ', parseDebianLevel],
  ['parseCpuinfo', 'flags\t: ', parseCpuinfo],
  ['archFromCpuinfo', 'vendor_id : x\nflags : ', archFromCpuinfo],
  ['parseMemlock', 'Max locked memory ', parseMemlock],
  ['hasCapability', 'CapEff:\t0', (t) => hasCapability(t, 14n)],
  ['parseOsRelease', 'A', parseOsRelease],
  ['parseUidMap', '0 0 ', parseUidMap],
]

export default async function bench(): Promise<void> {
  console.log('median of 5 runs, one call on a crafted input')
  console.log(
    `  ${'parser'.padEnd(17)} ${'repeated unit'.padEnd(26)} ${'1 MiB'.padStart(10)} ${'2 MiB'.padStart(10)}  ratio`,
  )
  for (const [name, unit, parse] of CASES) {
    const one = time(() => parse(crafted(unit, MIB)))
    const two = time(() => parse(crafted(unit, 2 * MIB)))
    console.log(
      `  ${name.padEnd(17)} ${JSON.stringify(unit).padEnd(26)} ${fmt(one).padStart(10)} ${fmt(two).padStart(10)}  ${(two / one).toFixed(1)}×`,
    )
  }

  console.log(
    'the old new-format expression on "(gcc (x) 9.1.0 ", for contrast',
  )
  for (const kib of [16, 32, 64]) {
    const text = crafted('(gcc (x) 9.1.0 ', kib * 1024)
    const ms = time(() => OLD_NEW_GCC.exec(text), 3)
    console.log(`  ${String(kib).padStart(3)} KiB ${fmt(ms).padStart(10)}`)
  }

  // Every file of a captured tree 1 MiB of the worst unit: the size caps
  // refuse most before parsing; the rest parse linearly.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-bench-root-'))
  try {
    for (const rel of Object.values(HOST_FILES)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
      fs.writeFileSync(path.join(root, rel), crafted('(gcc (x) 9.1.0 ', MIB))
    }
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = process.hrtime.bigint()
      assess(await readHostFacts({ root, goVersion: '1.14.0' }), {
        memlockThreads: 64,
      })
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
    console.log(
      `a captured tree with every file 1 MiB: read and assessed in ${fmt(median(times))} (median of 5)`,
    )
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}
