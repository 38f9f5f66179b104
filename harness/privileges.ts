// Runs a program as an unprivileged user (tests run as root; setpriv drops
// to nobody), for what root would see through: unreadable files, refused
// syscalls. Nobody cannot enter a checkout that only root can (a clone
// under /root), so what it runs and reads is copied to a world-readable
// temp dir first, and checked to be reachable.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const NOBODY = { uid: 65534, gid: 65534 }

/**
 * The argv that runs `argv` as nobody (with no `argv`: the prefix to put
 * before a program). `keepPtrace` keeps CAP_SYS_PTRACE, as an ambient
 * capability, which survives exec for a non-root user.
 */
export function asNobody(
  argv: string[] = [],
  opts: { keepPtrace?: boolean } = {},
): string[] {
  return [
    'setpriv',
    `--reuid=${NOBODY.uid}`,
    `--regid=${NOBODY.gid}`,
    '--clear-groups',
    ...(opts.keepPtrace
      ? ['--inh-caps=+sys_ptrace', '--ambient-caps=+sys_ptrace']
      : ['--inh-caps=-all']),
    '--',
    ...argv,
  ]
}

/**
 * Why nobody (by the "others" permission bits) cannot reach `file`, or null
 * when every folder on the way can be entered and the file read (or run).
 */
export function whyNobodyCannotReach(
  file: string,
  need: 'read' | 'run' = 'read',
): string | null {
  const target = fs.realpathSync(file)
  const parts = target.split(path.sep).filter(Boolean)
  for (let i = 0; i < parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep)
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      return `${dir} (mode ${(fs.statSync(dir).mode & 0o777).toString(8)}) cannot be entered by others, so nobody cannot reach ${target}`
    }
  }
  if ((fs.statSync(target).mode & (need === 'run' ? 0o001 : 0o004)) === 0)
    return `${target} cannot be ${need === 'run' ? 'run' : 'read'} by others`
  return null
}

/** A temp dir that nobody can enter and read. */
export function tempDirForNobody(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  fs.chmodSync(dir, 0o755)
  const why = whyNobodyCannotReach(dir)
  if (why) {
    fs.rmSync(dir, { recursive: true, force: true })
    throw new Error(`${why}; point TMPDIR at a folder others can enter`)
  }
  return dir
}

/** Opens a tree to others: folders 755, files 644 (755 if executable). */
function openToOthers(p: string): void {
  const st = fs.statSync(p)
  if (st.isDirectory()) {
    fs.chmodSync(p, 0o755)
    fs.readdirSync(p).forEach((c) => openToOthers(path.join(p, c)))
  } else {
    fs.chmodSync(p, st.mode & 0o100 ? 0o755 : 0o644)
  }
}

/**
 * A copy of `from` (a file or folder of the checkout) inside `dir`, which
 * tempDirForNobody made, opened to others; returns the copy's path.
 */
export function copyForNobody(from: string, dir: string): string {
  const to = path.join(dir, path.basename(from))
  fs.cpSync(from, to, { recursive: true })
  openToOthers(to)
  return to
}
