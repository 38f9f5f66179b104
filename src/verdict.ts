// Pure: assessment + reproducer evidence → one status with its reasons and
// the mitigations that fit; and the policy step that turns a status into
// "fail the step" or "switch later steps to the mitigation".
import {
  clearingText,
  crashSummary,
  missText,
  type ReproducerEvidence,
} from './evidence.js'
import { mlockFails, type Assessment, type Reason } from './assess.js'
import { formatLimit } from './units.js'
import { FIXED_LEVELS, FIXED_SINCE_SERIES } from './kernel.js'
import type { Reproduce } from './inputs.js'
import { crossesFailOn, type FailOn, type Status } from './status.js'
import { formatBytes, formatSeconds } from './units.js'

export interface Mitigation {
  id: 'upgrade-kernel' | 'raise-memlock' | 'godebug-asyncpreemptoff'
  title: string
  detail: string
  /** Label → exact text to run or paste. */
  commands: Array<{ label: string; text: string }>
}

export interface Verdict {
  status: Status
  /** One sentence a person reads first. */
  headline: string
  reasons: Reason[]
  mitigations: Mitigation[]
}

/** The wiki's suggestion, 64 MiB, unless the threads need more. */
export const RECOMMENDED_MEMLOCK_BYTES = 64 * 1024 * 1024

export function decideVerdict(
  assessment: Assessment,
  evidence: ReproducerEvidence,
): Verdict {
  const k = assessment.kernel
  const reasons: Reason[] = [...k.reasons]
  const drill = evidence.drill ? ' (DRILL: injected on purpose)' : ''
  let status: Status
  if (k.finding === 'not-applicable') {
    status = 'not-applicable'
  } else if (evidence.result === 'corrupted') {
    status = 'affected'
    reasons.push({
      code: evidence.drill ? 'drill-corruption' : 'reproducer-corrupted',
      message: `The reproducer saw registers corrupted${evidence.leak ? `: ${evidence.leak}` : ''}${drill}.`,
    })
  } else {
    const cleared = evidence.result === 'clean' && evidence.enoughEvents
    status =
      cleared || k.finding === 'clear'
        ? 'unaffected'
        : k.finding === 'buggy'
          ? 'vulnerable'
          : 'unknown'
    const ran = `${evidence.liveFaultingDeliveries ?? 0} live faulting signal deliveries in ${evidence.seconds === null ? 'an unknown time' : formatSeconds(evidence.seconds)} (${evidence.mode} mode)`
    const miss =
      evidence.missProbability !== null
        ? `a kernel with the bug would have stayed clean with probability ${missText(evidence)}`
        : evidence.missBasis !== null
          ? `how likely a kernel with the bug would have stayed clean is unknown (${evidence.missBasis})`
          : null
    if (evidence.result === 'clean') {
      reasons.push(
        cleared
          ? {
              code: 'reproducer-clean',
              message: `The reproducer ran ${ran} without corruption${k.finding === 'clear' ? ', as expected' : ''}; ${miss}.`,
            }
          : {
              code: 'reproducer-too-little',
              message: `The reproducer stayed clean over ${ran}${miss ? `, but ${miss}` : ''}; clearing a kernel takes ${clearingText(evidence)}.`,
            },
      )
    }
    if (evidence.crashes.length > 0) {
      reasons.push({
        code: 'reproducer-crashed',
        message: `The reproducer had ${crashSummary(evidence.crashes)}, and no corruption was seen. In the lab such a crash is not a sign of the bug (one, on the fixed kernel, in about 560 000 deliveries; none on the buggy one), but a run that ended this way does not clear a kernel either.`,
      })
    }
  }
  return {
    status,
    headline: headline(status, assessment, evidence),
    reasons,
    mitigations: pickMitigations(status, assessment),
  }
}

function headline(
  status: Status,
  a: Assessment,
  e: ReproducerEvidence,
): string {
  const kernel = a.kernel.release ? `Linux ${a.kernel.release}` : 'This kernel'
  switch (status) {
    case 'affected':
      return e.drill
        ? `DRILL: the reproducer injected corruption on purpose to rehearse this workflow's reaction; ${kernel} itself was not judged by it.`
        : `${kernel} corrupted AVX registers under signals in the reproducer.`
    case 'vulnerable':
      return `${kernel} looks affected by the AVX signal-stack bug (upstream ${a.kernel.level}, ${a.kernel.compiler}).`
    case 'unaffected':
      return `${kernel} does not have the AVX signal-stack bug.`
    case 'not-applicable':
      return `${kernel} cannot have the bug here: ${a.kernel.reasons[0]?.message ?? ''}`.trim()
    case 'unknown':
      return `${kernel} could not be judged: the facts needed could not be read.`
  }
}

