export const id = 760;
export const ids = [760];
export const modules = {

/***/ 1760:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  compileReproducer: () => (/* binding */ compileReproducer),
  nativeDir: () => (/* binding */ nativeDir)
});

// UNUSED EXPORTS: COMPILE_FLAGS, DIGEST_FILE, REPRODUCER_TOOL, RUNNER_FOLDER_NAMES, buildKey, whyNotStarted

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./build/src/files.js + 1 modules
var src_files = __webpack_require__(7907);
;// CONCATENATED MODULE: ./build/src/toolcache.js
// The runner's tool cache, in the layout @actions/tool-cache uses
// (RUNNER_TOOL_CACHE/<tool>/<version>/<arch>, complete once
// <arch>.complete exists), written so that runs sharing one cache never see
// each other's half-made entries: an entry is staged in a fresh folder and
// renamed into place whole, and one that stands already is never removed
// under a run that may be executing from it.
//
// We keep this layout ourselves rather than call @actions/tool-cache:
// its cacheFile removes the entry and copies it again while another run may
// be reading it (ENOENT, ETXTBSY seen with three runs on one cache), and
// loading it pulls in an HTTP stack (undici's WebAssembly) that the tool
// never uses and that cannot load under a modest `ulimit -v`.





function entryDir(e) {
    return external_node_path_.join(e.root, e.tool, e.version, e.arch);
}
function completeMarker(e) {
    return `${entryDir(e)}.complete`;
}
/** The entry's folder when it is complete, else null. Follows no link. */
async function findEntry(e) {
    const dir = entryDir(e);
    const [st, marker] = await Promise.all([
        promises_.lstat(dir).catch(() => null),
        promises_.lstat(completeMarker(e)).catch(() => null),
    ]);
    return st?.isDirectory() && marker?.isFile() ? dir : null;
}
/**
 * Stores `files` as the entry, unless a complete one appears meanwhile (a
 * concurrent run got there first: theirs stays, ours is dropped). Folders
 * it creates are 0755 and owned by whoever runs it; returns the entry.
 */
async function storeEntry(e, files) {
    const parent = external_node_path_.dirname(entryDir(e));
    await (0,src_files/* ensureDir */.A0)(parent, 0o755);
    const staging = await promises_.mkdtemp(external_node_path_.join(parent, `.${e.arch}-staging-`));
    try {
        for (const f of files) {
            const file = external_node_path_.join(staging, f.name);
            await promises_.writeFile(file, f.content, {
                mode: f.mode,
                flag: external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL,
            });
            await promises_.chmod(file, f.mode);
        }
        await promises_.chmod(staging, 0o755);
        try {
            await promises_.rename(staging, entryDir(e));
        }
        catch (err) {
            const code = err.code;
            // Another run's entry stands there (rename onto a non-empty folder).
            if (code !== 'EEXIST' && code !== 'ENOTEMPTY')
                throw err;
        }
        const marker = await promises_.open(completeMarker(e), external_node_fs_.constants.O_WRONLY |
            external_node_fs_.constants.O_CREAT |
            external_node_fs_.constants.O_EXCL |
            external_node_fs_.constants.O_NOFOLLOW, 0o644)
            .catch((err) => {
            if (err.code === 'EEXIST')
                return null;
            throw err;
        });
        await marker?.close();
        return entryDir(e);
    }
    finally {
        await promises_.rm(staging, { recursive: true, force: true });
    }
}
/**
 * Takes a damaged entry out of the way: the marker first (so no run starts
 * on it), then the folder is renamed aside and removed. A run that already
 * copied the binary out is unaffected; a concurrent discard is harmless.
 */
async function discardEntry(e) {
    await promises_.rm(completeMarker(e), { force: true });
    const aside = external_node_path_.join(external_node_path_.dirname(entryDir(e)), `.${e.arch}-discarded-${external_node_crypto_.randomBytes(6).toString('hex')}`);
    try {
        await promises_.rename(entryDir(e), aside);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw err;
    }
    await promises_.rm(aside, { recursive: true, force: true });
}

// EXTERNAL MODULE: ./build/src/inputerror.js
var inputerror = __webpack_require__(5631);
// EXTERNAL MODULE: ./build/src/spawn.js + 1 modules
var spawn = __webpack_require__(4687);
;// CONCATENATED MODULE: ./build/src/compile.js
// Compiles native/ with the runner's C compiler and keeps the binary in the
// tool cache under a key made of every native unit's hash, the flags, the
// compiler's identity and the architecture, so a self-hosted runner never
// runs a stale binary. Every call of the compiler runs in its own process
// group with a deadline: a wrapper waiting on a licence server must not hold
// the job for ever.
//
// The tool runs as root on machines it shares with others, and the tool
// cache is a folder on such a machine: a cached binary is used only if no
// one but us (or root) could have written it or any folder up to the cache
// root, and only if its bytes have the digest recorded when we built it.
// Those bytes, read once, are what runs, from a private copy: what happens
// to the cache entry afterwards (another run replacing it, someone deleting
// or truncating it, a noexec mount) cannot change or stop what we run.










