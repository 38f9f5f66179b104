// The only module that reads the machine. Every file is read under a root
// (default "/"), so a captured host folder can be audited offline; a file
// that cannot be read becomes a recorded fact, never a crash. A captured
// tree comes from another machine: it is read through rootfs.ts (no links,
// bounded sizes), and every string that reaches a report is checked here.
import { realpathSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readRegularFile, ReadRefusal } from './files.js'
import { readTreeFile, TreeRefusal, treeHasFile } from './rootfs.js'
import { probeDeadlineSeconds, runInGroup } from './spawn.js'

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

/**
 * The user namespace this process runs in, from /proc/self/uid_map. Only
 * the initial namespace maps every uid to itself in one line,
 * "0 0 4294967295" (user_namespaces(7)); rootless Docker and Podman,
 * `unshare -U` and user-namespaced pods see a shorter map.
 */
export interface UserNamespace {
  initial: boolean
  /** The map as read, one "inside outside count" per line, ";"-joined. */
  uidMap: string
}

/**
 * A real mlock of `bytes` tried in this process's own limits and
 * namespace: evidence, which the assessment prefers to its inference from
 * the limit and the capability. errno is mlock's (12: ENOMEM).
 */
export interface MlockProof {
  bytes: number
  ok: boolean
  errno: number | null
}

export interface HostFacts {
  root: string
  hostname: Fact<string>
  /** True when the root is this machine's own "/" (not a captured host). */
  live: boolean
  /** process.platform of the audited machine: a captured host is Linux's
   * (capture copies /proc files), this machine is what Node says it is. */
  platform: string
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
  /** Decides whether CAP_IPC_LOCK lifts RLIMIT_MEMLOCK (initial only). */
  userNamespace: Fact<UserNamespace>
  /** Not measured yet by the audit; when set, it overrides the inference. */
  mlockProof?: MlockProof | null
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
  uidMap: 'proc/self/uid_map',
  dockerenv: '.dockerenv',
  containerenv: 'run/.containerenv',
  cgroup: 'proc/1/cgroup',
  mountinfo: 'proc/1/mountinfo',
  environ: 'proc/1/environ',
} as const
const F = HOST_FILES

/**
 * The most read of each file of a captured tree; a larger file is refused
 * as too large, not parsed. Each bound is several times what a real
 * machine has: the kernel's utsname strings (hostname, osrelease, version,
 * arch) hold at most 64 bytes (__NEW_UTS_LEN, include/uapi/linux/utsname.h);
 * /proc/version is one line of a few hundred; limits about 1.3 KiB;
 * uid_map at most 340 lines of three numbers (user_namespaces(7)); cpuinfo
 * about 1.5 KiB per processor, a few MiB on the largest machines;
 * mountinfo a line per mount, a few MiB on busy Kubernetes nodes; PID 1's
 * environment is bounded by the exec argument limit (a quarter of the
 * stack limit: 2 MiB by default).
 */
export const CAPTURED_FILE_MAX_BYTES: Record<
  (typeof HOST_FILES)[keyof typeof HOST_FILES] | typeof BOOT_ID_FILE,
  number
> = {
  'proc/sys/kernel/hostname': 1024,
  'proc/sys/kernel/osrelease': 1024,
  'proc/version': 4096,
  'proc/sys/kernel/version': 1024,
  'proc/version_signature': 1024,
  'etc/os-release': 64 * 1024,
  'usr/lib/os-release': 64 * 1024,
  'proc/sys/kernel/arch': 1024,
  'proc/cpuinfo': 16 * 1024 * 1024,
  'proc/self/limits': 16 * 1024,
  'proc/self/status': 64 * 1024,
  'proc/self/uid_map': 16 * 1024,
  '.dockerenv': 64 * 1024,
  'run/.containerenv': 64 * 1024,
  'proc/1/cgroup': 1024 * 1024,
  'proc/1/mountinfo': 16 * 1024 * 1024,
  'proc/1/environ': 8 * 1024 * 1024,
  'proc/sys/kernel/random/boot_id': 1024,
}

/**
 * The longest each string may be before a report shows it: the kernel's
 * utsname fields hold 64 bytes (hostname, release, uname -v, arch, as
 * above); the others are one line of a few hundred at most.
 */
const UTS_MAX = 64
const LINE_MAX = 1024

/** Where the host's files are read from, and how far they are trusted. */
interface HostTree {
  root: string
  live: boolean
}

/** Whether a root names this machine's own "/" rather than a captured tree. */
export function isThisMachine(root: string): boolean {
  return path.resolve(root) === path.resolve('/')
}

/** Whether the reproducer can run for this root: this machine, on Linux. */
export function reproducerRunsHere(root: string): boolean {
  return isThisMachine(root) && process.platform === 'linux'
}

function hostTree(root: string): HostTree {
  const resolved = path.resolve(root)
  if (resolved === '/') return { root: resolved, live: true }
  // The root itself is the operator's own path; only below it is foreign.
  let real = resolved
  try {
    real = realpathSync(resolved)
  } catch {
    // A root that does not exist: every file is then missing.
  }
  return { root: real, live: false }
}

