// The tool cache's layout and its behaviour when runs share one cache.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  discardEntry,
  entryDir,
  findEntry,
  storeEntry,
  type CacheEntryName,
} from '../src/toolcache.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-toolcache-'))
after(() => fs.rmSync(dir, { recursive: true, force: true }))

const entry = (root: string): CacheEntryName => ({
  root,
  tool: 'sigvec-repro',
  version: '1.0.0-0123456789abcdef',
  arch: 'x64',
})

test("the layout is @actions/tool-cache's: <tool>/<version>/<arch> and <arch>.complete", async () => {
  const e = entry(path.join(dir, 'layout'))
  assert.equal(await findEntry(e), null)
  const stored = await storeEntry(e, [
    { name: 'bin', content: 'x', mode: 0o755 },
  ])
  assert.equal(stored, path.join(e.root, 'sigvec-repro', e.version, 'x64'))
  assert.ok(fs.statSync(`${stored}.complete`).isFile())
  assert.equal(fs.statSync(path.join(stored, 'bin')).mode & 0o777, 0o755)
  assert.equal(await findEntry(e), stored)
  // Nothing of the staging is left beside the entry.
  assert.deepEqual(fs.readdirSync(path.dirname(stored)).sort(), [
    'x64',
    'x64.complete',
  ])
})

test('an entry without its marker, or a link in its place, is not found', async () => {
  const e = entry(path.join(dir, 'partial'))
  fs.mkdirSync(entryDir(e), { recursive: true })
  assert.equal(await findEntry(e), null)
  const l = entry(path.join(dir, 'link'))
  fs.mkdirSync(path.dirname(entryDir(l)), { recursive: true })
  fs.symlinkSync(dir, entryDir(l))
  fs.writeFileSync(`${entryDir(l)}.complete`, '')
  assert.equal(await findEntry(l), null)
})

test('a discarded entry is gone and can be stored again', async () => {
  const e = entry(path.join(dir, 'discard'))
  await storeEntry(e, [{ name: 'bin', content: 'old', mode: 0o755 }])
  await discardEntry(e)
  assert.equal(await findEntry(e), null)
  await discardEntry(e) // twice is harmless
  const again = await storeEntry(e, [
    { name: 'bin', content: 'new', mode: 0o755 },
  ])
  assert.equal(fs.readFileSync(path.join(again, 'bin'), 'utf8'), 'new')
})

test('processes storing one entry at once all succeed, and one entry stands', async () => {
  const root = path.join(dir, 'concurrent')
  const module = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    'src',
    'toolcache.js',
  )
  const script = `
    const { storeEntry, findEntry } = await import(${JSON.stringify(module)})
    const e = ${JSON.stringify(entry(root))}
    for (let i = 0; i < 20; i++) {
      const got = await storeEntry(e, [{ name: 'bin', content: String(process.pid), mode: 0o755 }])
      if ((await findEntry(e)) !== got) throw new Error('not found after store')
    }`
  const codes = await Promise.all(
    Array.from(
      { length: 4 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            ['--input-type=module', '-e', script],
            {
              stdio: ['ignore', 'ignore', 'inherit'],
            },
          )
          child.on('close', resolve)
        }),
    ),
  )
  assert.deepEqual(codes, [0, 0, 0, 0])
  const parent = path.dirname(entryDir(entry(root)))
  assert.deepEqual(fs.readdirSync(parent).sort(), ['x64', 'x64.complete'])
})
