import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  goFamily,
  goHasUbuntuSkip,
  goParseRelease,
  goReleaseTestTriggers,
  goUbuntuSkip,
  parseGoVersion,
} from '../src/goruntime.js'

test("goParseRelease repeats the runtime's own reading of uname -r", () => {
  const table: Array<[string, [number, number, number] | null]> = [
    ['5.4.0-29-generic', [5, 4, 0]],
    ['5.3.11-300.fc31.x86_64', [5, 3, 11]],
    ['5.4.1+', [5, 4, 1]],
    ['5.4', [5, 4, 0]],
    ['5', [5, 0, 0]],
    ['5.2.21.7', [5, 2, 21]],
    ['5.4.1_custom', null],
    ['v5.4.1', null],
    ['', null],
  ]
  for (const [release, want] of table) {
    const got = goParseRelease(release)
    assert.deepEqual(got && [got.major, got.minor, got.patch], want, release)
  }
})

test("Go's test triggers on the release string, not the real level", () => {
  const table: Array<[string, boolean]> = [
    ['5.2.0-1-amd64', true],
    ['5.3.14', true],
    ['5.3.15-200.fc31.x86_64', false],
    ['5.4.0-3-amd64', true], // really 5.4.13 (Debian), but Go cannot know
    ['5.4.0-29-generic', true],
    ['5.4.1-arch1-1', true],
    ['5.4.2-arch1-1', false],
    ['5.4.72-microsoft-standard-WSL2', false],
    ['6.8.0-1014-azure', false],
    ['5.4.1_bad', false],
    ['5.2.0', true],
    ['5.3.15', false],
    ['5.4.2', false],
    ['5.5.0', false],
    ['4.19.0-6-amd64', false],
  ]
  for (const [release, want] of table) {
    assert.equal(goReleaseTestTriggers(release), want, release)
  }
})

test('the Ubuntu skip needs 5.4.0/5.4.1 and "Ubuntu" in /proc/version', () => {
  const ubuntu =
    'Linux version 5.4.0-29-generic (buildd@lgw01-amd64-035) (gcc version 9.3.0 (Ubuntu 9.3.0-10ubuntu2)) #33-Ubuntu SMP Wed Apr 29 14:32:27 UTC 2020'
  assert.equal(goUbuntuSkip('5.4.0-29-generic', ubuntu), true)
  assert.equal(goUbuntuSkip('5.4.0-3-amd64', 'Debian'), false)
  assert.equal(goUbuntuSkip('5.3.0-1008-gcp', ubuntu), false)
  assert.equal(goUbuntuSkip('5.4.0-29-generic', null), false)
  assert.equal(goUbuntuSkip('5.4.1-051401-generic', ubuntu), true)
  assert.equal(goUbuntuSkip('5.4.2-050402-generic', ubuntu), false)
})

test('Go versions map to the behaviour of their runtime', () => {
  const table: Array<[string, string | null]> = [
    ['1.13.15', 'before-1.14'],
    ['go1.14', '1.14.0'],
    ['go1.14.1', '1.14.1-1.15'],
    ['go1.15.2', '1.14.1-1.15'],
    ['go1.15rc1', '1.14.1-1.15'],
    ['go1.16rc1', '1.16+'],
    ['go1.16beta1', '1.16+'],
    ['devel', null],
    ['devel go1.17-abcdef', null],
    ['1.14.0', '1.14.0'],
    ['1.14rc1', '1.14.0'],
    ['1.14.1', '1.14.1-1.15'],
    ['go1.15.15', '1.14.1-1.15'],
    ['1.16', '1.16+'],
    ['go1.22.1', '1.16+'],
    ['2.0.0', '1.16+'],
    ['1.x', null],
    ['latest', null],
  ]
  for (const [text, want] of table) {
    const v = parseGoVersion(text)
    assert.equal(v && goFamily(v), want, text)
  }
  // A beta or rc is read as its release, with the name kept.
  assert.deepEqual(parseGoVersion(' go1.16rc1 '), {
    text: 'go1.16rc1',
    version: '1.16.0',
  })
})

test('the Ubuntu skip is trusted from Go 1.15.2 on', () => {
  const table: Array<[string, boolean]> = [
    ['1.14.15', false],
    ['1.15.0', false],
    ['1.15.1', false],
    ['1.15.2', true],
    ['go1.15.2', true],
    ['go1.16rc1', true],
    ['go1.15.15', true],
    ['1.16', true],
  ]
  for (const [v, want] of table) {
    assert.equal(goHasUbuntuSkip(parseGoVersion(v)!), want, v)
  }
})
