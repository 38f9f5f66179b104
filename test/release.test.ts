// The release's scripts, in a throwaway clone of this repository and in
// temp folders: scripts/release.sh (what it refuses, and the commit and tag a
// good release leaves behind), scripts/release-notes.mjs (the checks and the
// notes the release workflow takes from CHANGELOG.md) and
// scripts/pack-check.sh (what it refuses before installing anything; .ci/run
// runs it whole).
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { foldersRemovedAfter } from './support/folders.js'

// Tests compile to build/test/*.js.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCRIPT = path.join('scripts', 'release.sh')
const NOTES = path.join('scripts', 'release-notes.mjs')
const PACK_CHECK = path.join('scripts', 'pack-check.sh')
const dirs = foldersRemovedAfter()

// Variables a git hook, `npm test` or the developer's set-up carry in, which
// could point git or npm at this repository instead of the clone, or ask for
// a signing key.
const env: NodeJS.ProcessEnv = { ...process.env }
for (const name of Object.keys(env)) {
  if (name.startsWith('GIT_') || name.startsWith('npm_')) delete env[name]
}
Object.assign(env, {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  SIGVEC_RELEASE_SKIP_CHECKS: '1',
})

let tmp = ''
let clone = ''

function run(
  file: string,
  args: string[],
  cwd = clone,
  extraEnv: NodeJS.ProcessEnv = {},
) {
  const r = spawnSync(file, args, {
    cwd,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
  })
  if (r.error) throw r.error
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function git(...args: string[]): string {
  const r = run('git', args)
  assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))
const release = (version: string) => run('bash', [SCRIPT, version])

/** A changelog section for `version`, committed in the clone. */
function commitChangelogSection(version: string) {
  const file = path.join(clone, 'CHANGELOG.md')
  const text = fs.readFileSync(file, 'utf8')
  const at = text.indexOf('\n## [', text.indexOf('## [Unreleased]') + 1)
  fs.writeFileSync(
    file,
    `${text.slice(0, at)}\n## [${version}] - 2026-12-01\n\n- Test release ${version}.\n${text.slice(at)}`,
  )
  git('commit', '--quiet', '-am', `CHANGELOG: ${version}`)
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-release-'))
  clone = path.join(tmp, 'repo')
  assert.equal(
    run('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone], tmp).code,
    0,
  )
  git('config', 'user.name', 'Release Test')
  git('config', 'user.email', 'release-test@example.invalid')
  git('config', 'commit.gpgsign', 'false')
  git('config', 'tag.gpgsign', 'false')
  // CI checks out a detached HEAD; a release is made from a branch.
  git('checkout', '--quiet', '-B', 'release-test')
  // Test the scripts as they are in the work tree, committed or not.
  for (const script of [SCRIPT, NOTES, PACK_CHECK]) {
    fs.copyFileSync(path.join(ROOT, script), path.join(clone, script))
    git('add', '--', script)
  }
  if (git('status', '--porcelain') !== '') {
    git('commit', '--quiet', '-m', 'The release scripts under test')
  }
  // Once the version is released for real, its tag comes with the clone.
  const current = readJson(path.join(clone, 'package.json')).version
  if (git('tag', '--list', `v${current}`) !== '')
    git('tag', '--delete', `v${current}`)
})

after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

test('a version that is not X.Y.Z is refused', () => {
  for (const bad of ['v1.2.3', '1.2', '1.2.3-rc.1', '01.2.3', '1.2.3; true']) {
    const r = release(bad)
    assert.notEqual(r.code, 0, bad)
    assert.match(r.stderr, /is not a version of the form X\.Y\.Z/, bad)
  }
  const none = run('bash', [SCRIPT])
  assert.notEqual(none.code, 0)
  assert.match(none.stderr, /usage: scripts\/release\.sh X\.Y\.Z/)
})

test('a dirty tree is refused and left as it was', () => {
  const head = git('rev-parse', 'HEAD')
  fs.appendFileSync(path.join(clone, 'README.md'), '\nuncommitted\n')
  try {
    const r = release('98.7.6')
    assert.notEqual(r.code, 0)
    assert.match(r.stderr, /work tree is not clean/)
    assert.equal(git('rev-parse', 'HEAD'), head)
    assert.equal(git('tag', '--list', 'v98*'), '')
  } finally {
    git('checkout', '--quiet', '--', 'README.md')
  }
})

test('an existing tag is refused', () => {
  git('tag', 'v97.0.0')
  try {
    const r = release('97.0.0')
    assert.notEqual(r.code, 0)
    assert.match(r.stderr, /tag v97\.0\.0 already exists/)
  } finally {
    git('tag', '-d', 'v97.0.0')
  }
})

