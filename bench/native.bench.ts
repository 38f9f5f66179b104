// The reproducer's throughput on this machine, per mode: how many chances to
// hit the bug it makes per second (signals, faulting deliveries), how much
// of the time its canaries are exposed, and how fast a corruption is seen.
import fs from 'node:fs'
import {
  buildReproducer,
  diskFolder,
  removeBuilds,
  runReproducer,
  type ReproLine,
} from '../harness/native.js'
import { median } from './support.js'

const CLEAN_SECONDS = '3'
const INJECT_RUNS = 20

function ms(seconds: number): string {
  return `${(seconds * 1000).toFixed(1)} ms`
}

function us(seconds: number): string {
  return `${(seconds * 1e6).toFixed(0)} µs`
}

export default async function bench(): Promise<void> {
  try {
    const { binary } = await buildReproducer()
    // io mode needs a folder on a disk; without one it is left out.
    const ioDir = diskFolder()
    const modes = ioDir
      ? (['uffd', 'io', 'stress'] as const)
      : (['uffd', 'stress'] as const)
    for (const mode of modes) {
      const modeArgs = [
        '--mode',
        mode,
        ...(mode === 'io' ? ['--io-dir', ioDir!] : []),
      ]
      const clean = await runReproducer(binary, [
        ...modeArgs,
        '--duration',
        CLEAN_SECONDS,
      ])
      const line = clean.line
      if (clean.code !== 0 || !line) {
        throw new Error(`${mode} clean run failed: ${clean.stderr}`)
      }
      const secs = line.seconds!
      console.log(`\n### ${mode} (${line.cpus} CPUs, ${secs.toFixed(2)} s)`)
      console.log(
        `signals/s:              ${(line.signals! / secs).toFixed(0)}`,
      )
      console.log(
        `faulting deliveries/s:  ${(line.faultingDeliveries! / secs).toFixed(0)}`,
      )
      console.log(
        `  of them in a live window: ${(
          line.liveFaultingDeliveries! / secs
        ).toFixed(0)}/s`,
      )
      if (mode === 'uffd') {
        console.log(
          `uffd fault-ins/s:       ${(line.uffdFaults! / secs).toFixed(0)}`,
        )
      }
      if (mode === 'io') {
        console.log(
          `io (${line.ioFs} at ${line.ioDir}): ${(line.ioMajorFaults! / secs).toFixed(0)} major faults/s, ${(line.ioSleptDeliveries! / secs).toFixed(0)} of them slept/s`,
        )
      }
      console.log(
        `involuntary switches/s: ${(line.involuntarySwitches! / secs).toFixed(0)}`,
      )
      console.log(`liveShare (checkers):   ${line.liveShare!.toFixed(3)}`)

      // The lab (docs/bug.md): one CPU hid the bug from the wiki's program;
      // show ours works.
      const one = await runReproducer(binary, [
        ...modeArgs,
        '--cpus',
        '1',
        '--duration',
        CLEAN_SECONDS,
      ])
      if (one.code !== 0 || !one.line) {
        throw new Error(`${mode} 1-CPU run failed: ${one.stderr}`)
      }
      const oneSecs = one.line.seconds!
      console.log(
        `with --cpus 1:          ${(one.line.signals! / oneSecs).toFixed(0)} signals/s, ${(one.line.faultingDeliveries! / oneSecs).toFixed(0)} faulting deliveries/s, liveShare ${one.line.liveShare!.toFixed(3)}`,
      )

      const fromStart: number[] = []
      const fromInjection: number[] = []
      const wall: number[] = []
      for (let i = 0; i < INJECT_RUNS; i++) {
        const run = await runReproducer(binary, [
          ...modeArgs,
          '--duration',
          '10',
          '--inject',
          '1',
        ])
        const l: ReproLine | null = run.line
        if (run.code !== 1 || l?.mismatch?.leakedFrom !== 'injected') {
          throw new Error(`${mode} inject run ${i} missed: ${run.stdout}`)
        }
        fromStart.push(l.timeToFirstMismatch!)
        fromInjection.push(l.timeToFirstMismatch! - l.timeToFirstInjection!)
        wall.push(run.wallSeconds)
      }
      console.log(`injected detection, ${INJECT_RUNS} runs (--inject 1):`)
      console.log(
        `  from process start:   median ${ms(median(fromStart))}, worst ${ms(Math.max(...fromStart))}`,
      )
      console.log(
        `  from the injection:   median ${us(median(fromInjection))}, worst ${us(Math.max(...fromInjection))}`,
      )
      console.log(
        `  wall (spawn to exit): median ${ms(median(wall))}, worst ${ms(Math.max(...wall))}`,
      )
    }
    if (ioDir) fs.rmSync(ioDir, { recursive: true, force: true })
  } finally {
    removeBuilds()
  }
}
