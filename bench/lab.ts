// `npm run bench:lab`: our reproducer against the Go wiki's program on the
// lab's affected Linux 5.4.1, side by side in one run (rows interleaved, so
// the host's load falls on all alike), plus clean runs on the fixed twin.
// io mode runs on the disk kernels (an ext2 disk at /disk), with and
// without kernel preemption. LAB_RUNS runs per row (default 3; the
// README's figures use 10), LAB_DURATION seconds per run (default 60),
// LAB_ROWS a comma-separated list of words a row's name must contain one of
// (e.g. "io" or "uffd,stress,io": no wiki rows), default all. Every guest's
// whole output is saved to a file whose path is printed first.
import { deliveriesAtRate, lowerRate } from '../src/confidence.js'
import { CLEARING_MISS_PROBABILITY } from '../src/evidence.js'
import { median } from './support.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  AFFECTED,
  AFFECTED_DISK,
  AFFECTED_NOPREEMPT,
  diskLabAbsence,
  FIXED,
  FIXED_DISK,
  FIXED_NOPREEMPT,
  LAB_LIMITS,
  labAbsence,
  limiter,
  Payloads,
  runGuest,
  type GuestRun,
} from '../harness/lab.js'

const RUNS = Number(process.env.LAB_RUNS ?? 3)
const DURATION = Number(process.env.LAB_DURATION ?? 60)
// Clean runs on the fixed twin only measure delivery rates and stay clean:
// fewer and shorter ones suffice (LAB_FIXED_RUNS, LAB_FIXED_DURATION).
const FIXED_RUNS = Number(process.env.LAB_FIXED_RUNS ?? RUNS)
const FIXED_DURATION = Number(process.env.LAB_FIXED_DURATION ?? DURATION)
const PICK = (process.env.LAB_ROWS ?? '')
  .split(',')
  .map((w) => w.trim())
  .filter(Boolean)
const DISK_ABSENT = diskLabAbsence()

type Mode = 'uffd' | 'stress' | 'io'

interface Row {
  name: string
  kernel: string
  cpus: number
  /** null: the wiki program, which has no modes. */
  mode: Mode | null
  /** A disk kernel, booted with run-in-vm.sh -disk. */
  disk: boolean
  fixed: boolean
}

interface Sample {
  found: boolean
  /** The run ended in an error, or reported crashed workers. */
  crashed: boolean
  /** The reproducer's own timeToFirstMismatch, seconds. */
  firstMismatch: number | null
  /** The guest's elapsed_ms, as seconds: the only time the wiki has. */
  elapsed: number | null
  faulting: number | null
  liveFaulting: number | null
  signals: number | null
  seconds: number | null
  leakNamed: boolean
  sameBytes: boolean
  /** io mode: deliveries that slept on the read. */
  slept: number | null
}

const picked = (row: Row) =>
  (PICK.length === 0 || PICK.some((w) => row.name.includes(w))) &&
  !(row.disk && DISK_ABSENT)
const plain = { disk: false, fixed: false }
const onDisk = { disk: true, fixed: false }
const ALL_ROWS: Row[] = [1, 2].flatMap((cpus) => [
  { name: `wiki, ${cpus} CPU`, kernel: AFFECTED, cpus, mode: null, ...plain },
  { name: `uffd, ${cpus} CPU`, kernel: AFFECTED, cpus, mode: 'uffd', ...plain },
  {
    name: `stress, ${cpus} CPU`,
    kernel: AFFECTED,
    cpus,
    mode: 'stress',
    ...plain,
  },
  {
    name: `io, ${cpus} CPU, disk`,
    kernel: AFFECTED_DISK,
    cpus,
    mode: 'io',
    ...onDisk,
  },
  {
    name: `io, ${cpus} CPU, disk nopreempt`,
    kernel: AFFECTED_NOPREEMPT,
    cpus,
    mode: 'io',
    ...onDisk,
  },
])
const ROWS = ALL_ROWS.filter(picked)
const CLEAN_ROWS: Row[] = [1, 2]
  .flatMap((cpus): Row[] => [
    ...(['uffd', 'stress'] as const).map((mode) => ({
      name: `fixed ${mode}, ${cpus} CPU`,
      kernel: FIXED,
      cpus,
      mode,
      disk: false,
      fixed: true,
    })),
    {
      name: `fixed io, ${cpus} CPU, disk`,
      kernel: FIXED_DISK,
      cpus,
      mode: 'io',
      disk: true,
      fixed: true,
    },
    {
      name: `fixed io, ${cpus} CPU, disk nopreempt`,
      kernel: FIXED_NOPREEMPT,
      cpus,
      mode: 'io',
      disk: true,
      fixed: true,
    },
  ])
  .filter(picked)

