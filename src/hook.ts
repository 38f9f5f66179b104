// `sigvec-check hook`: the gate a self-hosted runner runs before every job
// (ACTIONS_RUNNER_HOOK_JOB_STARTED, scripts/job-started.sh). It owns how the
// hook reads its settings (a hook gets no arguments, so each setting of the
// input table's hook column has a SIGVEC_* variable; a flag wins), the exit
// code by `fail-on`, and the memory that runs the reproducer at most once
// per kernel boot: one file per boot id and build key in a state folder the
// runner's owner chooses.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { RememberedRuns } from './audit.js'
import { EXIT_CODES } from './exitcodes.js'
import { ensureDir, whyForeign, writeFileAtomic } from './files.js'
import { readBootId, reproducerRunsHere } from './host.js'
import { InputError } from './inputerror.js'
import {
  envName,
  HOOK_SETTINGS,
  inputSpec,
  type HookSetting,
} from './inputs.js'
import { parseOptions, type Options } from './options.js'
import { TOOL_VERSION } from './version.js'
import type { FailOn, Status } from './status.js'
import type { ReproducerEvidence } from './evidence.js'
import { decide } from './verdict.js'

export interface HookSettings {
  options: Options
  stateDir: string
  /** How an error names the state folder: `state-dir` (a flag) or its variable. */
  stateDirInput: string
}

/**
 * Flags win over variables. A bad value is an InputError naming what the
 * owner wrote: the flag (`state-dir`) or the variable (`SIGVEC_STATE_DIR`).
 */
export function parseHookSettings(
  flags: Partial<Record<HookSetting, string>>,
  env: NodeJS.ProcessEnv,
  root: string,
): HookSettings {
  const known = (name: string): name is HookSetting =>
    (HOOK_SETTINGS as readonly string[]).includes(name)
  const inputName = (name: HookSetting) =>
    flags[name] !== undefined ? name : envName(name)
  const raw = (name: string) =>
    known(name) ? (flags[name] ?? env[envName(name)] ?? '') : ''
  let options: Options
  try {
    options = parseOptions(raw, root)
  } catch (err) {
    if (err instanceof InputError && known(err.input))
      throw new InputError(
        inputName(err.input),
        err.value,
        err.accepted,
        err.problem,
      )
    throw err
  }
  const stateDirInput = inputName('state-dir')
  const given = raw('state-dir').trim()
  const stateDir =
    given ||
    path.join(
      env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'),
      'sigvec-check',
    )
  if (!path.isAbsolute(stateDir) || stateDir.includes('\0')) {
    throw new InputError(
      stateDirInput,
      stateDir,
      inputSpec('state-dir').accepted,
    )
  }
  return { options, stateDir: path.normalize(stateDir), stateDirInput }
}

/** A status below the `fail-on` level lets the job run: exit 0. */
export function hookExitCode(status: Status, failOn: FailOn): number {
  const { failing } = decide(status, { failOn, mitigate: false }, undefined)
  return failing ? EXIT_CODES[status] : 0
}

/** The hook's last line: what the status means for this job. */
export function hookOutcome(status: Status, failOn: FailOn): string {
  const code = hookExitCode(status, failOn)
  return code === 0
    ? `sigvec-check hook: ${status} passes fail-on ${failOn}: the job runs\n`
    : `sigvec-check hook: ${status} fails fail-on ${failOn}: the job fails (exit ${code})\n`
}

/**
 * Creates the state folder (owner-only) if needed, and refuses one that
 * others could plant a result in, or that this user cannot write to.
 */
