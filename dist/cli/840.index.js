export const id = 840;
export const ids = [840];
export const modules = {

/***/ 7840:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileReproducer: () => (/* binding */ compileReproducer),
/* harmony export */   nativeSource: () => (/* binding */ nativeSource)
/* harmony export */ });
/* unused harmony exports REPRODUCER_TOOL, COMPILE_FLAGS */
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5991);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3136);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9198);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6067);
/* harmony import */ var _spawn_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4687);
// Compiles native/ with the runner's C compiler and keeps the binary in the
// tool cache under a key made of the source's hash, the compiler's identity
// and the architecture, so a self-hosted runner never runs a stale binary.
// Every call of the compiler runs in its own process group with a deadline:
// a wrapper waiting on a licence server must not hold the job for ever.










const REPRODUCER_TOOL = 'sigvec-repro';
/** The flags native/sigvec-repro.c is written for (no warnings under them). */
const COMPILE_FLAGS = ['-O2', '-Wall', '-Wextra', '-pthread'];
/** native/ beside dist/ (the action's checkout, the npm package) or src/. */
function nativeSource() {
    const here = node_path__WEBPACK_IMPORTED_MODULE_5__.dirname((0,node_url__WEBPACK_IMPORTED_MODULE_6__.fileURLToPath)(import.meta.url));
    for (const up of ['..', '../..', '../../..']) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_5__.resolve(here, up, 'native', 'sigvec-repro.c');
        if (fsExists(candidate))
            return candidate;
    }
    return node_path__WEBPACK_IMPORTED_MODULE_5__.resolve(here, '..', 'native', 'sigvec-repro.c');
}
function fsExists(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
/**
 * Runs the compiler once, in its own group, under the tool deadline. A run
 * that meets the deadline fails the step: the compiler input names a
 * program that does not finish, and no verdict should wait on it.
 */
async function runCompiler(compiler, args, what) {
    const seconds = (0,_spawn_js__WEBPACK_IMPORTED_MODULE_9__/* .toolDeadlineSeconds */ .Om)();
    const run = await (0,_spawn_js__WEBPACK_IMPORTED_MODULE_9__/* .runInGroup */ .Se)(compiler, args, seconds * 1000);
    if (run.timedOut) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz('compiler', compiler, `a C compiler that finishes on its own: ${what} did not finish within ${seconds} s, so it was killed with its process group`);
    }
    return run;
}
/** The compiler's own description: `--version`'s first line and its target. */
async function compilerIdentity(compiler) {
    const ask = (flag) => runCompiler(compiler, [flag], `"${compiler} ${flag}"`);
    const version = await ask('--version');
    const target = await ask('-dumpmachine');
    return `${version.stdout.split('\n')[0]?.trim()} (${target.stdout.trim() || node_os__WEBPACK_IMPORTED_MODULE_4__.arch()})`;
}
async function compileReproducer(opts) {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let source;
    try {
        source = await node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile(opts.source);
    }
    catch (err) {
        return {
            ok: false,
            reason: `the reproducer's source is missing: ${opts.source} (${err.message})`,
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
        if (!err.code)
            throw err;
        return {
            ok: false,
            reason: `no C compiler: ${JSON.stringify(opts.compiler)} is not on PATH`,
            output: err.message,
            compiler: opts.compiler,
        };
    }
    const key = node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash('sha256')
        .update(source)
        .update('\0' + COMPILE_FLAGS.join(' '))
        .update('\0' + identity)
        .update('\0' + node_os__WEBPACK_IMPORTED_MODULE_4__.arch())
        .digest('hex')
        .slice(0, 16);
    // tool-cache wants a semver; the key rides in the pre-release part.
    const version = `1.0.0-${key}`;
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__/* .find */ .I6(REPRODUCER_TOOL, version, node_os__WEBPACK_IMPORTED_MODULE_4__.arch());
    if (cached) {
        return {
            ok: true,
            binary: node_path__WEBPACK_IMPORTED_MODULE_5__.join(cached, REPRODUCER_TOOL),
            cacheHit: true,
            key,
            compiler: identity,
            seconds: seconds(),
        };
    }
    await (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureDir */ .A0)(opts.tempDir).catch((err) => {
        throw new Error(`the compile's scratch folder (RUNNER_TEMP): ${err.message}`);
    });
    const work = await node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_5__.join(opts.tempDir, 'sigvec-build-'));
    const release = (0,_spawn_js__WEBPACK_IMPORTED_MODULE_9__/* .cleanupOnCancel */ .IN)(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(work, { recursive: true, force: true }));
    try {
        const out = node_path__WEBPACK_IMPORTED_MODULE_5__.join(work, REPRODUCER_TOOL);
        const build = await runCompiler(opts.compiler, [...COMPILE_FLAGS, '-o', out, opts.source], "the reproducer's compile");
        if (build.code !== 0) {
            const how = build.code === null ? `killed by ${build.signal}` : `exit ${build.code}`;
            return {
                ok: false,
                reason: `${opts.compiler} failed to compile the reproducer (${how})`,
                output: (build.stdout + build.stderr).trim(),
                compiler: identity,
            };
        }
        // tool-cache creates its folders with mkdir({ recursive: true }), which
        // never returns under /proc; ours fails instead, with the folder named.
        const cacheRoot = process.env.RUNNER_TOOL_CACHE;
        if (cacheRoot) {
            await (0,_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureDir */ .A0)(node_path__WEBPACK_IMPORTED_MODULE_5__.join(cacheRoot, REPRODUCER_TOOL, version)).catch((err) => {
                throw new Error(`the tool cache (RUNNER_TOOL_CACHE): ${err.message}`);
            });
        }
        const dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_0__/* .cacheFile */ .NJ(out, REPRODUCER_TOOL, REPRODUCER_TOOL, version, node_os__WEBPACK_IMPORTED_MODULE_4__.arch());
        return {
            ok: true,
            binary: node_path__WEBPACK_IMPORTED_MODULE_5__.join(dir, REPRODUCER_TOOL),
            cacheHit: false,
            key,
            compiler: identity,
            seconds: seconds(),
        };
    }
    finally {
        release();
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm(work, { recursive: true, force: true });
    }
}


/***/ })

};
