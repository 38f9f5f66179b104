// Every setting a user gives the audit, listed once: its name (the action's
// input, the CLI's flag --NAME, the hook's SIGVEC_NAME), its default, what
// it accepts, what it does, and which front doors read it. options.ts parses
// by this table; hook.ts and cli.ts take their flags, variables and help
// lines from it. action.yml stays hand-written, since GitHub reads it, and
// test/inputs.test.ts holds it against this table.
import { DEFAULT_MEMLOCK_THREADS } from './goruntime.js'
import { FAIL_ON } from './status.js'
import { RUN_MODES } from './evidence.js'
import { TOOL_DEADLINE_ENV } from './spawn.js'

export const REPRODUCE = ['auto', 'always', 'never'] as const
export type Reproduce = (typeof REPRODUCE)[number]
export const MODES = ['auto', ...RUN_MODES] as const
export type Mode = (typeof MODES)[number]

export const MEMLOCK_THREADS_RANGE = { min: 1, max: 1_000_000 } as const
/** The longest reproducer run a duration may ask for, and the shortest. */
export const DURATION_RANGE_S = { min: 0.5, max: 3600 } as const

/**
 * The duration grammar, said once: numbers (whole or with a decimal part)
 * followed by h, m and s, each at most once and in that order, as Go's
 * time.ParseDuration writes them but without a sign or smaller units; or a
 * bare number, which is seconds. options.ts parses by it.
 */
export const DURATION_ACCEPTED = `a duration from ${DURATION_RANGE_S.min}s to 1h: numbers with the units h, m and s in that order, such as 30s, 2m, 1m30s, 1.5m or 1h, or a bare number of seconds such as 45 (no sign, no other unit)`

/** The Go version forms accepted, said once (goruntime.ts parses them). */
export const GO_VERSION_ACCEPTED =
  "a Go version such as 1.14.0, go1.15.8 or 1.22.1, or a release family as setup-go writes it, 1.15 or 1.15.x (judged as the family's worst case for this check, its first release 1.15.0); not a range such as 1.x, >=1.14 or ^1.15"

export interface InputSpec {
  readonly name: string
  /** The value taken when none is given, as action.yml writes it; '' when
   * it is found at run time (`help` and `description` say how). */
  readonly default: string
  /** What a value must be: every error about this setting ends with it. */
  readonly accepted: string
  /** action.yml's description, folded onto one line. */
  readonly description: string
  /** An input of the action (action.yml). */
  readonly action: boolean
  /** How the audit command takes it: --NAME VALUE, a bare --NAME, or not. */
  readonly cli: 'value' | 'switch' | null
  /** Read by `sigvec-check hook`: the flag --NAME, else SIGVEC_NAME. */
  readonly hook: boolean
  /** What stands for the value in the usage text. */
  readonly placeholder: string
  /** The usage text's line, without the default (added from `default`). */
  readonly help: string
}

const oneOfText = (values: readonly string[]) => `one of: ${values.join(', ')}`

export const INPUTS = [
  {
    name: 'reproduce',
    default: 'auto',
    accepted: oneOfText(REPRODUCE),
    description:
      'Run our reproducer: auto (when the kernel is not already settled as unaffected or not-applicable), always, never. Its evidence overrides the version check. always: a run that gives no evidence (no compiler, a mode this machine refuses, a failed self-test) raises an error and fails the step, since you asked for evidence; on a machine that is not Linux, nothing runs and nothing fails.',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'WHEN',
    help: 'run the reproducer: auto, always, never',
  },
  {
    name: 'mode',
    default: 'auto',
    accepted: oneOfText(MODES),
    description:
      'Reproducer mode: uffd (userfaultfd holds each signal-stack fault-in so a competing task runs), io (the signal stack is a file on a disk, evicted before each signal, so the fault-in sleeps on a read; needs no privilege), stress (spinners beside each checker; never clears), auto (uffd where permitted, else io where RUNNER_TEMP, the workspace or TMPDIR is on a disk, else stress).',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'MODE',
    help: 'reproducer mode: auto, uffd, io or stress',
  },
  {
    name: 'duration',
    default: '30s',
    accepted: DURATION_ACCEPTED,
    description:
      'The longest the reproducer may run, from 0.5s to 1h: numbers with the units h, m and s in that order (30s, 2m, 1m30s, 1.5m, 1h), or a bare number of seconds (45). It stops sooner at the first corruption or once it has seen enough trigger events.',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'TIME',
    help: 'longest reproducer run: 30s, 2m, 1m30s, 1h or seconds',
  },
  {
    name: 'compiler',
    default: 'cc',
    accepted:
      'one program name or path, such as cc, gcc-12 or /usr/bin/clang (no arguments)',
    description:
      'The C compiler that builds the reproducer (a program name on PATH, or a path).',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'CC',
    help: 'C compiler for the reproducer',
  },
  {
    name: 'drill',
    default: 'false',
    accepted: 'true or false',
    description:
      'true: the real run injects corruption on purpose, so you can rehearse how the workflow reacts to an affected kernel. Everything it produces says DRILL.',
    action: true,
    cli: 'switch',
    hook: false,
    placeholder: '',
    help: 'inject corruption on purpose (rehearsal)',
  },
  {
    name: 'fail-on',
    default: 'vulnerable',
    accepted: oneOfText(FAIL_ON),
    description:
      'Fail the step at this status or worse: affected, vulnerable (affected or vulnerable), unknown (also when the kernel cannot be judged), never.',
    action: true,
    cli: null,
    hook: true,
    placeholder: 'LEVEL',
    help: 'affected, vulnerable, unknown or never: a status below the level exits 0',
  },
  {
    name: 'mitigate',
    default: 'false',
    accepted: 'true or false',
    description:
      'true: instead of failing, export GODEBUG with asyncpreemptoff=1 merged into any existing GODEBUG for the later steps, and warn.',
    action: true,
    cli: null,
    hook: false,
    placeholder: '',
    help: 'export GODEBUG=asyncpreemptoff=1 to later steps instead of failing',
  },
  {
    name: 'go-version',
    default: '',
    accepted: GO_VERSION_ACCEPTED,
    description:
      "The Go version that builds your tests: 1.14.0, go1.15.8, or a family as setup-go takes it, 1.15 or 1.15.x, judged as the family's worst case for this check (its first release, 1.15.0). Ranges such as 1.x or >=1.14 are refused. Default: what the go on PATH says (go env GOVERSION, or go version before Go 1.16); unknown means the worst case, 1.14.0.",
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'V',
    help: 'the Go that builds your tests, as 1.15.8, or 1.15.x for its family (default: the go on PATH)',
  },
  {
    name: 'memlock-threads',
    default: String(DEFAULT_MEMLOCK_THREADS),
    accepted: `a whole number from ${MEMLOCK_THREADS_RANGE.min} to ${MEMLOCK_THREADS_RANGE.max}`,
    description:
      'OS threads the RLIMIT_MEMLOCK limit must cover; Go 1.14–1.15 lock 4 KiB per thread on a kernel they think buggy.',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'N',
    help: 'threads the memlock limit must cover',
  },
  {
    name: 'report-path',
    default: '',
    accepted: 'a file path (not a directory)',
    description:
      'Where to write the JSON Report: a file path, not a folder (a folder is refused before the audit runs). Default: $RUNNER_TEMP/sigvec-check-report.json.',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'FILE',
    help: 'also write the JSON Report to FILE',
  },
  {
    name: 'state-dir',
    default: '',
    accepted: 'an absolute folder path, such as /var/lib/sigvec-check',
    description: '',
    action: false,
    cli: null,
    hook: true,
    placeholder: 'DIR',
    help: "where the reproducer's result is kept per boot (default ~/.local/state/sigvec-check)",
  },
] as const satisfies readonly InputSpec[]

