// Builds the reproducer (every unit in native/) with the real compiler and
// runs it as a real process: the reproducer's tests and bench share this,
// nothing is faked.
import { execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { COMPILE_FLAGS } from '../src/compile.js'
import type { ReproducerLine } from '../src/evidence.js'
import { tempDirForNobody } from './privileges.js'

const execFileAsync = promisify(execFile)

const here = path.dirname(fileURLToPath(import.meta.url))
// build/harness → repository root; the C files are not copied into build/.
export const NATIVE_DIR = path.resolve(here, '..', '..', 'native')

/** `native/*.c`, as the one-line build takes them: main and every unit. */
export function reproSources(): string[] {
  return fs
    .readdirSync(NATIVE_DIR)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => path.join(NATIVE_DIR, f))
}

/** The flags the action builds with, plus -Werror: a warning fails here. */
export const STRICT_FLAGS = [...COMPILE_FLAGS, '-Werror']

export interface Build {
  binary: string
  stderr: string
}

/** The reproducer's line: one type, the one the action reads (src/evidence.ts). */
export type ReproLine = ReproducerLine

export interface ReproRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  line: ReproLine | null
  wallSeconds: number
}

let workDir: string | null = null
const builds = new Map<string, Promise<Build>>()

function dir(): string {
  // Tests run the binaries as an unprivileged user too.
  if (!workDir) workDir = tempDirForNobody('sigvec-native-')
  return workDir
}

/** Compiles once per flag set; later calls reuse the binary. */
export function buildReproducer(extraFlags: string[] = []): Promise<Build> {
  const key = extraFlags.join(' ')
  let build = builds.get(key)
  if (!build) {
    const binary = path.join(dir(), `sigvec-repro-${builds.size}`)
    build = execFileAsync('cc', [
      ...STRICT_FLAGS,
      ...extraFlags,
      '-o',
      binary,
      ...reproSources(),
    ]).then(({ stderr }) => ({ binary, stderr }))
    builds.set(key, build)
  }
  return build
}

/** Removes every binary this module built. */
export function removeBuilds(): void {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
  workDir = null
  builds.clear()
}

export function parseLine(stdout: string): ReproLine | null {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '')
  if (lines.length !== 1 || lines[0] === undefined) return null
  return JSON.parse(lines[0]) as ReproLine
}

export interface RunOptions {
  /** Run through another program first, e.g. setpriv to drop privileges. */
  wrapper?: string[]
  timeoutMs?: number
}

export function runReproducer(
  binary: string,
  args: string[],
  options: RunOptions = {},
): Promise<ReproRun> {
  const argv = [...(options.wrapper ?? []), binary, ...args]
  const [file, ...rest] = argv as [string, ...string[]]
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(file, rest, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(
      () => child.kill('SIGKILL'),
      options.timeoutMs ?? 30_000,
    )
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9
      let line: ReproLine | null = null
      try {
        line = parseLine(stdout)
      } catch {
        line = null
      }
      resolve({ code, signal, stdout, stderr, line, wallSeconds })
    })
  })
}

// /proc/<pid>/status, not stat: stat computes wchan, and reading it for some
// kernel threads stalled for seconds on this machine while the reproducer
// loaded both CPUs. status carries the state and the process group too.
export interface ProcStatus {
  pid: number
  name: string
  state: string
  ppid: number
  pgid: number
}

function statusFields(pid: string): ProcStatus | null {
  let status: string
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  } catch {
    return null // gone while we looked
  }
  const state = /^State:\s+(\S)/m.exec(status)?.[1] ?? '?'
  const pgid = Number(/^NSpgid:\s+(\d+)/m.exec(status)?.[1] ?? -1)
  const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? -1)
  const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? ''
  return { pid: Number(pid), name, state, ppid, pgid }
}

/** Every live (non-zombie) process. */
export function liveProcesses(): ProcStatus[] {
  const out: ProcStatus[] = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const f = statusFields(name)
    if (f && f.state !== 'Z' && f.state !== 'X') out.push(f)
  }
  return out
}

/** Live (non-zombie) processes whose process group is `pgid`. */
export function groupMembers(pgid: number): number[] {
  return liveProcesses()
    .filter((p) => p.pgid === pgid)
    .map((p) => p.pid)
}

/** Whether a pid is still a live (non-zombie) process. */
export function isAlive(pid: number): boolean {
  const f = statusFields(String(pid))
  return f !== null && f.state !== 'Z' && f.state !== 'X'
}

/** Whether an ELF file asks for a program interpreter (is dynamic). */
export function hasInterpreter(file: string): boolean {
  const elf = fs.readFileSync(file)
  const phoff = Number(elf.readBigUInt64LE(0x20))
  const phentsize = elf.readUInt16LE(0x36)
  const phnum = elf.readUInt16LE(0x38)
  const PT_INTERP = 3
  for (let i = 0; i < phnum; i++) {
    if (elf.readUInt32LE(phoff + i * phentsize) === PT_INTERP) return true
  }
  return false
}

/** Polls until `check` holds; false if it still fails after `ms`. */
export async function waitUntil(
  check: () => boolean,
  ms: number,
): Promise<boolean> {
  const until = Date.now() + ms
  for (;;) {
    if (check()) return true
    if (Date.now() >= until) return false
    await new Promise((r) => setTimeout(r, 20))
  }
}

// statfs f_type of the file systems io mode refuses (native/mode-io.c).
export const TMPFS_MAGIC = 0x01021994
const RAMFS_MAGIC = 0x858458f6

function inMemory(dir: string): boolean {
  const type = fs.statfsSync(dir).type
  return type === TMPFS_MAGIC || type === RAMFS_MAGIC
}

/**
 * A fresh folder on a disk file system for io mode, which anyone may write
 * (mode 1777, as /tmp: the tests run the reproducer as nobody too): in the
 * temp dir, or where that is tmpfs, in the checkout. Null if neither is on
 * a disk.
 */
export function diskFolder(prefix = 'sigvec-io-'): string | null {
  const checkout = path.resolve(NATIVE_DIR, '..')
  for (const parent of [os.tmpdir(), checkout]) {
    if (inMemory(parent)) continue
    const dir = fs.mkdtempSync(path.join(parent, prefix))
    fs.chmodSync(dir, 0o1777)
    return dir
  }
  return null
}

/** Entries io mode leaves in a folder: its file's name, should it stay. */
export function ioLeftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.startsWith('.sigvec-io-'))
}

/** Decodes the register slot a canary or injected lane names (byte 1). */
export function laneRegister(hex: string): number {
  return parseInt(hex.slice(2, 4), 16) >> 4
}

/** Decodes the task tag a lane carries (bytes 4–5, little-endian). */
export function laneTag(hex: string): number {
  return parseInt(hex.slice(10, 12) + hex.slice(8, 10), 16)
}