const REPRODUCER_TOOL = 'sigvec-repro';
/** Beside the binary in its cache entry: `sha256sum` format, so `-c` works. */
const DIGEST_FILE = `${REPRODUCER_TOOL}.sha256`;
/** The flags native/ is written for (no warnings under them). */
const COMPILE_FLAGS = ['-O2', '-Wall', '-Wextra', '-pthread'];
const isNativeUnit = (name) => /\.[ch]$/.test(name);
/** native/ beside dist/ (the action's checkout, the npm package) or src/. */
function nativeDir() {
    const here = external_node_path_.dirname((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (const up of ['..', '../..', '../../..']) {
        const candidate = external_node_path_.resolve(here, up, 'native');
        if (hasCUnit(candidate))
            return candidate;
    }
    return external_node_path_.resolve(here, '..', 'native');
}
function hasCUnit(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir).some((name) => name.endsWith('.c'));
    }
    catch {
        return false;
    }
}
/** The action's folders: the runner's tool cache and temp. */
const RUNNER_FOLDER_NAMES = {
    toolCache: 'the tool cache (RUNNER_TOOL_CACHE)',
    temp: 'RUNNER_TEMP',
};
/**
 * Runs the compiler once, in its own group, under a deadline (the tool
 * deadline for the compile, the probe deadline for a version question). A
 * run that meets it fails the step: the compiler input names a program that
 * does not finish, and no verdict should wait on it.
 */
async function runCompiler(compiler, args, what, seconds = (0,spawn/* toolDeadlineSeconds */.Om)()) {
    const run = await (0,spawn/* runInGroup */.Se)(compiler, args, seconds * 1000);
    if (run.timedOut) {
        throw new inputerror/* InputError */.d('compiler', compiler, `a C compiler that finishes on its own: ${what} did not finish within ${seconds} s, so it was killed with its process group`);
    }
    return run;
}
/** The compiler's own description: `--version`'s first line and its target. */
async function compilerIdentity(compiler) {
    const ask = (flag) => runCompiler(compiler, [flag], `"${compiler} ${flag}"`, (0,spawn/* probeDeadlineSeconds */.IK)());
    const version = await ask('--version');
    const target = await ask('-dumpmachine');
    return `${version.stdout.split('\n')[0]?.trim()} (${target.stdout.trim() || external_node_os_.arch()})`;
}
/** Every *.c and *.h file of `dir`, sorted by name. */
async function readNativeUnits(dir) {
    const entries = await promises_.readdir(dir, { withFileTypes: true });
    const names = entries
        .filter((e) => e.isFile() && isNativeUnit(e.name))
        .map((e) => e.name)
        .sort();
    if (!names.some((n) => n.endsWith('.c')))
        throw new Error(`no *.c file in ${dir}`);
    return Promise.all(names.map(async (name) => ({
        name,
        content: await promises_.readFile(external_node_path_.join(dir, name)),
    })));
}
/**
 * Names and lengths go in with the contents, so moving code from one unit
 * to another, or renaming a unit, changes the key.
 */
function buildKey(units, identity) {
    const hash = external_node_crypto_.createHash('sha256');
    for (const unit of units) {
        hash.update(`${unit.name}\0${unit.content.length}\0`);
        hash.update(unit.content);
    }
    return hash
        .update('\0' + COMPILE_FLAGS.join(' '))
        .update('\0' + identity)
        .update('\0' + external_node_os_.arch())
        .digest('hex')
        .slice(0, 16);
}
const sha256 = (bytes) => external_node_crypto_.createHash('sha256').update(bytes).digest('hex');
/**
 * Checks `folders` (outermost first) stopping at the first that does not
 * exist: 'foreign' with the reason if one could have been written by
 * someone else, else how many exist.
 */
async function checkFolders(folders) {
    let existing = 0;
    for (const folder of folders) {
        let st;
        try {
            st = await promises_.lstat(folder);
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT')
                return { existing };
            return { foreign: `${folder} cannot be checked (${code})` };
        }
        const why = (0,src_files/* whyForeign */.fW)(folder, st) ??
            (st.isDirectory() ? null : `${folder} is not a folder`);
        if (why)
            return { foreign: why };
        existing++;
    }
    return { existing };
}
/**
 * The largest cache file read: the reproducer is a small static binary
 * (well under 1 MiB) and its digest a line; the cap only stops a runaway.
 */
