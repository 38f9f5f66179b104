// How sure a clean reproducer run is: the chance that a kernel WITH the bug
// would have stayed clean for as many trigger events as the run made. The
// rates come from the lab (a real buggy Linux 5.4.1 under emulation, see
// docs/lab.md and the README's figures); they are a model, not a proof.

/**
 * One mode's calibration: `detections` buggy-kernel runs that found the bug
 * after `deliveries` live faulting deliveries in all (every delivery up to
 * and including the one that corrupted). Each delivery is treated as an
 * independent trial; the rate used is the one-sided 95 % lower bound, so a
 * clean run's miss probability is, if anything, overstated.
 */
export interface Calibration {
  detections: number
  deliveries: number
  /** May a clean run in this mode clear an in-range kernel? */
  clears: boolean
  /** Where the figures come from and why they may or may not clear. */
  basis: string
}

/** A clean run clears an in-range kernel only below this miss probability. */
export const CLEARING_MISS_PROBABILITY = 1e-6

/**
 * Measured with `npm run bench:lab` on the lab's affected kernel: two runs of
 * ten guests per mode and CPU count (1 and 2), 2026-11-28, pooled; every one
 * of the 80 guests found the bug. Deliveries count up to and including the
 * one that corrupted, over all checkers of the run.
 */
export const LAB_CALIBRATION: Record<string, Calibration> = {
  uffd: {
    detections: 40,
    deliveries: 83,
    clears: true,
    basis:
      'uffd mode on the lab kernel (Linux 5.4.1 built by GCC 12, emulated CPUs): 40 of 40 runs found the bug, after 83 live faulting deliveries in all; the fault-in is held until a competing task has run on the same CPU, so the trigger does not wait for a preemption',
  },
  stress: {
    detections: 40,
    deliveries: 418,
    clears: false,
    basis:
      'stress mode on the lab kernel (Linux 5.4.1 built by GCC 12, emulated CPUs, full preemption at 1000 Hz): 40 of 40 runs found the bug, after 418 live faulting deliveries in all; its trigger needs a preemption during the fault-in, which distribution kernels (mostly voluntary preemption) give less often, so this rate is an upper bound there and a clean stress run never clears a kernel',
  },
}

/** P(X >= k) for X ~ Poisson(mean), summed in a stable way. */
function poissonAtLeast(k: number, mean: number): number {
  let term = Math.exp(-mean)
  let below = 0
  for (let i = 0; i < k; i++) {
    below += term
    term *= mean / (i + 1)
  }
  return Math.max(0, 1 - below)
}

/**
 * The one-sided 95 % lower bound of the detection rate per delivery, from
 * `detections` events over `deliveries` trials: the smallest event mean
 * under which seeing at least that many events still has a 5 % chance
 * (the exact Poisson bound, found by bisection), per delivery, capped
 * below 1.
 */
export function lowerRate(detections: number, deliveries: number): number {
  if (detections <= 0 || deliveries <= 0) return 0
  let lo = 0
  let hi = detections
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2
    if (poissonAtLeast(detections, mid) < 0.05) lo = mid
    else hi = mid
  }
  return Math.min(lo / deliveries, 0.999)
}

/** A mode's detection rate per delivery (lower bound), or null if unknown. */
function labRate(mode: string): number | null {
  const c = LAB_CALIBRATION[mode]
  return c ? lowerRate(c.detections, c.deliveries) : null
}

/** The chance a buggy kernel stays clean for `live` deliveries. */
export function missProbability(mode: string, live: number): number | null {
  const p = labRate(mode)
  if (p === null) return null
  return p > 0 ? Math.exp(live * Math.log1p(-p)) : 1
}

/** Deliveries at `rate` each that bring the miss probability below `target`. */
export function deliveriesAtRate(rate: number, target: number): number | null {
  return rate > 0 ? Math.ceil(Math.log(target) / Math.log1p(-rate)) : null
}

/** Live faulting deliveries that bring a mode's miss below `target`. */
export function deliveriesFor(mode: string, target: number): number | null {
  const p = labRate(mode)
  return p === null ? null : deliveriesAtRate(p, target)
}

/** "3.2e-9", "below 1e-12", "1" — for people. */
export function formatProbability(p: number): string {
  if (p >= 0.995) return '1'
  if (p < 1e-12) return 'below 1e-12'
  if (p >= 0.01) return p.toFixed(2)
  return p.toExponential(1)
}
