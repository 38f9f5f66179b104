// The reproducer as a real program: compiled by the real cc, run as real
// processes on this (fixed) kernel. Clean runs prove the work is done; the
// injected positive control proves a corruption would be seen and named.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import {
  buildReproducer,
  diskFolder,
  groupMembers,
  ioLeftovers,
  hasInterpreter,
  isAlive,
  laneRegister,
  laneTag,
  parseLine,
  removeBuilds,
  runReproducer,
  TMPFS_MAGIC,
  waitUntil,
  type ReproLine,
} from '../harness/native.js'
import { asNobody, NOBODY, tempDirForNobody } from '../harness/privileges.js'

let binary = ''
const cpus = os.availableParallelism()
// io mode's folder: on a disk file system, writable by nobody too.
const ioDir = diskFolder()
const noDisk = ioDir ? false : 'no disk file system here for io mode'

/** The arguments a mode needs here: io mode is pointed at the disk folder. */
function modeArgs(mode: 'uffd' | 'io' | 'stress'): string[] {
  return ['--mode', mode, ...(mode === 'io' ? ['--io-dir', ioDir!] : [])]
}

before(async () => {
  const build = await buildReproducer()
  binary = build.binary
})

after(() => {
  removeBuilds()
  if (ioDir) fs.rmSync(ioDir, { recursive: true, force: true })
})

test('builds with -Wall -Wextra -Werror and says nothing', async () => {
  const build = await buildReproducer()
  assert.equal(build.stderr, '')
  assert.ok(fs.statSync(build.binary).size > 0)
})

for (const mode of ['uffd', 'stress'] as const) {
  test(`--mode ${mode} runs clean here and counts its work`, async () => {
    // It stops at a count of deliveries, not at a time: how much work fits in
    // a second depends on how busy the machine is.
    const run = await runReproducer(binary, [
      '--mode',
      mode,
      '--duration',
      '25',
      '--events',
      '2000',
    ])
    assert.equal(run.code, 0, run.stderr)
    const line = run.line
    assert.ok(line, `one JSON line expected, got: ${run.stdout}`)
    assert.equal(line.version, 1)
    assert.equal(line.result, 'clean')
    assert.equal(line.mode, mode)
    assert.equal(line.modeReason, 'requested')
    assert.equal(line.stopReason, 'events')
    assert.equal(line.cpus, cpus)
    // Rates and shares are measured in bench/, not here.
    assert.ok(line.faultingDeliveries! >= 2000, `${line.faultingDeliveries}`)
    assert.ok(line.signals! >= line.faultingDeliveries!)
    assert.ok(line.checks! > 0, `checks ${line.checks}`)
    assert.ok(line.liveShare! > 0 && line.liveShare! <= 1)
    assert.equal(line.mismatch, null)
    assert.equal(line.timeToFirstMismatch, null)
    const checkers = line.tasks!.filter((t) => t.role === 'checker')
    const competitors = line.tasks!.filter((t) => t.role === 'competitor')
    // One checker per CPU; its competitors (uffd: the page filler, stress:
    // two canary spinners) share its CPU and process: that is the trigger.
    assert.equal(checkers.length, cpus)
    assert.equal(competitors.length, (mode === 'uffd' ? 1 : 2) * cpus)
    for (const k of competitors) {
      assert.ok(checkers.some((c) => k.cpu === c.cpu && k.pid === c.pid))
    }
    if (mode === 'uffd') {
      // Every faulting delivery was held and filled by the competitor.
      assert.ok(line.uffdFaults! >= line.faultingDeliveries! - cpus)
    } else {
      assert.equal(line.uffdFaults, 0)
    }
    // Each delivery comes from inside a window: all of them are live.
    assert.equal(line.liveFaultingDeliveries, line.faultingDeliveries)
    // The totals are the checkers' own counts added up.
    const sum = (pick: (t: (typeof checkers)[number]) => number) =>
      checkers.reduce((n, t) => n + pick(t), 0)
    assert.equal(
      sum((t) => t.faultingDeliveries),
      line.faultingDeliveries,
    )
    assert.equal(
      sum((t) => t.signals),
      line.signals,
    )
  })
}

