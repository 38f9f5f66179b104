// Creates folders, reads files without waiting on a FIFO, and writes files
// whole or not at all without replacing what it must not. Every folder the
// tool makes goes through ensureDir or the write path's own walk: Node's
// mkdir({ recursive: true }) never returns on paths under /proc (mkdir there
// answers ENOENT although the parent exists, and Node retries for ever), so
// ours walk the path once.
//
// What a write may replace (we run as root on other people's machines; the
// README's security notes say the same in prose):
// - nothing or a regular file: a temp file beside it, made exclusively with
//   an unguessable name, then link() (new: a file planted meanwhile is never
//   replaced) or rename() (existing). In a sticky folder that others may
//   write, a file someone else owns is refused, as fs.protected_regular does.
// - a character device or a FIFO: written through, never replaced; a FIFO
//   nobody reads is an error at once, not a wait.
// - a folder, a block device, a socket: refused with the reason.
// - a symlink, at the path or among its folders: followed only if root or
//   we own it (/dev/stdout → /proc/self/fd/1); the rules then apply to
//   where it leads. Anyone else's link is refused.
// Each folder on the way is held open and the next step is looked up in it
// (through /proc/self/fd, Node having no openat), so a folder swapped for a
// link after we looked cannot redirect the write.
import { randomBytes } from 'node:crypto'
import fsCallback, { constants as fsConstants, rmSync } from 'node:fs'
import type { Stats } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { InputError } from './inputerror.js'
import { cleanupOnCancel } from './spawn.js'

/**
 * Creates `dir` and the parents it lacks. Finds the deepest folder that
 * exists (at most one step per path component), then creates each missing
 * folder below it once; any refusal is an error naming that folder.
 */
export async function ensureDir(dir: string, mode?: number): Promise<void> {
  const missing: string[] = []
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const st = await fs.stat(at).catch((err: NodeJS.ErrnoException) => {
      // ENOTDIR: a file on the way, found and named a step further up.
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null
      throw new Error(`cannot create folder ${dir}: ${at}: ${err.code}`)
    })
    if (st) {
      if (!st.isDirectory())
        throw new Error(
          `cannot create folder ${dir}: ${at} exists and is not a folder`,
        )
      break
    }
    missing.unshift(at)
    if (path.dirname(at) === at) break
  }
  for (const at of missing) {
    try {
      await fs.mkdir(at, mode === undefined ? undefined : { mode })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EEXIST') continue
      const parent = path.dirname(at)
      const why =
        code === 'ENOENT'
          ? `${parent} exists but refuses new folders (ENOENT)`
          : `${code ?? String(err)}`
      throw new Error(`cannot create folder ${at}: ${why}`)
    }
  }
}

/**
 * The one ownership rule for what we trust (a cached binary, a remembered
 * result, their folders): why someone other than this user (the effective
 * uid) or root could have written it, or null. `st` comes from lstat or
 * fstat, so a link is a link. Group-writable counts: we cannot tell who is
 * in the group. `subject` starts the reason: a path, or "it".
 */
export function whyForeign(subject: string, st: Stats): string | null {
  if (st.isSymbolicLink()) return `${subject} is a symbolic link`
  const me = process.geteuid?.() ?? 0
  if (st.uid !== me && st.uid !== 0)
    return `${subject} is owned by uid ${st.uid}, not by this user (uid ${me}) or root`
  if (st.mode & 0o022) {
    const who = st.mode & 0o002 ? 'others' : 'its group'
    return `${subject} can be written by ${who} (mode ${(st.mode & 0o7777).toString(8)})`
  }
  return null
}

/** Why readBounded refused a file, in words a report can carry. */
export class ReadRefusal extends Error {
  override readonly name = 'ReadRefusal'
  constructor(
    readonly reason: 'folder' | 'not regular' | 'too large',
    /** An errno-like code: EISDIR, "not a regular file", EFBIG. */
    readonly code: string,
    message: string,
    /** What fstat saw of the refused file (its identity, for deduplication). */
    readonly stat: Stats,
    /** For "too large": the size seen ("123" or "at least 123") and the cap. */
    readonly size = '',
    readonly max = 0,
  ) {
    super(message)
  }
}

export interface BoundedRead {
  bytes: Buffer
  /** What fstat saw of the file that was opened. */
  stat: Stats
}

