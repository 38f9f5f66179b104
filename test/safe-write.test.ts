// report-path as root: what stands at the path, or on the way to it, is
// written through, replaced or refused by the rules in src/files.ts, and
// nothing another user planted (links, files at guessed temp names) changes
// where root writes. The hostile user is nobody, through setpriv.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { writeFileAtomic, writeInputFile } from '../src/files.js'
import { actionYml, parseCommandFile, ROOT } from './support/action.js'
import { asNobody, NOBODY, tempDirForNobody } from '../harness/privileges.js'
import { foldersRemovedAfter } from './support/folders.js'

const dirs = foldersRemovedAfter()

const REPORT = JSON.stringify({ status: 'unaffected', pad: 'r'.repeat(2000) })

/** A folder like /tmp: sticky, anyone may create entries in it. */
function sharedStickyFolder(): string {
  const dir = tempDirForNobody('sigvec-shared-')
  dirs.push(dir)
  fs.chmodSync(dir, 0o1777)
  return dir
}

function privateFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-write-'))
  dirs.push(dir)
  return dir
}

/** Runs a shell command as nobody; it must succeed. */
function nobodyRuns(script: string): void {
  const [program, ...args] = asNobody(['sh', '-c', script]) as [
    string,
    ...string[],
  ]
  const r = spawnSync(program, args)
  assert.equal(r.status, 0, `as nobody: ${script}: ${String(r.stderr)}`)
}

/** A file only root may change, standing where an attacker would aim. */
function victimFile(): string {
  const file = path.join(privateFolder(), 'victim')
  fs.writeFileSync(file, 'the victim, unchanged\n')
  return file
}

const noTempFiles = (dir: string) =>
  assert.deepEqual(
    fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
    `temp files left in ${dir}`,
  )

test('a character device is written through, never replaced', async (t) => {
  // A twin of /dev/null (same device numbers) in a temp folder: a broken
  // rule then cannot take the machine's own /dev/null with it.
  const dir = privateFolder()
  const dev = path.join(dir, 'null')
  if (spawnSync('mknod', [dev, 'c', '1', '3']).status !== 0)
    return t.skip('mknod is not permitted here')
  await writeInputFile('report-path', dev, REPORT)
  assert.ok(fs.lstatSync(dev).isCharacterDevice(), 'still a device')
  assert.deepEqual(fs.readdirSync(dir), ['null'])
})

test("another user's symlink, at the path or on the way, is refused and its target untouched", async () => {
  const shared = sharedStickyFolder()
  const victim = victimFile()
  const victimDir = privateFolder()
  nobodyRuns(
    `ln -s ${victim} ${shared}/report.json && ln -s ${victimDir} ${shared}/reports`,
  )
  await assert.rejects(
    writeInputFile('report-path', path.join(shared, 'report.json'), REPORT),
    {
      message: new RegExp(
        `report-path.*${shared}/report\\.json is a symlink owned by uid ${NOBODY.uid}; only links owned by root or by us`,
      ),
    },
  )
  await assert.rejects(
    writeInputFile(
      'report-path',
      path.join(shared, 'reports', 'new', 'report.json'),
      REPORT,
    ),
    { message: /reports is a symlink owned by uid 65534/ },
  )
  assert.equal(fs.readFileSync(victim, 'utf8'), 'the victim, unchanged\n')
  assert.deepEqual(fs.readdirSync(victimDir), [], 'nothing made through it')
  assert.ok(fs.lstatSync(path.join(shared, 'report.json')).isSymbolicLink())
  noTempFiles(shared)
})

test('a symlink root owns is followed, and the rules apply where it leads', async () => {
  const dir = privateFolder()
  const real = path.join(dir, 'real.json')
  fs.writeFileSync(real, 'old\n')
  fs.symlinkSync(real, path.join(dir, 'link.json'))
  await writeFileAtomic(path.join(dir, 'link.json'), REPORT)
  assert.equal(fs.readFileSync(real, 'utf8'), REPORT)
  assert.ok(fs.lstatSync(path.join(dir, 'link.json')).isSymbolicLink())
  noTempFiles(dir)
})

