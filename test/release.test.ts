// scripts/release.sh in a throwaway clone of this repository: what it
// refuses, and the commit and tags a good release leaves behind.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'

// Tests compile to build/test/*.js.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const SCRIPT = path.join('scripts', 'release.sh')

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

function run(file: string, args: string[], cwd = clone) {
  const r = spawnSync(file, args, { cwd, env, encoding: 'utf8' })
  if (r.error) throw r.error
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function git(...args: string[]): string {
  const r = run('git', args)
  assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

const release = (version: string) => run('bash', [SCRIPT, version])

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
  // Test the script as it is in the work tree, committed or not.
  fs.copyFileSync(path.join(ROOT, SCRIPT), path.join(clone, SCRIPT))
  git('add', '--', SCRIPT)
  if (git('status', '--porcelain') !== '') {
    git('commit', '--quiet', '-m', 'The release script under test')
  }
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

test('a release commits the version, tags it and moves the major tag', () => {
  const parent = git('rev-parse', 'HEAD')
  const r = release('91.2.3')
  assert.equal(r.code, 0, r.stderr)

  const head = git('rev-parse', 'HEAD')
  assert.notEqual(head, parent)
  assert.equal(git('rev-parse', 'HEAD^'), parent)
  assert.equal(git('log', '-1', '--format=%s'), 'Release v91.2.3')
  assert.equal(git('status', '--porcelain'), '')

  const pkg = JSON.parse(
    fs.readFileSync(path.join(clone, 'package.json'), 'utf8'),
  )
  assert.equal(pkg.version, '91.2.3')
  assert.match(
    fs.readFileSync(path.join(clone, 'src', 'version.ts'), 'utf8'),
    /^export const TOOL_VERSION = '91\.2\.3'$/m,
  )
  const changed = git('show', '--name-only', '--format=', 'HEAD').split('\n')
  assert.ok(changed.includes('package.json'), changed.join(' '))
  assert.ok(changed.includes('src/version.ts'), changed.join(' '))

  assert.equal(git('cat-file', '-t', 'v91.2.3'), 'tag')
  assert.equal(git('rev-parse', 'v91.2.3^{commit}'), head)
  assert.equal(git('rev-parse', 'v91^{commit}'), head)

  // It prints what to push instead of pushing.
  assert.match(r.stdout, /git push origin 'v91\.2\.3'/)
  assert.match(r.stdout, /git push --force origin 'v91'/)
  assert.equal(git('remote'), 'origin')
  assert.equal(
    git('ls-remote', '--tags', 'origin', 'v91.2.3'),
    '',
    'the release pushed a tag',
  )

  // The next minor release moves v91 along; v91.2.3 stays.
  const next = release('91.3.0')
  assert.equal(next.code, 0, next.stderr)
  const nextHead = git('rev-parse', 'HEAD')
  assert.equal(git('rev-parse', 'v91^{commit}'), nextHead)
  assert.equal(git('rev-parse', 'v91.2.3^{commit}'), head)
})
