// Runs the bundled action exactly as the runner does: INPUT_* variables
// (with action.yml's defaults filled in), GITHUB_OUTPUT / GITHUB_ENV /
// GITHUB_STEP_SUMMARY as real temp files, RUNNER_TEMP and RUNNER_TOOL_CACHE.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
)

interface ActionYml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
}

export function actionYml(): ActionYml {
  return parse(
    fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8'),
  ) as ActionYml
}

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  env: Record<string, string>
  summary: string
  /** RUNNER_TEMP, kept until the caller removes `dir`. */
  runnerTemp: string
  dir: string
}

export interface RunActionOptions {
  env?: Record<string, string>
  /** Folder holding runner-temp/ and tool-cache/ (kept across runs). */
  dir?: string
  onSpawn?: (pid: number) => void
  /** `ulimit -v` for the action's process, in KiB. */
  addressSpaceKiB?: number
  /** A program that runs the action (it execs its arguments). */
  wrapper?: string[]
  /** Modules node loads first (`node --import`), e.g. platform.mjs. */
  preload?: string[]
}

/**
 * key<<delimiter\nvalue\ndelimiter — the format of GITHUB_OUTPUT/ENV. Lines
 * end in os.EOL, \r\n on Windows; the runner reads either.
 */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] as string)
    if (!m) continue
    const [, key, delim] = m as unknown as [string, string, string]
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delim; i++)
      value.push(lines[i] as string)
    out[key] = value.join('\n')
  }
  return out
}

export async function runAction(
  inputs: Record<string, string>,
  opts: RunActionOptions = {},
): Promise<ActionRun> {
  const dir =
    opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-action-'))
  const runnerTemp = path.join(dir, 'runner-temp')
  const toolCache = path.join(dir, 'tool-cache')
  fs.mkdirSync(runnerTemp, { recursive: true })
  fs.mkdirSync(toolCache, { recursive: true })
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  }
  for (const f of Object.values(files)) fs.writeFileSync(f, '')

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    ...files,
  }
  for (const [name, spec] of Object.entries(actionYml().inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = spec.default ?? ''
  }
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  Object.assign(env, opts.env)

  const entry = [
    ...(opts.wrapper ?? []),
    process.execPath,
    ...(opts.preload ?? []).flatMap((m) => ['--import', m]),
    path.join(ROOT, 'dist', 'index.js'),
  ]
  const argv =
    opts.addressSpaceKiB === undefined
      ? entry
      : [
          'sh',
          '-c',
          `ulimit -v ${opts.addressSpaceKiB} && exec "$@"`,
          'sh',
          ...entry,
        ]
  const child = spawn(argv[0] as string, argv.slice(1), {
    env,
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (child.pid) opts.onSpawn?.(child.pid)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d) => (stdout += d))
  child.stderr.on('data', (d) => (stderr += d))
  const [code, signal] = await new Promise<
    [number | null, NodeJS.Signals | null]
  >((resolve) => child.on('close', (c, s) => resolve([c, s])))
  const read = (f: string) => fs.readFileSync(f, 'utf8')
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseCommandFile(read(files.GITHUB_OUTPUT)),
    env: parseCommandFile(read(files.GITHUB_ENV)),
    summary: read(files.GITHUB_STEP_SUMMARY),
    runnerTemp,
    dir,
  }
}