for (const mode of ['uffd', 'io', 'stress'] as const) {
  test(
    `--mode ${mode} --inject finds and names the injected register`,
    {
      skip: mode === 'io' && noDisk,
    },
    async () => {
      const run = await runReproducer(binary, [
        ...modeArgs(mode),
        '--duration',
        '25',
        '--inject',
        '3',
      ])
      assert.equal(run.code, 1, run.stderr)
      const line = run.line
      assert.ok(line)
      assert.equal(line.result, 'corrupted')
      assert.equal(line.mode, mode)
      assert.equal(line.stopReason, 'corruption')
      assert.ok(line.injected! >= 1)
      assert.ok(line.timeToFirstMismatch! >= line.timeToFirstInjection!)
      const m = line.mismatch
      assert.ok(m)
      assert.equal(m.leakedFrom, 'injected')
      assert.equal(m.leakedTask, null)
      assert.match(m.register, /^ymm([0-9]|1[0-5])$/)
      assert.equal(m.registers[0], m.register)
      assert.equal(m.expected.length, 64)
      assert.equal(m.observed.length, 64)
      assert.notEqual(m.observed, m.expected)
      // The observed bytes carry the injector's mark and the slot it aimed at,
      // in both halves: low (fpregs xmm area) and high (XSAVE YMM_Hi128).
      const reg = Number(m.register.slice(3))
      assert.equal(laneRegister(m.expected), reg)
      assert.equal(laneTag(m.expected), m.task)
      for (const lane of [0, 16, 32, 48]) {
        const observed = m.observed.slice(lane, lane + 16)
        assert.equal(laneTag(observed), 0xffff, `lane at ${lane}: ${observed}`)
        assert.equal(laneRegister(observed), reg)
      }
      assert.equal(m.leakedRegister, m.register)
      // The lane map: the injected register's four lanes, nothing else.
      assert.deepEqual(
        m.lanes,
        Array.from({ length: 16 }, (_, r) =>
          Array(4).fill(r === reg ? 'injected' : null),
        ),
      )
      assert.match(m.seen, /^an injected canary in 1 of 16 registers$/)
    },
  )
}

test(
  '--mode io on a disk folder runs clean, counts as live only the deliveries whose read switched tasks, and leaves no file',
  {
    skip: noDisk,
  },
  async () => {
    const run = await runReproducer(binary, [
      ...modeArgs('io'),
      '--duration',
      '25',
      '--events',
      '2000',
    ])
    assert.equal(run.code, 0, run.stderr)
    const line = run.line
    assert.ok(line, `one JSON line expected, got: ${run.stdout}`)
    assert.equal(line.result, 'clean')
    assert.equal(line.mode, 'io')
    assert.equal(line.modeReason, 'requested')
    assert.equal(line.stopReason, 'events')
    assert.equal(line.ioDir, ioDir)
    // The file system's name, from mountinfo: a disk's, never a memory one.
    assert.ok(line.ioFs && !/^(tmpfs|ramfs)$/.test(line.ioFs), line.ioFs)
    assert.deepEqual(line.uname, {
      release: os.release(),
      version: os.version(),
    })
    assert.ok(line.faultingDeliveries! >= 2000, `${line.faultingDeliveries}`)
    // Whether the reads here sleep depends on the device and its cache: the
    // invariants hold either way, a rate is for bench/.
    const major = line.ioMajorFaults!
    const slept = line.ioSleptDeliveries!
    assert.ok(slept <= major && major <= line.faultingDeliveries!)
    assert.ok(line.liveFaultingDeliveries! <= major, `${major}`)
    assert.ok(line.liveFaultingDeliveries! >= slept, `${slept}`)
    assert.equal(line.uffdFaults, 0)
    assert.equal(line.mismatch, null)
    const checkers = line.tasks!.filter((t) => t.role === 'checker')
    const competitors = line.tasks!.filter((t) => t.role === 'competitor')
    // As stress: two canary spinners beside each checker, in its process.
    assert.equal(checkers.length, cpus)
    assert.equal(competitors.length, 2 * cpus)
    for (const k of competitors) {
      assert.ok(checkers.some((c) => k.cpu === c.cpu && k.pid === c.pid))
    }
    // The file was unlinked as soon as it was made: nothing is left.
    assert.deepEqual(fs.readdirSync(ioDir!), [])
  },
)

