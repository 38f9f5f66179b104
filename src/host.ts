// The only module that reads the machine. Every file is read under a root
// (default "/"), so a captured host folder can be audited offline; a file
// that cannot be read becomes a recorded fact, never a crash.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readRegularFile } from './files.js'
import { runInGroup, toolDeadlineSeconds } from './spawn.js'

/** A fact read from the host: its value, or why it could not be read. */
export type Fact<T> =
  | { ok: true; value: T; source: string }
  | { ok: false; error: string; source: string }

export interface OsRelease {
  id: string | null
  versionId: string | null
  prettyName: string | null
}

export interface CpuFacts {
  vendor: string | null
  model: string | null
  avx: boolean
  avx2: boolean
  avx512f: boolean
}

/** RLIMIT_MEMLOCK in bytes; 'unlimited' for RLIM_INFINITY. */
export type Limit = number | 'unlimited'

export interface MemlockLimit {
  soft: Limit
  hard: Limit
}

export interface ContainerFacts {
  detected: boolean
  /** What gave it away, e.g. "/.dockerenv exists". */
  signals: string[]
}

export interface GoToolchain {
  version: string | null
  source: 'input' | 'go env GOVERSION' | 'go version' | 'not detected'
  note: string
}

export interface HostFacts {
  root: string
  hostname: Fact<string>
  /** True when the root is this machine's own "/" (not a captured host). */
  live: boolean
  release: Fact<string>
  procVersion: Fact<string>
  /** uname -v: "#1 SMP Debian 5.4.13-1 (2020-01-19)". */
  unameVersion: Fact<string>
  /** Ubuntu only: "Ubuntu 5.4.0-29.33-generic 5.4.34". */
  versionSignature: Fact<string>
  os: Fact<OsRelease>
  arch: Fact<string>
  cpu: Fact<CpuFacts>
  memlock: Fact<MemlockLimit>
  capIpcLock: Fact<boolean>
  container: ContainerFacts
  go: GoToolchain
}

export interface ReadHostOptions {
  root: string
  /** `go-version` input; when set, no toolchain is asked. */
  goVersion: string | null
}

const CAP_IPC_LOCK = 14n

/** Every file the audit reads, relative to the root (capture copies these). */
export const HOST_FILES = {
  hostname: 'proc/sys/kernel/hostname',
  release: 'proc/sys/kernel/osrelease',
  procVersion: 'proc/version',
  unameVersion: 'proc/sys/kernel/version',
  versionSignature: 'proc/version_signature',
  osRelease: 'etc/os-release',
  osReleaseFallback: 'usr/lib/os-release',
  arch: 'proc/sys/kernel/arch',
  cpuinfo: 'proc/cpuinfo',
  limits: 'proc/self/limits',
  status: 'proc/self/status',
  dockerenv: '.dockerenv',
  containerenv: 'run/.containerenv',
  cgroup: 'proc/1/cgroup',
  mountinfo: 'proc/1/mountinfo',
  environ: 'proc/1/environ',
} as const
const F = HOST_FILES

export async function readHostFacts(opts: ReadHostOptions): Promise<HostFacts> {
  const root = path.resolve(opts.root)
  const live = root === '/'
  const read = (rel: string) => readText(root, rel)

  const [
    hostname,
    release,
    procVersion,
    unameVersion,
    versionSignature,
    osRelease,
    archFile,
    cpuinfo,
    limits,
    status,
    go,
  ] = await Promise.all([
    read(F.hostname),
    read(F.release),
    read(F.procVersion),
    read(F.unameVersion),
    read(F.versionSignature),
    readFirst(root, [F.osRelease, F.osReleaseFallback]),
    read(F.arch),
    read(F.cpuinfo),
    read(F.limits),
    read(F.status),
    detectGo(live, opts.goVersion),
  ])

  return {
    root,
    live,
    hostname: mapFact(hostname, (t) => t.trim() || null),
    release: mapFact(release, (t) => t.trim()),
    procVersion: mapFact(procVersion, (t) => t.trim()),
    unameVersion: mapFact(unameVersion, (t) => t.trim()),
    versionSignature: mapFact(versionSignature, (t) => t.trim()),
    os: mapFact(osRelease, parseOsRelease),
    arch: pickArch(archFile, cpuinfo, live),
    cpu: mapFact(cpuinfo, parseCpuinfo),
    memlock: mapFact(limits, parseMemlock),
    capIpcLock: mapFact(status, (t) => hasCapability(t, CAP_IPC_LOCK)),
    container: await detectContainer(root),
    go,
  }
}