function pickMitigations(status: Status, a: Assessment): Mitigation[] {
  const out: Mitigation[] = []
  if (status === 'affected' || status === 'vulnerable') {
    out.push({
      id: 'upgrade-kernel',
      title: 'Upgrade the kernel',
      detail: `Boot ${a.kernel.fixedIn ? `${a.kernel.fixedIn}+` : FIXED_LEVELS.map((l) => `${l}+`).join(', ')} or ${FIXED_SINCE_SERIES}+, or a distribution build with commit 59c4bd853abc. Containers share the host's kernel: upgrade the host.`,
      commands: [],
    })
    out.push({
      id: 'godebug-asyncpreemptoff',
      title: 'Make Go send fewer signals',
      detail:
        'GODEBUG=asyncpreemptoff=1 (Go 1.14+) turns off signal-based preemption: corruption becomes rarer, not impossible.',
      commands: [{ label: 'environment', text: 'GODEBUG=asyncpreemptoff=1' }],
    })
  }
  const go = a.go
  if (mlockFails(go)) {
    const bytes = Math.max(go.memlockNeeded, RECOMMENDED_MEMLOCK_BYTES)
    out.push({
      id: 'raise-memlock',
      title: 'Raise the locked-memory limit',
      detail: `Go 1.14–1.15 need ${formatBytes(go.memlockNeeded)} for ${go.memlockThreads} threads; the limit is ${formatLimit(go.memlockSoft)}. Note the units: ulimit -l counts KiB, Docker counts bytes.`,
      commands: memlockCommands(bytes),
    })
  }
  return out
}

export function memlockCommands(bytes: number): Mitigation['commands'] {
  const kib = Math.ceil(bytes / 1024)
  return [
    { label: 'shell (KiB)', text: `ulimit -l ${kib}` },
    { label: 'systemd unit of the runner', text: `LimitMEMLOCK=${bytes}` },
    {
      label: 'docker run (bytes)',
      text: `docker run --ulimit memlock=${bytes}:${bytes} …`,
    },
    {
      label: 'workflow `container:` (bytes)',
      text: `options: --ulimit memlock=${bytes}:${bytes}`,
    },
    {
      label: '/etc/docker/daemon.json (bytes)',
      text: JSON.stringify({
        'default-ulimits': {
          memlock: { Name: 'memlock', Soft: bytes, Hard: bytes },
        },
      }),
    },
  ]
}

export interface Decision {
  /** The status crosses the `fail-on` line. */
  failing: boolean
  /** Fail the step: failing and no mitigation asked for, or evidence
   * asked for (reproduce: always) and none given. */
  fail: boolean
  /** The GODEBUG value to export for later steps, or null. */
  godebug: string | null
  mitigation: 'none' | 'godebug'
  /** reproduce: always, yet the reproducer gave no evidence: why; else null. */
  evidenceMissing: string | null
}

/**
 * Why evidence that `reproduce: always` asked for is missing (the reproducer
 * was skipped or failed), or null. A machine where the bug cannot happen
 * (not-applicable: not Linux, no AVX) owes no evidence.
 */
export function missingEvidence(
  reproduce: Reproduce,
  status: Status,
  evidence: Pick<ReproducerEvidence, 'result' | 'reason'>,
): string | null {
  if (reproduce !== 'always' || status === 'not-applicable') return null
  return evidence.result === 'skipped' || evidence.result === 'error'
    ? evidence.reason
    : null
}

export function decide(
  status: Status,
  policy: { failOn: FailOn; mitigate: boolean },
  currentGodebug: string | undefined,
  evidenceMissing: string | null = null,
): Decision {
  const failing = crossesFailOn(status, policy.failOn)
  const risky = status === 'affected' || status === 'vulnerable'
  // GODEBUG answers the bug, not a reproducer that could not run.
  const unproven = evidenceMissing !== null
  if (policy.mitigate && (failing || risky)) {
    return {
      failing,
      fail: unproven,
      godebug: mergeGodebug(currentGodebug, 'asyncpreemptoff', '1'),
      mitigation: 'godebug',
      evidenceMissing,
    }
  }
  return {
    failing,
    fail: failing || unproven,
    godebug: null,
    mitigation: 'none',
    evidenceMissing,
  }
}

/** Sets one key in a comma-separated GODEBUG, keeping every other setting. */
export function mergeGodebug(
  current: string | undefined,
  key: string,
  value: string,
): string {
  const parts = (current ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const kept = parts.filter((p) => p.split('=')[0] !== key)
  return [...kept, `${key}=${value}`].join(',')
}
