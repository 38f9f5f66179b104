// Runs a program as an unprivileged user (tests run as root; setpriv drops
// to nobody), for what root would see through: unreadable files, refused
// syscalls.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const NOBODY = { uid: 65534, gid: 65534 }

/** The argv that runs `argv` as nobody. */
export function asNobody(argv: string[]): string[] {
  return [
    'setpriv',
    `--reuid=${NOBODY.uid}`,
    `--regid=${NOBODY.gid}`,
    '--clear-groups',
    '--inh-caps=-all',
    '--',
    ...argv,
  ]
}

/** A temp dir that nobody can enter and read. */
export function tempDirForNobody(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  fs.chmodSync(dir, 0o755)
  return dir
}
