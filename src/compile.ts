// Compiles native/ with the runner's C compiler and keeps the binary in the
// tool cache under a key made of every native unit's hash, the flags, the
// compiler's identity and the architecture, so a self-hosted runner never
// runs a stale binary. Every call of the compiler runs in its own process
// group with a deadline: a wrapper waiting on a licence server must not hold
// the job for ever.
//
// The tool runs as root on machines it shares with others, and the tool
// cache is a folder on such a machine: a cached binary is used only if no
// one but us (or root) could have written it or any folder up to the cache
// root, and only if its bytes have the digest recorded when we built it.
// Those bytes, read once, are what runs, from a private copy: what happens
// to the cache entry afterwards (another run replacing it, someone deleting
// or truncating it, a noexec mount) cannot change or stop what we run.
import crypto from 'node:crypto'
import { constants as fsConstants, readdirSync, rmSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureDir, ReadRefusal, readBounded, whyForeign } from './files.js'
import {
  discardEntry,
  findEntry,
  storeEntry,
  type CacheEntryName,
} from './toolcache.js'
import { InputError } from './inputerror.js'
import {
  cleanupOnCancel,
  probeDeadlineSeconds,
  runInGroup,
  toolDeadlineSeconds,
  type GroupRun,
} from './spawn.js'

export const REPRODUCER_TOOL = 'sigvec-repro'

/** Beside the binary in its cache entry: `sha256sum` format, so `-c` works. */
export const DIGEST_FILE = `${REPRODUCER_TOOL}.sha256`

/** The flags native/ is written for (no warnings under them). */
export const COMPILE_FLAGS = ['-O2', '-Wall', '-Wextra', '-pthread'] as const

const isNativeUnit = (name: string) => /\.[ch]$/.test(name)

/** native/ beside dist/ (the action's checkout, the npm package) or src/. */
export function nativeDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const up of ['..', '../..', '../../..']) {
    const candidate = path.resolve(here, up, 'native')
    if (hasCUnit(candidate)) return candidate
  }
  return path.resolve(here, '..', 'native')
}

function hasCUnit(dir: string): boolean {
  try {
    return readdirSync(dir).some((name) => name.endsWith('.c'))
  } catch {
    return false
  }
}

export type CompileOutcome =
  | {
      ok: true
      binary: string
      cacheHit: boolean
      key: string
      compiler: string
      seconds: number
    }
  | { ok: false; reason: string; output: string; compiler: string }

/**
 * A reproducer ready to run: `binary` is a private copy (a 0700 folder of
 * ours) that `dispose` removes; a cancelled job removes it too.
 */
export type ReproducerBuild = CompileOutcome & {
  ok: true
  /** Whether the tool cache now holds this build (a hit, or stored). */
  cached: boolean
  /** Why the cache was not used or not filled, and where the copy runs. */
  notes: string[]
  dispose: () => Promise<void>
}

export interface CompileOptions {
  compiler: string
  /** The folder of *.c and *.h units that build the one binary. */
  nativeDir: string
  /** Scratch space for the build and the private copy (RUNNER_TEMP). */
  tempDir: string
  /** The tool cache's root (RUNNER_TOOL_CACHE); null: never cached. */
  toolCacheDir: string | null
  /** How messages name the cache and the scratch folder: where each came
   * from and what the user can set (default: the runner's variables). */
  names?: FolderNames
}

export interface FolderNames {
  /** e.g. "the tool cache (RUNNER_TOOL_CACHE)". */
  toolCache: string
  /** e.g. "RUNNER_TEMP". */
  temp: string
}

/** The action's folders: the runner's tool cache and temp. */
export const RUNNER_FOLDER_NAMES: FolderNames = {
  toolCache: 'the tool cache (RUNNER_TOOL_CACHE)',
  temp: 'RUNNER_TEMP',
}

/**
 * Runs the compiler once, in its own group, under a deadline (the tool
 * deadline for the compile, the probe deadline for a version question). A
 * run that meets it fails the step: the compiler input names a program that
 * does not finish, and no verdict should wait on it.
 */
async function runCompiler(
  compiler: string,
  args: string[],
  what: string,
  seconds = toolDeadlineSeconds(),
): Promise<GroupRun> {
  const run = await runInGroup(compiler, args, seconds * 1000)
  if (run.timedOut) {
    throw new InputError(
      'compiler',
      compiler,
      `a C compiler that finishes on its own: ${what} did not finish within ${seconds} s, so it was killed with its process group`,
    )
  }
  return run
}