const MAX_CACHE_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Reads a file of a cache entry: never through a link (O_NOFOLLOW), never
 * waiting on a FIFO, at most MAX_CACHE_FILE_BYTES, and only if no one else
 * could have written it.
 */
async function readOwnFile(file) {
    try {
        const { bytes } = await (0,src_files/* readBounded */.CB)(file, {
            maxBytes: MAX_CACHE_FILE_BYTES,
            noFollow: true,
            verify: async (_, st) => {
                const why = (0,src_files/* whyForeign */.fW)(file, st);
                if (why)
                    throw new Error(why);
            },
        });
        return bytes;
    }
    catch (err) {
        if (!(err instanceof src_files/* ReadRefusal */.Po))
            throw err;
        if (err.reason === 'too large')
            throw new Error(`${file} is ${err.message}`);
        throw new Error(`${file} is not a file`);
    }
}
function cacheEntry(root, key) {
    // tool-cache's layout wants a semver; the key rides in the pre-release part.
    const version = `1.0.0-${key}`;
    const tool = external_node_path_.join(root, REPRODUCER_TOOL);
    const versionDir = external_node_path_.join(tool, version);
    const dir = external_node_path_.join(versionDir, external_node_os_.arch());
    const name = { root, tool: REPRODUCER_TOOL, version, arch: external_node_os_.arch() };
    return { name, folders: [root, tool, versionDir, dir], dir };
}
async function lookUp(entry, names) {
    if (!entry)
        return {
            state: 'avoid',
            why: `no tool cache (${names.toolCache} is not set)`,
        };
    const folders = await checkFolders(entry.folders);
    if ('foreign' in folders)
        return {
            state: 'avoid',
            why: `${names.toolCache} is not only ours: ${folders.foreign}, so a binary there could be anyone's`,
        };
    if (folders.existing < entry.folders.length ||
        (await findEntry(entry.name)) === null)
        return { state: 'fill', why: null };
    const damaged = (why) => ({
        state: 'fill',
        why: `the cached binary in ${entry.dir} is not the one we built (${why})`,
    });
    let recorded;
    let bytes;
    try {
        const digestFile = await readOwnFile(external_node_path_.join(entry.dir, DIGEST_FILE));
        recorded = /^([0-9a-f]{64})\s/.exec(digestFile.toString('latin1'))?.[1];
        bytes = await readOwnFile(external_node_path_.join(entry.dir, REPRODUCER_TOOL));
    }
    catch (err) {
        return damaged(err.message);
    }
    if (!recorded)
        return damaged(`${DIGEST_FILE} holds no sha256 digest`);
    const actual = sha256(bytes);
    if (actual !== recorded)
        return damaged(`its ${bytes.length} bytes have sha256 ${actual}, recorded ${recorded}`);
    return { state: 'hit', bytes };
}
/**
 * Stores the built entry (binary and digest) whole, so it is complete only
 * with both; a damaged entry is taken aside first. Another run may store
 * the same entry at the same moment: the first complete one stays, and
 * since every reader verifies what it reads, nothing mixed is ever run.
 */
async function store(entry, bytes, damaged) {
    await (0,src_files/* ensureDir */.A0)(external_node_path_.dirname(entry.dir), 0o755);
    const folders = await checkFolders(entry.folders.slice(0, -1));
    if ('foreign' in folders)
        throw new Error(folders.foreign);
    if (damaged)
        await discardEntry(entry.name);
    await storeEntry(entry.name, [
        { name: REPRODUCER_TOOL, content: bytes, mode: 0o755 },
        {
            name: DIGEST_FILE,
            content: `${sha256(bytes)}  ${REPRODUCER_TOOL}\n`,
            mode: 0o644,
        },
    ]);
}
/**
 * Writes `bytes` to a new 0700 folder of ours in the first of `parents`
 * that lets programs run (access(X_OK) refuses on a noexec mount). If none
 * does, the first copy is kept: starting it fails, and says why.
 */
async function privateCopy(bytes, parents, notes) {
    let first = null;
    for (const parent of parents) {
        let copy;
        try {
            const dir = await promises_.mkdtemp(external_node_path_.join(parent, 'sigvec-run-'));
            const release = (0,spawn/* cleanupOnCancel */.IN)(() => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true }));
            copy = {
                binary: external_node_path_.join(dir, REPRODUCER_TOOL),
                dispose: async () => {
                    release();
                    await promises_.rm(dir, { recursive: true, force: true });
                },
            };
            await promises_.writeFile(copy.binary, bytes, { mode: 0o700, flag: 'wx' });
        }
        catch (err) {
            // Written halfway (a full disk): the folder and its cleanup go too.
            await copy?.dispose();
            if (!first)
                throw err;
            notes.push(`no private copy in ${parent}: ${err.message}`);
            continue;
        }
        try {
            await promises_.access(copy.binary, external_node_fs_.constants.X_OK);
            await first?.dispose();
            return copy;
        }
        catch (err) {
            const code = err.code;
            notes.push(`${parent} does not let programs run (${code})`);
            if (first)
                await copy.dispose();
            else
                first = copy;
        }
    }
    if (!first)
        throw new Error('no folder for the private copy');
    return first;
}
/**
 * Why the compiler could not be started, in the user's words: a path that
 * does not exist, is a folder or cannot be run; a name not found on PATH.
 */
