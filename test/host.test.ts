// The host reader over real files: this machine's /proc, and temp roots.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import {
  archFromCpuinfo,
  detectContainer,
  hasCapability,
  parseCpuinfo,
  parseMemlock,
  parseOsRelease,
  readHostFacts,
} from '../src/host.js'
import {
  PROBE_DEADLINE_SECONDS,
  TOOL_DEADLINE_ENV as DEADLINE,
} from '../src/spawn.js'
import { waitUntil } from '../harness/native.js'
import { stillRunning, stuckProgram } from './support/stuck.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

function tempRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-host-'))
  dirs.push(root)
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  return root
}

test("this machine's facts match what /proc says", async () => {
  const facts = await readHostFacts({ root: '/', goVersion: null })
  assert.equal(facts.live, true)
  assert.deepEqual(facts.release, {
    ok: true,
    value: fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
    source: '/proc/sys/kernel/osrelease',
  })
  assert.equal(facts.arch.ok && facts.arch.value, os.machine())
  const hasAvx = / avx /.test(
    fs.readFileSync('/proc/cpuinfo', 'utf8').replace(/\n/g, ' \n'),
  )
  assert.equal(facts.cpu.ok && facts.cpu.value.avx, hasAvx)
  assert.ok(facts.memlock.ok)
})

test('a root with missing files records them and does not throw', async () => {
  const root = tempRoot({ 'proc/sys/kernel/osrelease': '5.4.1-arch1-1\n' })
  const facts = await readHostFacts({ root, goVersion: null })
  assert.equal(facts.live, false)
  assert.deepEqual(facts.release, {
    ok: true,
    value: '5.4.1-arch1-1',
    source: '/proc/sys/kernel/osrelease',
  })
  assert.deepEqual(facts.procVersion, {
    ok: false,
    error: 'missing (ENOENT)',
    source: '/proc/version',
  })
  assert.equal(facts.arch.ok, false)
  assert.equal(facts.go.version, null)
  assert.match(facts.go.note, /captured host/)
})

test('a directory where a file should be is unreadable, not a crash', async () => {
  const root = tempRoot({ 'proc/version/oops': '' })
  const facts = await readHostFacts({ root, goVersion: '1.15.5' })
  assert.deepEqual(facts.procVersion, {
    ok: false,
    error: 'unreadable (EISDIR)',
    source: '/proc/version',
  })
  assert.deepEqual(facts.go, {
    version: '1.15.5',
    source: 'input',
    note: 'from the go-version input',
  })
})

test('a FIFO where a file should be is unreadable, not a wait for ever', async () => {
  const root = tempRoot({ 'proc/sys/kernel/osrelease': '5.4.1\n' })
  const fifo = path.join(root, 'proc', 'version')
  const made = spawnSync('mkfifo', [fifo])
  assert.equal(made.status, 0, String(made.stderr))
  const facts = await readHostFacts({ root, goVersion: '1.15.5' })
  assert.deepEqual(facts.procVersion, {
    ok: false,
    error: 'unreadable (not a regular file)',
    source: '/proc/version',
  })
  assert.equal(facts.release.ok && facts.release.value, '5.4.1')
})

test('parseMemlock reads bytes and unlimited from /proc/self/limits', () => {
  const limits = (soft: string, hard: string) =>
    `Limit                     Soft Limit           Hard Limit           Units     \nMax open files            1024                 524288               files     \nMax locked memory         ${soft.padEnd(20)} ${hard.padEnd(20)} bytes     \n`
  assert.deepEqual(parseMemlock(limits('65536', '65536')), {
    soft: 65536,
    hard: 65536,
  })
  assert.deepEqual(parseMemlock(limits('8388608', 'unlimited')), {
    soft: 8388608,
    hard: 'unlimited',
  })
  assert.deepEqual(parseMemlock(limits('unlimited', 'unlimited')), {
    soft: 'unlimited',
    hard: 'unlimited',
  })
  assert.equal(parseMemlock('Max open files 1024 1024 files\n'), null)
})

test('CAP_IPC_LOCK is bit 14 of CapEff', () => {
  assert.equal(hasCapability('CapEff:\t000001ffffffffff\n', 14n), true)
  assert.equal(hasCapability('CapEff:\t0000000000000000\n', 14n), false)
  assert.equal(hasCapability('CapEff:\t0000000000004000\n', 14n), true)
  assert.equal(hasCapability('Name: x\n', 14n), null)
})

test('cpuinfo: vendor, model, AVX flags and the shape of other architectures', () => {
  const intel = `processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology cpuid pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch fsgsbase bmi1 hle avx2 smep bmi2 erms invpcid rtm avx512f avx512dq\n`
  assert.deepEqual(parseCpuinfo(intel), {
    vendor: 'GenuineIntel',
    model: 'Intel(R) Xeon(R) Platinum 8272CL CPU @ 2.60GHz',
    avx: true,
    avx2: true,
    avx512f: true,
  })
  const atom = `processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Celeron(R) CPU  J1900  @ 1.99GHz\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx rdtscp lm constant_tsc arch_perfmon pebs bts rep_good nopl xtopology nonstop_tsc aperfmperf pni pclmulqdq dtes64 monitor ds_cpl vmx est tm2 ssse3 cx16 xtpr pdcm sse4_1 sse4_2 movbe popcnt tsc_deadline_timer rdrand lahf_lm 3dnowprefetch\n`
  assert.equal(parseCpuinfo(atom)?.avx, false)
  assert.equal(archFromCpuinfo(atom), 'x86_64')
  const graviton = `processor\t: 0\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs\nCPU implementer\t: 0x41\nCPU architecture: 8\n`
  assert.equal(parseCpuinfo(graviton)?.avx, false)
  assert.equal(parseCpuinfo('processor\t: 0\n'), null)
  assert.equal(archFromCpuinfo(graviton), 'aarch64')
})

