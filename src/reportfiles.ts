// Finds and reads the Report files given to `merge`. They come from other
// machines (artifacts of a matrix, a fleet's uploads), so each is hostile
// input: only regular files, only so many bytes, no link followed out of a
// folder, and each report counted once however many times it is reached.
// Whatever cannot be read or validated becomes an invalid entry, which merge
// counts as unknown: a fleet view fails closed (DESIGN.md, Trust).
import { createHash } from 'node:crypto'
import type { Stats } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { readBounded, ReadRefusal } from './files.js'
import type { FleetDuplicate, FleetEntry } from './fleet.js'
import { checkReport, checkText } from './reportcheck.js'

/**
 * The largest file merge reads as a Report. A real one is a few KiB (tens
 * with a failed compile's output); a cap keeps one hostile file from
 * filling memory before it is refused.
 */
export const MAX_REPORT_BYTES = 1024 * 1024

/** A file to read, and whether it was found inside a folder given to merge. */
interface Candidate {
  file: string
  /** The folder it was found in (given to merge), or null: named itself. */
  folder: string | null
  symlink: boolean
  /** Why it cannot even be looked at (a folder that cannot be listed). */
  problem?: string
}

/**
 * The Reports the arguments name: a file as given (a link the user names
 * is followed), a folder searched for `*.json` below it. Inside a folder no
 * link to a folder is entered and a `*.json` link is read only where it
 * leads to a file in the same folder.
 */
export async function findReportFiles(
  args: string[],
  note: (line: string) => void,
): Promise<Candidate[]> {
  const out: Candidate[] = []
  for (const p of args) {
    const st = await fs.stat(p).catch(() => null)
    if (!st) throw new Error(`${p}: no such file or folder`)
    if (!st.isDirectory()) {
      out.push({ file: p, folder: null, symlink: false })
      continue
    }
    const found = await jsonFilesUnder(p, p, note)
    if (found.length === 0)
      throw new Error(`${p}: no *.json Reports in this folder`)
    out.push(...found.sort((a, b) => a.file.localeCompare(b.file)))
  }
  return out
}

async function jsonFilesUnder(
  folder: string,
  dir: string,
  note: (line: string) => void,
): Promise<Candidate[]> {
  const out: Candidate[] = []
  const entries = await fs
    .readdir(dir, { withFileTypes: true })
    .catch((err: NodeJS.ErrnoException) => err)
  if (entries instanceof Error) {
    // Reports may be in there: a folder that cannot be listed is no less
    // unknown than a file that cannot be read.
    const problem = `a folder that cannot be listed (${entries.code ?? entries.message})`
    return [{ file: dir, folder, symlink: false, problem }]
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name)
    const json = entry.name.endsWith('.json')
    if (entry.isDirectory()) {
      out.push(...(await jsonFilesUnder(folder, file, note)))
    } else if (entry.isSymbolicLink()) {
      if (json) out.push({ file, folder, symlink: true })
      else if (await isFolder(file))
        note(`${file}: a link to a folder, not followed`)
    } else if (json) {
      // Not only regular files: a FIFO or a socket named *.json must show
      // up as refused, not vanish from the count.
      out.push({ file, folder, symlink: false })
    }
  }
  return out
}

const isFolder = (p: string) =>
  fs.stat(p).then(
    (st) => st.isDirectory(),
    () => false,
  )

/** A file's bytes, or why they were not read; `identity` spots the same file. */
type FileRead =
  | { identity: string | null; bytes: Buffer }
  | { identity: string | null; problem: string }

/**
 * Reads a Report file (files.ts readBounded: regular, at most
 * MAX_REPORT_BYTES), O_NOFOLLOW where no link may be followed, so one
 * swapped in after the folder was listed is refused too.
 */
async function readReportFile(
  file: string,
  noFollow: boolean,
): Promise<FileRead> {
  const identityOf = (st: Stats) => `${st.dev}:${st.ino}`
  try {
    const read = await readBounded(file, {
      maxBytes: MAX_REPORT_BYTES,
      noFollow,
    })
    return { identity: identityOf(read.stat), bytes: read.bytes }
  } catch (err) {
    if (err instanceof ReadRefusal) {
      const grew = err.size.startsWith('at least')
      const problem =
        err.reason === 'folder'
          ? 'a folder'
          : err.reason === 'not regular'
            ? 'not a regular file'
            : tooLarge(grew ? 'it grew while read' : `${err.size} bytes`)
      return { identity: identityOf(err.stat), problem }
    }
    const code = (err as NodeJS.ErrnoException).code ?? String(err)
    return {
      identity: null,
      problem:
        code === 'ELOOP'
          ? 'a symbolic link, not followed'
          : `cannot be read (${code})`,
    }
  }
}