test('a version without a CHANGELOG section is refused, the tree as it was', () => {
  const head = git('rev-parse', 'HEAD')
  const r = release('96.0.0')
  assert.notEqual(r.code, 0)
  assert.match(r.stderr, /CHANGELOG\.md has no section for 96\.0\.0/)
  assert.match(r.stderr, /add a section for 96\.0\.0 to CHANGELOG\.md/)
  assert.equal(git('status', '--porcelain'), '')
  assert.equal(git('rev-parse', 'HEAD'), head)
  assert.equal(git('tag', '--list', 'v96*'), '')
})

// package.json already has the version to release (1.0.0 now): the tag push
// is the only step left, and the release script makes no commit for it.
test("releasing package.json's own version tags HEAD without a commit", () => {
  const head = git('rev-parse', 'HEAD')
  const version = readJson(path.join(clone, 'package.json')).version
  const r = release(version)
  assert.equal(r.code, 0, r.stderr)
  assert.equal(git('rev-parse', 'HEAD'), head)
  assert.equal(git('status', '--porcelain'), '')
  assert.equal(git('rev-parse', `v${version}^{commit}`), head)
  assert.equal(git('cat-file', '-t', `v${version}`), 'tag')
  git('tag', '--delete', `v${version}`)
})

test('a release commits the version and tags it; the workflow moves vX', () => {
  commitChangelogSection('91.2.3')
  commitChangelogSection('91.3.0')
  const parent = git('rev-parse', 'HEAD')
  const before = readJson(path.join(clone, 'package.json')).version
  assert.match(
    fs.readFileSync(path.join(clone, 'README.md'), 'utf8'),
    new RegExp(`sigvec-check@${before}`),
  )
  const r = release('91.2.3')
  assert.equal(r.code, 0, r.stderr)

  const head = git('rev-parse', 'HEAD')
  assert.notEqual(head, parent)
  assert.equal(git('rev-parse', 'HEAD^'), parent)
  assert.equal(git('log', '-1', '--format=%s'), 'Release v91.2.3')
  assert.equal(git('status', '--porcelain'), '')

  const pkg = readJson(path.join(clone, 'package.json'))
  assert.equal(pkg.version, '91.2.3')
  assert.equal(
    readJson(path.join(clone, 'package-lock.json')).packages[''].version,
    '91.2.3',
  )
  assert.match(
    fs.readFileSync(path.join(clone, 'src', 'version.ts'), 'utf8'),
    /^export const TOOL_VERSION = '91\.2\.3'$/m,
  )
  const changed = git('show', '--name-only', '--format=', 'HEAD').split('\n')
  assert.ok(changed.includes('package.json'), changed.join(' '))
  assert.ok(changed.includes('src/version.ts'), changed.join(' '))
  // The README's pins follow: the exact release, and the new major tag.
  assert.ok(changed.includes('README.md'), changed.join(' '))
  const readme = fs.readFileSync(path.join(clone, 'README.md'), 'utf8')
  assert.match(readme, /root npx --yes sigvec-check@91\.2\.3 /)
  assert.match(readme, /sudo npm install -g sigvec-check@91\.2\.3\n/)
  assert.match(readme, /uses: org\/sigvec-check@v91\n/)
  assert.match(readme, /uses: org\/sigvec-check@v91\.2\.3 /)
  assert.doesNotMatch(readme, new RegExp(`sigvec-check@v?${before}\\b`))
  assert.doesNotMatch(readme, /org\/sigvec-check@v1\b/)

  assert.equal(git('cat-file', '-t', 'v91.2.3'), 'tag')
  assert.equal(git('rev-parse', 'v91.2.3^{commit}'), head)
  // The major tag moves only once the workflow has published the release.
  assert.equal(git('tag', '--list', 'v91'), '')

  // It prints what to push instead of pushing.
  assert.match(r.stdout, /git push origin 'v91\.2\.3'/)
  assert.doesNotMatch(r.stdout, /--force|'v91'/)
  assert.equal(git('remote'), 'origin')
  assert.equal(
    git('ls-remote', '--tags', 'origin', 'v91.2.3'),
    '',
    'the release pushed a tag',
  )

  // The released tree passes the workflow's own check of the tag.
  const notes = run('node', [NOTES, 'v91.2.3'])
  assert.equal(notes.code, 0, notes.stderr)
  assert.equal(notes.stdout, '- Test release 91.2.3.\n')

  const next = release('91.3.0')
  assert.equal(next.code, 0, next.stderr)
  assert.equal(git('rev-parse', 'v91.3.0^{commit}'), git('rev-parse', 'HEAD'))
  assert.equal(git('rev-parse', 'v91.2.3^{commit}'), head)
})

