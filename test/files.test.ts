// Folder creation that ends on every path, and whole-or-nothing writes.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { ensureDir, writeFileAtomic } from '../src/files.js'
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
