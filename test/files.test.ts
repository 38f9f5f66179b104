// Folder creation that ends on every path, and whole-or-nothing writes.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import {
  ensureDir,
  readBounded,
  ReadRefusal,
  writeFileAtomic,
} from '../src/files.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

test('ensureDir creates the missing folders and accepts existing ones', async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-files-'))
  dirs.push(base)
  const deep = path.join(base, 'a', 'b', 'c')
  await ensureDir(deep)
  assert.ok(fs.statSync(deep).isDirectory())
  await ensureDir(deep)
  await ensureDir(base)
  await ensureDir('/')
})

test('ensureDir ends with the folder named where Node would loop or fail', async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-files-'))
  dirs.push(base)
  fs.writeFileSync(path.join(base, 'file'), '')
  const table: Array<[string, RegExp]> = [
    [
      '/proc/nope/x',
      /^cannot create folder \/proc\/nope: \/proc exists but refuses new folders \(ENOENT\)$/,
    ],
    ['/proc/self/nope', /^cannot create folder \/proc\/self\/nope: /],
    [
      path.join(base, 'file', 'x'),
      /^cannot create folder .*\/file\/x: .*\/file exists and is not a folder$/,
    ],
  ]
  for (const [dir, message] of table) {
    await assert.rejects(ensureDir(dir), { message }, dir)
  }
})

test('writeFileAtomic leaves no temp file when the write fails', async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-files-'))
  dirs.push(base)
  const target = path.join(base, 'report.json')
  fs.mkdirSync(target) // a folder where the file should go: rename fails
  await assert.rejects(writeFileAtomic(target, '{}'))
  assert.deepEqual(fs.readdirSync(base), ['report.json'])
  const ok = path.join(base, 'new', 'report.json')
  await writeFileAtomic(ok, '{}\n')
  assert.equal(fs.readFileSync(ok, 'utf8'), '{}\n')
  assert.deepEqual(fs.readdirSync(path.dirname(ok)), ['report.json'])
})

test('readBounded: one reader for every file, refusing what is not a regular file or too large', async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-files-'))
  dirs.push(base)
  const at = (name: string) => path.join(base, name)
  fs.writeFileSync(at('eight'), '12345678')
  fs.writeFileSync(at('nine'), '123456789')
  fs.symlinkSync(at('eight'), at('link'))
  fs.mkdirSync(at('folder'))
  execFileSync('mkfifo', [at('fifo')])
  const refusal = (reason: string) => (err: unknown) =>
    err instanceof ReadRefusal && err.reason === reason
  const read = async (name: string, noFollow = false) =>
    (
      await readBounded(name.startsWith('/') ? name : at(name), {
        maxBytes: 8,
        noFollow,
      })
    ).bytes.toString()

  assert.equal(await read('eight'), '12345678')
  assert.equal(await read('link'), '12345678')
  await assert.rejects(read('nine'), refusal('too large'))
  await assert.rejects(read('folder'), refusal('folder'))
  // A FIFO with no writer is refused at once, not waited on.
  await assert.rejects(read('fifo'), refusal('not regular'))
  await assert.rejects(read('link', true), { code: 'ELOOP' })
  await assert.rejects(read('missing'), { code: 'ENOENT' })
  // /proc files say size 0 and still have bytes: read by chunks, not st.size.
  assert.equal(fs.statSync('/proc/self/status').size, 0)
  const status = await readBounded('/proc/self/status', { maxBytes: 1 << 20 })
  assert.match(status.bytes.toString(), /^Name:/)
  await assert.rejects(
    readBounded('/proc/self/status', { maxBytes: 8 }),
    (err: unknown) =>
      refusal('too large')(err) && (err as ReadRefusal).size === 'at least 9',
  )
  // verify sees the opened file before any byte is read, and may refuse it.
  await assert.rejects(
    readBounded(at('eight'), {
      maxBytes: 8,
      verify: async (_handle, st) => {
        assert.equal(st.size, 8)
        throw new Error('swapped')
      },
    }),
    /swapped/,
  )
})