// ---- scripts/release-notes.mjs ----

/** A tree with the three files the notes script reads; null leaves one out. */
function notesTree(files: {
  changelog: string | null
  pkgVersion?: string
  toolVersion?: string
}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-notes-'))
  dirs.push(dir)
  fs.mkdirSync(path.join(dir, 'src'))
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'sigvec-check',
      version: files.pkgVersion ?? '1.2.0',
    }),
  )
  fs.writeFileSync(
    path.join(dir, 'src', 'version.ts'),
    `// The tool's version.\nexport const TOOL_VERSION = '${files.toolVersion ?? '1.2.0'}'\n`,
  )
  if (files.changelog !== null)
    fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), files.changelog)
  return dir
}

const notesOf = (dir: string, tag: string) =>
  run('node', [path.join(ROOT, NOTES), tag], dir)

const KEEP_A_CHANGELOG = `# Changelog

## [Unreleased]

- Not yet.

## [1.2.0] - 2026-11-30

### Added

- Two.

## [1.1.0] - 2026-10-01

### Fixed

- One.

## [1.0.0] - 2026-09-01

- First.

[Unreleased]: https://github.com/org/sigvec-check/compare/v1.2.0...HEAD
[1.2.0]: https://github.com/org/sigvec-check/compare/v1.1.0...v1.2.0
[1.0.0]: https://github.com/org/sigvec-check/releases/tag/v1.0.0
`

test('release notes: the section of the tagged version, without its heading', () => {
  const table: Array<[string, string, string, string]> = [
    // [what, changelog, version, notes]
    [
      'a section between others',
      KEEP_A_CHANGELOG,
      '1.1.0',
      '### Fixed\n\n- One.',
    ],
    ['the first section', KEEP_A_CHANGELOG, '1.2.0', '### Added\n\n- Two.'],
    [
      'the last section, before the link definitions',
      KEEP_A_CHANGELOG,
      '1.0.0',
      '- First.',
    ],
    [
      'the last section, at the end of the file',
      '# C\n\n## [1.2.0]\n\n- Last.\n',
      '1.2.0',
      '- Last.',
    ],
    [
      '"## [1.2.0] - date"',
      '## [1.2.0] - 2026-11-30\n- a\n## [1.1.0]\n',
      '1.2.0',
      '- a',
    ],
    [
      '"## 1.2.0 (date)"',
      '## 1.2.0 (2026-11-30)\n- b\n## 1.1.0 (2026-10-01)\n',
      '1.2.0',
      '- b',
    ],
    [
      '"## v1.2.0 – date" (en dash)',
      '## v1.2.0 – 2026-11-30\n- c\n',
      '1.2.0',
      '- c',
    ],
    [
      'CRLF line ends',
      '## [1.2.0] - 2026-11-30\r\n\r\n- d\r\n\r\n## [1.1.0]\r\n',
      '1.2.0',
      '- d',
    ],
    [
      '1.2.10 and 1.2.0-rc.1 are other versions',
      '## [1.2.10]\n- no\n## [1.2.0-rc.1]\n- no\n## [1.2.0]\n- yes\n',
      '1.2.0',
      '- yes',
    ],
    [
      'a "## " line inside a fenced block is text',
      '## [1.2.0]\n\n```md\n## [1.1.0]\n```\n\n- e\n## [1.1.0]\n- f\n',
      '1.2.0',
      '```md\n## [1.1.0]\n```\n\n- e',
    ],
  ]
  for (const [what, changelog, version, notes] of table) {
    const dir = notesTree({
      changelog,
      pkgVersion: version,
      toolVersion: version,
    })
    const r = notesOf(dir, `v${version}`)
    assert.equal(r.code, 0, `${what}: ${r.stderr}`)
    assert.equal(r.stdout, `${notes}\n`, what)
    assert.equal(r.stderr, '', what)
  }
})