export interface BoundedReadOptions {
  /** More bytes than this is "too large": refused, never cut short. */
  maxBytes: number
  /** O_NOFOLLOW: a link at the last component is refused (ELOOP). */
  noFollow?: boolean
  /** Called with the open handle before reading, to refuse a swapped file. */
  verify?: (handle: fs.FileHandle, stat: Stats) => Promise<void>
}

/**
 * The one way a file is read: only a regular file, and at most `maxBytes`.
 * O_NONBLOCK: opening a FIFO (planted in a captured host, or named *.json in
 * a folder given to merge) would otherwise wait for a writer for ever. The
 * bytes are read in chunks, not by st.size: /proc files say 0, and a file
 * may grow while read. A file over the cap is refused whole, so that no
 * parser judges half of it. Errors of open() come out as errno errors.
 */
export async function readBounded(
  file: string,
  options: BoundedReadOptions,
): Promise<BoundedRead> {
  const { maxBytes } = options
  const handle = await fs.open(
    file,
    fsConstants.O_RDONLY |
      fsConstants.O_NONBLOCK |
      (options.noFollow ? fsConstants.O_NOFOLLOW : 0),
  )
  try {
    const stat = await handle.stat()
    if (stat.isDirectory())
      throw new ReadRefusal('folder', 'EISDIR', `${file}: EISDIR`, stat)
    if (!stat.isFile()) {
      const code = 'not a regular file'
      throw new ReadRefusal('not regular', code, `${file}: ${code}`, stat)
    }
    if (stat.size > maxBytes) throw tooLarge(stat, `${stat.size}`, maxBytes)
    await options.verify?.(handle, stat)
    const chunks: Buffer[] = []
    let size = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(READ_CHUNK, maxBytes + 1 - size))
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      size += bytesRead
      if (size > maxBytes) throw tooLarge(stat, `at least ${size}`, maxBytes)
    }
    return { bytes: Buffer.concat(chunks, size), stat }
  } finally {
    await handle.close()
  }
}

const READ_CHUNK = 64 * 1024

function tooLarge(stat: Stats, size: string, max: number): ReadRefusal {
  return new ReadRefusal(
    'too large',
    'EFBIG',
    `too large (${size} bytes; at most ${max} are read)`,
    stat,
    size,
    max,
  )
}

/**
 * The largest file readRegularFile reads. What it reads are the live
 * host's /proc and /etc files, a few KiB; the cap only stops a runaway.
 */
export const MAX_REGULAR_FILE_BYTES = 16 * 1024 * 1024

/** The text of a regular file (see readBounded). */
export async function readRegularFile(file: string): Promise<string> {
  const read = await readBounded(file, { maxBytes: MAX_REGULAR_FILE_BYTES })
  return read.bytes.toString('utf8')
}

const openFd = promisify(fsCallback.open)
const closeFd = promisify(fsCallback.close)
const fstatFd = promisify(fsCallback.fstat)
const fsyncFd = promisify(fsCallback.fsync)
const writeFd = promisify(fsCallback.write)

/** Every byte, or an error naming `shown`; EAGAIN is a device that would block. */
async function writeAll(
  fd: number,
  data: Buffer,
  shown: string,
): Promise<void> {
  for (let done = 0; done < data.length;) {
    const { bytesWritten } = await writeFd(fd, data, done).catch(
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'EAGAIN')
          throw new Error(`${shown}: the device would block; not all written`)
        throw new Error(`${shown}: ${err.code ?? err.message}`)
      },
    )
    if (bytesWritten === 0) throw new Error(`${shown}: no room to write`)
    done += bytesWritten
  }
}

/** Node does not export O_PATH; this is its value on x86 and arm. */
const O_PATH_LINUX = 0o10000000

/** Linux's limit on symlinks followed in one path (MAXSYMLINKS). */
const MAX_LINKS = 40

/** Where Node lets us name "this entry of that open folder" (openat). */
const HELD_FOLDERS = fsCallback.existsSync('/proc/self/fd')

const euid = () => process.geteuid?.() ?? -1

/** A folder on the way, held open so it cannot be swapped under us. */
interface Folder {
  fd: number
  /** Its path with every link resolved. */
  real: string
  /** Its path as the user spelled it, for messages. */
  shown: string
  stat: Stats
}

