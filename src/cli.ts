// The CLI (`npx sigvec-check`; cli-entry.ts calls main): the same audit and
// Report as the action, printed for a terminal, as JSON or as Prometheus lines;
// `merge`, which folds many Reports into one fleet table; and `hook`, the
// gate a self-hosted runner runs before every job.
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { audit, type AuditContext } from './audit.js'
import { captureHost } from './capture.js'
import { EXIT_CODES } from './exitcodes.js'
import { writeInputFile } from './files.js'
import { mergeReports, renderFleetMarkdown } from './fleet.js'
import { oneLine } from './markdown.js'
import {
  bootMemory,
  hookExitCode,
  hookOutcome,
  parseHookSettings,
} from './hook.js'
import { InputError } from './inputerror.js'
import {
  envName,
  HOOK_SETTINGS,
  INPUTS,
  type HookSetting,
  type InputSpec,
  sigvecVariableWarnings,
} from './inputs.js'
import {
  checkReportPath,
  checkRoot,
  parseOptions,
  type Options,
} from './options.js'
import { renderPrometheus } from './prometheus.js'
import { renderText, type Report } from './report.js'
import { findReportFiles, readReports } from './reportfiles.js'
import { TOOL_VERSION } from './version.js'
import { ioFolder } from './reproducer.js'

/** The audit command's flags from the input table, in its order. */
const AUDIT_FLAGS = INPUTS.filter((spec) => spec.cli !== null)

/** Words filled into lines of at most `width`, the first one after `first`. */
function fill(text: string, first: string, indent: string, width: number) {
  const lines = [first]
  for (const word of text.split(' ')) {
    const last = lines.length - 1
    const line = lines[last] as string
    const gap = line === '' || line.endsWith(' ') ? '' : ' '
    if (line.trim() !== '' && line.length + gap.length + word.length > width)
      lines.push(indent + word)
    else lines[last] = line + gap + word
  }
  return lines.join('\n')
}

/** One usage line: the flag, then its help from column 25. */
const flagLine = (flag: string, help: string) =>
  fill(help, `  ${flag}`.padEnd(25), ' '.repeat(25), 80)

const paragraph = (text: string) => fill(text, '', '', 76)

/** A table row's usage line, its default (where one is fixed) added. */
function inputLine(spec: InputSpec): string {
  const value = spec.cli === 'switch' ? '' : ` ${spec.placeholder}`
  const fixed = spec.default !== '' && spec.cli !== 'switch'
  const help = fixed ? `${spec.help} (default ${spec.default})` : spec.help
  return flagLine(`--${spec.name}${value}`, help)
}

const HOOK_ONLY = INPUTS.filter((spec) => spec.hook && spec.cli === null)
const HOOK_SHARED = INPUTS.filter((spec) => spec.hook && spec.cli !== null)

const USAGE = `Usage: sigvec-check [options]
       sigvec-check merge [--json] [--json-file FILE] REPORT|DIR...
       sigvec-check capture DIR
       sigvec-check hook ${HOOK_ONLY.map((s) => `[--${s.name} ${s.placeholder}]`).join(' ')} [options]

Audits this Linux machine (or a captured host) for the kernel bug that
corrupts AVX registers under signals, and for what Go 1.14–1.15 do about it.
On a machine that is not Linux (macOS, Windows) it says not-applicable at
once: the bug is the Linux kernel's.

Options:
${[
  flagLine(
    '--root DIR',
    'audit the host files captured under DIR (offline; nothing runs, so --drill, --mode, --duration, --compiler and --reproduce always are refused)',
  ),
  flagLine('--json', 'print the Report as JSON'),
  flagLine('--prometheus', 'print node_exporter textfile-collector lines'),
  ...AUDIT_FLAGS.map(inputLine),
  flagLine('--no-reproduce', 'the same as --reproduce never'),
  flagLine('--version', 'print the version'),
  flagLine('-h, --help', 'print this help'),
].join('\n')}

merge reads JSON Reports (files, or folders of *.json) and prints one
Markdown table, worst status first (--json: the JSON summary instead;
--json-file: write the JSON summary too).

capture copies the files the audit reads from this machine into DIR (new
or empty), for a later \`sigvec-check --root DIR\`.

${paragraph(
  "hook gates a self-hosted runner's jobs (ACTIONS_RUNNER_HOOK_JOB_STARTED= scripts/job-started.sh): the audit and its report, the reproducer at most once per kernel boot, and an exit code by fail-on. It takes " +
    ['root', ...HOOK_SHARED.map((s) => s.name)]
      .map((n) => `--${n}`)
      .join(', ') +
    ' and:',
)}
${HOOK_ONLY.map(inputLine).join('\n')}
${paragraph(
  'A hook gets no arguments: each of its options can be set as a variable instead, SIGVEC_ and the name in capitals (' +
    [...HOOK_ONLY, ...HOOK_SHARED]
      .slice(0, 3)
      .map((s) => envName(s.name))
      .join(', ') +
    ', ...); a flag wins over its variable.',
)}

Exit codes: 0 unaffected or not-applicable, 2 affected or vulnerable,
3 unknown (or --reproduce always without the reproducer's evidence), 1 usage
or runtime error; merge exits by the worst status.
`