test('release notes: what is refused, with the reason and nothing on stdout', () => {
  const table: Array<
    [string, Parameters<typeof notesTree>[0], string, RegExp]
  > = [
    // [what, tree, tag, error]
    [
      'a missing section',
      {
        changelog: KEEP_A_CHANGELOG,
        pkgVersion: '1.3.0',
        toolVersion: '1.3.0',
      },
      'v1.3.0',
      /CHANGELOG\.md has no section for 1\.3\.0: add a heading "## \[1\.3\.0\] - YYYY-MM-DD".*sections found: \[Unreleased\], 1\.2\.0, 1\.1\.0, 1\.0\.0/,
    ],
    [
      'only a pre-release section',
      { changelog: '## [1.2.0-rc.1]\n- x\n' },
      'v1.2.0',
      /no section for 1\.2\.0:.*sections found: \[1\.2\.0-rc\.1\]/,
    ],
    [
      'an empty section',
      { changelog: '## [1.2.0] - 2026-11-30\n\n## [1.1.0]\n- x\n' },
      'v1.2.0',
      /section for 1\.2\.0 \(line 1\) is empty/,
    ],
    [
      'two sections for one version',
      { changelog: '## [1.2.0]\n- a\n## 1.2.0\n- b\n' },
      'v1.2.0',
      /2 sections for 1\.2\.0 \(lines 1, 3\)/,
    ],
    [
      'no CHANGELOG.md',
      { changelog: null },
      'v1.2.0',
      /cannot read CHANGELOG\.md/,
    ],
    [
      "package.json's version is another",
      { changelog: KEEP_A_CHANGELOG, pkgVersion: '1.1.0' },
      'v1.2.0',
      /package\.json's version is "1\.1\.0", but the tag v1\.2\.0 needs "1\.2\.0"/,
    ],
    [
      "src/version.ts's version is another",
      { changelog: KEEP_A_CHANGELOG, toolVersion: '0.1.0' },
      'v1.2.0',
      /src\/version\.ts's TOOL_VERSION is "0\.1\.0", but the tag v1\.2\.0 needs "1\.2\.0"/,
    ],
    [
      'a tag without v',
      { changelog: KEEP_A_CHANGELOG },
      '1.2.0',
      /the tag "1\.2\.0" is not of the form vX\.Y\.Z/,
    ],
    [
      'a pre-release tag',
      { changelog: KEEP_A_CHANGELOG },
      'v1.2.0-rc.1',
      /not of the form vX\.Y\.Z/,
    ],
    [
      'the major tag',
      { changelog: KEEP_A_CHANGELOG },
      'v1',
      /not of the form vX\.Y\.Z/,
    ],
  ]
  for (const [what, tree, tag, error] of table) {
    const r = notesOf(notesTree(tree), tag)
    assert.equal(r.code, 1, what)
    assert.match(r.stderr, /^release-notes: /, what)
    assert.match(r.stderr, error, what)
    assert.equal(r.stdout, '', what)
  }
  const none = run(
    'node',
    [path.join(ROOT, NOTES)],
    notesTree({ changelog: '' }),
  )
  assert.equal(none.code, 1)
  assert.match(none.stderr, /usage: node scripts\/release-notes\.mjs vX\.Y\.Z/)
})

test("release notes: this repository's CHANGELOG.md has its version's", () => {
  const version = readJson(path.join(ROOT, 'package.json')).version
  const r = run('node', [NOTES, `v${version}`], ROOT)
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /^### Added$/m)
})

// ---- scripts/pack-check.sh ----

/** pack-check in the clone with package.json's "files" changed; its TMPDIR. */
function packCheckWith(
  change: (files: string[]) => string[],
  setUp = () => {},
) {
  const pkgFile = path.join(clone, 'package.json')
  const original = fs.readFileSync(pkgFile, 'utf8')
  const pkg = JSON.parse(original)
  pkg.files = change(pkg.files)
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n')
  const tmpdir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-packtmp-'))
  dirs.push(tmpdir)
  try {
    setUp()
    return { ...run('bash', [PACK_CHECK], clone, { TMPDIR: tmpdir }), tmpdir }
  } finally {
    fs.writeFileSync(pkgFile, original)
    git('clean', '--quiet', '-fdx', '--', 'native', 'scripts')
  }
}

test('pack-check refuses a "files" entry that is not there, before installing', () => {
  const r = packCheckWith((files) => [...files, 'scripts/not-here.sh'])
  assert.equal(r.code, 1)
  assert.match(
    r.stderr,
    /missing from the tarball:\n\s+scripts\/not-here\.sh \(no file there\)/,
  )
  assert.doesNotMatch(r.stdout, /installs offline/)
  assert.deepEqual(fs.readdirSync(r.tmpdir), [], 'its temp folder was left')
})

test('pack-check refuses a source npm leaves out of the tarball', () => {
  // An .npmignore in a folder drops what it names from the package; the
  // reproducer would then fail to compile on users' machines.
  const r = packCheckWith(
    (files) => files,
    () => {
      fs.writeFileSync(path.join(clone, 'native', 'extra.c'), '/* extra */\n')
      fs.writeFileSync(path.join(clone, 'native', '.npmignore'), 'extra.c\n')
    },
  )
  assert.equal(r.code, 1)
  assert.match(r.stderr, /missing from the tarball:\n\s+native\/extra\.c$/m)
  assert.deepEqual(fs.readdirSync(r.tmpdir), [], 'its temp folder was left')
})