function entry(folder: Folder, name: string): string {
  return HELD_FOLDERS
    ? `/proc/self/fd/${folder.fd}/${name}`
    : path.join(folder.real, name)
}

async function openFolder(
  at: string,
  real: string,
  shown: string,
): Promise<Folder> {
  const flags = fsConstants.O_DIRECTORY | fsConstants.O_NOFOLLOW
  const fd = await openFd(at, fsConstants.O_RDONLY | flags).catch(
    (err: NodeJS.ErrnoException) => {
      // A folder we may pass through but not list (mode 711): O_PATH holds
      // it all the same. Not every platform has it; Linux's is 010000000.
      if (err.code !== 'EACCES' || process.platform !== 'linux') throw err
      return openFd(at, O_PATH_LINUX | flags)
    },
  )
  return { fd, real, shown, stat: await fstatFd(fd, {}) }
}

/** The last step of a path: an entry of a held folder, or an fd of ours. */
type Destination =
  | { kind: 'entry'; folder: Folder; name: string; stat: Stats | null }
  | { kind: 'fd-link'; folder: Folder; at: string; ownFd: number | null }

/** /proc/PID/fd/N names an open file; its link text may not be a path
 * ("pipe:[123]"), but the kernel follows it to the file itself. */
function isFdFolder(real: string): boolean {
  return /^\/proc\/\d+(\/task\/\d+)?\/fd$/.test(real)
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder'
  if (st.isBlockDevice()) return 'a block device'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice()) return 'a character device'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isSymbolicLink()) return 'a symlink'
  return 'a regular file'
}

/**
 * Walks `file` one component at a time from /, each folder held open,
 * following only links that root or we own, creating missing folders.
 * The caller closes the returned folder.
 */
async function walkTo(file: string): Promise<Destination> {
  const wanted = path.resolve(file)
  const dirWanted = path.dirname(wanted)
  if (wanted === '/') throw new Error('/ is a folder; give a file path')
  // `shown`: the user's spelling up to this step; a link's target keeps
  // the link's own name, so messages speak of what the user wrote.
  const names = wanted.split('/').filter(Boolean)
  const pending = names.map((name, i) => ({
    name,
    shown: '/' + names.slice(0, i + 1).join('/'),
  }))
  let folder = await openFolder('/', '/', '/')
  let links = 0
  try {
    for (;;) {
      const step = pending.shift()
      if (!step)
        throw new Error(`${folder.shown} is a folder; give a file path`)
      const last = pending.length === 0
      if (step.name === '.' || step.name === '..') {
        if (last) throw new Error(`${step.shown} is a folder; give a file path`)
        const up = step.name === '..' ? path.dirname(folder.real) : folder.real
        const next = await openFolder(entry(folder, step.name), up, step.shown)
        await closeFd(folder.fd)
        folder = next
        continue
      }
      const at = entry(folder, step.name)
      const st = await fs.lstat(at).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null
        throw new Error(`${step.shown}: ${err.code ?? err.message}`)
      })
      if (st === null) {
        if (last) return { kind: 'entry', folder, name: step.name, stat: null }
        await fs.mkdir(at).catch((err: NodeJS.ErrnoException) => {
          // EEXIST: made meanwhile; looked at again below like any entry.
          if (err.code === 'EEXIST') return
          const why =
            err.code === 'ENOENT'
              ? `${folder.shown} exists but refuses new folders (ENOENT)`
              : (err.code ?? err.message)
          throw new Error(`cannot create folder ${step.shown}: ${why}`)
        })
        pending.unshift(step)
        continue
      }
      if (st.isSymbolicLink()) {
        if (st.uid !== 0 && st.uid !== euid())
          throw new Error(
            `${step.shown} is a symlink owned by uid ${st.uid}; only links owned by root or by us (uid ${euid()}) are followed, since another user's link could lead anywhere. Give the path it should lead to`,
          )
        if (++links > MAX_LINKS)
          throw new Error(`${step.shown}: too many levels of symlinks`)
        const target = await fs.readlink(at)
        // /dev/stdout → /proc/self/fd/1 → "pipe:[123]": not a path; the
        // kernel itself follows it to the open file.
        // /dev/stdout → /proc/self/fd/1: one of our own open files, meant
        // as that stream (a shell's `> out.txt` included), not as a path
        // to replace.
        const ownFd =
          folder.real === `/proc/${process.pid}/fd` && /^\d+$/.test(step.name)
            ? Number(step.name)
            : null
        if (
          isFdFolder(folder.real) &&
          (ownFd !== null || !target.startsWith('/'))
        ) {
          if (!last)
            throw new Error(`${step.shown} is not a folder (an open file)`)
          return { kind: 'fd-link', folder, at, ownFd }
        }
        if (target.startsWith('/')) {
          const root = await openFolder('/', '/', step.shown)
          await closeFd(folder.fd)
          folder = root
        }
        pending.unshift(
          ...target
            .split('/')
            .filter(Boolean)
            .map((name) => ({ name, shown: step.shown })),
        )
        continue
      }
      if (last) return { kind: 'entry', folder, name: step.name, stat: st }
      if (!st.isDirectory())
        throw new Error(
          `cannot create folder ${dirWanted}: ${step.shown} exists and is not a folder`,
        )
      const next = await openFolder(
        at,
        path.join(folder.real, step.name),
        step.shown,
      ).catch((err: NodeJS.ErrnoException) => {
        // swapped for a link or a file since the lstat: look again
        if (err.code === 'ELOOP' || err.code === 'ENOTDIR') return null
        throw new Error(`${step.shown}: ${err.code ?? err.message}`)
      })
      if (next === null) {
        pending.unshift(step)
        continue
      }
      await closeFd(folder.fd)
      folder = next
    }
  } catch (err) {
    await closeFd(folder.fd)
    throw err
  }
}