/** The compiler's own description: `--version`'s first line and its target. */
async function compilerIdentity(compiler: string): Promise<string> {
  const ask = (flag: string) =>
    runCompiler(
      compiler,
      [flag],
      `"${compiler} ${flag}"`,
      probeDeadlineSeconds(),
    )
  const version = await ask('--version')
  const target = await ask('-dumpmachine')
  return `${version.stdout.split('\n')[0]?.trim()} (${target.stdout.trim() || os.arch()})`
}

interface NativeUnit {
  name: string
  content: Buffer
}

/** Every *.c and *.h file of `dir`, sorted by name. */
async function readNativeUnits(dir: string): Promise<NativeUnit[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true })
  const names = entries
    .filter((e) => e.isFile() && isNativeUnit(e.name))
    .map((e) => e.name)
    .sort()
  if (!names.some((n) => n.endsWith('.c')))
    throw new Error(`no *.c file in ${dir}`)
  return Promise.all(
    names.map(async (name) => ({
      name,
      content: await fs.readFile(path.join(dir, name)),
    })),
  )
}

/**
 * Names and lengths go in with the contents, so moving code from one unit
 * to another, or renaming a unit, changes the key.
 */
export function buildKey(units: NativeUnit[], identity: string): string {
  const hash = crypto.createHash('sha256')
  for (const unit of units) {
    hash.update(`${unit.name}\0${unit.content.length}\0`)
    hash.update(unit.content)
  }
  return hash
    .update('\0' + COMPILE_FLAGS.join(' '))
    .update('\0' + identity)
    .update('\0' + os.arch())
    .digest('hex')
    .slice(0, 16)
}

const sha256 = (bytes: Buffer) =>
  crypto.createHash('sha256').update(bytes).digest('hex')

/**
 * Checks `folders` (outermost first) stopping at the first that does not
 * exist: 'foreign' with the reason if one could have been written by
 * someone else, else how many exist.
 */
async function checkFolders(
  folders: string[],
): Promise<{ foreign: string } | { existing: number }> {
  let existing = 0
  for (const folder of folders) {
    let st
    try {
      st = await fs.lstat(folder)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return { existing }
      return { foreign: `${folder} cannot be checked (${code})` }
    }
    const why =
      whyForeign(folder, st) ??
      (st.isDirectory() ? null : `${folder} is not a folder`)
    if (why) return { foreign: why }
    existing++
  }
  return { existing }
}

/**
 * The largest cache file read: the reproducer is a small static binary
 * (well under 1 MiB) and its digest a line; the cap only stops a runaway.
 */
const MAX_CACHE_FILE_BYTES = 64 * 1024 * 1024

/**
 * Reads a file of a cache entry: never through a link (O_NOFOLLOW), never
 * waiting on a FIFO, at most MAX_CACHE_FILE_BYTES, and only if no one else
 * could have written it.
 */
async function readOwnFile(file: string): Promise<Buffer> {
  try {
    const { bytes } = await readBounded(file, {
      maxBytes: MAX_CACHE_FILE_BYTES,
      noFollow: true,
      verify: async (_, st) => {
        const why = whyForeign(file, st)
        if (why) throw new Error(why)
      },
    })
    return bytes
  } catch (err) {
    if (!(err instanceof ReadRefusal)) throw err
    if (err.reason === 'too large') throw new Error(`${file} is ${err.message}`)
    throw new Error(`${file} is not a file`)
  }
}

/** Where this build's entry lives in the tool cache. */
interface CacheEntry {
  name: CacheEntryName
  /** Cache root, tool, version and arch folders, outermost first. */
  folders: string[]
  dir: string
}

function cacheEntry(root: string, key: string): CacheEntry {
  // tool-cache's layout wants a semver; the key rides in the pre-release part.
  const version = `1.0.0-${key}`
  const tool = path.join(root, REPRODUCER_TOOL)
  const versionDir = path.join(tool, version)
  const dir = path.join(versionDir, os.arch())
  const name = { root, tool: REPRODUCER_TOOL, version, arch: os.arch() }
  return { name, folders: [root, tool, versionDir, dir], dir }
}