function sample(row: Row, run: GuestRun): Sample {
  const elapsed = run.elapsedMs === null ? null : run.elapsedMs / 1000
  if (row.mode === null) {
    // The wiki's child prints "mismatch" and exits 1; so does its parent.
    const found = run.exit === 1 && /^mismatch$/m.test(run.payloadText)
    const none = { faulting: null, liveFaulting: null, signals: null }
    return {
      found,
      crashed: run.exit !== 0 && !found,
      firstMismatch: null,
      elapsed,
      ...none,
      seconds: null,
      leakNamed: false,
      sameBytes: false,
      slept: null,
    }
  }
  const l = run.line
  const m = l?.mismatch
  return {
    found: l?.result === 'corrupted',
    crashed: !l || l.result === 'error' || (l.crashes?.length ?? 0) > 0,
    firstMismatch: l?.timeToFirstMismatch ?? null,
    elapsed,
    faulting: l?.faultingDeliveries ?? null,
    liveFaulting: l?.liveFaultingDeliveries ?? null,
    signals: l?.signals ?? null,
    seconds: l?.seconds ?? null,
    leakNamed: /^task:\d+$/.test(m?.leakedFrom ?? ''),
    sameBytes: !!m && m.observed === m.expected,
    slept: l?.ioSleptDeliveries ?? null,
  }
}

/** The median, or null for no values (a row that never found the bug). */
const medianOrNull = (xs: number[]): number | null =>
  xs.length === 0 ? null : median(xs)

const num = (x: number | null, digits = 1) =>
  x === null ? '–' : x.toFixed(digits)

/** "median (min–max)" of the values present. */
function spread(xs: Array<number | null>, digits = 0): string {
  const v = xs.filter((x): x is number => x !== null)
  if (v.length === 0) return '–'
  const lo = Math.min(...v)
  const hi = Math.max(...v)
  const range = lo === hi ? '' : ` (${num(lo, digits)}–${num(hi, digits)})`
  return `${num(medianOrNull(v), digits)}${range}`
}

/** Median and worst over the found runs; a miss makes the worst "miss". */
function times(samples: Sample[], pick: (s: Sample) => number | null) {
  const found = samples.filter((s) => s.found).map(pick)
  const v = found.filter((x): x is number => x !== null)
  const worst = samples.some((s) => !s.found) ? 'miss' : num(Math.max(...v))
  return { median: medianOrNull(v), worst: v.length ? worst : 'miss' }
}

function table(head: string[], body: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = head.map(() => '---')
  return [line(head), line(rule), ...body.map(line)].join('\n')
}

