// Whether Go's mlock fits, judged as the kernel judges it: CAP_IPC_LOCK
// lifts RLIMIT_MEMLOCK only in the initial user namespace. Real runs of the
// CLI as built from src/ (build/src/cli-entry.js), as root and as the root of a
// child namespace (`unshare -U -r`), each under `ulimit -l 64`; and
// captured trees with each kind of uid_map.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { assessGo } from '../src/assess.js'
import { captureHost } from '../src/capture.js'
import { readHostFacts, type HostFacts } from '../src/host.js'
import { ROOT } from './support/action.js'
import { foldersRemovedAfter } from './support/folders.js'

const CLI = path.join(ROOT, 'build/src/cli-entry.js')
/** Go 1.14.0, 64 threads: 256 KiB to lock, four times `ulimit -l 64`. */
const AUDIT_FLAGS = [
  '--go-version',
  '1.14.0',
  '--memlock-threads',
  '64',
  '--reproduce',
  'never',
  '--json',
]

const dirs = foldersRemovedAfter()
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-memlock-'))
  dirs.push(d)
  return d
}

/** Runs `node <args>` under `ulimit -l 64`, inside `prefix` (e.g. unshare). */
function underLimit(prefix: string[], args: string[]) {
  const quoted = [process.execPath, ...args].map((a) => `'${a}'`).join(' ')
  const argv = [...prefix, 'sh', '-c', `ulimit -l 64 && exec ${quoted}`]
  const r = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8' })
  assert.equal(r.error, undefined)
  return r
}

interface GoView {
  memlockSoft: number
  capIpcLock: boolean
  initialUserNamespace: boolean | null
  memlockBasis: string
  memlockSufficient: boolean
  reasons: Array<{ code: string }>
}

function goView(stdout: string): GoView {
  return (JSON.parse(stdout) as { go: GoView }).go
}

test('as root of the initial namespace, CAP_IPC_LOCK lifts `ulimit -l 64`', () => {
  const r = underLimit([], [CLI, ...AUDIT_FLAGS])
  const go = goView(r.stdout)
  assert.equal(go.memlockSoft, 65536)
  assert.equal(go.capIpcLock, true)
  assert.equal(go.initialUserNamespace, true)
  assert.equal(go.memlockBasis, 'capability')
  assert.equal(go.memlockSufficient, true)
})

test('as root of a child user namespace (unshare -U -r), it does not', () => {
  const r = underLimit(['unshare', '-U', '-r'], [CLI, ...AUDIT_FLAGS])
  const go = goView(r.stdout)
  assert.equal(go.memlockSoft, 65536)
  // The capability is really there, and really of no use to mlock.
  assert.equal(go.capIpcLock, true)
  assert.equal(go.initialUserNamespace, false)
  assert.equal(go.memlockBasis, 'limit')
  assert.equal(go.memlockSufficient, false)
  assert.ok(
    go.reasons.some((x) => x.code === 'cap-ipc-lock-in-user-namespace'),
    JSON.stringify(go.reasons),
  )
})

test('a capture made in a child namespace is judged offline as it was live', () => {
  const dir = path.join(tempDir(), 'rootless')
  const made = underLimit(['unshare', '-U', '-r'], [CLI, 'capture', dir])
  assert.equal(made.status, 0, made.stderr)
  assert.match(
    fs.readFileSync(path.join(dir, 'proc/self/uid_map'), 'utf8'),
    /^0 0 1\n$/,
  )
  const r = spawnSync(process.execPath, [CLI, '--root', dir, ...AUDIT_FLAGS], {
    encoding: 'utf8',
  })
  const go = goView(r.stdout)
  assert.equal(go.capIpcLock, true)
  assert.equal(go.memlockSufficient, false)
  assert.equal(go.memlockBasis, 'limit')
})

// CapEff of a root shell (CAP_IPC_LOCK, bit 14, set), 64 KiB memlock.
const LIMITS =
  'Limit                     Soft Limit           Hard Limit           Units     \nMax locked memory         65536                65536                bytes     \n'
const ROOT_STATUS = 'CapEff:\t000001ffffffffff\n'

