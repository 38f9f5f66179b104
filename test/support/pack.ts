// What the npm package holds, as npm itself would pack it: one `npm pack
// --dry-run` per test process, shared by the tests that check the package.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { ROOT } from './action.js'

export interface PackedFile {
  path: string
  mode: number
}

let packed: PackedFile[] | null = null

export function packedFiles(): PackedFile[] {
  if (packed !== null) return packed
  const r = spawnSync(
    'npm',
    ['pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: ROOT, encoding: 'utf8' },
  )
  assert.equal(r.status, 0, r.stderr)
  packed = JSON.parse(r.stdout)[0].files as PackedFile[]
  return packed
}

/** The packed file at `file` (a path inside the package), or undefined. */
export const packedFile = (file: string) =>
  packedFiles().find((f) => f.path === file)
