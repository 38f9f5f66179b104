// Compiles native/ with the runner's C compiler and keeps the binary in the
// tool cache under a key made of the source's hash, the compiler's identity
// and the architecture, so a self-hosted runner never runs a stale binary.
// Every call of the compiler runs in its own process group with a deadline:
// a wrapper waiting on a licence server must not hold the job for ever.
import * as tc from '@actions/tool-cache'
import crypto from 'node:crypto'
import { rmSync, statSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureDir } from './files.js'
import { InputError } from './options.js'
import {
  cleanupOnCancel,
  runInGroup,
  toolDeadlineSeconds,
  type GroupRun,
} from './spawn.js'

export const REPRODUCER_TOOL = 'sigvec-repro'

/** The flags native/sigvec-repro.c is written for (no warnings under them). */
export const COMPILE_FLAGS = ['-O2', '-Wall', '-Wextra', '-pthread'] as const

/** native/ beside dist/ (the action's checkout, the npm package) or src/. */
export function nativeSource(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const up of ['..', '../..', '../../..']) {
    const candidate = path.resolve(here, up, 'native', 'sigvec-repro.c')
    if (fsExists(candidate)) return candidate
  }
  return path.resolve(here, '..', 'native', 'sigvec-repro.c')
}

function fsExists(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

export type CompileOutcome =
  | {
      ok: true
      binary: string
      cacheHit: boolean
      key: string
      compiler: string
      seconds: number
    }
  | { ok: false; reason: string; output: string; compiler: string }

export interface CompileOptions {
  compiler: string
  source: string
  /** Scratch space for the build (RUNNER_TEMP). */
  tempDir: string
}

/**
 * Runs the compiler once, in its own group, under the tool deadline. A run
 * that meets the deadline fails the step: the compiler input names a
 * program that does not finish, and no verdict should wait on it.
 */
async function runCompiler(
  compiler: string,
  args: string[],
  what: string,
): Promise<GroupRun> {
  const seconds = toolDeadlineSeconds()
  const run = await runInGroup(compiler, args, seconds * 1000)
  if (run.timedOut) {
    throw new InputError(
      'compiler',
      compiler,
      `a C compiler that finishes on its own: ${what} did not finish within ${seconds} s, so it was killed with its process group`,
    )
  }
  return run
}

/** The compiler's own description: `--version`'s first line and its target. */
async function compilerIdentity(compiler: string): Promise<string> {
  const ask = (flag: string) =>
    runCompiler(compiler, [flag], `"${compiler} ${flag}"`)
  const version = await ask('--version')
  const target = await ask('-dumpmachine')
  return `${version.stdout.split('\n')[0]?.trim()} (${target.stdout.trim() || os.arch()})`
}

export async function compileReproducer(
  opts: CompileOptions,
): Promise<CompileOutcome> {
  const started = process.hrtime.bigint()
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9
  let source: Buffer
  try {
    source = await fs.readFile(opts.source)
  } catch (err) {
    return {
      ok: false,
      reason: `the reproducer's source is missing: ${opts.source} (${(err as Error).message})`,
      output: '',
      compiler: opts.compiler,
    }
  }
  let identity: string
  try {
    identity = await compilerIdentity(opts.compiler)
  } catch (err) {
    // Only a program that could not be started means "no compiler".
    if (!(err as NodeJS.ErrnoException).code) throw err
    return {
      ok: false,
      reason: `no C compiler: ${JSON.stringify(opts.compiler)} is not on PATH`,
      output: (err as Error).message,
      compiler: opts.compiler,
    }
  }
  const key = crypto
    .createHash('sha256')
    .update(source)
    .update('\0' + COMPILE_FLAGS.join(' '))
    .update('\0' + identity)
    .update('\0' + os.arch())
    .digest('hex')
    .slice(0, 16)
  // tool-cache wants a semver; the key rides in the pre-release part.
  const version = `1.0.0-${key}`
  const cached = tc.find(REPRODUCER_TOOL, version, os.arch())
  if (cached) {
    return {
      ok: true,
      binary: path.join(cached, REPRODUCER_TOOL),
      cacheHit: true,
      key,
      compiler: identity,
      seconds: seconds(),
    }
  }

  await ensureDir(opts.tempDir).catch((err: Error) => {
    throw new Error(
      `the compile's scratch folder (RUNNER_TEMP): ${err.message}`,
    )
  })
  const work = await fs.mkdtemp(path.join(opts.tempDir, 'sigvec-build-'))
  const release = cleanupOnCancel(() =>
    rmSync(work, { recursive: true, force: true }),
  )
  try {
    const out = path.join(work, REPRODUCER_TOOL)
    const build = await runCompiler(
      opts.compiler,
      [...COMPILE_FLAGS, '-o', out, opts.source],
      "the reproducer's compile",
    )
    if (build.code !== 0) {
      const how =
        build.code === null ? `killed by ${build.signal}` : `exit ${build.code}`
      return {
        ok: false,
        reason: `${opts.compiler} failed to compile the reproducer (${how})`,
        output: (build.stdout + build.stderr).trim(),
        compiler: identity,
      }
    }
    // tool-cache creates its folders with mkdir({ recursive: true }), which
    // never returns under /proc; ours fails instead, with the folder named.
    const cacheRoot = process.env.RUNNER_TOOL_CACHE
    if (cacheRoot) {
      await ensureDir(path.join(cacheRoot, REPRODUCER_TOOL, version)).catch(
        (err: Error) => {
          throw new Error(`the tool cache (RUNNER_TOOL_CACHE): ${err.message}`)
        },
      )
    }
    const dir = await tc.cacheFile(
      out,
      REPRODUCER_TOOL,
      REPRODUCER_TOOL,
      version,
      os.arch(),
    )
    return {
      ok: true,
      binary: path.join(dir, REPRODUCER_TOOL),
      cacheHit: false,
      key,
      compiler: identity,
      seconds: seconds(),
    }
  } finally {
    release()
    await fs.rm(work, { recursive: true, force: true })
  }
}