function affectedTable(results: Map<Row, Sample[]>): string {
  // The wiki's median over the runs where it found the bug; where it never
  // did, the shortest time it searched in vain bounds the ratio from above.
  const wikiReference = (cpus: number) => {
    const row = ROWS.find((r) => !r.mode && r.cpus === cpus)
    const wiki = row ? results.get(row) : undefined
    if (!wiki?.length) return { seconds: 0, bound: '' }
    const found = times(wiki, (x) => x.elapsed).median
    if (found !== null) return { seconds: found, bound: '' }
    const searched = wiki.map((x) => x.elapsed ?? 0)
    return { seconds: Math.min(...searched), bound: '≤ ' }
  }
  // The other modes' guest elapsed medians on the same CPU count (the
  // first pair's kernel): io's cost beside theirs.
  const modeReference = (mode: Mode, cpus: number) => {
    const row = ROWS.find((r) => r.mode === mode && r.cpus === cpus && !r.disk)
    const s = row ? results.get(row) : undefined
    return s?.length ? times(s, (x) => x.elapsed).median : null
  }
  const ratioTo = (median: number | null, ref: number | null) =>
    median === null || !ref ? '–' : (median / ref).toFixed(2)
  const body = ROWS.map((row) => {
    const s = results.get(row)!
    const first = times(s, (x) => x.firstMismatch)
    const elapsed = times(s, (x) => x.elapsed)
    const wiki = wikiReference(row.cpus)
    const ratio =
      elapsed.median === null || !wiki.seconds
        ? '–'
        : `${wiki.bound}${(elapsed.median / wiki.seconds).toFixed(2)}`
    // The yardstick for every CPU count: the wiki's 2-CPU median.
    const wiki2 = wikiReference(2)
    const ratio2 =
      elapsed.median === null || !wiki2.seconds
        ? '–'
        : `${wiki2.bound}${(elapsed.median / wiki2.seconds).toFixed(3)}`
    const found = s.filter((x) => x.found)
    const ours = row.mode !== null
    const uffd = modeReference('uffd', row.cpus)
    const stress = modeReference('stress', row.cpus)
    return [
      row.name,
      `${found.length}/${s.length}`,
      String(s.filter((x) => x.crashed).length),
      ours ? num(first.median) : '–',
      ours ? first.worst : '–',
      num(elapsed.median),
      elapsed.worst,
      ratio,
      ratio2,
      `${ratioTo(elapsed.median, uffd)} / ${ratioTo(elapsed.median, stress)}`,
      ours ? spread(found.map((x) => x.faulting)) : '–',
      ours ? spread(found.map((x) => x.liveFaulting)) : '–',
      row.mode === 'io' ? spread(found.map((x) => x.slept)) : '–',
      ours ? String(found.filter((x) => x.leakNamed).length) : '–',
      ours ? String(found.filter((x) => x.sameBytes).length) : '–',
    ]
  })
  return table(
    [
      'affected 5.4.1',
      'found',
      'error/crash',
      'first mismatch median s',
      'worst s',
      'guest elapsed median s',
      'worst s',
      '× wiki, same CPUs',
      '× wiki 2-CPU median',
      '× uffd / × stress, same CPUs',
      'faulting deliveries before',
      'live faulting before',
      'slept before (io)',
      'leak named',
      'expected = observed',
    ],
    body,
  )
}

/**
 * The detection rate per live faulting delivery, pooled over CPU counts:
 * src/confidence.ts's LAB_CALIBRATION takes these two figures per mode.
 * A run that missed adds its deliveries and no detection.
 */
function calibrationTable(results: Map<Row, Sample[]>): string {
  // Per mode pooled over its rows; io also per kernel, and pooled.
  const groups: Array<[string, (r: Row) => boolean]> = [
    ['uffd', (r) => r.mode === 'uffd'],
    ['stress', (r) => r.mode === 'stress'],
    ['io (disk)', (r) => r.mode === 'io' && r.kernel === AFFECTED_DISK],
    [
      'io (disk nopreempt)',
      (r) => r.mode === 'io' && r.kernel === AFFECTED_NOPREEMPT,
    ],
    ['io', (r) => r.mode === 'io'],
  ]
  const body = groups.flatMap(([mode, member]) => {
    const samples = ROWS.filter(member).flatMap((r) => results.get(r) ?? [])
    if (samples.length === 0) return []
    const detections = samples.filter((s) => s.found).length
    const deliveries = samples.reduce(
      (sum, s) => sum + (s.liveFaulting ?? 0),
      0,
    )
    const slept = samples.reduce((sum, s) => sum + (s.slept ?? 0), 0)
    const low = lowerRate(detections, deliveries)
    const needed = deliveriesAtRate(low, CLEARING_MISS_PROBABILITY)
    return [
      [
        mode,
        `${detections}/${samples.length}`,
        String(deliveries),
        mode.startsWith('io') ? String(slept) : '–',
        deliveries ? (detections / deliveries).toFixed(3) : '–',
        low.toFixed(3),
        needed === null ? '–' : String(needed),
      ],
    ]
  })
  return table(
    [
      'calibration',
      'detections/runs',
      'live faulting deliveries (all runs)',
      'of them slept (io)',
      'rate',
      '95 % lower bound',
      `deliveries for miss < ${CLEARING_MISS_PROBABILITY}`,
    ],
    body,
  )
}