type CacheLookup =
  /** The bytes we built, read once and verified. */
  | { state: 'hit'; bytes: Buffer }
  /** Nothing usable, but we may fill the entry (`why` says what was wrong). */
  | { state: 'fill'; why: string | null }
  /** Do not read or write the cache at all. */
  | { state: 'avoid'; why: string }

async function lookUp(
  entry: CacheEntry | null,
  names: FolderNames,
): Promise<CacheLookup> {
  if (!entry)
    return {
      state: 'avoid',
      why: `no tool cache (${names.toolCache} is not set)`,
    }
  const folders = await checkFolders(entry.folders)
  if ('foreign' in folders)
    return {
      state: 'avoid',
      why: `${names.toolCache} is not only ours: ${folders.foreign}, so a binary there could be anyone's`,
    }
  if (
    folders.existing < entry.folders.length ||
    (await findEntry(entry.name)) === null
  )
    return { state: 'fill', why: null }
  const damaged = (why: string): CacheLookup => ({
    state: 'fill',
    why: `the cached binary in ${entry.dir} is not the one we built (${why})`,
  })
  let recorded: string | undefined
  let bytes: Buffer
  try {
    const digestFile = await readOwnFile(path.join(entry.dir, DIGEST_FILE))
    recorded = /^([0-9a-f]{64})\s/.exec(digestFile.toString('latin1'))?.[1]
    bytes = await readOwnFile(path.join(entry.dir, REPRODUCER_TOOL))
  } catch (err) {
    return damaged((err as Error).message)
  }
  if (!recorded) return damaged(`${DIGEST_FILE} holds no sha256 digest`)
  const actual = sha256(bytes)
  if (actual !== recorded)
    return damaged(
      `its ${bytes.length} bytes have sha256 ${actual}, recorded ${recorded}`,
    )
  return { state: 'hit', bytes }
}

/**
 * Stores the built entry (binary and digest) whole, so it is complete only
 * with both; a damaged entry is taken aside first. Another run may store
 * the same entry at the same moment: the first complete one stays, and
 * since every reader verifies what it reads, nothing mixed is ever run.
 */
async function store(
  entry: CacheEntry,
  bytes: Buffer,
  damaged: boolean,
): Promise<void> {
  await ensureDir(path.dirname(entry.dir), 0o755)
  const folders = await checkFolders(entry.folders.slice(0, -1))
  if ('foreign' in folders) throw new Error(folders.foreign)
  if (damaged) await discardEntry(entry.name)
  await storeEntry(entry.name, [
    { name: REPRODUCER_TOOL, content: bytes, mode: 0o755 },
    {
      name: DIGEST_FILE,
      content: `${sha256(bytes)}  ${REPRODUCER_TOOL}\n`,
      mode: 0o644,
    },
  ])
}

interface PrivateCopy {
  binary: string
  dispose: () => Promise<void>
}

/**
 * Writes `bytes` to a new 0700 folder of ours in the first of `parents`
 * that lets programs run (access(X_OK) refuses on a noexec mount). If none
 * does, the first copy is kept: starting it fails, and says why.
 */
async function privateCopy(
  bytes: Buffer,
  parents: string[],
  notes: string[],
): Promise<PrivateCopy> {
  let first: PrivateCopy | null = null
  for (const parent of parents) {
    let copy: PrivateCopy | undefined
    try {
      const dir = await fs.mkdtemp(path.join(parent, 'sigvec-run-'))
      const release = cleanupOnCancel(() =>
        rmSync(dir, { recursive: true, force: true }),
      )
      copy = {
        binary: path.join(dir, REPRODUCER_TOOL),
        dispose: async () => {
          release()
          await fs.rm(dir, { recursive: true, force: true })
        },
      }
      await fs.writeFile(copy.binary, bytes, { mode: 0o700, flag: 'wx' })
    } catch (err) {
      // Written halfway (a full disk): the folder and its cleanup go too.
      await copy?.dispose()
      if (!first) throw err
      notes.push(`no private copy in ${parent}: ${(err as Error).message}`)
      continue
    }
    try {
      await fs.access(copy.binary, fsConstants.X_OK)
      await first?.dispose()
      return copy
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      notes.push(`${parent} does not let programs run (${code})`)
      if (first) await copy.dispose()
      else first = copy
    }
  }
  if (!first) throw new Error('no folder for the private copy')
  return first
}

/**
 * Why the compiler could not be started, in the user's words: a path that
 * does not exist, is a folder or cannot be run; a name not found on PATH.
 */
