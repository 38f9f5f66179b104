// The process-group runner: a hard deadline ends the whole group.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { runInGroup } from '../src/spawn.js'
import { groupMembers, waitUntil } from './support/native.js'

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