test('--io-dir on tmpfs, or a folder that is not there, refuses io mode and says why', async () => {
  const shm = fs.statfsSync('/dev/shm').type === TMPFS_MAGIC
  let tmpfs = '/dev/shm'
  let mounted = false
  if (!shm) {
    tmpfs = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-tmpfs-'))
    const m = spawnSync('mount', ['-t', 'tmpfs', 'tmpfs', tmpfs])
    assert.equal(m.status, 0, `mount tmpfs: ${m.stderr}`)
    mounted = true
  }
  try {
    const run = await runReproducer(binary, [
      '--mode',
      'io',
      '--io-dir',
      tmpfs,
      '--duration',
      '1',
    ])
    assert.equal(run.code, 4, run.stderr)
    assert.equal(run.line?.result, 'error')
    assert.equal(run.line?.reason, 'io-refused')
    assert.match(
      run.line!.reasonText!,
      new RegExp(`^--io-dir ${tmpfs}: is on tmpfs \\(f_type 0x01021994\\)`),
    )
    assert.match(run.line!.reasonText!, /memory only/)
    assert.deepEqual(ioLeftovers(tmpfs), [])
    const missing = await runReproducer(binary, [
      '--mode',
      'io',
      '--io-dir',
      path.join(tmpfs, 'no-such-folder'),
    ])
    assert.equal(missing.code, 4)
    assert.equal(missing.line?.reason, 'io-refused')
    assert.match(
      missing.line!.reasonText!,
      /no-such-folder: not usable \(ENOENT\)/,
    )
  } finally {
    if (mounted) {
      spawnSync('umount', [tmpfs])
      fs.rmSync(tmpfs, { recursive: true, force: true })
    }
  }
})

test("a leak of another task's canary is attributed to that task", async () => {
  // --inject-tag writes task 2's canary (the uffd competitor on CPU 0), the
  // very bytes a buggy kernel would restore into a checker.
  const run = await runReproducer(binary, [
    '--mode',
    'uffd',
    '--duration',
    '25',
    '--inject',
    '2',
    '--inject-tag',
    '2',
  ])
  assert.equal(run.code, 1, run.stderr)
  const m = run.line?.mismatch
  assert.ok(m)
  assert.equal(m.role, 'checker')
  assert.notEqual(m.task, 2)
  assert.equal(m.leakedFrom, 'task:2')
  assert.equal(m.leakedTask, 2)
  assert.equal(m.leakedRole, 'competitor')
  assert.match(m.seen, /canary of task 2 \(competitor\)/)
  assert.equal(laneTag(m.observed), 2)
  assert.deepEqual(
    m.lanes?.[Number(m.register.slice(3))],
    Array(4).fill('task:2'),
  )
  assert.equal(laneTag(m.expected), m.task)
  // The reported bytes are the ones that failed the check.
  assert.notEqual(m.observed, m.expected)
})

test('a worker that crashes is reported and started again; the run goes on', async () => {
  // One checker, dying after its first window; the run then stops at a
  // count of deliveries, which only the restarted worker can reach.
  const run = await runReproducer(binary, [
    '--mode',
    'stress',
    '--tasks',
    '1',
    '--duration',
    '25',
    '--events',
    '200',
    '--inject-crash',
    '1',
  ])
  assert.equal(run.code, 5, run.stderr)
  const line = run.line
  assert.ok(line)
  assert.equal(line.result, 'crashed')
  assert.equal(line.stopReason, 'events')
  assert.equal(line.mismatch, null)
  assert.equal(line.crashes?.length, 1)
  assert.deepEqual(
    [line.crashes[0]!.task, line.crashes[0]!.signal],
    [1, 'SIGSEGV'],
  )
  assert.match(run.stderr, /killed by SIGSEGV; starting it again/)
  // Its own fault handler recorded what it saw: a raise() is SI_TKILL (-6).
  assert.match(line.crashes[0]!.detail, /^SIGSEGV in thread \d+: si_code -6/)
  // Task 1 ran on in a new process.
  const first = line.tasks!.find((t) => t.task === 1)!
  assert.notEqual(first.pid, line.crashes[0]!.pid)
})

test('a crash does not hide a corruption found after it', async () => {
  // One checker: its injection (every 200th delivery) comes after its crash.
  const run = await runReproducer(binary, [
    '--mode',
    'uffd',
    '--duration',
    '25',
    '--tasks',
    '1',
    '--inject-crash',
    '20',
    '--inject',
    '200',
  ])
  assert.equal(run.code, 1, run.stderr)
  assert.equal(run.line?.result, 'corrupted')
  assert.equal(run.line?.crashes?.length, 1)
  assert.equal(run.line?.mismatch?.leakedFrom, 'injected')
})

