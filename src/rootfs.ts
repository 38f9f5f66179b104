// Reads the files of a captured host tree (--root DIR), which came from
// another machine and is input to distrust: nothing outside the tree is
// read, no link inside it is followed, nothing but a regular file is
// opened, and no file is read past the size a real machine's could have.
// The live root "/" is not read here: /proc/self is a link there, and the
// kernel, not a stranger, wrote what it points to.
import type { Stats } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { readBounded, ReadRefusal } from './files.js'

/** Why a file of a captured tree was not read, as the fact records it. */
export class TreeRefusal extends Error {
  override readonly name = 'TreeRefusal'
}

const LINK_REFUSED = 'links in a captured tree are not followed'

function errnoError(code: string, where: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${where}: ${code}`), { code })
}

/**
 * Walks `rel` below `root` one component at a time with lstat, so that no
 * link on the way is followed, and returns what lstat saw of the last one.
 * ENOENT and EACCES come out as the errno errors they are.
 */
async function lstatInside(
  root: string,
  rel: string,
): Promise<{ file: string; st: Stats }> {
  const parts = rel.split('/').filter(Boolean)
  if (parts.length === 0 || parts.some((p) => p === '..' || p === '.')) {
    throw new TreeRefusal(`not a path inside the tree: ${rel}`)
  }
  let at = root
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part)
    const st = await fs.lstat(at)
    const last = i === parts.length - 1
    if (st.isSymbolicLink()) {
      const shown = '/' + parts.slice(0, i + 1).join('/')
      throw new TreeRefusal(
        last
          ? `a link; ${LINK_REFUSED}`
          : `${shown} is a link; ${LINK_REFUSED}`,
      )
    }
    if (last) return { file: at, st }
    if (!st.isDirectory()) throw errnoError('ENOTDIR', at)
  }
  throw new TreeRefusal(`not a path inside the tree: ${rel}`)
}

/**
 * The text of the regular file `rel` under `root` (a real path, without
 * links: the caller resolves it once). At most `maxBytes` are read; a larger
 * file is refused as "too large", never cut short, so that no parser judges
 * half a file.
 */
export async function readTreeFile(
  root: string,
  rel: string,
  maxBytes: number,
): Promise<string> {
  const { file, st } = await lstatInside(root, rel)
  if (st.isDirectory()) throw errnoError('EISDIR', file)
  if (!st.isFile()) throw errnoError('not a regular file', file)
  try {
    // O_NOFOLLOW: the last component may have become a link since lstat.
    const read = await readBounded(file, {
      maxBytes,
      noFollow: true,
      verify: async (handle, opened) => {
        if (opened.dev !== st.dev || opened.ino !== st.ino) {
          throw new TreeRefusal('replaced while being read; not read')
        }
        await checkOpenedPath(handle.fd, file)
      },
    })
    return read.bytes.toString('utf8')
  } catch (err) {
    if (err instanceof ReadRefusal && err.reason === 'too large') {
      throw new TreeRefusal(
        `too large (${err.size} bytes; at most ${err.max} are read from a captured tree)`,
      )
    }
    if (err instanceof ReadRefusal) {
      throw new TreeRefusal('replaced while being read; not read')
    }
    throw err
  }
}

/**
 * A folder on the way may have been swapped for a link between the lstat
 * walk and the open. The kernel names the file it really opened in
 * /proc/self/fd; anything but the path we walked is refused. Without /proc
 * (a chroot) the walk and O_NOFOLLOW stand alone.
 */
async function checkOpenedPath(fd: number, expected: string): Promise<void> {
  let opened: string
  try {
    opened = await fs.readlink(`/proc/self/fd/${fd}`)
  } catch {
    return
  }
  if (opened !== expected) {
    throw new TreeRefusal(
      `resolved outside the path walked while being read; ${LINK_REFUSED}`,
    )
  }
}

/**
 * Whether `rel` is a regular file in the tree: marker files (/.dockerenv)
 * count by existing, so a link there, which could only say whether some
 * path exists on the machine running the audit, does not count.
 */
export async function treeHasFile(root: string, rel: string): Promise<boolean> {
  try {
    return (await lstatInside(root, rel)).st.isFile()
  } catch {
    return false
  }
}
