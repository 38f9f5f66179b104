// The status vocabulary (DESIGN.md: one word, used everywhere) and the
// `fail-on` levels that draw the failing line through it. Both the inputs
// (which accept a level) and the verdict (which picks a status) speak it,
// so it sits below them both.

export const STATUSES = [
  'affected',
  'vulnerable',
  'unaffected',
  'not-applicable',
  'unknown',
] as const
export type Status = (typeof STATUSES)[number]

export const FAIL_ON = ['affected', 'vulnerable', 'unknown', 'never'] as const
export type FailOn = (typeof FAIL_ON)[number]

/** Statuses that each `fail-on` level treats as failing. */
const FAILING: Record<FailOn, readonly Status[]> = {
  affected: ['affected'],
  vulnerable: ['affected', 'vulnerable'],
  unknown: ['affected', 'vulnerable', 'unknown'],
  never: [],
}

/** Whether `status` is at the `fail-on` level or worse. */
export function crossesFailOn(status: Status, failOn: FailOn): boolean {
  return FAILING[failOn].includes(status)
}
