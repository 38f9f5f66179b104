// Compiles native/ with the runner's C compiler and keeps the binary in the
// tool cache under a key made of the source's hash, the compiler's identity
// and the architecture, so a self-hosted runner never runs a stale binary.
import * as exec from '@actions/exec'
import * as tc from '@actions/tool-cache'
import crypto from 'node:crypto'
import { statSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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

/** The compiler's own description: `--version`'s first line and its target. */
async function compilerIdentity(compiler: string): Promise<string> {
  const run = (args: string[]) =>
    exec.getExecOutput(compiler, args, { silent: true, ignoreReturnCode: true })
  const version = await run(['--version'])
  const target = await run(['-dumpmachine'])
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

  await fs.mkdir(opts.tempDir, { recursive: true })
  const work = await fs.mkdtemp(path.join(opts.tempDir, 'sigvec-build-'))
  try {
    const out = path.join(work, REPRODUCER_TOOL)
    const build = await exec.getExecOutput(
      opts.compiler,
      [...COMPILE_FLAGS, '-o', out, opts.source],
      { silent: true, ignoreReturnCode: true },
    )
    if (build.exitCode !== 0) {
      return {
        ok: false,
        reason: `${opts.compiler} failed to compile the reproducer (exit ${build.exitCode})`,
        output: (build.stdout + build.stderr).trim(),
        compiler: identity,
      }
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
    await fs.rm(work, { recursive: true, force: true })
  }
}
