// The CLI bundle as a user runs it: flags, text, JSON and exit codes.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { ROOT } from './support/action.js'
import { cli } from './support/cli.js'
import { packedFiles } from './support/pack.js'

test('with no flags it audits this machine and prints a readable report', () => {
  const r = cli([])
  assert.equal(r.code, 0, r.stderr)
  const release = fs.readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()
  assert.match(r.stdout, /^sigvec-check: UNAFFECTED\n/)
  assert.match(
    r.stdout,
    new RegExp(`kernel release +${release.replace(/\./g, '\\.')}\n`),
  )
  assert.match(r.stdout, /\nwhy:\n {2}- /)
})

test('--json prints the versioned Report', () => {
  const r = cli(['--json', '--go-version', 'go1.15.5'])
  assert.equal(r.code, 0)
  const report = JSON.parse(r.stdout)
  assert.equal(report.schema, 'sigvec-check/report')
  assert.equal(report.go.family, '1.14.1-1.15')
})

test('--help and --version', () => {
  const help = cli(['--help'])
  assert.equal(help.code, 0)
  assert.match(help.stdout, /^Usage: sigvec-check/)
  const version = cli(['--version'])
  const pkg = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
  )
  assert.equal(version.stdout.trim(), pkg.version)
})

test('usage errors exit 1 and name the flag', () => {
  const table: Array<[string[], RegExp]> = [
    [['--bogus'], /Unknown option '--bogus'/],
    [
      ['--memlock-threads', 'many'],
      /invalid --memlock-threads: "many"\. Expected a whole number/,
    ],
    [['--go-version', 'tip'], /invalid --go-version: "tip"/],
    [['--root', ''], /invalid --root: ""/],
    [['--root'], /argument missing/],
    [['extra'], /Unexpected argument 'extra'/],
    [['--json', '--prometheus'], /--json and --prometheus exclude each other/],
    [
      ['--no-reproduce', '--reproduce', 'always'],
      /--no-reproduce contradicts --reproduce always/,
    ],
    [
      ['--reproduce', 'often'],
      /invalid --reproduce: "often"\. Expected one of: auto, always, never/,
    ],
    [['--mode', 'turbo'], /invalid --mode: "turbo"/],
    [['--duration', '2h'], /invalid --duration: "2h"\. Expected a duration/],
    [['--compiler', 'gcc -m32'], /invalid --compiler: "gcc -m32"/],
    [['--drill', '--no-reproduce'], /invalid --drill: "true"/],
    [
      ['--no-reproduce', '--report-path', '/proc/nope/report.json'],
      /invalid --report-path: "\/proc\/nope\/report\.json"\. Expected a file path in a folder that exists or can be created; cannot create folder \/proc\/nope: /,
    ],
  ]
  for (const [args, message] of table) {
    const r = cli(args)
    assert.equal(r.code, 1, args.join(' '))
    assert.match(r.stderr, message, args.join(' '))
    assert.equal(r.stdout, '')
  }
})

test('the npm package carries the bundles and the reproducer source', () => {
  const files = packedFiles().map((f) => f.path)
  for (const needed of [
    'dist/cli.js',
    'dist/cli/index.js',
    'dist/index.js',
    'native/sigvec-repro.c',
    'docs/bug.md',
    'action.yml',
  ]) {
    assert.ok(files.includes(needed), needed)
  }
  assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('src/')))
  const pkg = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
  )
  assert.equal(pkg.bin['sigvec-check'], 'dist/cli.js')
})

test('the CLI audits and runs the reproducer under ulimit -v 4 GiB', () => {
  const r = spawnSync(
    'sh',
    [
      '-c',
      'ulimit -v 4194304 && exec "$@"',
      'sh',
      process.execPath,
      path.join(ROOT, 'dist', 'cli.js'),
      '--reproduce',
      'always',
      '--duration',
      '1s',
      '--json',
    ],
    { encoding: 'utf8' },
  )
  assert.equal(r.status, 0, r.stderr)
  assert.doesNotMatch(r.stderr, /RangeError|WebAssembly/)
  assert.equal(JSON.parse(r.stdout).reproducer.result, 'clean')
})

// The CLI as built from src/ (the bundle in dist/ is rebuilt at release).
const CLI_ENTRY = path.join(ROOT, 'build', 'src', 'cli-entry.js')

test('loading the CLI module runs nothing and changes nothing', () => {
  const probe = `
    const before = JSON.stringify(process.env)
    const write = process.stdout.write
    const cli = await import(${JSON.stringify(path.join(ROOT, 'build', 'src', 'cli.js'))})
    console.log(JSON.stringify({
      main: typeof cli.main,
      env: JSON.stringify(process.env) === before,
      write: process.stdout.write === write,
      exitCode: process.exitCode ?? null,
    }))`
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir() }
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '--eval', probe],
    { encoding: 'utf8', env },
  )
  assert.equal(r.status, 0, r.stderr)
  assert.deepEqual(JSON.parse(r.stdout), {
    main: 'function',
    env: true,
    write: true,
    exitCode: null,
  })
})

test('outside Actions the reproducer is cached in the user cache folder, and no workflow command is printed', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sigvec-cli-home-'))
  try {
    const cache = path.join(home, 'cache')
    const temp = path.join(home, 'tmp')
    fs.mkdirSync(temp)
    // Neither RUNNER_TOOL_CACHE nor RUNNER_TEMP: a plain terminal.
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_CACHE_HOME: cache,
      TMPDIR: temp,
    }
    const r = spawnSync(
      process.execPath,
      [CLI_ENTRY, '--reproduce', 'always', '--duration', '0.5'],
      { encoding: 'utf8', env },
    )
    assert.ok(r.status === 0 || r.status === 2, r.stderr)
    assert.match(r.stderr, /reproducer: compiled in .+; cached under key /)
    assert.deepEqual(fs.readdirSync(path.join(cache, 'sigvec-check')), [
      'sigvec-repro',
    ])
    for (const line of (r.stdout + r.stderr).split('\n'))
      assert.doesNotMatch(line, /^::/)
    // The scratch folders of the compile are gone again.
    assert.deepEqual(fs.readdirSync(temp), [])
  } finally {
    fs.rmSync(home, { recursive: true, force: true })
  }
})
