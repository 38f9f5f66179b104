// The kernel question on small hosts made in temp folders: the cases the
// captured corpus does not cover.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { assessKernel } from '../src/assess.js'
import { readHostFacts } from '../src/host.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

async function kernelOf(release: string, procVersion: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-assess-'))
  dirs.push(root)
  fs.mkdirSync(path.join(root, 'proc/sys/kernel'), { recursive: true })
  fs.writeFileSync(path.join(root, 'proc/sys/kernel/osrelease'), release + '\n')
  fs.writeFileSync(path.join(root, 'proc/version'), procVersion + '\n')
  return assessKernel(await readHostFacts({ root, goVersion: null }))
}

// The first line is a real 20.04 kernel's; the other two are shaped like
// kernel-ppa mainline and pre-8.11 focal builds (host and date made up).
test("Ubuntu's 5.4.0 ABI builds are fixed; a mainline 5.4.0 build is not", async () => {
  const table: Array<[string, string, string]> = [
    [
      '5.4.0-29-generic',
      'Linux version 5.4.0-29-generic (buildd@lgw01-amd64-035) (gcc version 9.3.0 (Ubuntu 9.3.0-10ubuntu2)) #33-Ubuntu SMP Wed Apr 29 14:32:27 UTC 2020',
      'clear',
    ],
    [
      '5.4.0-050400-generic',
      'Linux version 5.4.0-050400-generic (kernel@gloin) (gcc version 9.2.1 20191109 (Ubuntu 9.2.1-19ubuntu1)) #201911242031 SMP Sun Nov 24 20:35:37 UTC 2019',
      'buggy',
    ],
    [
      '5.4.0-7-generic',
      'Linux version 5.4.0-7-generic (buildd@lcy01-amd64-012) (gcc version 9.2.1 20191130 (Ubuntu 9.2.1-20ubuntu1)) #8-Ubuntu SMP Mon Dec 2 12:00:00 UTC 2019',
      'buggy',
    ],
  ]
  for (const [release, procVersion, finding] of table) {
    assert.equal(
      (await kernelOf(release, procVersion)).finding,
      finding,
      release,
    )
  }
})
