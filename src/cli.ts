// The CLI (dist/cli.js, `npx sigvec-check`): the same audit and Report as
// the action, printed for a terminal or as JSON.
import { parseArgs } from 'node:util'
import { audit } from './audit.js'
import { writeFileAtomic } from './files.js'
import { InputError, parseOptions } from './options.js'
import { renderText } from './report.js'
import { TOOL_VERSION } from './version.js'
import type { Status } from './verdict.js'

/** Exit codes scripts rely on (DESIGN.md), after spectre-meltdown-checker. */
export const EXIT_CODES: Record<Status | 'usage', number> = {
  unaffected: 0,
  'not-applicable': 0,
  affected: 2,
  vulnerable: 2,
  unknown: 3,
  usage: 1,
}

const USAGE = `Usage: sigvec-check [options]

Audits this Linux machine (or a captured host) for the kernel bug that
corrupts AVX registers under signals, and for what Go 1.14–1.15 do about it.

Options:
  --root DIR             audit the host files captured under DIR (offline)
  --json                 print the Report as JSON instead of text
  --go-version V         the Go that builds your tests (default: go env GOVERSION)
  --memlock-threads N    threads the memlock limit must cover (default 64)
  --report-path FILE     also write the JSON Report to FILE
  --version              print the version
  -h, --help             print this help

Exit codes: 0 unaffected or not-applicable, 2 affected or vulnerable,
3 unknown, 1 usage or runtime error.
`

export async function main(argv: string[]): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        root: { type: 'string' },
        json: { type: 'boolean' },
        'go-version': { type: 'string' },
        'memlock-threads': { type: 'string' },
        'report-path': { type: 'string' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    process.stderr.write(`sigvec-check: ${(err as Error).message}\n\n${USAGE}`)
    return EXIT_CODES.usage
  }
  const v = args.values
  if (v.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (v.version) {
    process.stdout.write(`${TOOL_VERSION}\n`)
    return 0
  }
  try {
    const flags: Record<string, unknown> = v
    if (v.root === '') throw new InputError('root', '', 'a directory')
    const options = parseOptions(
      (name) => (typeof flags[name] === 'string' ? flags[name] : ''),
      v.root ?? '/',
    )
    const report = await audit(options, {
      godebug: process.env.GODEBUG,
      now: new Date(),
    })
    const json = JSON.stringify(report, null, 2) + '\n'
    if (options.reportPath) await writeFileAtomic(options.reportPath, json)
    process.stdout.write(v.json ? json : renderText(report))
    return EXIT_CODES[report.status]
  } catch (err) {
    const message =
      err instanceof InputError
        ? `invalid --${err.input}: ${JSON.stringify(err.value)}. Expected ${err.accepted}.`
        : err instanceof Error
          ? err.message
          : String(err)
    process.stderr.write(`sigvec-check: ${message}\n`)
    return EXIT_CODES.usage
  }
}

process.exitCode = await main(process.argv.slice(2))
