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
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5183);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3136);
// Compiles native/ with the runner's C compiler and keeps the binary in the
// tool cache under a key made of the source's hash, the compiler's identity
// and the architecture, so a self-hosted runner never runs a stale binary.








const REPRODUCER_TOOL = 'sigvec-repro';
/** The flags native/sigvec-repro.c is written for (no warnings under them). */
const COMPILE_FLAGS = ['-O2', '-Wall', '-Wextra', '-pthread'];
/** native/ beside dist/ (the action's checkout, the npm package) or src/. */
function nativeSource() {
    const here = node_path__WEBPACK_IMPORTED_MODULE_6__.dirname((0,node_url__WEBPACK_IMPORTED_MODULE_7__.fileURLToPath)(import.meta.url));
    for (const up of ['..', '../..', '../../..']) {
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_6__.resolve(here, up, 'native', 'sigvec-repro.c');
        if (fsExists(candidate))
            return candidate;
    }
    return node_path__WEBPACK_IMPORTED_MODULE_6__.resolve(here, '..', 'native', 'sigvec-repro.c');
}
function fsExists(p) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_3__.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
/** The compiler's own description: `--version`'s first line and its target. */
async function compilerIdentity(compiler) {
    const run = (args) => _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H(compiler, args, { silent: true, ignoreReturnCode: true });
    const version = await run(['--version']);
    const target = await run(['-dumpmachine']);
    return `${version.stdout.split('\n')[0]?.trim()} (${target.stdout.trim() || node_os__WEBPACK_IMPORTED_MODULE_5__.arch()})`;
}
async function compileReproducer(opts) {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let source;
    try {
        source = await node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.readFile(opts.source);
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
        return {
            ok: false,
            reason: `no C compiler: ${JSON.stringify(opts.compiler)} is not on PATH`,
            output: err.message,
            compiler: opts.compiler,
        };
    }
    const key = node_crypto__WEBPACK_IMPORTED_MODULE_2__.createHash('sha256')
        .update(source)
        .update('\0' + COMPILE_FLAGS.join(' '))
        .update('\0' + identity)
        .update('\0' + node_os__WEBPACK_IMPORTED_MODULE_5__.arch())
        .digest('hex')
        .slice(0, 16);
    // tool-cache wants a semver; the key rides in the pre-release part.
    const version = `1.0.0-${key}`;
    const cached = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__/* .find */ .I6(REPRODUCER_TOOL, version, node_os__WEBPACK_IMPORTED_MODULE_5__.arch());
    if (cached) {
        return {
            ok: true,
            binary: node_path__WEBPACK_IMPORTED_MODULE_6__.join(cached, REPRODUCER_TOOL),
            cacheHit: true,
            key,
            compiler: identity,
            seconds: seconds(),
        };
    }
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.mkdir(opts.tempDir, { recursive: true });
    const work = await node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_6__.join(opts.tempDir, 'sigvec-build-'));
    try {
        const out = node_path__WEBPACK_IMPORTED_MODULE_6__.join(work, REPRODUCER_TOOL);
        const build = await _actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H(opts.compiler, [...COMPILE_FLAGS, '-o', out, opts.source], { silent: true, ignoreReturnCode: true });
        if (build.exitCode !== 0) {
            return {
                ok: false,
                reason: `${opts.compiler} failed to compile the reproducer (exit ${build.exitCode})`,
                output: (build.stdout + build.stderr).trim(),
                compiler: identity,
            };
        }
        const dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__/* .cacheFile */ .NJ(out, REPRODUCER_TOOL, REPRODUCER_TOOL, version, node_os__WEBPACK_IMPORTED_MODULE_5__.arch());
        return {
            ok: true,
            binary: node_path__WEBPACK_IMPORTED_MODULE_6__.join(dir, REPRODUCER_TOOL),
            cacheHit: false,
            key,
            compiler: identity,
            seconds: seconds(),
        };
    }
    finally {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_4__.rm(work, { recursive: true, force: true });
    }
}


/***/ })

};