async function whyNotStarted(compiler, code) {
    if (!compiler.includes('/'))
        return code === 'ENOENT'
            ? `${JSON.stringify(compiler)} is not on PATH`
            : `${JSON.stringify(compiler)} could not be started (${code})`;
    const st = await promises_.stat(compiler).catch(() => null);
    if (!st)
        return `${compiler} does not exist`;
    if (st.isDirectory())
        return `${compiler} is a folder, not a program`;
    const runnable = await promises_.access(compiler, external_node_fs_.constants.X_OK)
        .then(() => true)
        .catch(() => false);
    return runnable
        ? `${compiler} could not be started (${code})`
        : `${compiler} is not executable`;
}
async function compileReproducer(opts) {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let units;
    try {
        units = await readNativeUnits(opts.nativeDir);
    }
    catch (err) {
        return {
            ok: false,
            reason: `the reproducer's source is missing: ${opts.nativeDir} (${err.message})`,
            output: '',
            compiler: opts.compiler,
        };
    }
    let identity;
    try {
        identity = await compilerIdentity(opts.compiler);
    }
    catch (err) {
        // Only a program that could not be started means "no compiler".
        const code = err.code;
        if (!code)
            throw err;
        return {
            ok: false,
            reason: `no C compiler: ${await whyNotStarted(opts.compiler, String(code))} (the compiler input, --compiler or SIGVEC_COMPILER names it; the default is cc on PATH)`,
            output: err.message,
            compiler: opts.compiler,
        };
    }
    const key = buildKey(units, identity);
    const cacheRoot = opts.toolCacheDir;
    const entry = cacheRoot ? cacheEntry(external_node_path_.resolve(cacheRoot), key) : null;
    const names = opts.names ?? RUNNER_FOLDER_NAMES;
    const lookup = await lookUp(entry, names);
    const notes = [];
    await (0,src_files/* ensureDir */.A0)(opts.tempDir).catch((err) => {
        throw new Error(`the compile's scratch folder (${names.temp}): ${err.message}`);
    });
    let bytes;
    let cached = lookup.state === 'hit';
    if (lookup.state === 'hit') {
        bytes = lookup.bytes;
    }
    else {
        if (lookup.state === 'avoid')
            notes.push(`built privately, not cached: ${lookup.why}`);
        else if (lookup.why)
            notes.push(`rebuilt: ${lookup.why}`);
        const work = await promises_.mkdtemp(external_node_path_.join(opts.tempDir, 'sigvec-build-'));
        const release = (0,spawn/* cleanupOnCancel */.IN)(() => (0,external_node_fs_.rmSync)(work, { recursive: true, force: true }));
        try {
            const out = external_node_path_.join(work, REPRODUCER_TOOL);
            const sources = units
                .filter((u) => u.name.endsWith('.c'))
                .map((u) => external_node_path_.join(opts.nativeDir, u.name));
            const build = await runCompiler(opts.compiler, [...COMPILE_FLAGS, '-o', out, ...sources], "the reproducer's compile");
            if (build.code !== 0) {
                const how = build.code === null
                    ? `killed by ${build.signal}`
                    : `exit ${build.code}`;
                return {
                    ok: false,
                    reason: `${opts.compiler} failed to compile the reproducer (${how})`,
                    output: (build.stdout + build.stderr).trim(),
                    compiler: identity,
                };
            }
            bytes = await promises_.readFile(out);
            if (entry && lookup.state === 'fill') {
                try {
                    await store(entry, bytes, lookup.why !== null);
                    cached = true;
                }
                catch (err) {
                    notes.push(`not cached in ${names.toolCache}: ${err.message}`);
                }
            }
        }
        finally {
            release();
            await promises_.rm(work, { recursive: true, force: true });
        }
    }
    // A cache we trust is a second place to run from, for a noexec temp dir.
    const parents = [opts.tempDir];
    if (entry && cached)
        parents.push(external_node_path_.dirname(external_node_path_.dirname(entry.dir)));
    const copy = await privateCopy(bytes, parents, notes);
    return {
        ok: true,
        binary: copy.binary,
        dispose: copy.dispose,
        cacheHit: lookup.state === 'hit',
        cached,
        notes,
        key,
        compiler: identity,
        seconds: seconds(),
    };
}


/***/ })

};
