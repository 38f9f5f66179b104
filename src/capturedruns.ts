// The reproducer's runs that scripts/capture.sh kept beside a captured
// host's files: read as hostile input (they came from another machine),
// each line checked against what the capture would have run on that tree's
// kernel, then judged exactly as a live run's lines are.
import fs from 'node:fs/promises'
import {
  EMPTY_EVIDENCE,
  evidenceFromRuns,
  isRunMode,
  parseResultLine,
  type ReproducerEvidence,
  type ReproducerLine,
} from './evidence.js'
import { describeReadError, plainText, type HostFacts } from './host.js'
import { readTreeFile } from './rootfs.js'
import { realRunArgs, selfTestArgs } from './reproducer.js'

/**
 * What scripts/capture.sh writes beside the host's files, under a folder no
 * host file lives in: the reproducer's JSON lines (the self-test's, then the
 * real run's) and its notes (key=value lines: script, date, uname, compiler,
 * exit statuses).
 */
export const CAPTURED_RUNS_FILE = 'sigvec/reproducer.jsonl'
const CAPTURE_NOTES_FILE = 'sigvec/capture.txt'
/** A result line is at most some 60 KiB (256 tasks of counters); two of them. */
const CAPTURED_RUNS_MAX_BYTES = 512 * 1024
const CAPTURE_NOTES_MAX_BYTES = 16 * 1024
/** The self-test's line, then the real run's: no more. */
const CAPTURED_RUNS_MAX_LINES = 2
/** The longest string a captured line may hold, and how deep it nests. */
const CAPTURED_TEXT_MAX = 4096
const CAPTURED_DEPTH_MAX = 4
const CAPTURED_ITEMS_MAX = 1024

const RESULTS = ['clean', 'corrupted', 'crashed', 'unsupported', 'error']
const COUNTERS = [
  'seconds',
  'signals',
  'faultingDeliveries',
  'liveFaultingDeliveries',
  'timeToFirstMismatch',
  'injected',
] as const

/** Why a value from a captured line is not what the reproducer writes. */
function shapeProblem(v: unknown, at: string, depth: number): string | null {
  if (typeof v === 'string')
    return plainText(v, CAPTURED_TEXT_MAX) === v
      ? null
      : `${at} holds control characters or is over ${CAPTURED_TEXT_MAX} characters`
  if (typeof v === 'number')
    return Number.isFinite(v) ? null : `${at} is not a number`
  if (v === null || typeof v === 'boolean') return null
  if (depth >= CAPTURED_DEPTH_MAX) return `${at} nests too deep`
  const entries = Object.entries(v as object)
  if (entries.length > CAPTURED_ITEMS_MAX) return `${at} holds too many items`
  for (const [k, item] of entries) {
    const why = shapeProblem(item, `${at}.${k}`, depth + 1)
    if (why) return why
  }
  return null
}

/** The tree's kernel, which a captured run must have been made on. */
interface TreeKernel {
  release: string | null
  version: string | null
}

/**
 * Why a captured line cannot count, or null: it must be a result line of
 * the reproducer's shape, made on the tree's kernel, with the arguments
 * the audit gives that stage (so a run cannot claim an --events stop in a
 * mode that never clears, or be a drill).
 */
function capturedLineProblem(
  line: ReproducerLine,
  stage: 'self-test' | 'real run',
  kernel: TreeKernel,
): string | null {
  const shape = shapeProblem(line, 'the line', 0)
  if (shape) return shape
  if (line.version !== 1) return `version ${String(line.version)}, not 1`
  if (!RESULTS.includes(line.result))
    return `result "${line.result}" is not one of ${RESULTS.join(', ')}`
  for (const key of COUNTERS) {
    const n = line[key]
    if (n !== undefined && n !== null && !(typeof n === 'number' && n >= 0))
      return `${key} is not a count`
  }
  if ((line.liveFaultingDeliveries ?? 0) > (line.faultingDeliveries ?? 0))
    return 'more live faulting deliveries than faulting deliveries'
  const u = line.uname
  if (typeof u?.release !== 'string' || typeof u.version !== 'string')
    return 'it does not say which kernel it ran on (uname)'
  if (kernel.release === null || kernel.version === null)
    return 'the tree does not say its kernel (proc/sys/kernel/osrelease and version), so the run cannot be matched to it'
  if (u.release !== kernel.release || u.version !== kernel.version)
    return `made on another kernel (${u.release} ${u.version}) than the tree's (${kernel.release} ${kernel.version})`
  if (line.result === 'unsupported' || line.result === 'error') return null
  if (!isRunMode(line.mode))
    return `mode "${String(line.mode)}" is not one of uffd, io, stress`
  const given = (line as { settings?: Record<string, unknown> }).settings ?? {}
  const expected =
    stage === 'self-test'
      ? selfTestArgs(line.mode, '')
      : realRunArgs(line.mode, Number(given.duration), false, '')
  const wanted = (flag: string) => {
    const i = expected.indexOf(flag)
    return i < 0 ? 0 : Number(expected[i + 1])
  }
  for (const [flag, key] of [
    ['--events', 'events'],
    ['--inject', 'inject'],
  ] as const) {
    if (given[key] !== wanted(flag))
      return `the ${stage} ran with ${flag} ${String(given[key] ?? 'unknown')}, where the capture gives ${line.mode} mode's ${stage} ${wanted(flag) ? `${flag} ${wanted(flag)}` : `no ${flag}`}`
  }
  return null
}

