#!/usr/bin/env node
// Usage: node scripts/release-notes.mjs vX.Y.Z
//
// Run from the root of the tree being released. Checks that the tag names
// this tree's version (package.json and src/version.ts) and prints the notes
// of that version, CHANGELOG.md's section for it without its heading, for
// the GitHub release. Anything wrong: a message on stderr naming the file
// and what it holds, nothing on stdout, exit 1.
//
// A version's section starts at a level-2 heading naming it, in any of
// Keep a Changelog's spellings: `## [1.2.3] - 2026-11-30`, `## [1.2.3]`,
// `## 1.2.3 (2026-11-30)`, `## v1.2.3`; it ends at the next level-2 heading
// or at the link definitions of the versions (`[1.2.3]: https://…`) that
// close the file. Headings inside fenced code blocks do not count.
import fs from 'node:fs'

const TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/
const DATE = String.raw`\d{4}-\d{2}-\d{2}`
const HEADING = new RegExp(
  String.raw`^##\s+\[?v?(\d+\.\d+\.\d+)\]?` +
    String.raw`(?:\s+[-–—]\s+${DATE}|\s+\(${DATE}\))?\s*$`,
)
const LEVEL2 = /^##\s/
const VERSION_LINK = /^\[(?:unreleased|v?\d+\.\d+\.\d+)\]:\s/i
const FENCE = /^\s*(```|~~~)/

class ReleaseError extends Error {}

/** The notes of `version` in a changelog's text. */
function changelogSection(text, version) {
  const lines = text.split(/\r?\n/)
  const found = []
  const starts = []
  let fenced = false
  for (const [i, line] of lines.entries()) {
    if (FENCE.test(line)) fenced = !fenced
    if (fenced || !LEVEL2.test(line)) continue
    const m = HEADING.exec(line)
    found.push(m ? m[1] : line.replace(LEVEL2, '').trim())
    if (m && m[1] === version) starts.push(i)
  }
  if (starts.length === 0) {
    throw new ReleaseError(
      `CHANGELOG.md has no section for ${version}: add a heading ` +
        `"## [${version}] - YYYY-MM-DD" with its changes ` +
        `(sections found: ${found.join(', ') || 'none'})`,
    )
  }
  if (starts.length > 1) {
    throw new ReleaseError(
      `CHANGELOG.md has ${starts.length} sections for ${version} ` +
        `(lines ${starts.map((i) => i + 1).join(', ')}); keep one`,
    )
  }
  const start = starts[0]
  const body = []
  fenced = false
  for (const line of lines.slice(start + 1)) {
    if (FENCE.test(line)) fenced = !fenced
    if (!fenced && (LEVEL2.test(line) || VERSION_LINK.test(line))) break
    body.push(line)
  }
  const notes = body.join('\n').trim()
  if (notes === '') {
    throw new ReleaseError(
      `CHANGELOG.md's section for ${version} (line ${start + 1}) is empty`,
    )
  }
  return notes
}

/** The TOOL_VERSION that src/version.ts exports. */
function toolVersion(text) {
  const m = /^export const TOOL_VERSION = '([^']*)'$/m.exec(text)
  if (!m) {
    throw new ReleaseError(
      `src/version.ts has no line "export const TOOL_VERSION = '…'"`,
    )
  }
  return m[1]
}

function read(file) {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch (err) {
    throw new ReleaseError(`cannot read ${file}: ${err.message}`)
  }
}

function main(args) {
  if (args.length !== 1) {
    throw new ReleaseError('usage: node scripts/release-notes.mjs vX.Y.Z')
  }
  const tag = args[0]
  if (!TAG.test(tag)) {
    throw new ReleaseError(
      `the tag "${tag}" is not of the form vX.Y.Z (e.g. v1.2.3)`,
    )
  }
  const version = tag.slice(1)
  let pkg
  try {
    pkg = JSON.parse(read('package.json'))
  } catch (err) {
    if (err instanceof ReleaseError) throw err
    throw new ReleaseError(`package.json is not JSON: ${err.message}`)
  }
  if (pkg?.version !== version) {
    throw new ReleaseError(
      `package.json's version is "${pkg?.version}", ` +
        `but the tag ${tag} needs "${version}"`,
    )
  }
  const tool = toolVersion(read('src/version.ts'))
  if (tool !== version) {
    throw new ReleaseError(
      `src/version.ts's TOOL_VERSION is "${tool}", ` +
        `but the tag ${tag} needs "${version}"`,
    )
  }
  process.stdout.write(changelogSection(read('CHANGELOG.md'), version) + '\n')
}

try {
  main(process.argv.slice(2))
} catch (err) {
  if (!(err instanceof ReleaseError)) throw err
  console.error(`release-notes: ${err.message}`)
  process.exitCode = 1
}
