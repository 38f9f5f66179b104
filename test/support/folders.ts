// Temp folders a test file makes, removed with all they hold after its
// tests, whatever the tests did.
import fs from 'node:fs'
import { after } from 'node:test'

/** Folders pushed here are removed after the calling file's tests. */
export function foldersRemovedAfter(): string[] {
  const dirs: string[] = []
  after(() =>
    dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })),
  )
  return dirs
}
