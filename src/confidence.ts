// The statistics behind a clean run's miss probability: the lower bound of
// a detection rate from counted trials, how many trials bring the miss
// below a target, and the probability in words. The rule that uses them,
// and the lab's figures, are evidence.ts's.

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

/** Deliveries at `rate` each that bring the miss probability below `target`. */
export function deliveriesAtRate(rate: number, target: number): number | null {
  return rate > 0 ? Math.ceil(Math.log(target) / Math.log1p(-rate)) : null
}

/** "3.2e-9", "below 1e-12", "1" — for people. */
export function formatProbability(p: number): string {
  if (p >= 0.995) return '1'
  if (p < 1e-12) return 'below 1e-12'
  if (p >= 0.01) return p.toFixed(2)
  return p.toExponential(1)
}