export async function readHostFacts(opts: ReadHostOptions): Promise<HostFacts> {
  const root = path.resolve(opts.root)
  // This machine's own root ("/", which Windows' path resolves to C:\):
  // elsewhere than Linux there is no /proc to read and no kernel to judge.
  // A captured tree is Linux's wherever it is read.
  if (process.platform !== 'linux' && isThisMachine(opts.root))
    return notLinuxFacts(root, process.platform, opts)
  const tree = hostTree(root)
  const live = tree.live
  const platform = 'linux'
  const read = (rel: HostFile) => readText(tree, rel)

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
    uidMap,
    go,
  ] = await Promise.all([
    read(F.hostname),
    read(F.release),
    read(F.procVersion),
    read(F.unameVersion),
    read(F.versionSignature),
    readFirst(tree, [F.osRelease, F.osReleaseFallback]),
    read(F.arch),
    read(F.cpuinfo),
    read(F.limits),
    read(F.status),
    read(F.uidMap),
    detectGo(live, opts.goVersion),
  ])

  return {
    root,
    live,
    platform,
    hostname: mapFact(plainLine(hostname, UTS_MAX), (t) => t || null),
    release: plainLine(release, UTS_MAX),
    procVersion: plainLine(procVersion, LINE_MAX),
    unameVersion: plainLine(unameVersion, UTS_MAX),
    versionSignature: plainLine(versionSignature, LINE_MAX),
    os: mapFact(osRelease, parseOsRelease),
    arch: pickArch(plainLine(archFile, UTS_MAX), cpuinfo, live),
    cpu: mapFact(cpuinfo, parseCpuinfo),
    memlock: mapFact(limits, parseMemlock),
    capIpcLock: mapFact(status, (t) => hasCapability(t, CAP_IPC_LOCK)),
    userNamespace: mapFact(uidMap, parseUidMap),
    mlockProof: null,
    container: await detectContainerIn(tree),
    go,
  }
}

/**
 * This machine when it is not Linux (a macOS or Windows runner of an OS
 * matrix): no file is read, each fact says why, and no toolchain is asked,
 * since the Go runtime's workaround is Linux's too.
 */
function notLinuxFacts(
  root: string,
  platform: string,
  opts: ReadHostOptions,
): HostFacts {
  const notRead = <T>(rel: string): Fact<T> => ({
    ok: false,
    error: `not read: this machine runs ${platform}, not Linux`,
    source: '/' + rel,
  })
  return {
    root,
    live: true,
    platform,
    hostname: { ok: true, value: os.hostname(), source: 'os.hostname()' },
    release: notRead(F.release),
    procVersion: notRead(F.procVersion),
    unameVersion: notRead(F.unameVersion),
    versionSignature: notRead(F.versionSignature),
    os: notRead(F.osRelease),
    arch: { ok: true, value: os.arch(), source: 'os.arch()' },
    cpu: notRead(F.cpuinfo),
    memlock: notRead(F.limits),
    capIpcLock: notRead(F.status),
    userNamespace: notRead(F.uidMap),
    mlockProof: null,
    container: { detected: false, signals: [] },
    go: opts.goVersion
      ? {
          version: opts.goVersion,
          source: 'input',
          note: 'from the go-version input',
        }
      : {
          version: null,
          source: 'not detected',
          note: `not asked: this machine runs ${platform}, not Linux`,
        },
  }
}

/**
 * Where the kernel names this boot: a random UUID made at every boot. Not in
 * HOST_FILES: the audit does not judge by it, and a capture should not carry
 * a boot it was not taken in.
 */
export const BOOT_ID_FILE = 'proc/sys/kernel/random/boot_id'

export async function readBootId(root: string): Promise<Fact<string>> {
  return mapFact(await readText(hostTree(root), BOOT_ID_FILE), (t) =>
    /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(t.trim())
      ? t.trim()
      : null,
  )
}

type HostFile = keyof typeof CAPTURED_FILE_MAX_BYTES

async function readText(tree: HostTree, rel: HostFile): Promise<Fact<string>> {
  const source = '/' + rel
  try {
    const value = tree.live
      ? await readRegularFile(path.join(tree.root, rel))
      : await readTreeFile(tree.root, rel, CAPTURED_FILE_MAX_BYTES[rel])
    return { ok: true, value, source }
  } catch (err) {
    return { ok: false, error: describeReadError(err), source }
  }
}

async function readFirst(
  tree: HostTree,
  rels: HostFile[],
): Promise<Fact<string>> {
  let last: Fact<string> | null = null
  for (const rel of rels) {
    last = await readText(tree, rel)
    if (last.ok) return last
  }
  return last as Fact<string>
}

export function describeReadError(err: unknown): string {
  if (err instanceof TreeRefusal) return err.message
  if (err instanceof ReadRefusal && err.reason === 'too large')
    return err.message
  const code = (err as NodeJS.ErrnoException)?.code
  if (code === 'ENOENT') return 'missing (ENOENT)'
  if (code === 'EACCES' || code === 'EPERM') return `unreadable (${code})`
  return `unreadable (${code ?? String(err)})`
}

