// Creates folders, reads files without waiting on a FIFO, and writes files
// whole or not at all. Every folder the tool makes goes through ensureDir:
// Node's mkdir({ recursive: true }) never returns on paths under /proc
// (mkdir there answers ENOENT although the parent exists, and Node retries
// for ever), so ours walks the path once.
import { constants as fsConstants } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { InputError } from './inputerror.js'

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
 * Reads a regular file. O_NONBLOCK: opening a FIFO (planted in a captured
 * host, or named *.json in a folder given to merge) would otherwise wait
 * for a writer for ever; every file we read, /proc's included, is regular.
 */
export async function readRegularFile(file: string): Promise<string> {
  const handle = await fs.open(
    file,
    fsConstants.O_RDONLY | fsConstants.O_NONBLOCK,
  )
  try {
    const st = await handle.stat()
    if (!st.isFile()) {
      const code = st.isDirectory() ? 'EISDIR' : 'not a regular file'
      throw Object.assign(new Error(`${file}: ${code}`), { code })
    }
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/** A temp file beside the target, then a rename: never half a file. */
export async function writeFileAtomic(
  file: string,
  content: string,
  mode?: number,
): Promise<void> {
  await ensureDir(path.dirname(file))
  const tmp = `${file}.${process.pid}.tmp`
  try {
    await fs.writeFile(tmp, content, { mode })
    await fs.rename(tmp, file)
  } catch (err) {
    await fs.rm(tmp, { force: true })
    throw err
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