export async function prepareStateDir(settings: HookSettings): Promise<void> {
  const { stateDir: dir, stateDirInput: input } = settings
  const refuse = (why: string) =>
    new InputError(
      input,
      dir,
      `a folder that only this user or root can write to (${why})`,
    )
  // lstat: a link would let root write and delete files wherever it leads,
  // in a folder whose owner never chose this one.
  const existing = await fs.lstat(dir).catch(() => null)
  if (existing?.isSymbolicLink())
    throw refuse('it is a symbolic link; give the folder itself')
  if (existing && !existing.isDirectory()) throw refuse('it is not a folder')
  if (!existing) {
    try {
      await ensureDir(dir, 0o700)
    } catch (err) {
      throw refuse(`cannot create it: ${(err as Error).message}`)
    }
  }
  const st = await fs.lstat(dir)
  const unsafe = st.isDirectory() ? whyForeign('it', st) : 'it is not a folder'
  if (unsafe) throw refuse(unsafe)
  try {
    await fs.access(dir, fs.constants.W_OK | fs.constants.X_OK)
  } catch {
    throw refuse('this user cannot write to it')
  }
}

/** The state file's format; another version is ignored, never guessed at. */
export const BOOT_RESULT_SCHEMA = 'sigvec-check/boot-result'
const BOOT_RESULT_VERSION = 1

interface BootResult {
  schema: typeof BOOT_RESULT_SCHEMA
  version: number
  bootId: string
  key: string
  toolVersion: string
  recordedAt: string
  evidence: ReproducerEvidence
}

const RESULT_FILE =
  /^reproducer-([0-9a-f-]{36})-([0-9a-f]+)\.json(\.\d+\.tmp)?$/

/**
 * The reproducer's result for this boot, one file per build key:
 * `reproducer-<boot id>-<key>.json`. A new boot or a new build (source,
 * compiler, architecture: the key) finds no file and runs it again.
 */