test(
  '--mode auto as an unprivileged user takes io on a disk, else stress, and says why',
  {
    skip: noDisk,
  },
  async () => {
    // The unprivileged user must be able to read and run the binary.
    const shared = tempDirForNobody('sigvec-nobody-')
    try {
      const copy = path.join(shared, 'sigvec-repro')
      fs.copyFileSync(binary, copy)
      fs.chmodSync(copy, 0o755)
      const dropped = asNobody()
      const sysctl = fs
        .readFileSync('/proc/sys/vm/unprivileged_userfaultfd', 'utf8')
        .trim()
      assert.equal(sysctl, '0', 'this test expects the sysctl at 0')
      // Stops at a count of deliveries, however busy the machine is.
      const auto = (ioFolder: string) =>
        runReproducer(
          copy,
          ['--io-dir', ioFolder, '--events', '100', '--duration', '25'],
          { wrapper: dropped },
        )

      // uffd refused, the folder on a disk: io, and why uffd was passed over.
      const io = await auto(ioDir!)
      assert.equal(io.code, 0, io.stderr)
      assert.equal(io.line?.result, 'clean')
      assert.equal(io.line?.mode, 'io')
      assert.equal(io.line?.modeReason, 'io-available')
      assert.equal(io.line?.modeReasonErrno, null)
      assert.match(
        io.line!.modeReasonText!,
        new RegExp(
          `^--io-dir ${ioDir} is on \\S+.*; uffd passed over \\(uffd-refused\\): userfaultfd\\(2\\) refused with EPERM \\(vm\\.unprivileged_userfaultfd=0`,
        ),
      )
      assert.equal(io.line?.ioDir, ioDir)
      assert.deepEqual(fs.readdirSync(ioDir!), [])

      // The folder on tmpfs as well: stress, with both refusals.
      const line = (await auto('/dev/shm')).line
      assert.ok(line)
      assert.equal(line.result, 'clean')
      assert.equal(line.mode, 'stress')
      assert.equal(line.modeReason, 'uffd-refused')
      assert.equal(line.modeReasonErrno, 'EPERM')
      assert.match(line.modeReasonText!, /vm\.unprivileged_userfaultfd=0/)
      assert.match(
        line.modeReasonText!,
        /; io passed over \(io-refused\): --io-dir \/dev\/shm: is on tmpfs/,
      )
      assert.equal(line.ioDir, undefined)
      assert.ok(line.signals! > 0 && line.faultingDeliveries! > 0)

      // As root the same binary picks uffd: the fallback is about privilege.
      const asRoot = await runReproducer(copy, ['--duration', '0.3'])
      assert.equal(asRoot.line?.mode, 'uffd')
      assert.equal(asRoot.line?.modeReason, 'uffd-available')
    } finally {
      fs.rmSync(shared, { recursive: true, force: true })
    }
  },
)

test('a -static build runs and detects', async () => {
  const build = await buildReproducer(['-static'])
  assert.equal(build.stderr, '')
  assert.equal(hasInterpreter(build.binary), false)
  assert.equal(hasInterpreter(binary), true)
  const run = await runReproducer(build.binary, [
    '--duration',
    '25',
    '--inject',
    '1',
  ])
  assert.equal(run.code, 1, run.stderr)
  assert.equal(run.line?.mismatch?.leakedFrom, 'injected')
})

test('the non-x86 path compiles and reports unsupported with exit 3', async () => {
  const build = await buildReproducer(['-DSIGVEC_PORTABLE_ONLY'])
  const run = await runReproducer(build.binary, ['--duration', '1'])
  assert.equal(run.code, 3)
  assert.equal(run.line?.result, 'unsupported')
  assert.equal(run.line?.reason, 'not-x86-64')
})

