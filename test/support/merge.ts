// Runs `merge` over real Reports: those of the captured hosts, audited by the
// CLI as users run it, then saved (or damaged) as files in a temp folder.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './action.js'

export const HOSTS = path.join(ROOT, 'test', 'fixtures', 'hosts')

/**
 * The CLI that `npm test` has just compiled from this tree's src/, so merge
 * is tested as written here; dist/ is bundled from the same code later.
 */
export function source(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'build', 'src', 'cli-entry.js'), ...args],
    { encoding: 'utf8', env },
  )
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const reports = new Map<string, string>()

/** The JSON Report of a captured host, audited offline (once per run). */
export function reportText(host: string): string {
  let text = reports.get(host)
  if (text === undefined) {
    const r = source(['--root', path.join(HOSTS, host), '--json'])
    if (r.stdout === '') throw new Error(`no Report for ${host}: ${r.stderr}`)
    text = r.stdout
    reports.set(host, text)
  }
  return text
}

/** A Report as tests damage it: any field may be set to anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReportDoc = Record<string, any>

/** A captured host's Report, parsed, to be changed before it is saved. */
export function reportDoc(host: string): ReportDoc {
  return JSON.parse(reportText(host)) as ReportDoc
}

const dirs: string[] = []

/** A new temp folder, removed by `removeFolders`. */
export function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-fleet-'))
  dirs.push(dir)
  return dir
}

export function removeFolders(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true })
}

/** Writes `files` (name → content) into a new folder and returns it. */
export function reportFolder(files: Record<string, string | Buffer>): string {
  const dir = folder()
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), content)
  }
  return dir
}

export interface FleetJson {
  schema: string
  hosts: number
  worst: string | null
  counts: Record<string, number>
  invalid: number
  duplicates: Array<{ source: string; sameAs: string }>
  rows: Array<{
    source: string
    host: string
    kernel: string
    status: string
    invalid: string | null
  }>
}

/** `merge --json`, with its summary parsed. */
export function mergeJson(args: string[]) {
  const r = source(['merge', '--json', ...args])
  const summary = r.stdout ? (JSON.parse(r.stdout) as FleetJson) : null
  return { ...r, summary }
}