export async function whyNotStarted(
  compiler: string,
  code: string,
): Promise<string> {
  if (!compiler.includes('/'))
    return code === 'ENOENT'
      ? `${JSON.stringify(compiler)} is not on PATH`
      : `${JSON.stringify(compiler)} could not be started (${code})`
  const st = await fs.stat(compiler).catch(() => null)
  if (!st) return `${compiler} does not exist`
  if (st.isDirectory()) return `${compiler} is a folder, not a program`
  const runnable = await fs
    .access(compiler, fsConstants.X_OK)
    .then(() => true)
    .catch(() => false)
  return runnable
    ? `${compiler} could not be started (${code})`
    : `${compiler} is not executable`
}

export async function compileReproducer(
  opts: CompileOptions,
): Promise<ReproducerBuild | (CompileOutcome & { ok: false })> {
  const started = process.hrtime.bigint()
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9
  let units: NativeUnit[]
  try {
    units = await readNativeUnits(opts.nativeDir)
  } catch (err) {
    return {
      ok: false,
      reason: `the reproducer's source is missing: ${opts.nativeDir} (${(err as Error).message})`,
      output: '',
      compiler: opts.compiler,
    }
  }
  let identity: string
  try {
    identity = await compilerIdentity(opts.compiler)
  } catch (err) {
    // Only a program that could not be started means "no compiler".
    const code = (err as NodeJS.ErrnoException).code
    if (!code) throw err
    return {
      ok: false,
      reason: `no C compiler: ${await whyNotStarted(opts.compiler, String(code))} (the compiler input, --compiler or SIGVEC_COMPILER names it; the default is cc on PATH)`,
      output: (err as Error).message,
      compiler: opts.compiler,
    }
  }
  const key = buildKey(units, identity)
  const cacheRoot = opts.toolCacheDir
  const entry = cacheRoot ? cacheEntry(path.resolve(cacheRoot), key) : null
  const names = opts.names ?? RUNNER_FOLDER_NAMES
  const lookup = await lookUp(entry, names)
  const notes: string[] = []

  await ensureDir(opts.tempDir).catch((err: Error) => {
    throw new Error(
      `the compile's scratch folder (${names.temp}): ${err.message}`,
    )
  })
  let bytes: Buffer
  let cached = lookup.state === 'hit'
  if (lookup.state === 'hit') {
    bytes = lookup.bytes
  } else {
    if (lookup.state === 'avoid')
      notes.push(`built privately, not cached: ${lookup.why}`)
    else if (lookup.why) notes.push(`rebuilt: ${lookup.why}`)
    const work = await fs.mkdtemp(path.join(opts.tempDir, 'sigvec-build-'))
    const release = cleanupOnCancel(() =>
      rmSync(work, { recursive: true, force: true }),
    )
    try {
      const out = path.join(work, REPRODUCER_TOOL)
      const sources = units
        .filter((u) => u.name.endsWith('.c'))
        .map((u) => path.join(opts.nativeDir, u.name))
      const build = await runCompiler(
        opts.compiler,
        [...COMPILE_FLAGS, '-o', out, ...sources],
        "the reproducer's compile",
      )
      if (build.code !== 0) {
        const how =
          build.code === null
            ? `killed by ${build.signal}`
            : `exit ${build.code}`
        return {
          ok: false,
          reason: `${opts.compiler} failed to compile the reproducer (${how})`,
          output: (build.stdout + build.stderr).trim(),
          compiler: identity,
        }
      }
      bytes = await fs.readFile(out)
      if (entry && lookup.state === 'fill') {
        try {
          await store(entry, bytes, lookup.why !== null)
          cached = true
        } catch (err) {
          notes.push(
            `not cached in ${names.toolCache}: ${(err as Error).message}`,
          )
        }
      }
    } finally {
      release()
      await fs.rm(work, { recursive: true, force: true })
    }
  }
  // A cache we trust is a second place to run from, for a noexec temp dir.
  const parents = [opts.tempDir]
  if (entry && cached) parents.push(path.dirname(path.dirname(entry.dir)))
  const copy = await privateCopy(bytes, parents, notes)
  return {
    ok: true,
    binary: copy.binary,
    dispose: copy.dispose,
    cacheHit: lookup.state === 'hit',
    cached,
    notes,
    key,
    compiler: identity,
    seconds: seconds(),
  }
}