test('bad arguments exit 2 with usage on stderr and a JSON line', async () => {
  const table: Array<[string[], RegExp]> = [
    [['--mode', 'fast'], /--mode takes auto, uffd, io or stress, got 'fast'/],
    [['--io-dir', ''], /--io-dir needs a folder/],
    [['--io-dir'], /--io-dir needs a value/],
    [
      ['--mlock-probe', '4096', '--io-dir', '/tmp'],
      /--mlock-probe runs alone, without '--io-dir'/,
    ],
    [['--duration', '0'], /--duration needs seconds/],
    [['--duration', '-1'], /--duration needs seconds/],
    [['--duration', 'abc'], /--duration needs seconds/],
    [['--duration', 'nan'], /--duration needs seconds/],
    [['--duration', '1e9'], /--duration needs seconds/],
    [['--events', '0'], /--events needs a whole number/],
    [['--events', '1.5'], /--events needs a whole number/],
    [['--tasks', '-3'], /--tasks needs a whole number/],
    [['--tasks', '100000'], /--tasks needs a whole number/],
    [['--cpus', '0'], /--cpus needs a whole number/],
    [['--cpus', String(cpus + 1)], /only \d+ CPUs available/],
    [['--inject', 'x'], /--inject needs a whole number/],
    [['--inject-tag', '65535'], /--inject-tag needs a whole number/],
    // A tag no task of the run carries would name nobody.
    [['--inject-tag', '300'], /--inject-tag 300: this run has tasks 1 to \d+/],
    [['--mlock-probe', '0'], /--mlock-probe needs a whole number from 1/],
    [['--mlock-probe', '4k'], /--mlock-probe needs a whole number/],
    [['--mlock-probe', String(2 ** 40 + 1)], /--mlock-probe needs a whole/],
    [
      ['--mlock-probe', '4096', '--mode', 'uffd'],
      /--mlock-probe runs alone, without '--mode'/,
    ],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['--duration'], /--duration needs a value/],
    [['extra'], /unexpected argument 'extra'/],
  ]
  for (const [args, message] of table) {
    const run = await runReproducer(binary, args)
    assert.equal(run.code, 2, `${args.join(' ')}: exit ${run.code}`)
    assert.match(run.stderr, message, args.join(' '))
    assert.match(run.stderr, /Usage: sigvec-repro/)
    assert.equal(run.line?.result, 'error', args.join(' '))
    assert.equal(run.line?.reason, 'usage')
  }
  const help = await runReproducer(binary, ['--help'])
  assert.equal(help.code, 0)
  assert.match(help.stdout, /^Usage: sigvec-repro/)
})

test('--mlock-probe locks as root, and reports the refusal under a low limit', async () => {
  const expectLine = (run: { stdout: string }, probe: object) =>
    assert.deepEqual(JSON.parse(run.stdout), { version: 1, mlockProbe: probe })
  const bytes = 262144 // 64 Go threads' signal-stack pages (4 KiB each)
  const locked = { bytes, lockedBytes: bytes, ok: true }
  const refused = {
    ...locked,
    ok: false,
    call: 'mlock',
    errno: 12,
    error: 'ENOMEM',
  }
  // Root in the initial namespace has CAP_IPC_LOCK: no limit applies.
  const root = await runReproducer(binary, ['--mlock-probe', String(bytes)])
  assert.equal(root.code, 0, root.stderr)
  expectLine(root, locked)
  // Whole pages are locked.
  const small = await runReproducer(binary, ['--mlock-probe', '1000'])
  assert.equal(small.code, 0, small.stderr)
  expectLine(small, { bytes: 1000, lockedBytes: 4096, ok: true })
  // Root of a user namespace holds CAP_IPC_LOCK there only, so the 64 KiB
  // limit (a container's default) applies: ENOMEM, as Go's mlock would get.
  const inNamespace = await runReproducer(
    binary,
    ['--mlock-probe', String(bytes)],
    {
      wrapper: [
        'unshare',
        '-U',
        '-r',
        'sh',
        '-c',
        'ulimit -l 64; exec "$0" "$@"',
      ],
    },
  )
  assert.equal(inNamespace.code, 4, inNamespace.stderr)
  expectLine(inNamespace, refused)
  assert.match(inNamespace.stderr, /mlock of 262144 bytes: ENOMEM/)
  // nobody, 64 KiB: the same refusal. The binary must be readable by nobody.
  const shared = tempDirForNobody('sigvec-mlock-')
  try {
    const copy = path.join(shared, 'sigvec-repro')
    fs.copyFileSync(binary, copy)
    fs.chmodSync(copy, 0o755)
    const nobody = await runReproducer(copy, ['--mlock-probe', String(bytes)], {
      wrapper: ['prlimit', '--memlock=65536', ...asNobody()],
    })
    assert.equal(nobody.code, 4, nobody.stderr)
    expectLine(nobody, refused)
  } finally {
    fs.rmSync(shared, { recursive: true, force: true })
  }
})