test('links planted at predictable temp names change nothing', async () => {
  const shared = sharedStickyFolder()
  const victim = victimFile()
  // The old `<file>.<pid>.tmp`, for our pid and the next ones, and a few
  // other guesses; each leads to the victim.
  const report = path.join(shared, 'report.json')
  const guesses = Array.from(
    { length: 200 },
    (_, i) => `${report}.${process.pid - 100 + i}.tmp`,
  )
  guesses.push(`${report}.tmp`, `${report}~`, `.report.json.tmp`)
  nobodyRuns(
    guesses
      .map((g) => `ln -s ${victim} '${path.resolve(shared, g)}'`)
      .join('&&'),
  )
  await writeInputFile('report-path', report, REPORT)
  assert.equal(fs.readFileSync(victim, 'utf8'), 'the victim, unchanged\n')
  const st = fs.lstatSync(report)
  assert.ok(st.isFile(), 'the report is a regular file, not a planted link')
  assert.equal(st.uid, 0)
  assert.equal(fs.readFileSync(report, 'utf8'), REPORT)
  for (const g of guesses)
    assert.ok(fs.lstatSync(path.resolve(shared, g)).isSymbolicLink(), g)
  assert.equal(fs.readdirSync(shared).length, guesses.length + 1)
})

test('a regular file another user owns in a shared sticky folder is not replaced', async () => {
  const shared = sharedStickyFolder()
  const theirs = path.join(shared, 'report.json')
  nobodyRuns(`echo "nobody's file" > ${theirs}`)
  await assert.rejects(writeInputFile('report-path', theirs, REPORT), {
    message:
      /belongs to uid 65534 in .*, a sticky folder others can write to; it is not replaced/,
  })
  assert.equal(fs.readFileSync(theirs, 'utf8'), "nobody's file\n")
  assert.equal(fs.statSync(theirs).uid, NOBODY.uid)
  noTempFiles(shared)
  // Our own file there is ours to replace.
  const ours = path.join(shared, 'ours.json')
  fs.writeFileSync(ours, 'old\n')
  await writeInputFile('report-path', ours, REPORT)
  assert.equal(fs.readFileSync(ours, 'utf8'), REPORT)
})

test('a FIFO with a reader receives the report and stays a FIFO', async () => {
  const dir = privateFolder()
  const fifo = path.join(dir, 'fifo')
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0)
  // Our own reader, opened first so the writer finds one; more than a
  // pipe holds, so the writer must wait for room rather than fail.
  const big = 'x'.repeat(1 << 20)
  const fd = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
  const reader = new net.Socket({ fd, readable: true, writable: false })
  const received = new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = []
    reader.on('data', (d: Buffer) => chunks.push(d))
    reader.on('end', () => resolve(Buffer.concat(chunks).toString()))
    reader.on('error', reject)
  })
  await writeInputFile('report-path', fifo, big)
  // Checked first: a FIFO replaced by a file would leave the reader
  // waiting for an end that never comes.
  assert.ok(fs.lstatSync(fifo).isFIFO())
  assert.equal(await received, big)
  assert.deepEqual(fs.readdirSync(dir), ['fifo'])
})

test('a FIFO nobody reads is an error at once, not a wait', async () => {
  const dir = privateFolder()
  const fifo = path.join(dir, 'fifo')
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0)
  await assert.rejects(writeInputFile('report-path', fifo, REPORT), {
    message: /fifo is a FIFO that nobody is reading/,
  })
  assert.ok(fs.lstatSync(fifo).isFIFO())
  assert.deepEqual(fs.readdirSync(dir), ['fifo'])
})