/**
 * A sticky folder others may write in (/tmp): only the file's owner may
 * replace it there, and the kernel's fs.protected_regular/_fifos make even
 * root's O_CREAT refuse it. Root's rename() ignores the sticky bit, so we
 * apply the rule ourselves.
 */
function othersFileInSharedFolder(folder: Folder, st: Stats): boolean {
  const shared =
    (folder.stat.mode & 0o1000) !== 0 && (folder.stat.mode & 0o022) !== 0
  return shared && st.uid !== euid() && st.uid !== folder.stat.uid
}

/**
 * A temp file beside the destination: O_EXCL|O_NOFOLLOW with 64 random
 * bits in its name, so nothing planted (a link at a guessed name) is ever
 * opened; written, synced, closed. The name ends `.<digits>.tmp`, which the
 * hook's state folder sweeps if a kill left one behind.
 */
async function writeTemp(
  folder: Folder,
  name: string,
  content: string,
  mode: number,
): Promise<string> {
  const digits = randomBytes(8).readBigUInt64BE().toString()
  const tmp = `${name.slice(0, 200)}.${digits}.tmp`
  const fd = await openFd(
    entry(folder, tmp),
    fsConstants.O_WRONLY |
      fsConstants.O_CREAT |
      fsConstants.O_EXCL |
      fsConstants.O_NOFOLLOW,
    mode,
  )
  try {
    await writeAll(fd, Buffer.from(content), name)
    await fsyncFd(fd)
  } catch (err) {
    await closeFd(fd)
    await fs.rm(entry(folder, tmp), { force: true })
    throw err
  }
  await closeFd(fd)
  return tmp
}

/** A regular file or nothing at the destination: temp, then into place. */
async function writeBeside(
  folder: Folder,
  name: string,
  existing: Stats | null,
  content: string,
  mode: number,
  shown: string,
): Promise<void> {
  if (existing && othersFileInSharedFolder(folder, existing))
    throw new Error(
      `${shown} belongs to uid ${existing.uid} in ${folder.shown}, a sticky folder others can write to; it is not replaced (the kernel's fs.protected_regular rule). Give a path in a folder of your own`,
    )
  const tmpPath = () => entry(folder, tmp)
  let tmp = ''
  const release = cleanupOnCancel(
    () => tmp && rmSync(tmpPath(), { force: true }),
  )
  try {
    tmp = await writeTemp(folder, name, content, mode)
    if (existing) {
      await fs.rename(tmpPath(), entry(folder, name))
    } else {
      // link() never replaces: whatever appeared meanwhile stays, and we fail.
      await fs
        .link(tmpPath(), entry(folder, name))
        .catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'EEXIST')
            throw new Error(
              `${shown} appeared while the file was being written; it is not replaced`,
            )
          throw err
        })
    }
    await fsyncFd(folder.fd).catch(() => {
      // some file systems cannot sync a folder; the file itself is synced
    })
  } finally {
    if (tmp) await fs.rm(tmpPath(), { force: true })
    release()
  }
}

