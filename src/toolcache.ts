// The runner's tool cache, in the layout @actions/tool-cache uses
// (RUNNER_TOOL_CACHE/<tool>/<version>/<arch>, complete once
// <arch>.complete exists), written so that runs sharing one cache never see
// each other's half-made entries: an entry is staged in a fresh folder and
// renamed into place whole, and one that stands already is never removed
// under a run that may be executing from it.
//
// We keep this layout ourselves rather than call @actions/tool-cache:
// its cacheFile removes the entry and copies it again while another run may
// be reading it (ENOENT, ETXTBSY seen with three runs on one cache), and
// loading it pulls in an HTTP stack (undici's WebAssembly) that the tool
// never uses and that cannot load under a modest `ulimit -v`.
import crypto from 'node:crypto'
import { constants as fsConstants } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { ensureDir } from './files.js'

export interface CacheEntryName {
  root: string
  tool: string
  version: string
  arch: string
}

export function entryDir(e: CacheEntryName): string {
  return path.join(e.root, e.tool, e.version, e.arch)
}

function completeMarker(e: CacheEntryName): string {
  return `${entryDir(e)}.complete`
}

/** The entry's folder when it is complete, else null. Follows no link. */
export async function findEntry(e: CacheEntryName): Promise<string | null> {
  const dir = entryDir(e)
  const [st, marker] = await Promise.all([
    fs.lstat(dir).catch(() => null),
    fs.lstat(completeMarker(e)).catch(() => null),
  ])
  return st?.isDirectory() && marker?.isFile() ? dir : null
}

export interface CacheFile {
  name: string
  content: Buffer | string
  mode: number
}

/**
 * Stores `files` as the entry, unless a complete one appears meanwhile (a
 * concurrent run got there first: theirs stays, ours is dropped). Folders
 * it creates are 0755 and owned by whoever runs it; returns the entry.
 */
export async function storeEntry(
  e: CacheEntryName,
  files: CacheFile[],
): Promise<string> {
  const parent = path.dirname(entryDir(e))
  await ensureDir(parent, 0o755)
  const staging = await fs.mkdtemp(path.join(parent, `.${e.arch}-staging-`))
  try {
    for (const f of files) {
      const file = path.join(staging, f.name)
      await fs.writeFile(file, f.content, {
        mode: f.mode,
        flag: fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL,
      })
      await fs.chmod(file, f.mode)
    }
    await fs.chmod(staging, 0o755)
    try {
      await fs.rename(staging, entryDir(e))
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      // Another run's entry stands there (rename onto a non-empty folder).
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw err
    }
    const marker = await fs
      .open(
        completeMarker(e),
        fsConstants.O_WRONLY |
          fsConstants.O_CREAT |
          fsConstants.O_EXCL |
          fsConstants.O_NOFOLLOW,
        0o644,
      )
      .catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return null
        throw err
      })
    await marker?.close()
    return entryDir(e)
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}

/**
 * Takes a damaged entry out of the way: the marker first (so no run starts
 * on it), then the folder is renamed aside and removed. A run that already
 * copied the binary out is unaffected; a concurrent discard is harmless.
 */
export async function discardEntry(e: CacheEntryName): Promise<void> {
  await fs.rm(completeMarker(e), { force: true })
  const aside = path.join(
    path.dirname(entryDir(e)),
    `.${e.arch}-discarded-${crypto.randomBytes(6).toString('hex')}`,
  )
  try {
    await fs.rename(entryDir(e), aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  await fs.rm(aside, { recursive: true, force: true })
}