/**
 * Where the kernel names this boot: a random UUID made at every boot. Not in
 * HOST_FILES: the audit does not judge by it, and a capture should not carry
 * a boot it was not taken in.
 */
export const BOOT_ID_FILE = 'proc/sys/kernel/random/boot_id'

export async function readBootId(root: string): Promise<Fact<string>> {
  return mapFact(await readText(path.resolve(root), BOOT_ID_FILE), (t) =>
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(t.trim())
      ? t.trim()
      : null,
  )
}

async function readText(root: string, rel: string): Promise<Fact<string>> {
  const source = '/' + rel
  try {
    return {
      ok: true,
      value: await readRegularFile(path.join(root, rel)),
      source,
    }
  } catch (err) {
    return { ok: false, error: describeReadError(err), source }
  }
}

async function readFirst(root: string, rels: string[]): Promise<Fact<string>> {
  let last: Fact<string> | null = null
  for (const rel of rels) {
    last = await readText(root, rel)
    if (last.ok) return last
  }
  return last as Fact<string>
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return 'missing (ENOENT)'
  if (code === 'EACCES' || code === 'EPERM') return `unreadable (${code})`
  return `unreadable (${code ?? String(err)})`
}

function mapFact<A, B>(fact: Fact<A>, f: (a: A) => B | null): Fact<B> {
  if (!fact.ok) return fact
  const value = f(fact.value)
  if (value === null) {
    return {
      ok: false,
      error: 'not in the expected format',
      source: fact.source,
    }
  }
  return { ok: true, value, source: fact.source }
}

export function parseOsRelease(text: string): OsRelease {
  const fields = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim())
    if (m) fields.set(m[1] as string, unquote(m[2] as string))
  }
  return {
    id: fields.get('ID') ?? null,
    versionId: fields.get('VERSION_ID') ?? null,
    prettyName: fields.get('PRETTY_NAME') ?? fields.get('NAME') ?? null,
  }
}

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v)
  return m ? (m[2] as string).replace(/\\(.)/g, '$1') : v
}

/** The first processor's vendor, model and vector flags; null if unknown. */
export function parseCpuinfo(text: string): CpuFacts | null {
  const field = (name: string) =>
    new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? null
  const flagsLine = field('flags')
  if (flagsLine === null) {
    // Arm and other non-x86 CPUs list "Features": no AVX by construction.
    if (field('Features') === null) return null
    const none = { avx: false, avx2: false, avx512f: false }
    return {
      vendor: field('CPU implementer'),
      model: field('model name'),
      ...none,
    }
  }
  const flags = new Set(flagsLine.split(/\s+/))
  return {
    vendor: field('vendor_id'),
    model: field('model name'),
    avx: flags.has('avx'),
    avx2: flags.has('avx2'),
    avx512f: flags.has('avx512f'),
  }
}

/**
 * /proc/sys/kernel/arch exists since Linux 6.1; before that this machine's
 * uname -m, or for a captured host the shape of its cpuinfo.
 */
function pickArch(
  archFile: Fact<string>,
  cpuinfo: Fact<string>,
  live: boolean,
): Fact<string> {
  if (archFile.ok && archFile.value.trim()) {
    return { ok: true, value: archFile.value.trim(), source: archFile.source }
  }
  if (live) return { ok: true, value: os.machine(), source: 'uname -m' }
  if (!cpuinfo.ok) {
    return {
      ok: false,
      error: `no ${archFile.source} and ${cpuinfo.error} ${cpuinfo.source}`,
      source: cpuinfo.source,
    }
  }
  const arch = archFromCpuinfo(cpuinfo.value)
  return arch
    ? { ok: true, value: arch, source: `${cpuinfo.source} (its format)` }
    : { ok: false, error: 'format not recognised', source: cpuinfo.source }
}

export function archFromCpuinfo(text: string): string | null {
  if (/^vendor_id\s*:/m.test(text) && /^flags\s*:/m.test(text)) {
    return /^flags\s*:.*\blm\b/m.test(text) ? 'x86_64' : 'i686'
  }
  if (/^CPU implementer\s*:/m.test(text)) {
    return /^Features\s*:.*\basimd\b/m.test(text) ||
      /^CPU architecture\s*:\s*8/m.test(text)
      ? 'aarch64'
      : 'arm'
  }
  if (/^cpu\s*:\s*POWER/m.test(text)) return 'ppc64le'
  if (/^isa\s*:\s*rv64/m.test(text)) return 'riscv64'
  if (/^vendor_id\s*:\s*IBM\/S390/m.test(text)) return 's390x'
  return null
}