/** The capture's notes: key=value lines; a value that is not plain is left out. */
function parseNotes(text: string): Map<string, string> {
  const notes = new Map<string, string>()
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=')
    const value = plainText(line.slice(eq + 1), 1024)
    if (eq > 0 && value !== null) notes.set(line.slice(0, eq), value)
  }
  return notes
}

/** "captured on <uname -a> at <date> by scripts/capture.sh <version>". */
function captureOrigin(
  notes: Map<string, string>,
  hostname: string | null,
): string {
  const script = notes.get('script') ?? ''
  const date = notes.get('date') ?? ''
  const by = /^scripts\/capture\.sh [\w.+-]{1,64}$/.test(script)
    ? script
    : 'scripts/capture.sh'
  const at = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(date)
    ? date
    : 'an unknown time'
  const on = notes.get('uname') ?? hostname ?? 'an unknown host'
  return `captured on ${on} at ${at} by ${by}`
}

/**
 * Pure: a capture's runs file → evidence, judged as a live run's would be
 * (evidenceFromRuns). A file that is not what the script writes counts as
 * no evidence, with the reason.
 */
function evidenceFromCapture(input: {
  text: string
  origin: string
  compiler: string | null
  kernel: TreeKernel
}): ReproducerEvidence {
  const refused = (why: string): ReproducerEvidence => ({
    ...EMPTY_EVIDENCE,
    result: 'error',
    reason: `${CAPTURED_RUNS_FILE} not counted: ${why}`,
    origin: input.origin,
  })
  const raw = input.text.split('\n').filter((l) => l.trim() !== '')
  if (raw.length === 0) return refused('it holds no line')
  if (raw.length > CAPTURED_RUNS_MAX_LINES)
    return refused(
      `${raw.length} lines, where the capture writes at most ${CAPTURED_RUNS_MAX_LINES} (the self-test's, then the real run's)`,
    )
  const lines: ReproducerLine[] = []
  for (const [i, text] of raw.entries()) {
    const line = parseResultLine(text)
    const why = line
      ? capturedLineProblem(
          line,
          i === 0 ? 'self-test' : 'real run',
          input.kernel,
        )
      : 'not a result line of the reproducer'
    if (why || !line) return refused(`line ${i + 1}: ${why}`)
    lines.push(line)
  }
  const stage = (line: ReproducerLine) => ({
    run: {
      code: null,
      signal: null,
      stdout: '',
      stderr: '',
      timedOut: false,
      seconds: line.seconds ?? 0,
    },
    line,
    deadlineMs: 0,
  })
  const [selfTest, real] = lines as [ReproducerLine, ReproducerLine?]
  const evidence = evidenceFromRuns({
    build: {
      ok: true,
      binary: '',
      cacheHit: false,
      key: '',
      compiler: input.compiler ?? 'unknown',
      seconds: 0,
    },
    selfTest: stage(selfTest),
    real: real ? stage(real) : null,
    drill: false,
    kernelVersion: input.kernel.version,
  })
  const build = evidence.build && {
    ...evidence.build,
    seconds: null,
    key: null,
  }
  return { ...evidence, build, origin: input.origin }
}

/**
 * The evidence of the runs scripts/capture.sh kept in a captured tree,
 * read as hostile input (rootfs.ts: no links, regular files, bounded);
 * null when the tree holds none.
 */
export async function readCapturedEvidence(
  facts: Pick<HostFacts, 'root' | 'hostname' | 'release' | 'unameVersion'>,
): Promise<ReproducerEvidence | null> {
  const root = await fs.realpath(facts.root).catch(() => facts.root)
  const read = (rel: string, max: number) =>
    readTreeFile(root, rel, max).then(
      (text) => ({ ok: true as const, text }),
      (err: unknown) => ({
        ok: false as const,
        missing: (err as NodeJS.ErrnoException).code === 'ENOENT',
        why: describeReadError(err),
      }),
    )
  const runs = await read(CAPTURED_RUNS_FILE, CAPTURED_RUNS_MAX_BYTES)
  if (!runs.ok && runs.missing) return null
  const notesFile = await read(CAPTURE_NOTES_FILE, CAPTURE_NOTES_MAX_BYTES)
  const notes = notesFile.ok ? parseNotes(notesFile.text) : new Map()
  const value = <T>(f: { ok: true; value: T } | { ok: false }) =>
    f.ok ? f.value : null
  const origin = captureOrigin(notes, value(facts.hostname))
  if (!runs.ok)
    return {
      ...EMPTY_EVIDENCE,
      result: 'error',
      reason: `${CAPTURED_RUNS_FILE} not counted: ${runs.why}`,
      origin,
    }
  return evidenceFromCapture({
    text: runs.text,
    origin,
    compiler: notes.get('compiler') ?? null,
    kernel: {
      release: value(facts.release),
      version: value(facts.unameVersion),
    },
  })
}
