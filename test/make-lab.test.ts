// scripts/make-lab.sh takes its kernel tarball and checksum list from any
// URL (KERNEL_URL, KERNEL_SUMS_URL: a mirror, or a local file:// copy). These
// tests give it small tarballs in a temp folder and check that it refuses,
// naming the URL, before it builds anything; no kernel is built.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { ROOT } from './support/action.js'
import { foldersRemovedAfter } from './support/folders.js'

const SCRIPT = path.join(ROOT, 'scripts', 'make-lab.sh')
const dirs = foldersRemovedAfter()

// The script checks its compiler first: the bug needs GCC 9 or later.
const gcc = spawnSync('gcc', ['-dumpversion'], { encoding: 'utf8' })
const gccMajor = Number.parseInt(gcc.stdout ?? '', 10)
const skip =
  gcc.error || !(gccMajor >= 9) ? 'needs GCC 9 or later as gcc' : false

/** A tarball and its checksum list under `dir`, as file:// URLs. */
function mirror(
  dir: string,
  makefile: string | null,
  sums: (sha: string) => string,
) {
  const tarball = path.join(dir, 'mirror', 'linux-5.4.1.tar.xz')
  const sumsFile = path.join(dir, 'mirror', 'sha256sums.asc')
  fs.mkdirSync(path.join(dir, 'mirror'))
  let sha = 'f'.repeat(64)
  if (makefile !== null) {
    const tree = path.join(dir, 'tree', 'linux-5.4.1')
    fs.mkdirSync(tree, { recursive: true })
    fs.writeFileSync(path.join(tree, 'Makefile'), makefile)
    const tar = spawnSync(
      'tar',
      ['-C', path.join(dir, 'tree'), '-cJf', tarball, 'linux-5.4.1'],
      { encoding: 'utf8' },
    )
    assert.equal(tar.status, 0, tar.stderr)
    sha = crypto
      .createHash('sha256')
      .update(fs.readFileSync(tarball))
      .digest('hex')
  }
  fs.writeFileSync(sumsFile, sums(sha))
  return { tarball: `file://${tarball}`, sums: `file://${sumsFile}` }
}

const makefile = (sublevel: number, rules = '') =>
  `# SPDX-License-Identifier: GPL-2.0\nVERSION = 5\nPATCHLEVEL = 4\nSUBLEVEL = ${sublevel}\nEXTRAVERSION =\nNAME = Kleptomaniac Octopus\n${rules}`

function makeLab(dir: string, urls: { tarball: string; sums: string }) {
  const work = path.join(dir, 'work')
  fs.mkdirSync(work)
  const r = spawnSync('bash', [SCRIPT, path.join(dir, 'out')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      CC: 'gcc',
      JOBS: '1',
      WORK: work,
      KERNEL_URL: urls.tarball,
      KERNEL_SUMS_URL: urls.sums,
    },
  })
  return { ...r, work, out: path.join(dir, 'out') }
}

interface Case {
  what: string
  /** The release the tarball's Makefile names; null: no tarball at all. */
  sublevel: number | null
  /** The checksum list's lines, given the tarball's real SHA-256. */
  sums: (sha256: string) => string
  error: (urls: { tarball: string; sums: string }) => RegExp
  /** How far it got: the message it prints once the checksum matched. */
  matched: boolean
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const SIGNED = (line: string) =>
  `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n${line}\n-----BEGIN PGP SIGNATURE-----\n\nx\n-----END PGP SIGNATURE-----\n`

const cases: Case[] = [
  {
    what: 'a checksum list that does not match the tarball',
    sublevel: 1,
    sums: () => SIGNED(`${'0'.repeat(64)}  linux-5.4.1.tar.xz`),
    error: (u) =>
      new RegExp(
        `linux-5\\.4\\.1\\.tar\\.xz from ${esc(u.tarball)} has SHA-256 [0-9a-f]{64}, but ${esc(u.sums)} lists 0{64}; nothing was built`,
      ),
    matched: false,
  },
  {
    what: 'a checksum list without the tarball',
    sublevel: 1,
    sums: (sha) => SIGNED(`${sha}  linux-5.4.2.tar.xz`),
    error: (u) =>
      new RegExp(
        `the checksum list from ${esc(u.sums)} has no single SHA-256 line for linux-5\\.4\\.1\\.tar\\.xz; nothing was built`,
      ),
    matched: false,
  },
  {
    what: 'a checksum list with two lines for the tarball',
    sublevel: 1,
    sums: (sha) =>
      SIGNED(`${sha}  linux-5.4.1.tar.xz\n${sha}  linux-5.4.1.tar.xz`),
    error: () => /no single SHA-256 line for linux-5\.4\.1\.tar\.xz/,
    matched: false,
  },
  {
    what: 'a tarball that cannot be fetched',
    sublevel: null,
    sums: (sha) => SIGNED(`${sha}  linux-5.4.1.tar.xz`),
    error: (u) =>
      new RegExp(
        `cannot fetch the tarball from ${esc(u.tarball)} \\(KERNEL_URL\\)`,
      ),
    matched: false,
  },
  {
    // The checksum matches (the list is the mirror's own), but the tree is
    // another release: it stops after unpacking, before make.
    what: 'a matching tarball that holds another release',
    sublevel: 9,
    sums: (sha) => SIGNED(`${sha}  linux-5.4.1.tar.xz`),
    error: (u) =>
      new RegExp(
        `linux-5\\.4\\.1\\.tar\\.xz from ${esc(u.tarball)} does not hold Linux 5\\.4\\.1 \\(linux-5\\.4\\.1/Makefile says '5\\.4\\.9'\\); nothing was built`,
      ),
    matched: true,
  },
]

for (const c of cases) {
  test(`make-lab.sh refuses ${c.what}, naming the URL`, { skip }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-make-lab-'))
    dirs.push(dir)
    const urls = mirror(
      dir,
      c.sublevel === null ? null : makefile(c.sublevel),
      c.sums,
    )
    const r = makeLab(dir, urls)
    assert.equal(r.status, 1, r.stderr)
    assert.match(r.stderr, c.error(urls))
    assert.equal(
      r.stdout.includes('matches file://'),
      c.matched,
      `stdout: ${r.stdout}`,
    )
    // Refused before make: nothing in OUT_DIR, and the scratch folder holds
    // nothing it fetched or unpacked.
    assert.equal(fs.existsSync(r.out), false, 'OUT_DIR was made')
    assert.deepEqual(fs.readdirSync(r.work), [])
  })
}

// A tree that passes every check goes on to the build's first step, make
// tinyconfig; this one's Makefile stops there, so no kernel is built.
const noMake = spawnSync('make', ['--version']).status !== 0
test(
  'make-lab.sh takes a matching local 5.4.1 on to make tinyconfig',
  { skip: skip || (noMake ? 'needs make' : false) },
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-make-lab-'))
    dirs.push(dir)
    const stop =
      'tinyconfig:\n\t@echo "test tree: make $@ reached" >&2; exit 7\n'
    const urls = mirror(dir, makefile(1, stop), (sha) =>
      SIGNED(`${sha}  linux-5.4.1.tar.xz`),
    )
    const r = makeLab(dir, urls)
    assert.notEqual(r.status, 0)
    assert.match(
      r.stdout,
      new RegExp(
        `linux-5\\.4\\.1\\.tar\\.xz from ${esc(urls.tarball)} matches ${esc(urls.sums)}`,
      ),
    )
    assert.match(r.stderr, /test tree: make tinyconfig reached/)
    assert.equal(fs.existsSync(r.out), false, 'OUT_DIR was made')
  },
)
