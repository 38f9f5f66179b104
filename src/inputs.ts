// Every setting a user gives the audit, listed once: its name (the action's
// input, the CLI's flag --NAME, the hook's SIGVEC_NAME), its default, what
// it accepts, what it does, and which front doors read it. options.ts parses
// by this table; hook.ts and cli.ts take their flags, variables and help
// lines from it. action.yml stays hand-written, since GitHub reads it, and
// test/inputs.test.ts holds it against this table.
import { DEFAULT_MEMLOCK_THREADS } from './goruntime.js'
import { FAIL_ON } from './status.js'
import { RUN_MODES } from './evidence.js'

export const REPRODUCE = ['auto', 'always', 'never'] as const
export type Reproduce = (typeof REPRODUCE)[number]
export const MODES = ['auto', ...RUN_MODES] as const
export type Mode = (typeof MODES)[number]

export const MEMLOCK_THREADS_RANGE = { min: 1, max: 1_000_000 } as const
/** The longest reproducer run a duration may ask for, and the shortest. */
export const DURATION_RANGE_S = { min: 0.5, max: 3600 } as const

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
      'Run our reproducer: auto (when the kernel is not already settled as unaffected or not-applicable), always, never. Its evidence overrides the version check.',
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
    accepted: `a duration from ${DURATION_RANGE_S.min}s to ${DURATION_RANGE_S.max / 60}m, such as 30s, 2m or 45 (seconds)`,
    description:
      'The longest the reproducer may run: 30s, 2m, or seconds. It stops sooner at the first corruption or once it has seen enough trigger events.',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'TIME',
    help: 'longest reproducer run, as 2m or seconds',
  },
  {
    name: 'compiler',
    default: 'cc',
    accepted:
      'one program name or path, such as cc, gcc-12 or /usr/bin/clang (no arguments)',
    description:
      'The C compiler that builds the reproducer (a program name or path).',
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
    accepted: 'a Go version such as 1.14.0, 1.15.5, go1.22.1',
    description:
      'The Go version that builds your tests (e.g. 1.14.0). Default: what the go on PATH says (go env GOVERSION, or go version before Go 1.16); unknown means the worst case, 1.14.0.',
    action: true,
    cli: 'value',
    hook: true,
    placeholder: 'V',
    help: 'the Go that builds your tests (default: the go on PATH)',
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
      'Where to write the JSON Report. Default: $RUNNER_TEMP/sigvec-check-report.json.',
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
