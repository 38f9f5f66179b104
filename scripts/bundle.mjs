// Bundles the compiled entry points with ncc into the committed dist/: the
// action in dist/action/, the CLI in dist/cli/ (each with the chunks ncc
// splits off for lazily loaded code), behind the two stable entry files
// dist/index.js (action.yml's `main`) and dist/cli.js (package.json's `bin`).
// Runs after `tsc`; deterministic, so CI can diff dist/.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'dist')
const ncc = path.join(
  root,
  'node_modules',
  '@vercel',
  'ncc',
  'dist',
  'ncc',
  'cli.js',
)

const bundles = [
  { entry: 'index', dir: 'action', file: 'index.js', shebang: false },
  { entry: 'cli-entry', dir: 'cli', file: 'cli.js', shebang: true },
]

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })
const notices = new Set()
for (const b of bundles) {
  const dir = path.join(out, b.dir)
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      path.join(root, 'build', 'src', `${b.entry}.js`),
      '-o',
      dir,
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '-q',
    ],
    { stdio: 'inherit' },
  )
  const notice = path.join(dir, 'licenses.txt')
  if (fs.existsSync(notice)) {
    notices.add(fs.readFileSync(notice, 'utf8'))
    fs.rmSync(notice)
  }
  const entry = `${b.shebang ? '#!/usr/bin/env node\n' : ''}import './${b.dir}/index.js'\n`
  fs.writeFileSync(path.join(out, b.file), entry, {
    mode: b.shebang ? 0o755 : 0o644,
  })
}
fs.writeFileSync(path.join(out, 'licenses.txt'), [...notices].join('\n'))
fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n')
