// Validates a Report that came from another machine before merge trusts a
// word of it: the schema, and every field merge and its renderers read, with
// its type, its allowed values, a length bound on strings and finite numbers.
// A Report is hostile input (DESIGN.md, Trust): a forged or damaged one must
// not crash merge, sort as something it is not, or fill the table with text.
import type { GoWorkaround } from './goruntime.js'
import type { ReproducerEvidence } from './evidence.js'
import type { Mitigation } from './verdict.js'
import { STATUSES } from './status.js'
import { REPORT_SCHEMA, REPORT_VERSION, type Report } from './report.js'

/**
 * The longest string merge renders from a Report. uname's fields hold at
 * most 64 bytes and a DNS name 253, so a real host never comes near it.
 */
const MAX_TEXT = 256
/** A miss probability's basis: a few sentences (evidence.ts). */
const MAX_BASIS = 2000
/** GODEBUG carries the user's own settings besides ours, so it may be longer. */
const MAX_GODEBUG = 4096
/** A Report lists at most the three mitigations verdict.ts knows. */
const MAX_MITIGATIONS = 16

/**
 * Every member of the union `T`, checked both ways at compile time, so the
 * lists below follow the types in verdict.ts and goruntime.ts.
 */
const everyOf =
  <T extends string>() =>
  <const A extends readonly T[]>(
    values: A & ([T] extends [A[number]] ? unknown : 'a member is missing'),
  ): A =>
    values

const RESULTS = everyOf<ReproducerEvidence['result']>()([
  'corrupted',
  'clean',
  'crashed',
  'skipped',
  'error',
])
const WORKAROUNDS = everyOf<GoWorkaround | 'unknown'>()([
  'inactive',
  'not-triggered',
  'mlock',
  'mlock-fails-fatal',
  'mlock-fails-silent',
  'unknown',
])
const MITIGATION_IDS = everyOf<Mitigation['id']>()([
  'upgrade-kernel',
  'raise-memlock',
  'godebug-asyncpreemptoff',
])
const MITIGATION_MODES = everyOf<Report['decision']['mitigation']>()([
  'none',
  'godebug',
])

export type ReportCheck =
  | { ok: true; report: Report }
  | {
      ok: false
      /** The first field that fails, "reproducer.result"; null: the whole document. */
      field: string | null
      /** What is wrong, worded to follow `field "…"` (see checkText). */
      problem: string
      /** The host the document claims to be, when that much can be told. */
      host: string | null
    }

class FieldError extends Error {
  constructor(
    readonly field: string | null,
    /** Follows the field's name: "is missing", or "<value> is not …". */
    readonly problem: string,
  ) {
    super(problem)
  }
}

/**
 * A value for a message: one line and short whatever it holds. Never
 * stringifies a container: a hostile one may nest deeper than the stack.
 */
export function shown(v: unknown): string {
  if (typeof v === 'string')
    return v.length > 60
      ? `${JSON.stringify(v.slice(0, 57))}...`
      : JSON.stringify(v)
  if (Array.isArray(v)) return 'an array'
  if (v === null) return 'null'
  if (typeof v === 'object') return 'an object'
  return String(v)
}

/** Walks one object, naming each field by its path from the Report. */
class Fields {
  constructor(
    private readonly at: string,
    private readonly obj: Record<string, unknown>,
  ) {}

  private path(key: string) {
    return this.at ? `${this.at}.${key}` : key
  }

  private get(key: string): unknown {
    if (!Object.hasOwn(this.obj, key))
      throw new FieldError(this.path(key), ' is missing')
    return this.obj[key]
  }

  private wrong(key: string, v: unknown, expected: string): never {
    throw new FieldError(this.path(key), `: ${shown(v)} is not ${expected}`)
  }

  object(key: string): Fields {
    const v = this.get(key)
    if (!isObject(v)) this.wrong(key, v, 'an object')
    return new Fields(this.path(key), v)
  }

  oneOf<T extends string>(key: string, values: readonly T[]): T {
    const v = this.get(key)
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      this.wrong(key, v, `one of ${values.join(', ')}`)
    return v as T
  }