/**
 * Characters a report must not carry from a host: controls (a newline
 * would start a workflow command or a forged line), format characters
 * (bidirectional overrides that reorder what a reader sees), separators
 * other than the space, unassigned and private code points.
 */
const NOT_PLAIN = /[\p{C}\p{Zl}\p{Zp}]/u

/** The text as one line a report may show, or null. */
export function plainText(text: string, max: number): string | null {
  const t = text.trim()
  return t.length <= max && !NOT_PLAIN.test(t) ? t : null
}

/** A one-line fact, trimmed, refused when no real host could have said it. */
function plainLine(fact: Fact<string>, max: number): Fact<string> {
  if (!fact.ok) return fact
  const text = fact.value.trim()
  const why =
    text.length > max
      ? `not believed: ${text.length} characters, where a real one has at most ${max}`
      : NOT_PLAIN.test(text)
        ? 'not believed: it holds control or formatting characters (a newline, a terminal escape)'
        : null
  return why
    ? { ok: false, error: why, source: fact.source }
    : { ok: true, value: text, source: fact.source }
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
  const field = (name: string) => {
    const v = fields.get(name)
    return v === undefined ? null : plainText(v, LINE_MAX)
  }
  return {
    id: field('ID'),
    versionId: field('VERSION_ID'),
    prettyName: field('PRETTY_NAME') ?? field('NAME'),
  }
}

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v)
  return m ? (m[2] as string).replace(/\\(.)/g, '$1') : v
}

/** The first processor's vendor, model and vector flags; null if unknown. */
export function parseCpuinfo(text: string): CpuFacts | null {
  // [ \t], not \s: a field's value ends at its line.
  const field = (name: string) =>
    new RegExp(`^${name}[ \\t]*:[ \\t]*(.*)$`, 'm').exec(text)?.[1] ?? null
  // Vendor and model reach reports; the flags are only looked up.
  const shown = (name: string) => {
    const v = field(name)
    return v === null ? null : plainText(v, LINE_MAX)
  }
  const flagsLine = field('flags')
  if (flagsLine === null) {
    // Arm and other non-x86 CPUs list "Features": no AVX by construction.
    if (field('Features') === null) return null
    const none = { avx: false, avx2: false, avx512f: false }
    return {
      vendor: shown('CPU implementer'),
      model: shown('model name'),
      ...none,
    }
  }
  const flags = new Set(flagsLine.trim().split(/\s+/))
  return {
    vendor: shown('vendor_id'),
    model: shown('model name'),
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

const INITIAL_UID_MAP = [0, 0, 4294967295]
/** The kernel refuses longer maps (user_namespaces(7), since Linux 4.15). */
const UID_MAP_MAX_LINES = 340

/** /proc/self/uid_map → which user namespace this is; null if malformed. */
export function parseUidMap(text: string): UserNamespace | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  if (lines.length === 0 || lines.length > UID_MAP_MAX_LINES) return null
  const rows: number[][] = []
  for (const line of lines) {
    const m = /^\s*(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*$/.exec(line)
    if (!m) return null
    rows.push([Number(m[1]), Number(m[2]), Number(m[3])])
  }
  const initial =
    rows.length === 1 &&
    rows[0]?.every((n, i) => n === INITIAL_UID_MAP[i]) === true
  return { initial, uidMap: rows.map((r) => r.join(' ')).join('; ') }
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
  return detectContainerIn(hostTree(root))
}

async function detectContainerIn(tree: HostTree): Promise<ContainerFacts> {
  const signals: string[] = []
  const exists = async (rel: HostFile) =>
    tree.live
      ? fs.access(path.join(tree.root, rel)).then(
          () => true,
          () => false,
        )
      : treeHasFile(tree.root, rel)
  const text = async (rel: HostFile) => {
    const fact = await readText(tree, rel)
    return fact.ok ? fact.value : null
  }

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
  if (env) {
    // The value reaches reports: shown only when it is a plain name.
    const name = /^[\w.-]{1,64}$/.test(env[1] as string) ? env[1] : null
    signals.push(
      name
        ? `PID 1 has container=${name}`
        : 'PID 1 has a container variable (its value is not a plain name)',
    )
  }
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
  // In its own group under the probe deadline: a `go` wrapper (a version
  // manager's shim, a toolchain download) must not hold the audit for ever.
  const deadline = probeDeadlineSeconds()
  const run = async (
    args: string[],
  ): Promise<{
    out: string
    err: { code?: unknown; message: string; timedOut?: true } | null
  }> => {
    try {
      const r = await runInGroup('go', args, deadline * 1000)
      const out = r.stdout.trim()
      if (r.timedOut) {
        const message = `"go ${args.join(' ')}" did not finish within ${deadline} s and was killed; set go-version`
        return { out, err: { message, timedOut: true } }
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
  // A go that did not answer once is not asked again: once is the cost.
  const v = env.err?.timedOut ? { out: '', err: null } : await run(['version'])
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
