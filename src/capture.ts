// `capture`: freezes the files the audit reads into a folder, so the host
// can be audited later or elsewhere with --root, or added to a test corpus.
// Only what the audit needs is kept: the first processor of cpuinfo, the
// CapEff line of status, uid_map's ranges (whether CAP_IPC_LOCK counts
// depends on the user namespace), and the `container` variable of PID 1's
// environment (never the rest of it: it can hold secrets).
// scripts/capture.sh does the same in POSIX sh where Node cannot run, and
// keeps the reproducer's runs there; capturedruns.ts judges them.
import fs from 'node:fs/promises'
import path from 'node:path'
import { ensureDir } from './files.js'
import { HOST_FILES } from './host.js'

export interface CaptureResult {
  dir: string
  copied: string[]
  missing: string[]
  unreadable: Array<{ file: string; error: string }>
}

const TRIM: Partial<Record<string, (text: string) => string>> = {
  [HOST_FILES.cpuinfo]: (t) => (t.split(/\n\s*\n/)[0] ?? '') + '\n',
  [HOST_FILES.status]: (t) =>
    t
      .split('\n')
      .filter((l) => l.startsWith('CapEff:'))
      .join('\n') + '\n',
  // "%10u %10u %10u" lines as the kernel pads them, to "inside outside
  // count": the map a later --root judges is the one read here.
  [HOST_FILES.uidMap]: (t) =>
    t
      .split('\n')
      .map((l) => l.trim().split(/\s+/).join(' '))
      .filter(Boolean)
      .map((l) => l + '\n')
      .join(''),
  [HOST_FILES.environ]: (t) =>
    t
      .split('\0')
      .filter((v) => v.startsWith('container='))
      .map((v) => v + '\0')
      .join(''),
}

export async function captureHost(
  from: string,
  to: string,
): Promise<CaptureResult> {
  const dir = path.resolve(to)
  const existing = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw new Error(`capture folder ${dir}: ${err.message}`)
  })
  if (existing && existing.length > 0) {
    throw new Error(
      `capture folder ${dir} is not empty; give a new or empty folder`,
    )
  }
  // The staging folder gets an unguessable name and mode 0700 (mkdtemp), so
  // nobody can plant links in it beforehand: a name like
  // `${dir}.partial-${pid}` let a local user point a file we write as root
  // at any file of theirs choosing. Its folders are made fresh and each file
  // exclusively ('wx'), never through anything already there.
  await ensureDir(path.dirname(dir)).catch((err: Error) => {
    throw new Error(`capture folder ${dir}: ${err.message}`)
  })
  const staging = await fs
    .mkdtemp(`${dir}.partial-`)
    .catch((err: NodeJS.ErrnoException) => {
      throw new Error(`capture folder ${dir}: ${err.code ?? err.message}`)
    })
  const result: CaptureResult = { dir, copied: [], missing: [], unreadable: [] }
  try {
    for (const rel of Object.values(HOST_FILES)) {
      let text: string
      try {
        text = await fs.readFile(path.join(from, rel), 'utf8')
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err)
        if (code === 'ENOENT') result.missing.push(rel)
        else result.unreadable.push({ file: rel, error: code })
        continue
      }
      const target = path.join(staging, rel)
      await fs.mkdir(path.dirname(target), { recursive: true })
      await fs.writeFile(target, TRIM[rel]?.(text) ?? text, { flag: 'wx' })
      result.copied.push(rel)
    }
    // What a folder made with the usual umask gets: others may read the
    // capture, as they could the files it copies.
    await fs.chmod(staging, 0o755)
    if (existing) await fs.rmdir(dir)
    await fs.rename(staging, dir)
    return result
  } catch (err) {
    await fs.rm(staging, { recursive: true, force: true })
    throw err
  }
}