export type InputName = (typeof INPUTS)[number]['name']

export function inputSpec(name: InputName): InputSpec {
  return INPUTS.find((spec) => spec.name === name) as InputSpec
}

/** The action's inputs, in action.yml's order. */
export const ACTION_INPUTS: readonly InputName[] = INPUTS.filter(
  (spec) => spec.action,
).map((spec) => spec.name)

/** What the hook reads: the flag --NAME, else the variable SIGVEC_NAME. */
export const HOOK_SETTINGS: readonly InputName[] = INPUTS.filter(
  (spec) => spec.hook,
).map((spec) => spec.name)
export type HookSetting = InputName

export function envName(setting: HookSetting): string {
  return `SIGVEC_${setting.toUpperCase().replace(/-/g, '_')}`
}

/** Every SIGVEC_* variable the tool reads: the hook's, from the table, and
 * the tool deadline's override. */
export const KNOWN_ENV_NAMES: readonly string[] = [
  ...HOOK_SETTINGS.map(envName),
  TOOL_DEADLINE_ENV,
]

/** Levenshtein distance: the edits that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      )
    }
    row = next
  }
  return row[b.length] as number
}

export interface UnknownVariable {
  name: string
  closest: string
}

/**
 * SIGVEC_* variables in `env` that the tool does not read (a typo is
 * otherwise ignored in silence), each with the known name closest to it.
 */
export function unknownSigvecVariables(
  env: NodeJS.ProcessEnv,
): UnknownVariable[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('SIGVEC_'))
    .filter((name) => !KNOWN_ENV_NAMES.includes(name))
    .sort()
    .map((name) => {
      let closest = KNOWN_ENV_NAMES[0] as string
      for (const known of KNOWN_ENV_NAMES)
        if (editDistance(name, known) < editDistance(name, closest))
          closest = known
      return { name, closest }
    })
}

const HOOK_ONLY = ' (which only `sigvec-check hook` reads)'

/**
 * The warnings for the SIGVEC_* variables in `env`, as `reader` sees them:
 * the hook reads its settings' variables; an audit (the CLI's, the
 * action's) reads none of them, so one given there is ignored too, and said
 * to be.
 */
export function sigvecVariableWarnings(
  env: NodeJS.ProcessEnv,
  reader: 'hook' | 'audit',
): string[] {
  const hookOnly = (name: string) =>
    reader === 'audit' && name !== TOOL_DEADLINE_ENV
  const given = Object.keys(env)
    .filter((name) => KNOWN_ENV_NAMES.includes(name) && hookOnly(name))
    .sort()
    .map(
      (name) =>
        `${name} is read only by \`sigvec-check hook\`, so it is ignored here; give its setting as a flag or an action input instead`,
    )
  const typos = unknownSigvecVariables(env).map(
    (v) =>
      `${v.name} is not a variable sigvec-check reads, so it is ignored; did you mean ${v.closest}${hookOnly(v.closest) ? HOOK_ONLY : ''}?`,
  )
  return [...given, ...typos]
}
