// The one typed Options, parsed once from action inputs, CLI flags or the
// hook's variables, with the defaults and accepted values of the input table
// (inputs.ts). Every validation error names the input, the value given and
// what is accepted.
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseGoVersion } from './goruntime.js'
import { isThisMachine } from './host.js'
import { InputError } from './inputerror.js'
import {
  DURATION_RANGE_S,
  inputSpec,
  MEMLOCK_THREADS_RANGE,
  MODES,
  REPRODUCE,
  type InputName,
  type Mode,
  type Reproduce,
} from './inputs.js'
import { FAIL_ON, type FailOn } from './status.js'

export interface Options {
  /** Where host files are read from; "/" is this machine. */
  root: string
  reproduce: Reproduce
  mode: Mode
  /** Seconds the reproducer may run at most. */
  duration: number
  compiler: string
  /** Inject corruption in the real run, to rehearse the workflow's reaction. */
  drill: boolean
  failOn: FailOn
  mitigate: boolean
  goVersion: string | null
  memlockThreads: number
  reportPath: string | null
}

/** Reads one raw input by its action name ('' when not given). */
export type RawInputs = (name: string) => string

export function parseOptions(raw: RawInputs, root = '/'): Options {
  // A setting left empty takes the table's default, parsed like any value.
  const given = (name: InputName) => raw(name).trim() || inputSpec(name).default
  const options: Options = {
    root,
    reproduce: oneOf('reproduce', given('reproduce'), REPRODUCE),
    mode: oneOf('mode', given('mode'), MODES),
    duration: durationInput('duration', given('duration')),
    compiler: compilerInput('compiler', given('compiler')),
    drill: booleanInput('drill', given('drill')),
    failOn: oneOf('fail-on', given('fail-on'), FAIL_ON),
    mitigate: booleanInput('mitigate', given('mitigate')),
    goVersion: goVersionInput('go-version', given('go-version')),
    memlockThreads: integerInput(
      'memlock-threads',
      given('memlock-threads'),
      MEMLOCK_THREADS_RANGE,
    ),
    reportPath: pathInput('report-path', given('report-path')),
  }
  if (!isThisMachine(root)) refuseReproducerSettings(raw, options)
  if (options.drill && options.reproduce === 'never') {
    throw new InputError(
      'drill',
      raw('drill').trim(),
      "false while reproduce is 'never' (a drill runs the reproducer)",
    )
  }
  return options
}

/**
 * A captured host (--root) is judged by its files alone: nothing is built
 * or run there, so a setting that only shapes the reproducer would be
 * ignored in silence, and a drill would report corruption nobody injected.
 * reproduce: auto and never, go-version and memlock-threads still apply.
 */
function refuseReproducerSettings(raw: RawInputs, options: Options): void {
  const why =
    'with --root (a captured host is judged by its files: nothing is built or run)'
  if (options.drill)
    throw new InputError('drill', raw('drill').trim(), `false ${why}`)
  if (options.reproduce === 'always')
    throw new InputError('reproduce', 'always', `auto or never ${why}`)
  for (const name of ['mode', 'duration', 'compiler'] as const) {
    const value = raw(name).trim()
    if (value !== '') throw new InputError(name, value, `no value ${why}`)
  }
}

function refuse(name: InputName, value: string): InputError {
  return new InputError(name, value, inputSpec(name).accepted)
}

function oneOf<T extends string>(
  name: InputName,
  value: string,
  accepted: readonly T[],
): T {
  if ((accepted as readonly string[]).includes(value)) return value as T
  throw refuse(name, value)
}

/** The YAML 1.2 core-schema booleans, as the runner and @actions/core accept them. */
function booleanInput(name: InputName, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw refuse(name, value)
}

function integerInput(
  name: InputName,
  value: string,
  range: { min: number; max: number },
): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
    throw refuse(name, value)
  return n
}

function goVersionInput(name: InputName, value: string): string | null {
  if (value === '') return null
  if (!parseGoVersion(value)) throw refuse(name, value)
  return value
}

function pathInput(name: InputName, value: string): string | null {
  if (value === '') return null
  if (value.includes('\0') || value.endsWith('/')) throw refuse(name, value)
  return path.resolve(value)
}

const NUMBER = String.raw`\d+(?:\.\d+)?`
const DURATION = new RegExp(
  `^(?:(${NUMBER})h)?(?:(${NUMBER})m)?(?:(${NUMBER})s)?$|^(${NUMBER})$`,
)

/**
 * "30s", "2m", "1m30s", "1.5m", "1h" or "45" (seconds) → seconds; NaN when
 * the text is not a duration (inputs.ts DURATION_ACCEPTED says the grammar).
 */
export function parseDuration(text: string): number {
  const m = DURATION.exec(text)
  if (!m || text === '') return NaN
  const [, h, min, s, bare] = m
  if (bare !== undefined) return Number(bare)
  return Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0)
}

function durationInput(name: InputName, value: string): number {
  const seconds = parseDuration(value)
  // NaN (not a duration) fails both comparisons.
  if (!(seconds >= DURATION_RANGE_S.min && seconds <= DURATION_RANGE_S.max))
    throw refuse(name, value)
  return seconds
}

/** A program name or path: it is run with an argument array, never a shell. */
function compilerInput(name: InputName, value: string): string {
  if (/[\s;&|`$<>()'"\\]/.test(value)) throw refuse(name, value)
  return value
}

/**
 * Refuses a report path that names a folder, before the audit runs (the
 * write would fail only at the end, with EISDIR or a rename's words).
 * `input` is the name the user gave it by: report-path or --report-path.
 */
export async function checkReportPath(
  input: string,
  file: string | null,
): Promise<void> {
  if (file === null) return
  const st = await fs.stat(file).catch(() => null)
  if (st?.isDirectory())
    throw new InputError(
      input,
      file,
      `a file path, not a folder, such as ${path.join(file, 'sigvec-report.json')}`,
      'is a folder',
    )
}

/** Refuses a --root that is not a folder: it would be judged unknown. */
export async function checkRoot(input: string, dir: string): Promise<void> {
  const accepted =
    'a folder made by `sigvec-check capture DIR` or `scripts/capture.sh DIR`'
  let st
  try {
    st = await fs.stat(dir)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError(
      input,
      dir,
      accepted,
      code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`,
    )
  }
  if (!st.isDirectory())
    throw new InputError(input, dir, accepted, 'is not a folder')
}
