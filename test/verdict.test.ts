import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  decide,
  memlockCommands,
  mergeGodebug,
  STATUSES,
  type FailOn,
  type Status,
} from '../src/verdict.js'

test('mergeGodebug sets asyncpreemptoff and keeps every other setting', () => {
  const table: Array<[string | undefined, string]> = [
    [undefined, 'asyncpreemptoff=1'],
    ['', 'asyncpreemptoff=1'],
    ['madvdontneed=1', 'madvdontneed=1,asyncpreemptoff=1'],
    ['asyncpreemptoff=0', 'asyncpreemptoff=1'],
    ['gctrace=1, asyncpreemptoff=0 ,x=y', 'gctrace=1,x=y,asyncpreemptoff=1'],
  ]
  for (const [current, want] of table) {
    assert.equal(mergeGodebug(current, 'asyncpreemptoff', '1'), want)
  }
})

test('fail-on decides which statuses fail the step', () => {
  const fails: Record<FailOn, Status[]> = {
    affected: ['affected'],
    vulnerable: ['affected', 'vulnerable'],
    unknown: ['affected', 'vulnerable', 'unknown'],
    never: [],
  }
  for (const [failOn, failing] of Object.entries(fails) as Array<
    [FailOn, Status[]]
  >) {
    for (const status of STATUSES) {
      const d = decide(status, { failOn, mitigate: false }, undefined)
      assert.equal(d.fail, failing.includes(status), `${failOn}/${status}`)
      assert.equal(d.godebug, null)
    }
  }
})

test('mitigate switches a failing status to GODEBUG instead of failing', () => {
  const d = decide(
    'vulnerable',
    { failOn: 'vulnerable', mitigate: true },
    'gctrace=1',
  )
  assert.deepEqual(d, {
    failing: true,
    fail: false,
    godebug: 'gctrace=1,asyncpreemptoff=1',
    mitigation: 'godebug',
  })
  const clean = decide(
    'unaffected',
    { failOn: 'vulnerable', mitigate: true },
    undefined,
  )
  assert.equal(clean.mitigation, 'none')
})

test('memlock advice uses KiB for ulimit and bytes for Docker', () => {
  const cmds = memlockCommands(67108864)
  const text = (label: string) =>
    cmds.find((c) => c.label.startsWith(label))?.text
  assert.equal(text('shell'), 'ulimit -l 65536')
  assert.match(text('docker run') ?? '', /--ulimit memlock=67108864:67108864/)
  assert.deepEqual(JSON.parse(text('/etc/docker/daemon.json') ?? ''), {
    'default-ulimits': {
      memlock: { Name: 'memlock', Soft: 67108864, Hard: 67108864 },
    },
  })
})