test('a folder, a block device or a socket is refused with the reason', async (t) => {
  const dir = privateFolder()
  const cases: Array<[string, RegExp]> = [
    [dir, /is a folder; give a file path/],
  ]
  const sock = path.join(dir, 'sock')
  const server = net.createServer().listen(sock)
  await new Promise((resolve) => server.once('listening', resolve))
  t.after(() => server.close())
  cases.push([sock, /sock is a socket; only a regular file/])
  const blk = path.join(dir, 'loop')
  if (spawnSync('mknod', [blk, 'b', '7', '0']).status === 0)
    cases.push([blk, /loop is a block device; only a regular file/])
  for (const [file, message] of cases) {
    await assert.rejects(writeInputFile('report-path', file, REPORT), {
      message: new RegExp(`Invalid input 'report-path'.*${message.source}`),
    })
  }
  assert.ok(fs.lstatSync(sock).isSocket())
  noTempFiles(dir)
})

test('/dev/stdout reaches the stream it names', async () => {
  // A child writes its report to a link shaped like /dev/stdout (root's,
  // to /proc/self/fd/1; ours, so a broken rule cannot replace the
  // machine's own) whose stdout is a socket to us: the report arrives here.
  const stdout = path.join(privateFolder(), 'stdout')
  fs.symlinkSync('/proc/self/fd/1', stdout)
  const files = path.join(ROOT, 'build', 'src', 'files.js')
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { writeInputFile } from ${JSON.stringify(files)}; await writeInputFile('report-path', ${JSON.stringify(stdout)}, 'the report\\n')`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  const code = await new Promise((resolve) => child.on('close', resolve))
  assert.deepEqual([code, out], [0, 'the report\n'])
  assert.ok(fs.lstatSync(stdout).isSymbolicLink())
})

test('without RUNNER_TEMP the default report goes into a fresh private folder', async () => {
  // The action itself (the built entry, not the bundle), twice, with a
  // planted link at the old fixed name in its temp folder.
  const tmp = sharedStickyFolder()
  const victim = victimFile()
  nobodyRuns(`ln -s ${victim} ${tmp}/sigvec-check-report.json`)
  const reports: string[] = []
  for (let i = 0; i < 2; i++) {
    const output = path.join(privateFolder(), 'output')
    fs.writeFileSync(output, '')
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      TMPDIR: tmp,
      GITHUB_OUTPUT: output,
    }
    for (const [name, spec] of Object.entries(actionYml().inputs))
      env[`INPUT_${name.toUpperCase()}`] = spec.default ?? ''
    env.INPUT_REPRODUCE = 'never'
    env['INPUT_FAIL-ON'] = 'never'
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'build', 'src', 'index.js')],
      { env, encoding: 'utf8' },
    )
    assert.equal(r.status, 0, r.stdout + r.stderr)
    reports.push(parseCommandFile(fs.readFileSync(output, 'utf8')).report ?? '')
  }
  for (const report of reports) {
    const folder = path.dirname(report)
    assert.equal(path.dirname(folder), tmp, report)
    assert.notEqual(report, path.join(tmp, 'sigvec-check-report.json'))
    const st = fs.lstatSync(folder)
    assert.ok(st.isDirectory() && (st.mode & 0o777) === 0o700, report)
    assert.equal(
      JSON.parse(fs.readFileSync(report, 'utf8')).status !== '',
      true,
    )
  }
  assert.notEqual(reports[0], reports[1])
  assert.equal(fs.readFileSync(victim, 'utf8'), 'the victim, unchanged\n')
})

test('a user may write below a folder it can pass through but not list', () => {
  const dir = tempDirForNobody('sigvec-write-')
  dirs.push(dir)
  const inner = path.join(dir, 'pass', 'open')
  fs.mkdirSync(inner, { recursive: true })
  fs.chmodSync(path.dirname(inner), 0o711)
  fs.chmodSync(inner, 0o777)
  const files = path.join(ROOT, 'build', 'src', 'files.js')
  const report = path.join(inner, 'report.json')
  nobodyRuns(
    `${process.execPath} --input-type=module -e "import { writeFileAtomic } from '${files}'; await writeFileAtomic('${report}', 'x')"`,
  )
  assert.equal(fs.readFileSync(report, 'utf8'), 'x')
})