test('--events stops clean after that many faulting deliveries', async () => {
  const run = await runReproducer(binary, [
    '--mode',
    'uffd',
    '--duration',
    '25',
    '--events',
    '200',
  ])
  assert.equal(run.code, 0, run.stderr)
  assert.equal(run.line?.stopReason, 'events')
  assert.ok(run.line!.faultingDeliveries! >= 200)
})

// Other test files create temp dirs as root at the same time, so the
// reproducer runs as nobody here and /tmp is searched for nobody's entries.
// CAP_SYS_PTRACE keeps uffd mode available (docs/bug.md: what permits it).
function nobodysTmpEntries(): string[] {
  const found: string[] = []
  for (const name of fs.readdirSync('/tmp')) {
    try {
      if (fs.lstatSync(path.join('/tmp', name)).uid === NOBODY.uid) {
        found.push(name)
      }
    } catch {
      // removed while we looked
    }
  }
  return found
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
  for (const mode of ['uffd', 'io', 'stress'] as const) {
    test(
      `${signal} to the parent (${mode}) leaves no process and no file`,
      {
        skip: mode === 'io' && noDisk,
      },
      async () => {
        const tmpBefore = new Set(nobodysTmpEntries())
        // Its own process group, as src/ runs it, so /proc can find every member.
        // setpriv execs the reproducer in place: same pid, same group.
        const [setpriv, ...privArgs] = asNobody([], { keepPtrace: true })
        // Long enough that it never ends by itself first, however busy the machine.
        // One CPU: this test is about ending processes, and a reproducer on
        // every CPU starved the test runner for minutes on a busy machine.
        const args = [
          ...privArgs,
          binary,
          ...modeArgs(mode),
          '--duration',
          '600',
          '--cpus',
          '1',
        ]
        const child = spawn(setpriv!, args, {
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let stdout = ''
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
        child.stderr.resume()
        const exited = new Promise<[number | null, string | null]>((r) =>
          child.on('close', (code, sig) => r([code, sig])),
        )
        const pgid = child.pid!
        const workers = 1
        const started = await waitUntil(
          () => groupMembers(pgid).length === workers + 1,
          30_000,
        )
        assert.ok(started, `group ${pgid}: ${groupMembers(pgid).join(' ')}`)
        const members = groupMembers(pgid)
        if (mode === 'io') {
          // The worker's signal stack maps its file, already unlinked: the
          // name is in its maps as deleted, and in no folder.
          const worker = members.find((p) => p !== pgid)!
          const mapped = new RegExp(
            `${ioDir}/\\.sigvec-io-[0-9a-f]{16} \\(deleted\\)$`,
            'm',
          )
          const maps = () => {
            try {
              return fs.readFileSync(`/proc/${worker}/maps`, 'utf8')
            } catch {
              return ''
            }
          }
          assert.ok(await waitUntil(() => mapped.test(maps()), 30_000), maps())
          assert.deepEqual(ioLeftovers(ioDir!), [])
        }
        await new Promise((r) => setTimeout(r, 200))
        process.kill(pgid, signal)
        const [code, sig] = await exited
        const gone = await waitUntil(
          () => groupMembers(pgid).length === 0 && !members.some(isAlive),
          30_000,
        )
        assert.ok(gone, `left alive: ${members.filter(isAlive).join(' ')}`)
        if (signal === 'SIGKILL') {
          assert.equal(sig, 'SIGKILL')
        } else {
          assert.equal(code, 0)
          const line: ReproLine | null = parseLine(stdout)
          assert.equal(line?.result, 'clean')
          assert.equal(line?.stopReason, signal)
          assert.equal(line?.mode, mode)
          // Its counts are reported (how many it reached before the signal
          // depends on how busy the machine is).
          assert.equal(typeof line!.signals, 'number')
        }
        const created = nobodysTmpEntries().filter((e) => !tmpBefore.has(e))
        assert.deepEqual(created, [], 'new entries in /tmp')
        if (mode === 'io') assert.deepEqual(fs.readdirSync(ioDir!), [])
      },
    )
  }
}