test('os-release values are unquoted', () => {
  const os = parseOsRelease(
    'PRETTY_NAME="Ubuntu 20.04.6 LTS"\nNAME="Ubuntu"\nVERSION_ID="20.04"\nID=ubuntu\n',
  )
  assert.deepEqual(os, {
    id: 'ubuntu',
    versionId: '20.04',
    prettyName: 'Ubuntu 20.04.6 LTS',
  })
})

test('container detection uses several independent signals', async () => {
  const table: Array<[Record<string, string>, string[]]> = [
    [{}, []],
    [{ '.dockerenv': '' }, ['/.dockerenv exists']],
    [{ 'run/.containerenv': '' }, ['/run/.containerenv exists']],
    [
      {
        'proc/1/cgroup':
          '12:pids:/docker/4f1c0b3a0e9d\n0::/system.slice/containerd.service\n',
      },
      ['/proc/1/cgroup names docker'],
    ],
    [
      {
        'proc/1/cgroup':
          '0::/kubepods.slice/kubepods-burstable.slice/cri-containerd-1.scope\n',
      },
      ['/proc/1/cgroup names kubepods'],
    ],
    [{ 'proc/1/cgroup': '0::/init.scope\n' }, []],
    [
      {
        'proc/1/mountinfo':
          '470 400 0:52 / / rw,relatime master:200 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A\n',
      },
      ['the root filesystem is overlay'],
    ],
    [
      { 'proc/1/environ': 'PATH=/usr/bin\0container=podman\0' },
      ['PID 1 has container=podman'],
    ],
  ]
  for (const [files, signals] of table) {
    const got = await detectContainer(tempRoot(files))
    assert.deepEqual(
      got,
      { detected: signals.length > 0, signals },
      JSON.stringify(files),
    )
  }
})

test('the Go version comes from `go env GOVERSION` of the go on PATH', async () => {
  // A real program on PATH answering as the go command does.
  const bin = tempRoot({})
  fs.writeFileSync(
    path.join(bin, 'go'),
    '#!/bin/sh\n[ "$1 $2" = "env GOVERSION" ] && echo go1.14.0 && exit 0\nexit 2\n',
    { mode: 0o755 },
  )
  const saved = process.env.PATH
  process.env.PATH = `${bin}:${saved}`
  try {
    const found = await readHostFacts({ root: '/', goVersion: null })
    assert.deepEqual(found.go, {
      version: 'go1.14.0',
      source: 'go env GOVERSION',
      note: 'from the go on PATH',
    })
    const input = await readHostFacts({ root: '/', goVersion: '1.16' })
    assert.equal(input.go.source, 'input')
    // A Go 1.14 go command knows no GOVERSION and prints an empty line.
    const old = tempRoot({})
    fs.writeFileSync(
      path.join(old, 'go'),
      '#!/bin/sh\n[ "$1" = env ] && echo && exit 0\n[ "$1" = version ] && echo "go version go1.14.4 linux/amd64" && exit 0\nexit 2\n',
      { mode: 0o755 },
    )
    process.env.PATH = `${old}:${saved}`
    const go114 = await readHostFacts({ root: '/', goVersion: null })
    assert.deepEqual(go114.go, {
      version: 'go1.14.4',
      source: 'go version',
      note: 'from the go on PATH',
    })
    process.env.PATH = tempRoot({})
    const none = await readHostFacts({ root: '/', goVersion: null })
    assert.deepEqual(none.go, {
      version: null,
      source: 'not detected',
      note: 'no go on PATH',
    })
  } finally {
    process.env.PATH = saved
  }
})

test(
  'a go on PATH that never answers is asked once, under the short probe deadline',
  { timeout: 120_000 },
  async () => {
    const bin = tempRoot({})
    const go = stuckProgram(bin, 'go')
    const saved = { PATH: process.env.PATH, deadline: process.env[DEADLINE] }
    process.env.PATH = `${bin}:${saved.PATH}`
    // The tool deadline is left at its default: a version probe must not wait
    // for it (nor twice for it).
    delete process.env[DEADLINE]
    try {
      const found = await readHostFacts({ root: '/', goVersion: null })
      assert.equal(found.go.version, null)
      assert.equal(found.go.source, 'not detected')
      assert.equal(
        found.go.note,
        `go on PATH, but: "go env GOVERSION" did not finish within ${PROBE_DEADLINE_SECONDS} s and was killed; set go-version`,
      )
      assert.equal(
        go.pids().length,
        2,
        'one go and its child, not a second ask',
      )
      assert.ok(
        await waitUntil(() => stillRunning(go.pids()).length === 0, 30_000),
        `left running: ${stillRunning(go.pids()).join(' ')}`,
      )
    } finally {
      process.env.PATH = saved.PATH
      if (saved.deadline === undefined) delete process.env[DEADLINE]
      else process.env[DEADLINE] = saved.deadline
    }
  },
)
