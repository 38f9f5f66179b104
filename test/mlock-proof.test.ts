// The memlock answer proven with a real mlock by the compiled reproducer,
// where the Go runtime would lock memory: in this process's limits,
// capabilities and user namespace, which no reading of /proc can replace.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { needsMlockProof, proveMlock } from '../src/audit.js'
import { compileReproducer, nativeDir } from '../src/compile.js'
import { parseMlockProbeLine } from '../src/evidence.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-mlock-'))
let binary = ''
let dispose = async () => {}
before(async () => {
  const build = await compileReproducer({
    compiler: 'cc',
    nativeDir: nativeDir(),
    tempDir: temp,
    toolCacheDir: null,
  })
  assert.ok(build.ok, build.ok ? '' : build.reason)
  binary = build.binary
  dispose = build.dispose
})
after(async () => {
  await dispose()
  fs.rmSync(temp, { recursive: true, force: true })
})

const WHEN: Array<[string, boolean, string, string, boolean, string?]> = [
  ['Go would lock, this machine', true, 'mlock', 'auto', true],
  ['a macOS runner', true, 'mlock', 'always', false, 'darwin'],
  ['Go would lock and fail', true, 'mlock-fails-fatal', 'always', true],
  ['Go would lock, silent', true, 'mlock-fails-silent', 'auto', true],
  ['a captured host', false, 'mlock', 'auto', false],
  ['reproduce: never', true, 'mlock', 'never', false],
  ['Go does not lock here', true, 'not-triggered', 'always', false],
  ['Go 1.16+', true, 'inactive', 'auto', false],
  ['Go version unknown', true, 'unknown', 'auto', false],
]
for (const [what, live, workaround, reproduce, expected, platform] of WHEN) {
  test(`a real mlock is tried: ${what} → ${expected}`, () => {
    assert.equal(
      needsMlockProof(
        { live, platform: platform ?? 'linux' },
        { go: { workaround } } as Parameters<typeof needsMlockProof>[1],
        { reproduce: reproduce as 'auto' },
      ),
      expected,
    )
  })
}

const LINES: Array<[string, string, unknown]> = [
  [
    'locked',
    '{"version":1,"mlockProbe":{"bytes":262144,"lockedBytes":262144,"ok":true}}',
    { bytes: 262144, ok: true, errno: null },
  ],
  [
    'refused',
    '{"version":1,"mlockProbe":{"bytes":262144,"lockedBytes":262144,"ok":false,"call":"mlock","errno":12,"error":"ENOMEM"}}',
    { bytes: 262144, ok: false, errno: 12 },
  ],
  ['no line', '', null],
  ['not JSON', 'mlock: ENOMEM', null],
  ['ok is a string', '{"mlockProbe":{"bytes":4096,"ok":"true"}}', null],
  ['refused without errno', '{"mlockProbe":{"bytes":4096,"ok":false}}', null],
  ['bytes not a number', '{"mlockProbe":{"bytes":"4096","ok":true}}', null],
]
for (const [what, line, expected] of LINES) {
  test(`the probe's line is read strictly: ${what}`, () => {
    assert.deepEqual(parseMlockProbeLine(line + '\n'), expected)
  })
}

const log = () => {}

test('as root in the initial user namespace the capability lets 256 KiB lock under a 64 KiB limit', async () => {
  const r = spawnSync(
    'sh',
    ['-c', 'ulimit -l 64 && exec "$0" --mlock-probe 262144', binary],
    { encoding: 'utf8' },
  )
  assert.deepEqual(parseMlockProbeLine(r.stdout), {
    bytes: 262144,
    ok: true,
    errno: null,
  })
  // and proveMlock reads the same answer in this process's own limits
  assert.equal((await proveMlock(binary, 4096, { log }))?.ok, true)
})

test("inside unshare -U -r the namespace's root cannot lock past the limit: the proof says ENOMEM", () => {
  const script = `
    const { proveMlock } = await import(${JSON.stringify(path.join(here, '..', 'src', 'audit.js'))})
    const proof = await proveMlock(${JSON.stringify(binary)}, 262144, { log: () => {} })
    process.stdout.write(JSON.stringify(proof))`
  const r = spawnSync(
    'unshare',
    [
      '-U',
      '-r',
      'sh',
      '-c',
      'ulimit -l 64 && exec "$0" --input-type=module -e "$1"',
      process.execPath,
      script,
    ],
    { encoding: 'utf8' },
  )
  assert.equal(r.status, 0, r.stderr)
  assert.deepEqual(JSON.parse(r.stdout), {
    bytes: 262144,
    ok: false,
    errno: 12,
  })
})