class UsageError extends Error {}

function describe(err: unknown): string {
  if (err instanceof InputError) {
    // Lower case is a flag's name; SIGVEC_* names a hook's variable.
    const name = /^[A-Z]/.test(err.input) ? err.input : `--${err.input}`
    const problem = err.problem ? ` ${err.problem}` : ''
    return `invalid ${name}: ${JSON.stringify(err.value)}${problem}. Expected ${err.accepted}.`
  }
  return err instanceof Error ? err.message : String(err)
}

export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === 'merge') return await merge(argv.slice(1))
    if (argv[0] === 'capture') return await capture(argv.slice(1))
    if (argv[0] === 'hook') return await hook(argv.slice(1))
    return await single(argv)
  } catch (err) {
    const usage = err instanceof UsageError ? `\n${USAGE}` : ''
    process.stderr.write(`sigvec-check: ${describe(err)}\n${usage}`)
    return EXIT_CODES.usage
  }
}

/** A SIGVEC_* variable this command does not read is ignored: say so. */
function warnUnreadVariables(reader: 'hook' | 'audit'): void {
  for (const text of sigvecVariableWarnings(process.env, reader))
    process.stderr.write(`sigvec-check: warning: ${text}\n`)
}

/** parseArgs, with its complaints turned into usage errors. */
function usageOnThrow<T>(f: () => T): T {
  try {
    return f()
  } catch (err) {
    throw new UsageError((err as Error).message)
  }
}

/** parseArgs' options for rows of the input table. */
function tableFlags(
  specs: readonly InputSpec[],
): Record<string, { type: 'string' | 'boolean' }> {
  return Object.fromEntries(
    specs.map((spec) => [
      spec.name,
      { type: spec.cli === 'switch' ? 'boolean' : 'string' },
    ]),
  )
}

/** A flag's value as parseOptions reads it: a switch given is 'true'. */
function flagValue(value: string | boolean | undefined): string {
  return value === true ? 'true' : typeof value === 'string' ? value : ''
}

