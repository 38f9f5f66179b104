// The CLI's exit codes, which scripts and runner hooks rely on (DESIGN.md),
// after spectre-meltdown-checker: 0 fine, 2 at risk, 3 unknown, 1 error.
import type { Status } from './status.js'

export const EXIT_CODES: Record<Status | 'usage', number> = {
  unaffected: 0,
  'not-applicable': 0,
  affected: 2,
  vulnerable: 2,
  unknown: 3,
  usage: 1,
}