async function capturedFacts(uidMap: string | null): Promise<HostFacts> {
  const root = tempDir()
  const files: Record<string, string> = {
    'proc/sys/kernel/osrelease': '5.3.11-300.fc31.x86_64\n',
    'proc/self/limits': LIMITS,
    'proc/self/status': ROOT_STATUS,
  }
  if (uidMap !== null) files['proc/self/uid_map'] = uidMap
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  return readHostFacts({ root, goVersion: '1.14.0' })
}

test('captured trees: the capability counts only with the initial uid_map', async () => {
  // uid_map as the kernel prints it (%10u %10u %10u), from real machines.
  const table: Array<[string, string | null, boolean, string | null]> = [
    ['initial namespace', '         0          0 4294967295\n', true, null],
    [
      'rootless Podman (subuid range)',
      '         0       1000          1\n         1     100000      65536\n',
      false,
      'cap-ipc-lock-in-user-namespace',
    ],
    [
      'unshare -U -r',
      '         0          0          1\n',
      false,
      'cap-ipc-lock-in-user-namespace',
    ],
    [
      'a capture older than uid_map',
      null,
      false,
      'cap-ipc-lock-namespace-unknown',
    ],
    [
      'a malformed uid_map',
      '0 0 4294967295 extra\n',
      false,
      'cap-ipc-lock-namespace-unknown',
    ],
  ]
  for (const [name, uidMap, sufficient, code] of table) {
    const go = assessGo(await capturedFacts(uidMap), { memlockThreads: 64 })
    assert.equal(go.memlockSufficient, sufficient, name)
    assert.equal(go.workaround, sufficient ? 'mlock' : 'mlock-fails-fatal')
    assert.deepEqual(
      go.reasons.map((r) => r.code).filter((c) => c.startsWith('cap-ipc-lock')),
      code ? [code] : [],
      name,
    )
    // The memlock warning quotes the last reason: still the fatal one.
    if (!sufficient) assert.equal(go.reasons.at(-1)?.code, 'mlock-fails-fatal')
  }
})

test('a real mlock result outweighs the inference when it answers the question', async () => {
  const initial = await capturedFacts('         0          0 4294967295\n')
  const child = await capturedFacts('         0          0          1\n')
  const needed = 64 * 4096
  const table: Array<
    [string, HostFacts, HostFacts['mlockProof'], boolean, string]
  > = [
    ['no proof', initial, null, true, 'capability'],
    [
      'failed at the bytes needed',
      initial,
      { bytes: needed, ok: false, errno: 12 },
      false,
      'mlock-proof',
    ],
    [
      'locked the bytes needed',
      child,
      { bytes: needed, ok: true, errno: null },
      true,
      'mlock-proof',
    ],
    // Proofs that do not answer for the bytes needed: back to inference,
    // where a failure still shows the capability did not lift the limit.
    [
      'locked fewer bytes',
      initial,
      { bytes: 4096, ok: true, errno: null },
      true,
      'capability',
    ],
    [
      'failed at more bytes',
      initial,
      { bytes: 2 * needed, ok: false, errno: 12 },
      false,
      'limit',
    ],
  ]
  for (const [name, facts, mlockProof, sufficient, basis] of table) {
    const go = assessGo({ ...facts, mlockProof }, { memlockThreads: 64 })
    assert.equal(go.memlockSufficient, sufficient, name)
    assert.equal(go.memlockBasis, basis, name)
    assert.deepEqual(go.mlockProof, mlockProof, name)
  }
})

test('capture keeps uid_map, one normalised line per range', async () => {
  const from = tempDir()
  fs.mkdirSync(path.join(from, 'proc/self'), { recursive: true })
  fs.writeFileSync(
    path.join(from, 'proc/self/uid_map'),
    '         0       1000          1\n         1     100000      65536\n',
  )
  const to = path.join(tempDir(), 'out')
  await captureHost(from, to)
  assert.equal(
    fs.readFileSync(path.join(to, 'proc/self/uid_map'), 'utf8'),
    '0 1000 1\n1 100000 65536\n',
  )
})
