// Bundles the compiled entry points with ncc into the committed dist/:
// dist/index.js (the action) and dist/cli.js (the CLI), plus the licenses of
// what they bundle. Runs after `tsc`; deterministic, so CI can diff dist/.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const out = path.join(root, 'dist')
fs.mkdirSync(path.join(root, 'build'), { recursive: true })
const work = fs.mkdtempSync(path.join(root, 'build', 'ncc-'))
const ncc = path.join(
  root,
  'node_modules',
  '@vercel',
  'ncc',
  'dist',
  'ncc',
  'cli.js',
)

try {
  const licenses = new Map()
  for (const entry of ['index', 'cli']) {
    const dir = path.join(work, entry)
    execFileSync(
      process.execPath,
      [
        ncc,
        'build',
        path.join(root, 'build', 'src', `${entry}.js`),
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
    if (fs.existsSync(notice))
      licenses.set(entry, fs.readFileSync(notice, 'utf8'))
    fs.mkdirSync(out, { recursive: true })
    let code = fs.readFileSync(path.join(dir, 'index.js'), 'utf8')
    if (entry === 'cli' && !code.startsWith('#!'))
      code = `#!/usr/bin/env node\n${code}`
    fs.writeFileSync(path.join(out, `${entry}.js`), code, {
      mode: entry === 'cli' ? 0o755 : 0o644,
    })
  }
  // Both bundles carry the same third-party code; one notice file covers them.
  const notices = [...new Set([...licenses.values()])].join('\n')
  fs.writeFileSync(path.join(out, 'licenses.txt'), notices)
  fs.writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n')
} finally {
  fs.rmSync(work, { recursive: true, force: true })
}