function cleanTable(results: Map<Row, Sample[]>): string {
  const rate = (x: number | null, s: Sample) =>
    x === null || !s.seconds ? null : x / s.seconds
  const body = CLEAN_ROWS.map((row) => {
    const s = results.get(row)!
    const clean = s.filter((x) => !x.found && !x.crashed).length
    return [
      row.name,
      `${clean}/${s.length}`,
      spread(
        s.map((x) => rate(x.faulting, x)),
        1,
      ),
      spread(
        s.map((x) => rate(x.liveFaulting, x)),
        1,
      ),
      spread(s.map((x) => rate(x.signals, x))),
      row.mode === 'io'
        ? spread(
            s.map((x) => rate(x.slept, x)),
            1,
          )
        : '–',
    ]
  })
  return table(
    [
      'fixed 5.4.1',
      'clean',
      'faulting deliveries/s',
      'live faulting/s',
      'signals/s',
      'slept/s (io)',
    ],
    body,
  )
}

async function main(): Promise<void> {
  const absent = labAbsence()
  if (absent) {
    console.log(absent.replace('lab tests', 'lab bench'))
    return
  }
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-lab-bench-'))
  const rawFile = path.join(resultsDir, 'raw.txt')
  console.log(`raw guest output: ${rawFile}`)
  console.log(
    (DISK_ABSENT ? `${DISK_ABSENT}\n` : '') +
      `${RUNS} run(s) per row, --duration ${DURATION}, ${LAB_LIMITS.guests} guests at a time, ` +
      `host: ${os.availableParallelism()} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  )
  const payloads = new Payloads()
  const limit = limiter(LAB_LIMITS.guests)
  const results = new Map<Row, Sample[]>()
  const jobs: Array<Promise<void>> = []
  let failedBoots = 0
  try {
    for (let n = 0; n < RUNS; n++) {
      const rows = [...ROWS, ...(n < FIXED_RUNS ? CLEAN_ROWS : [])]
      for (const row of rows) {
        const duration = row.fixed ? FIXED_DURATION : DURATION
        const job = limit(async () => {
          const payload =
            row.mode === null
              ? await payloads.wiki(DURATION)
              : await payloads.reproducer()
          const args = row.mode
            ? ['--mode', row.mode, '--duration', String(duration)]
            : []
          const limitSeconds = duration + LAB_LIMITS.guestSlackSeconds
          const spec = {
            kernel: row.kernel,
            cpus: row.cpus,
            limitSeconds,
            disk: row.disk,
          }
          const run = await runGuest({ ...spec, payload, args })
          const header =
            `### ${row.name} #${n} kernel=${row.kernel} smp=${row.cpus} ` +
            `args=${JSON.stringify(args)}`
          for (const output of run.bootFailures) {
            fs.appendFileSync(rawFile, `${header} failed boot\n${output}\n`)
          }
          fs.appendFileSync(
            rawFile,
            `${header} host_ms=${run.hostMs} status=${run.status}\n` +
              `${run.output}${run.hostStderr}\n`,
          )
          failedBoots += run.bootFailures.length
          const s = sample(row, run)
          results.set(row, [...(results.get(row) ?? []), s])
          const what = s.found ? 'found' : s.crashed ? 'error' : 'clean'
          console.log(
            `  ${row.name} #${n}: ${what}, guest ${num(s.elapsed)} s, host ${(run.hostMs / 1000).toFixed(0)} s`,
          )
        })
        jobs.push(job)
      }
    }
    await Promise.all(jobs)
  } finally {
    payloads.remove()
  }
  console.log(`\n${affectedTable(results)}\n\n${cleanTable(results)}`)
  console.log(`\n${calibrationTable(results)}`)
  console.log(`\nBoots that failed before the payload, retried: ${failedBoots}`)
  console.log(
    '\nTimes are guest seconds (QEMU single-stepped, 50-100x slower than ' +
      'hardware); medians over found runs; × wiki compares guest elapsed ' +
      'medians on the same CPU count (≤: the wiki found nothing in that time). Deliveries before the first mismatch ' +
      'are the run totals at its stop: median (min–max).',
  )
}

await main()
