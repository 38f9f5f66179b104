// What the action says to the runner: inputs from INPUT_* variables, the
// file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STEP_SUMMARY) and the
// workflow commands on stdout (::debug::, ::warning::, ::error::), as
// GitHub's "Workflow commands for GitHub Actions" page documents them.
//
// We write these few lines ourselves instead of loading @actions/core: its
// OIDC client pulls in undici, whose HTTP parser is WebAssembly compiled at
// import time. Under a modest `ulimit -v` that compile cannot reserve its
// address space and the process dies before the audit starts; and the load
// alone costs more than the whole static audit. The action never makes an
// HTTP request.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'

/** INPUT_<NAME>: spaces become underscores, letters capitals; trimmed. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export function getInput(
  name: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return (env[inputVariable(name)] ?? '').trim()
}

/**
 * `name<<DELIM`, the value, `DELIM`: the multi-line form of a file
 * command. The delimiter is random, so no value can end the block early;
 * a value that holds it anyway is refused rather than written.
 */
function fileCommandEntry(name: string, value: string): string {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`${name}: the value holds the file-command delimiter`)
  return `${name}<<${delimiter}${os.EOL}${value}${os.EOL}${delimiter}${os.EOL}`
}

/**
 * Appends all entries to the file the runner named in `variable` at once,
 * so a later failure cannot leave half of them behind. Returns false when
 * the runner named no file (a run outside Actions).
 */
async function appendFileCommand(
  variable: 'GITHUB_OUTPUT' | 'GITHUB_ENV',
  entries: Record<string, string>,
  env: NodeJS.ProcessEnv,
): Promise<boolean> {
  const file = env[variable]
  if (!file) return false
  const text = Object.entries(entries)
    .map(([name, value]) => fileCommandEntry(name, value))
    .join('')
  await fs.appendFile(file, text, 'utf8').catch((err: Error) => {
    throw new Error(`cannot write ${variable} (${file}): ${err.message}`)
  })
  return true
}

export async function setOutputs(
  outputs: Record<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  await appendFileCommand('GITHUB_OUTPUT', outputs, env)
}

/** For later steps (GITHUB_ENV) and for this process. */
export async function exportVariable(
  name: string,
  value: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  await appendFileCommand('GITHUB_ENV', { [name]: value }, env)
  env[name] = value
}

/** Appends Markdown to the job summary; false when there is none. */
export async function appendSummary(
  markdown: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY
  if (!file) return false
  await fs.appendFile(file, markdown, 'utf8').catch((err: Error) => {
    throw new Error(
      `cannot write GITHUB_STEP_SUMMARY (${file}): ${err.message}`,
    )
  })
  return true
}

// A command's message ends at a newline and its properties at ':' or ',',
// so those are written percent-encoded, as the runner decodes them.
const escapeMessage = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const escapeProperty = (s: string) =>
  escapeMessage(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

export type AnnotationLevel = 'error' | 'warning' | 'notice'

/** One workflow command line, e.g. `::warning title=T::message`. */
export function workflowCommand(
  command: AnnotationLevel | 'debug',
  message: string,
  properties: Record<string, string> = {},
): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',')
  return `::${command}${props ? ' ' + props : ''}::${escapeMessage(message)}${os.EOL}`
}

/** Where the commands go; the tests hand in their own. */
export type Write = (text: string) => void
const stdout: Write = (text) => process.stdout.write(text)

export function info(line: string, write: Write = stdout): void {
  write(line + os.EOL)
}

export function debug(message: string, write: Write = stdout): void {
  write(workflowCommand('debug', message))
}

export function annotate(
  level: AnnotationLevel,
  message: string,
  title?: string,
  write: Write = stdout,
): void {
  write(workflowCommand(level, message, title ? { title } : {}))
}

/** An error annotation and a failing exit code. */
export function setFailed(message: string, write: Write = stdout): void {
  annotate('error', message, undefined, write)
  process.exitCode = 1
}