export class BootMemory implements RememberedRuns {
  constructor(
    readonly dir: string,
    readonly bootId: string,
    private readonly log: (line: string) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  fileFor(key: string): string {
    return path.join(this.dir, `reproducer-${this.bootId}-${key}.json`)
  }

  async recall(key: string): Promise<ReproducerEvidence | null> {
    const file = this.fileFor(key)
    let text: string
    try {
      const st = await fs.lstat(file)
      const unsafe = st.isFile() ? whyForeign('it', st) : 'not a regular file'
      if (unsafe) return this.ignore(file, unsafe)
      text = await fs.readFile(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        return this.ignore(file, (err as Error).message)
      this.log(`reproducer: no result remembered for this boot in ${file}`)
      return null
    }
    const result = parseBootResult(text, this.bootId, key)
    if (typeof result === 'string') return this.ignore(file, result)
    this.log(
      `reproducer: remembered from this boot's run at ${result.recordedAt} (${file}); not run again`,
    )
    return {
      ...result.evidence,
      reason: `${result.evidence.reason} (remembered from this boot's run at ${result.recordedAt})`,
    }
  }

  async keep(key: string, evidence: ReproducerEvidence): Promise<void> {
    if (evidence.drill) return
    const file = this.fileFor(key)
    const record: BootResult = {
      schema: BOOT_RESULT_SCHEMA,
      version: BOOT_RESULT_VERSION,
      bootId: this.bootId,
      key,
      toolVersion: TOOL_VERSION,
      recordedAt: this.now().toISOString(),
      evidence,
    }
    try {
      await writeFileAtomic(file, JSON.stringify(record, null, 2) + '\n', 0o600)
    } catch (err) {
      this.log(
        `warning: could not remember the result in ${file} (${(err as Error).message}); the next job runs the reproducer again`,
      )
      return
    }
    this.log(`reproducer: result remembered for this boot in ${file}`)
    await this.forgetEarlierBoots()
  }

  /** Results of earlier boots can never match again. */
  private async forgetEarlierBoots(): Promise<void> {
    const stale = (await fs.readdir(this.dir)).filter((name) => {
      const m = RESULT_FILE.exec(name)
      return m !== null && m[1] !== this.bootId
    })
    for (const name of stale) {
      await fs.rm(path.join(this.dir, name), { force: true }).then(
        () => this.log(`reproducer: forgot ${name} (an earlier boot)`),
        (err: Error) =>
          this.log(`warning: could not remove ${name}: ${err.message}`),
      )
    }
  }

  private ignore(file: string, why: string): null {
    this.log(`warning: ignoring ${file}: ${why}; the reproducer runs again`)
    return null
  }
}

/** The remembered result, or why the file cannot be trusted. */
export function parseBootResult(
  text: string,
  bootId: string,
  key: string,
): BootResult | string {
  let doc: Partial<BootResult>
  try {
    doc = JSON.parse(text) as Partial<BootResult>
  } catch (err) {
    return `not JSON (${(err as Error).message})`
  }
  if (!doc || typeof doc !== 'object') return 'not a JSON object'
  if (doc.schema !== BOOT_RESULT_SCHEMA || doc.version !== BOOT_RESULT_VERSION)
    return `not a ${BOOT_RESULT_SCHEMA} version ${BOOT_RESULT_VERSION} file`
  if (doc.bootId !== bootId) return `written in boot ${String(doc.bootId)}`
  if (doc.key !== key) return `written for build key ${String(doc.key)}`
  if (doc.toolVersion !== TOOL_VERSION)
    return `written by sigvec-check ${String(doc.toolVersion)}, this is ${TOOL_VERSION}`
  if (typeof doc.recordedAt !== 'string') return 'no recordedAt'
  const bad = evidenceProblem(doc.evidence)
  if (bad) return `its evidence ${bad}`
  return doc as BootResult
}

const EVIDENCE_FIELDS: Record<keyof ReproducerEvidence, string> = {
  result: 'result',
  reason: 'string',
  mode: 'string?',
  modeReason: 'string?',
  seconds: 'number?',
  signals: 'number?',
  faultingDeliveries: 'number?',
  liveFaultingDeliveries: 'number?',
  minEvents: 'number?',
  missProbability: 'number?',
  missBasis: 'string?',
  enoughEvents: 'boolean',
  crashes: 'array',
  leak: 'string?',
  mismatch: 'object?',
  drill: 'boolean',
  selfTest: 'object?',
  build: 'object?',
  // Only a captured tree's runs have one; the hook remembers its own.
  origin: 'absent',
}

function evidenceProblem(e: unknown): string | null {
  if (!e || typeof e !== 'object') return 'is missing'
  const doc = e as Record<string, unknown>
  for (const [field, type] of Object.entries(EVIDENCE_FIELDS)) {
    const v = doc[field]
    const ok =
      type === 'absent'
        ? v === undefined
        : type === 'result'
          ? ['corrupted', 'clean', 'crashed', 'skipped', 'error'].includes(
              v as string,
            )
          : type === 'array'
            ? Array.isArray(v)
            : type.endsWith('?')
              ? v === null || typeof v === type.slice(0, -1)
              : typeof v === type
    if (!ok) return `has a bad ${field}: ${JSON.stringify(v)}`
  }
  if (doc.drill) return 'comes from a drill'
  return null
}

/**
 * The memory for this run, or null when the reproducer cannot run (a
 * captured host, reproduce: never) or the boot cannot be told apart.
 */
export async function bootMemory(
  settings: HookSettings,
  log: (line: string) => void,
): Promise<BootMemory | null> {
  const { options } = settings
  // Nothing to remember where the reproducer cannot run (a capture, macOS).
  if (!reproducerRunsHere(options.root) || options.reproduce === 'never')
    return null
  // Checked even when `auto` ends up not running it: a wrong folder shows
  // on the first job, not on the day the kernel changes.
  await prepareStateDir(settings)
  const boot = await readBootId(options.root)
  if (!boot.ok) {
    log(
      `warning: cannot tell this boot from the next (${boot.source}: ${boot.error}); the reproducer's result is not remembered`,
    )
    return null
  }
  return new BootMemory(settings.stateDir, boot.value, log)
}