const tooLarge = (size: string) =>
  `too large (${size}; a Report may hold at most ${MAX_REPORT_BYTES} bytes), not read`

/** Where a link found in `folder` leads, if that is inside the folder. */
async function insideFolder(
  link: string,
  folder: string,
): Promise<{ target: string } | { problem: string }> {
  const [target, root] = await Promise.all([
    fs.realpath(link).catch(() => null),
    fs.realpath(folder),
  ])
  if (target === null) return { problem: 'a symbolic link to nothing' }
  const rel = path.relative(root, target)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    return {
      problem: `a symbolic link out of ${folder}, not followed`,
    }
  return { target }
}

async function readCandidate(c: Candidate): Promise<FileRead> {
  if (c.problem) return { identity: null, problem: c.problem }
  if (!c.symlink || c.folder === null) return readReportFile(c.file, !!c.folder)
  const inside = await insideFolder(c.file, c.folder)
  if ('problem' in inside) return { identity: null, ...inside }
  return readReportFile(inside.target, true)
}

const sha256 = (data: string | Buffer) =>
  createHash('sha256').update(data).digest('hex')

/**
 * A key for a Report's content, whatever its spacing; null where fields
 * merge never checked nest too deep to stringify (then bytes decide).
 */
function contentKey(doc: unknown): string | null {
  try {
    return `report ${sha256(JSON.stringify(doc))}`
  } catch {
    return null
  }
}

/** Reads a Report's bytes as a parsed document, or says why not. */
function parse(bytes: Buffer): { doc: unknown } | { problem: string } {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { problem: 'not UTF-8 text' }
  }
  try {
    return { doc: JSON.parse(text) }
  } catch (err) {
    return { problem: notJson((err as Error).message) }
  }
}

/**
 * Why a file is not JSON, in fixed words: JSON.parse's own message quotes
 * the start of the file (Node 20: `Unexpected token 'r', "root:$6$ab"...`),
 * which could be a secret of whatever file the Report name pointed at.
 * Only the position it gives, a number, is kept.
 */
function notJson(message: string): string {
  if (/^Unexpected end of JSON input/.test(message))
    return 'not JSON (it ends early)'
  const at = /\bposition (\d+)\b/.exec(message)?.[1]
  return at === undefined ? 'not JSON' : `not JSON (at position ${at})`
}

/**
 * Reads, checks and counts each file once. A file reached twice (the same
 * device and inode) or a Report with the same content under another name is
 * one host; two different Reports naming the same host stay two, so a
 * forged Report can never stand in for a real one.
 */
export async function readReports(
  files: Candidate[],
): Promise<{ entries: FleetEntry[]; duplicates: FleetDuplicate[] }> {
  const entries: FleetEntry[] = []
  const duplicates: FleetDuplicate[] = []
  const seen = new Map<string, string>()
  /** True when `keys` name something already counted. */
  const counted = (source: string, keys: Array<string | null>) => {
    for (const key of keys) {
      const first = key === null ? undefined : seen.get(key)
      if (first !== undefined) {
        duplicates.push({ source, sameAs: first })
        return true
      }
    }
    for (const key of keys) if (key !== null) seen.set(key, source)
    return false
  }
  for (const c of files) {
    const source = c.file
    const read = await readCandidate(c)
    const file = read.identity === null ? null : `file ${read.identity}`
    if ('problem' in read) {
      if (!counted(source, [file]))
        entries.push({ source, invalid: read.problem, host: null })
      continue
    }
    const parsed = parse(read.bytes)
    if ('problem' in parsed) {
      if (!counted(source, [file, `bytes ${sha256(read.bytes)}`]))
        entries.push({ source, invalid: parsed.problem, host: null })
      continue
    }
    const check = checkReport(parsed.doc)
    const keys = [file, `bytes ${sha256(read.bytes)}`]
    // The same Report saved with other spacing or indentation is the same
    // content.
    if (check.ok) keys.push(contentKey(check.report))
    if (counted(source, keys)) continue
    entries.push(
      check.ok
        ? { source, report: check.report }
        : { source, invalid: checkText(check), host: check.host },
    )
  }
  return { entries, duplicates }
}