  text(key: string, max = MAX_TEXT): string | null {
    const v = this.get(key)
    if (v === null) return null
    if (typeof v !== 'string') this.wrong(key, v, 'a string or null')
    if (v.length > max)
      throw new FieldError(
        this.path(key),
        ` is ${v.length} characters long, more than the ${max} a Report may hold`,
      )
    return v
  }

  boolean(key: string, nullable = false): boolean | null {
    const v = this.get(key)
    if (typeof v === 'boolean' || (nullable && v === null)) return v
    return this.wrong(
      key,
      v,
      nullable ? 'true, false or null' : 'true or false',
    )
  }

  /** A finite number from `min` to `max`, or null. */
  count(key: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | null {
    const v = this.get(key)
    if (v === null) return null
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      this.wrong(key, v, `a number from ${min} to ${max} or null`)
    return v
  }

  limit(key: string): void {
    const v = this.get(key)
    if (v === null || v === 'unlimited') return
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      this.wrong(key, v, 'a byte count, "unlimited" or null')
  }

  array(key: string, max: number): Fields[] {
    const v = this.get(key)
    if (!Array.isArray(v)) return this.wrong(key, v, 'an array')
    if (v.length > max)
      throw new FieldError(
        this.path(key),
        ` holds ${v.length} entries, more than the ${max} a Report may hold`,
      )
    return v.map((item, i) => {
      if (!isObject(item)) this.wrong(`${key}[${i}]`, item, 'an object')
      return new Fields(this.path(`${key}[${i}]`), item)
    })
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The host a document claims, if it is a string merge may show. */
function claimedHost(doc: unknown): string | null {
  if (!isObject(doc) || !isObject(doc.host)) return null
  const name = doc.host.name
  return typeof name === 'string' && name.length > 0 && name.length <= MAX_TEXT
    ? name
    : null
}

/**
 * Checks a parsed JSON document field by field, in the Report's own order,
 * and names the first field that fails. On success the document is the
 * Report merge reads; fields merge does not read are not checked.
 */
export function checkReport(doc: unknown): ReportCheck {
  try {
    if (!isObject(doc) || doc.schema !== REPORT_SCHEMA)
      throw new FieldError(
        null,
        `not a sigvec-check Report (no "schema": "${REPORT_SCHEMA}")`,
      )
    if (doc.version !== REPORT_VERSION)
      throw new FieldError(
        null,
        `Report version ${shown(doc.version)}; this sigvec-check reads version ${REPORT_VERSION}`,
      )
    const report = new Fields('', doc)
    report.object('host').text('name')
    report.oneOf('status', STATUSES)
    const kernel = report.object('kernel')
    kernel.text('release')
    kernel.text('level')
    kernel.text('compiler')
    const go = report.object('go')
    go.text('goVersion')
    go.oneOf('workaround', WORKAROUNDS)
    go.limit('memlockSoft')
    go.boolean('memlockSufficient', true)
    const rep = report.object('reproducer')
    rep.oneOf('result', RESULTS)
    rep.text('mode')
    rep.count('faultingDeliveries')
    rep.count('minEvents')
    rep.count('missProbability', 0, 1)
    // Read by merge: whether a clean run's miss is a figure or unknown.
    rep.text('missBasis', MAX_BASIS)
    rep.boolean('drill')
    for (const m of report.array('mitigations', MAX_MITIGATIONS))
      m.oneOf('id', MITIGATION_IDS)
    const decision = report.object('decision')
    decision.oneOf('mitigation', MITIGATION_MODES)
    decision.text('godebug', MAX_GODEBUG)
    return { ok: true, report: doc as unknown as Report }
  } catch (err) {
    if (!(err instanceof FieldError)) throw err
    return {
      ok: false,
      field: err.field,
      problem: err.problem,
      host: claimedHost(doc),
    }
  }
}

/** "field "status": "Affected" is not one of …", or the problem alone. */
export function checkText(c: Extract<ReportCheck, { ok: false }>): string {
  return c.field === null ? c.problem : `field "${c.field}"${c.problem}`
}
