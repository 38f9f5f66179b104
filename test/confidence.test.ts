// The miss probability of a clean run: pure arithmetic over lab figures.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatProbability, lowerRate } from '../src/confidence.js'
import {
  CLEARING_MISS_PROBABILITY,
  deliveriesFor,
  LAB_CALIBRATION,
  missProbability,
  RUN_MODES,
} from '../src/evidence.js'

test('the lower bound of the rate sits below the measured rate and rises with evidence', () => {
  const table: Array<[number, number]> = [
    [1, 1],
    [5, 10],
    [24, 52],
    [24, 1100],
    [200, 400],
  ]
  for (const [k, n] of table) {
    const low = lowerRate(k, n)
    assert.ok(low > 0 && low < Math.min(k / n, 1), `${k}/${n}: ${low}`)
  }
  // Same rate, ten times the evidence: a tighter (higher) lower bound.
  assert.ok(lowerRate(100, 200) > lowerRate(10, 20))
  assert.equal(lowerRate(0, 100), 0)
  // Chi-square 5 % quantile with 2 degrees of freedom is 0.1026: one
  // detection in ten trials bounds the rate at about 0.005.
  assert.ok(Math.abs(lowerRate(1, 10) - 0.1026 / 20) < 0.001)
})

test('a clean run clears exactly when its miss probability falls below the line', () => {
  for (const mode of RUN_MODES) {
    const n = deliveriesFor(mode, CLEARING_MISS_PROBABILITY)!
    assert.ok(missProbability(mode, n)! < CLEARING_MISS_PROBABILITY, mode)
    assert.ok(missProbability(mode, n - 1)! >= CLEARING_MISS_PROBABILITY, mode)
    assert.equal(missProbability(mode, 0), 1)
  }
})

test('uffd and io mode may clear a kernel, stress never; each mode states its basis', () => {
  assert.equal(LAB_CALIBRATION.uffd.clears, true)
  assert.equal(LAB_CALIBRATION.io.clears, true)
  assert.equal(LAB_CALIBRATION.stress.clears, false)
  // Only a mode whose trigger waits for no preemption may clear.
  for (const c of Object.values(LAB_CALIBRATION))
    assert.equal(c.clears, !c.needsPreemption)
  // io's lab rate brings a miss below the clearing line within a run.
  assert.ok(deliveriesFor('io', CLEARING_MISS_PROBABILITY)! < 1000)
  for (const c of Object.values(LAB_CALIBRATION)) {
    assert.ok(c.detections > 0 && c.deliveries >= c.detections)
    assert.match(c.basis, /lab/)
  }
})

test('probabilities read well', () => {
  const table: Array<[number, string]> = [
    [1, '1'],
    [0.999, '1'],
    [0.41, '0.41'],
    [0.0032, '3.2e-3'],
    [3.2e-9, '3.2e-9'],
    [1e-13, 'below 1e-12'],
    [0, 'below 1e-12'],
  ]
  for (const [p, text] of table) assert.equal(formatProbability(p), text)
})
