// The process-group runner: a hard deadline ends the whole group.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  leftOutMarker,
  OUTPUT_HEAD_BYTES,
  OUTPUT_TAIL_BYTES,
  runInGroup,
} from '../src/spawn.js'
import { groupMembers, waitUntil } from '../harness/native.js'

test('the deadline kills the program and everything it started', async () => {
  // The shell prints its pid (= the group's id) and leaves a background child.
  const r = await runInGroup('sh', ['-c', 'echo $$; sleep 30 & sleep 30'], 300)
  assert.equal(r.timedOut, true)
  assert.equal(r.signal, 'SIGKILL')
  // killed at the deadline, not after the 30 s sleeps ran out
  assert.ok(r.seconds < 25, `${r.seconds} s`)
  const pgid = Number(r.stdout.trim())
  assert.ok(pgid > 1)
  assert.ok(await waitUntil(() => groupMembers(pgid).length === 0, 30_000))
})

test('a program that ends in time is not marked as timed out', async () => {
  const r = await runInGroup('sh', ['-c', 'echo done; exit 3'], 5000)
  assert.deepEqual(
    [r.code, r.signal, r.timedOut, r.stdout],
    [3, null, false, 'done\n'],
  )
})

test('a program that exits while something outside its group holds the pipes still ends', async () => {
  // setsid takes the sleep out of the group, with our stdout still open.
  const r = await runInGroup(
    'sh',
    ['-c', 'setsid sleep 100000 & echo $!; exit 4'],
    120_000,
  )
  const holder = Number(r.stdout.trim())
  try {
    assert.deepEqual([r.code, r.timedOut], [4, false])
    assert.ok(holder > 1, r.stdout)
  } finally {
    if (holder > 1) process.kill(holder, 'SIGKILL')
  }
})

test('hundreds of MB of output come back as a bounded head and tail', async () => {
  // 600 MB on stdout (past V8's longest string) and 20 MB on stderr,
  // each with a known first and last line.
  const r = await runInGroup(
    'sh',
    [
      '-c',
      `echo FIRST; head -c 600000000 /dev/zero | tr '\\0' x; echo; echo LAST
       (echo ERR-FIRST; head -c 20000000 /dev/zero | tr '\\0' y; echo; echo ERR-LAST) >&2`,
    ],
    3_600_000,
  )
  assert.deepEqual([r.code, r.timedOut], [0, false])
  const streams: Array<[string, string, number, number]> = [
    ['stdout', r.stdout, r.stdoutBytes, 6 + 600_000_000 + 1 + 5],
    ['stderr', r.stderr, r.stderrBytes, 10 + 20_000_000 + 1 + 9],
  ]
  for (const [name, text, bytes, expected] of streams) {
    assert.equal(bytes, expected, name)
    const leftOut = expected - OUTPUT_HEAD_BYTES - OUTPUT_TAIL_BYTES
    const marker = leftOutMarker(leftOut)
    assert.equal(
      text.length,
      OUTPUT_HEAD_BYTES + marker.length + OUTPUT_TAIL_BYTES,
      name,
    )
    assert.ok(text.includes(marker), `${name} names ${leftOut} bytes left out`)
    assert.ok(text.startsWith(name === 'stdout' ? 'FIRST\n' : 'ERR-FIRST\n'))
    assert.ok(text.endsWith(name === 'stdout' ? '\nLAST\n' : '\nERR-LAST\n'))
  }
})

test('output within the bound comes back whole, with no marker', async () => {
  const size = OUTPUT_HEAD_BYTES + OUTPUT_TAIL_BYTES
  const r = await runInGroup(
    'sh',
    ['-c', `head -c ${size} /dev/zero | tr '\\0' z`],
    600_000,
  )
  assert.equal(r.stdout, 'z'.repeat(size))
  assert.equal(r.stdoutBytes, size)
})
