// The one typed Options, parsed once from action inputs or CLI flags. Every
// validation error names the input, the value given and what is accepted.
import path from 'node:path'
import { DEFAULT_MEMLOCK_THREADS, parseGoVersion } from './goruntime.js'
import { InputError } from './inputerror.js'
import { FAIL_ON, type FailOn } from './status.js'

export const REPRODUCE = ['auto', 'always', 'never'] as const
export type Reproduce = (typeof REPRODUCE)[number]
export const MODES = ['auto', 'uffd', 'stress'] as const
export type Mode = (typeof MODES)[number]

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

export const INPUT_NAMES = [
  'reproduce',
  'mode',
  'duration',
  'compiler',
  'drill',
  'fail-on',
  'mitigate',
  'go-version',
  'memlock-threads',
  'report-path',
] as const

export function parseOptions(raw: RawInputs, root = '/'): Options {
  const options: Options = {
    root,
    reproduce: oneOf(raw, 'reproduce', REPRODUCE, 'auto'),
    mode: oneOf(raw, 'mode', MODES, 'auto'),
    duration: durationInput(raw, 'duration', 30),
    compiler: compilerInput(raw),
    drill: booleanInput(raw, 'drill', false),
    failOn: oneOf(raw, 'fail-on', FAIL_ON, 'vulnerable'),
    mitigate: booleanInput(raw, 'mitigate', false),
    goVersion: goVersionInput(raw),
    memlockThreads: integerInput(
      raw,
      'memlock-threads',
      DEFAULT_MEMLOCK_THREADS,
      1,
      1_000_000,
    ),
    reportPath: pathInput(raw, 'report-path'),
  }
  if (options.drill && options.reproduce === 'never') {
    throw new InputError(
      'drill',
      raw('drill').trim(),
      "false while reproduce is 'never' (a drill runs the reproducer)",
    )
  }
  return options
}

export function oneOf<T extends string>(
  raw: RawInputs,
  name: string,
  accepted: readonly T[],
  fallback: T,
): T {
  const value = raw(name).trim()
  if (value === '') return fallback
  if ((accepted as readonly string[]).includes(value)) return value as T
  throw new InputError(name, value, `one of: ${accepted.join(', ')}`)
}

/** The YAML 1.2 core-schema booleans, as @actions/core accepts them. */
export function booleanInput(
  raw: RawInputs,
  name: string,
  fallback: boolean,
): boolean {
  const value = raw(name).trim()
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(name, value, 'true or false')
}

export function integerInput(
  raw: RawInputs,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = raw(name).trim()
  if (value === '') return fallback
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new InputError(name, value, `a whole number from ${min} to ${max}`)
  }
  return n
}

function goVersionInput(raw: RawInputs): string | null {
  const value = raw('go-version').trim()
  if (value === '') return null
  if (!parseGoVersion(value)) {
    throw new InputError(
      'go-version',
      value,
      'a Go version such as 1.14.0, 1.15.5, go1.22.1',
    )
  }
  return value
}

function pathInput(raw: RawInputs, name: string): string | null {
  const value = raw(name).trim()
  if (value === '') return null
  if (value.includes('\0') || value.endsWith('/')) {
    throw new InputError(name, value, 'a file path (not a directory)')
  }
  return path.resolve(value)
}

const MAX_DURATION_S = 3600

/** "30s", "2m", "45" or "0.5" (seconds) → seconds. */
export function durationInput(
  raw: RawInputs,
  name: string,
  fallback: number,
): number {
  const value = raw(name).trim()
  if (value === '') return fallback
  const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(value)
  const seconds = m ? Number(m[1]) * (m[2] === 'm' ? 60 : 1) : NaN
  if (!(seconds >= 0.5 && seconds <= MAX_DURATION_S)) {
    throw new InputError(
      name,
      value,
      `a duration from 0.5s to 60m, such as 30s, 2m or 45 (seconds)`,
    )
  }
  return seconds
}

/** A program name or path: it is run with an argument array, never a shell. */
function compilerInput(raw: RawInputs): string {
  const value = raw('compiler').trim()
  if (value === '') return 'cc'
  if (/[\s;&|`$<>()'"\\]/.test(value)) {
    throw new InputError(
      'compiler',
      value,
      'one program name or path, such as cc, gcc-12 or /usr/bin/clang (no arguments)',
    )
  }
  return value
}