/** "Max locked memory  65536  65536  bytes" → bytes, or 'unlimited'. */
export function parseMemlock(text: string): MemlockLimit | null {
  const m = /^Max locked memory\s+(\S+)\s+(\S+)/m.exec(text)
  if (!m) return null
  const soft = parseLimit(m[1] as string)
  const hard = parseLimit(m[2] as string)
  return soft === null || hard === null ? null : { soft, hard }
}

function parseLimit(v: string): Limit | null {
  if (v === 'unlimited') return 'unlimited'
  return /^\d+$/.test(v) ? Number(v) : null
}

export function hasCapability(status: string, bit: bigint): boolean | null {
  const m = /^CapEff:\s*([0-9a-f]+)\s*$/im.exec(status)
  if (!m) return null
  return ((BigInt('0x' + m[1]) >> bit) & 1n) === 1n
}

/**
 * Several independent signals, since none is reliable alone: Docker's and
 * Podman's marker files, container runtimes in PID 1's cgroup, an overlay
 * root filesystem, and the `container` variable systemd-nspawn/LXC set.
 */
export async function detectContainer(root: string): Promise<ContainerFacts> {
  const signals: string[] = []
  const exists = async (rel: string) =>
    fs.access(path.join(root, rel)).then(
      () => true,
      () => false,
    )
  const text = async (rel: string) =>
    readRegularFile(path.join(root, rel)).catch(() => null)

  if (await exists(F.dockerenv)) signals.push('/.dockerenv exists')
  if (await exists(F.containerenv)) signals.push('/run/.containerenv exists')
  const cgroup = await text(F.cgroup)
  const runtime =
    cgroup && /\b(docker|kubepods|containerd|libpod|lxc)\b/.exec(cgroup)
  if (runtime) signals.push(`/proc/1/cgroup names ${runtime[1]}`)
  const mountinfo = await text(F.mountinfo)
  if (mountinfo && /^\S+ \S+ \S+ \S+ \/ \S+ .* - overlay /m.test(mountinfo)) {
    signals.push('the root filesystem is overlay')
  }
  const environ = await text(F.environ)
  const env = environ && /(?:^|\0)container=([^\0]+)/.exec(environ)
  if (env) signals.push(`PID 1 has container=${env[1]}`)
  return { detected: signals.length > 0, signals }
}

/** `go env GOVERSION` from the toolchain on PATH, unless the input says. */
async function detectGo(
  live: boolean,
  input: string | null,
): Promise<GoToolchain> {
  if (input)
    return {
      version: input,
      source: 'input',
      note: 'from the go-version input',
    }
  if (!live) {
    return {
      version: null,
      source: 'not detected',
      note: 'a captured host: no toolchain to ask',
    }
  }
  // In its own group under the tool deadline: a `go` wrapper (a version
  // manager's shim, a toolchain download) must not hold the audit for ever.
  const deadline = toolDeadlineSeconds()
  const run = async (
    args: string[],
  ): Promise<{
    out: string
    err: { code?: unknown; message: string } | null
  }> => {
    try {
      const r = await runInGroup('go', args, deadline * 1000)
      const out = r.stdout.trim()
      if (r.timedOut) {
        const message = `"go ${args.join(' ')}" did not finish within ${deadline} s and was killed; set go-version`
        return { out, err: { message } }
      }
      if (r.code !== 0) {
        const last = r.stderr.trim().split('\n')[0]
        const message = `"go ${args.join(' ')}" ${r.code === null ? `was killed by ${r.signal}` : `exited ${r.code}`}${last ? `: ${last}` : ''}`
        return { out, err: { message } }
      }
      return { out, err: null }
    } catch (err) {
      const e = err as NodeJS.ErrnoException
      return { out: '', err: { code: e.code, message: e.message } }
    }
  }
  // GOVERSION exists since Go 1.16; older go commands print an empty line
  // for it, so they are asked `go version` ("go version go1.14.4 linux/amd64").
  const env = await run(['env', 'GOVERSION'])
  if (env.err?.code === 'ENOENT') {
    return { version: null, source: 'not detected', note: 'no go on PATH' }
  }
  if (!env.err && env.out) {
    return {
      version: env.out,
      source: 'go env GOVERSION',
      note: 'from the go on PATH',
    }
  }
  const v = await run(['version'])
  const m = /^go version (go\S+)/.exec(v.out)
  if (!v.err && m) {
    return {
      version: m[1] as string,
      source: 'go version',
      note: 'from the go on PATH',
    }
  }
  const why =
    (env.err ?? v.err)?.message.split('\n')[0] ?? 'no version in its output'
  return {
    version: null,
    source: 'not detected',
    note: `go on PATH, but: ${why}`,
  }
}