async function single(argv: string[]): Promise<number> {
  const { values: v } = usageOnThrow(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        root: { type: 'string' },
        json: { type: 'boolean' },
        prometheus: { type: 'boolean' },
        ...tableFlags(AUDIT_FLAGS),
        'no-reproduce': { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  )
  if (v.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (v.version) {
    process.stdout.write(`${TOOL_VERSION}\n`)
    return 0
  }
  if (v.json && v.prometheus)
    throw new UsageError('--json and --prometheus exclude each other')
  warnUnreadVariables('audit')
  if (typeof v.root === 'string') await checkRoot('root', v.root)
  // The table's flags, by the names parseOptions asks for.
  const given: Record<string, string | boolean | undefined> = v
  const reproduce = flagValue(given.reproduce)
  if (v['no-reproduce'] && reproduce !== '' && reproduce !== 'never') {
    throw new UsageError('--no-reproduce contradicts --reproduce ' + reproduce)
  }
  const options = parseOptions(
    (name) =>
      name === 'reproduce' && v['no-reproduce']
        ? 'never'
        : flagValue(given[name]),
    typeof v.root === 'string' ? v.root : '/',
  )
  await checkReportPath('report-path', options.reportPath)
  const quiet = v.json || v.prometheus
  const report = await auditHere(options, {
    log: (line) => {
      if (!quiet) process.stderr.write(`${line}\n`)
    },
  })
  process.stdout.write(
    v.json
      ? JSON.stringify(report, null, 2) + '\n'
      : v.prometheus
        ? renderPrometheus(report)
        : renderText(report),
  )
  return exitCode(report)
}

/**
 * The exit code by the status; a report that owes evidence asked for by
 * --reproduce always exits as unknown at best, since it was not settled as
 * asked.
 */
export function exitCode(report: Report): number {
  const code = EXIT_CODES[report.status]
  return report.decision.evidenceMissing !== null && code === 0
    ? EXIT_CODES.unknown
    : code
}

/**
 * Outside Actions the tool cache lives in the user's cache folder; messages
 * name the folder by where it came from and what would move it.
 */
function cliFolders(
  env: NodeJS.ProcessEnv,
): Pick<AuditContext, 'tempDir' | 'toolCacheDir' | 'folderNames'> {
  const tempDir = env.RUNNER_TEMP || os.tmpdir()
  const temp = env.RUNNER_TEMP
    ? 'RUNNER_TEMP'
    : `${tempDir}, the temp folder: set TMPDIR to move it`
  if (env.RUNNER_TOOL_CACHE)
    return {
      tempDir,
      toolCacheDir: env.RUNNER_TOOL_CACHE,
      folderNames: { toolCache: 'the tool cache (RUNNER_TOOL_CACHE)', temp },
    }
  const base = env.XDG_CACHE_HOME
    ? { dir: env.XDG_CACHE_HOME, said: '$XDG_CACHE_HOME/sigvec-check' }
    : {
        dir: path.join(os.homedir(), '.cache'),
        said: '$HOME/.cache/sigvec-check',
      }
  const toolCacheDir = path.join(base.dir, 'sigvec-check')
  return {
    tempDir,
    toolCacheDir,
    folderNames: {
      toolCache: `the cache folder ${toolCacheDir} (${base.said}; set XDG_CACHE_HOME or HOME to a folder you can write to move it)`,
      temp,
    },
  }
}

/** The audit of this machine (or --root), its Report also written to --report-path. */
async function auditHere(
  options: Options,
  extra: Pick<AuditContext, 'log' | 'remembered'>,
  /** How the user gave the report path, for errors: a flag or a variable. */
  reportPathName = 'report-path',
): Promise<Report> {
  const report = await audit(options, {
    godebug: process.env.GODEBUG,
    now: new Date(),
    ioDir: ioFolder(process.env),
    ...cliFolders(process.env),
    ...extra,
  })
  if (options.reportPath)
    await writeInputFile(
      reportPathName,
      options.reportPath,
      JSON.stringify(report, null, 2) + '\n',
    )
  return report
}

/** Everything goes to the job log; the exit code is the gate. */
async function hook(argv: string[]): Promise<number> {
  const { values: v } = usageOnThrow(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(
          HOOK_SETTINGS.map((name) => [name, { type: 'string' as const }]),
        ),
      },
    }),
  )
  if (v.help) {
    process.stdout.write(USAGE)
    return 0
  }
  warnUnreadVariables('hook')
  if (typeof v.root === 'string') await checkRoot('root', v.root)
  const settings = parseHookSettings(
    v as Partial<Record<HookSetting, string>>,
    process.env,
    (v.root as string | undefined) ?? '/',
  )
  const given: Record<string, unknown> = v
  const reportPathName =
    given['report-path'] !== undefined ? 'report-path' : envName('report-path')
  await checkReportPath(reportPathName, settings.options.reportPath)
  const log = (line: string) => process.stderr.write(`${line}\n`)
  const remembered = (await bootMemory(settings, log)) ?? undefined
  const report = await auditHere(
    settings.options,
    { log, remembered },
    reportPathName,
  )
  const { failOn } = settings.options
  process.stdout.write(
    renderText(report) + '\n' + hookOutcome(report.status, failOn),
  )
  return hookExitCode(report.status, failOn)
}

async function merge(argv: string[]): Promise<number> {
  const { values: v, positionals } = usageOnThrow(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'json-file': { type: 'string' },
      },
    }),
  )
  if (positionals.length === 0)
    throw new UsageError('merge needs at least one Report file or folder')
  const warn = (line: string) =>
    process.stderr.write(`sigvec-check: ${oneLine(line)}\n`)
  const files = await findReportFiles(positionals, warn)
  const { entries, duplicates } = await readReports(files)
  const summary = mergeReports(entries, duplicates)
  // Said on stderr too: a job summary is not where a failing job is read.
  for (const row of summary.rows)
    if (row.invalid !== null) warn(`${row.invalid}; counted as unknown`)
  const json = JSON.stringify(summary, null, 2) + '\n'
  if (v['json-file']) await writeInputFile('json-file', v['json-file'], json)
  process.stdout.write(v.json ? json : renderFleetMarkdown(summary))
  return summary.worst ? EXIT_CODES[summary.worst] : EXIT_CODES.usage
}

async function capture(argv: string[]): Promise<number> {
  const { positionals } = usageOnThrow(() =>
    parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {},
    }),
  )
  if (positionals.length !== 1)
    throw new UsageError('capture needs exactly one folder')
  const r = await captureHost('/', positionals[0] as string)
  process.stdout.write(
    `captured ${r.copied.length} files into ${r.dir}` +
      (r.missing.length
        ? `; not on this machine: ${r.missing.join(', ')}`
        : '') +
      (r.unreadable.length
        ? `; unreadable: ${r.unreadable.map((u) => `${u.file} (${u.error})`).join(', ')}`
        : '') +
      `\naudit it with: sigvec-check --root ${r.dir}\n`,
  )
  return 0
}
