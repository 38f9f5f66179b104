import { test } from 'node:test'
import assert from 'node:assert/strict'
test('a', () => assert.equal(1, 1))