/**
 * A character device or FIFO: opened for writing as it is, never created
 * or truncated. O_NONBLOCK: a FIFO nobody reads answers ENXIO at once
 * instead of waiting for a reader. The fstat after the open checks it is
 * still what was allowed (a regular file swapped in is not written in place).
 */
async function writeThrough(
  at: string,
  follow: boolean,
  content: string,
  shown: string,
): Promise<void> {
  let fd: number
  try {
    fd = await openFd(
      at,
      fsConstants.O_WRONLY |
        fsConstants.O_NONBLOCK |
        fsConstants.O_NOCTTY |
        (follow ? 0 : fsConstants.O_NOFOLLOW),
    )
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENXIO')
      throw new Error(
        `${shown} is a FIFO that nobody is reading (or a socket); nothing was written`,
      )
    throw new Error(`${shown}: ${code ?? String(err)}`)
  }
  const st = await fstatFd(fd, {}).catch(async (err: Error) => {
    await closeFd(fd)
    throw err
  })
  if (st.isFIFO()) {
    // A pipe's reader may be slower than we write: Node's socket layer
    // waits for room on the non-blocking fd, which fs.write would not.
    const pipe = new net.Socket({ fd, readable: false, writable: true })
    await new Promise<void>((resolve, reject) => {
      pipe.on('error', (err: NodeJS.ErrnoException) =>
        reject(
          new Error(
            `${shown}: the FIFO's reader went away (${err.code ?? err.message})`,
          ),
        ),
      )
      pipe.on('close', () => resolve())
      pipe.end(content)
    })
    return
  }
  try {
    if (!st.isCharacterDevice())
      throw new Error(
        `${shown} became ${kindOf(st)} while being opened; nothing was written`,
      )
    await writeAll(fd, Buffer.from(content), shown)
  } finally {
    await closeFd(fd)
  }
}

/**
 * Writes `content` to `file` by the rules at the top of this module: whole
 * or not at all, never replacing what it must not, never through a link
 * another user could have made. `mode` is for a file we create.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  mode = 0o666,
): Promise<void> {
  const to = await walkTo(file)
  const shown = path.resolve(file)
  try {
    if (to.kind === 'fd-link') {
      // Our stdout or stderr: through Node's own stream, so the report
      // lands in order with what we print, whatever the stream is (a file
      // at its offset, a pipe, a socket that cannot be opened anew).
      const stream =
        to.ownFd === 1 ? process.stdout : to.ownFd === 2 ? process.stderr : null
      if (stream)
        await new Promise<void>((resolve, reject) =>
          stream.write(content, (err) => (err ? reject(err) : resolve())),
        )
      else if (to.ownFd !== null && (await fstatFd(to.ownFd, {})).isFile())
        await writeAll(to.ownFd, Buffer.from(content), shown)
      else await writeThrough(to.at, true, content, shown)
      return
    }
    const { folder, name, stat } = to
    if (stat === null || stat.isFile()) {
      await writeBeside(folder, name, stat, content, mode, shown)
    } else if (stat.isCharacterDevice() || stat.isFIFO()) {
      if (othersFileInSharedFolder(folder, stat))
        throw new Error(
          `${shown} is ${kindOf(stat)} owned by uid ${stat.uid} in ${folder.shown}, a sticky folder others can write to; it is not written (the kernel's fs.protected_fifos rule)`,
        )
      await writeThrough(entry(folder, name), false, content, shown)
    } else if (stat.isDirectory()) {
      throw new Error(`${shown} is a folder; give a file path`)
    } else {
      throw new Error(
        `${shown} is ${kindOf(stat)}; only a regular file (replaced), a character device or a FIFO (written through) are accepted`,
      )
    }
  } finally {
    await closeFd(to.folder.fd)
  }
}

/** writeFileAtomic for a path the user gave as `input`: failures name it. */
export async function writeInputFile(
  input: string,
  file: string,
  content: string,
): Promise<void> {
  try {
    await writeFileAtomic(file, content)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    throw new InputError(
      input,
      file,
      `a file path in a folder that exists or can be created; ${why}`,
    )
  }
}
