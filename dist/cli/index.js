import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 6779:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   no: () => (/* binding */ assess),
/* harmony export */   tW: () => (/* binding */ formatLimit)
/* harmony export */ });
/* unused harmony exports assessKernel, assessGo */
/* harmony import */ var _kernel_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8152);
/* harmony import */ var _goruntime_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1011);
// Pure: host facts → the static assessment. Two questions kept apart:
// is this kernel buggy, and what will the Go runtime do here.


function assess(facts, opts) {
    return { kernel: assessKernel(facts), go: assessGo(facts, opts) };
}
const X86 = /^(x86_64|amd64|i[3-6]86|x86)$/;
function bestLevel(facts, release) {
    const sig = facts.versionSignature.ok
        ? (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .parseUbuntuSignature */ .VJ)(facts.versionSignature.value)
        : null;
    if (sig)
        return { level: sig.level, levelSource: 'ubuntu-signature' };
    for (const f of [facts.unameVersion, facts.procVersion]) {
        const debian = f.ok ? (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDebianLevel */ .lA)(f.value) : null;
        if (debian)
            return { level: debian, levelSource: 'debian-version' };
    }
    const level = (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLevel */ .QA)(release);
    return { level, levelSource: level ? 'release' : null };
}
function assessKernel(facts) {
    const reasons = [];
    const say = (code, message) => reasons.push({ code, message });
    const release = facts.release.ok ? facts.release.value : null;
    const picked = release ? bestLevel(facts, release) : null;
    const level = picked?.level ?? null;
    const compiler = facts.procVersion.ok
        ? (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCompiler */ .Ph)(facts.procVersion.value)
        : null;
    const inRange = level ? (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .inAffectedRange */ .Dk)(level) : null;
    const base = {
        release,
        level: level && (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLevel */ .eI)(level),
        levelSource: picked?.levelSource ?? null,
        compiler: compiler && (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCompiler */ .ju)(compiler),
        inAffectedRange: inRange,
        fixedIn: level && inRange ? (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .firstFixedLevel */ .bX)(level) : null,
    };
    const done = (finding, applicable) => ({ finding, applicable, ...base, reasons });
    // Applicability first: the bug needs x86 vector state (AVX).
    if (facts.arch.ok && !X86.test(facts.arch.value)) {
        say('not-x86', `The architecture is ${facts.arch.value}; the bug is x86-only.`);
        return done('not-applicable', false);
    }
    if (facts.cpu.ok && !facts.cpu.value.avx) {
        say('no-avx', 'The CPU has no AVX, so there are no YMM registers to corrupt.');
        return done('not-applicable', false);
    }
    const applicable = facts.arch.ok && facts.cpu.ok ? true : null;
    if (!facts.cpu.ok) {
        say('cpu-unreadable', `CPU flags could not be read (${facts.cpu.source}: ${facts.cpu.error}); AVX assumed.`);
    }
    if (!release) {
        const why = facts.release.ok ? 'empty' : facts.release.error;
        say('release-unreadable', `The kernel release could not be read (${facts.release.source}: ${why}).`);
        return done('unknown', applicable);
    }
    if (!level) {
        say('release-unrecognised', `The kernel release "${release}" has no X.Y version to judge.`);
        return done('unknown', applicable);
    }
    if (picked?.levelSource === 'ubuntu-signature') {
        say('level-from-ubuntu-signature', `Ubuntu's /proc/version_signature gives the upstream level ${(0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLevel */ .eI)(level)}.`);
    }
    else if (picked?.levelSource === 'debian-version') {
        say('level-from-debian-version', `Debian's package version gives the real upstream level ${(0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLevel */ .eI)(level)} behind "${release}".`);
    }
    const backport = knownFixedBuild(facts, release);
    if (backport) {
        reasons.push(backport);
        return done('clear', applicable);
    }
    if (!inRange) {
        const before = level.major < 5 || (level.major === 5 && level.minor < 2);
        if (before)
            say('before-affected-range', `Linux ${(0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLevel */ .eI)(level)} predates the bug (introduced in 5.2).`);
        else
            say('fixed-upstream', `Linux ${(0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLevel */ .eI)(level)} is outside the affected range (fixed in 5.3.15, 5.4.2 and 5.5+).`);
        return done('clear', applicable);
    }
    say('in-affected-range', `Linux ${(0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLevel */ .eI)(level)} is in the affected range (5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1).`);
    return judgeCompiler(compiler, facts, say, done, applicable);
}
function judgeCompiler(compiler, facts, say, done, applicable) {
    if (!compiler) {
        const why = facts.procVersion.ok
            ? 'no compiler named in it'
            : facts.procVersion.error;
        say('compiler-unknown', `The compiler that built the kernel is not known (${facts.procVersion.source}: ${why}); only GCC 9+ builds carry the bug.`);
        return done('unknown', applicable);
    }
    const name = (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCompiler */ .ju)(compiler);
    if (compiler.kind === 'clang') {
        say('built-by-clang', `Built by ${name}: no known condition clears a non-GCC build of this range.`);
        return done('buggy', applicable);
    }
    if (compiler.major < _kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .FIRST_BUGGY_GCC_MAJOR */ .y5) {
        say('built-by-gcc-before-9', `Built by ${name}: GCC 8 and older do not reuse the stale FPU owner pointer.`);
        return done('clear', applicable);
    }
    say('built-by-gcc-9-or-later', `Built by ${name}: GCC 9+ builds of this range reuse a stale FPU owner pointer.`);
    return done('buggy', applicable);
}
/** Distro builds known to carry the fix whatever their version says. */
function knownFixedBuild(facts, release) {
    if (/-microsoft-standard/.test(release)) {
        return {
            code: 'wsl2-kernel',
            message: `WSL2's kernel (${release}) is a Microsoft build known not to carry the bug.`,
        };
    }
    const ubuntu = (facts.versionSignature.ok &&
        facts.versionSignature.value.startsWith('Ubuntu')) ||
        (facts.procVersion.ok && facts.procVersion.value.includes('Ubuntu'));
    // Ubuntu ABI numbers are small; six digits (050400) mark a mainline build
    // of plain upstream 5.4.0, which has no backport.
    const abi = /^5\.4\.0-(\d{1,4})-/.exec(release);
    if (ubuntu && abi && Number(abi[1]) >= 8) {
        return {
            code: 'ubuntu-5.4-backport',
            message: `Ubuntu's 5.4.0 kernels carry the fix since 5.4.0-8.11 (this is ${release}).`,
        };
    }
    return null;
}
function assessGo(facts, opts) {
    const reasons = [];
    const say = (code, message) => reasons.push({ code, message });
    const parsed = facts.go.version ? (0,_goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .parseGoVersion */ .SX)(facts.go.version) : null;
    const family = parsed ? (0,_goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .goFamily */ .dD)(parsed) : 'unknown';
    const memlock = facts.memlock.ok ? facts.memlock.value : null;
    const capIpcLock = facts.capIpcLock.ok ? facts.capIpcLock.value : null;
    const needed = opts.memlockThreads * _goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .GO_MLOCK_BYTES_PER_THREAD */ .$l;
    const sufficient = capIpcLock === true || memlock?.soft === 'unlimited'
        ? true
        : typeof memlock?.soft === 'number'
            ? memlock.soft >= needed
            : null;
    const release = facts.release.ok ? facts.release.value : null;
    const procVersion = facts.procVersion.ok ? facts.procVersion.value : null;
    // With the version unknown, assume 1.14.0: no skip.
    const skipApplies = parsed !== null && (0,_goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .goHasUbuntuSkip */ .Hj)(parsed);
    const ubuntuSkip = release !== null && skipApplies && (0,_goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .goUbuntuSkip */ .dx)(release, procVersion);
    const triggers = release === null ? null : (0,_goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .goReleaseTestTriggers */ .N_)(release) && !ubuntuSkip;
    const view = (workaround) => ({
        goVersion: facts.go.version,
        goVersionSource: facts.go.source,
        family,
        releaseTestTriggers: triggers,
        ubuntuSkip,
        workaround,
        memlockThreads: opts.memlockThreads,
        memlockNeeded: needed,
        memlockSoft: memlock?.soft ?? null,
        memlockHard: memlock?.hard ?? null,
        capIpcLock,
        memlockSufficient: sufficient,
        reasons,
    });
    if (facts.arch.ok && !X86.test(facts.arch.value)) {
        say('go-not-x86', 'The Go runtime applies its workaround on linux/amd64 and linux/386 only.');
        return view('inactive');
    }
    if (family === 'before-1.14' || family === '1.16+') {
        say('go-no-workaround', `Go ${facts.go.version} has no mlock workaround (it exists in Go 1.14–1.15 only).`);
        return view('inactive');
    }
    if (family === 'unknown') {
        say('go-version-unknown', `The Go version is not known (${facts.go.note}); judged as the worst case, Go 1.14.0.`);
    }
    if (triggers === null) {
        say('go-release-unreadable', "The kernel release could not be read, so the runtime's own test cannot be repeated.");
        return view('unknown');
    }
    if (ubuntuSkip) {
        say('go-ubuntu-skip', `Go ${facts.go.version} skips Ubuntu's 5.4.0/5.4.1 kernels (all fixed): no mlock.`);
    }
    if (!triggers) {
        if (!ubuntuSkip)
            say('go-not-triggered', `Go 1.14–1.15 read "${release}" as a fixed kernel: no mlock.`);
        return view('not-triggered');
    }
    say('go-triggered', `Go 1.14–1.15 read "${release}" as buggy and mlock 4 KiB of signal stack per thread (${opts.memlockThreads} threads: ${needed} bytes).`);
    if (sufficient === null) {
        say('memlock-unreadable', `RLIMIT_MEMLOCK could not be read (${facts.memlock.source}: ${facts.memlock.ok ? '' : facts.memlock.error}).`);
        return view('unknown');
    }
    if (sufficient)
        return view('mlock');
    const limit = formatLimit(memlock?.soft ?? null);
    if (family === '1.14.1-1.15') {
        say('mlock-fails-silent', `The memlock limit (${limit}) is below ${needed} bytes: Go ${facts.go.version} stops mlocking silently and leaves threads exposed.`);
        return view('mlock-fails-silent');
    }
    say('mlock-fails-fatal', `The memlock limit (${limit}) is below ${needed} bytes: Go 1.14.0 dies with "mlock of signal stack failed: 12".`);
    return view('mlock-fails-fatal');
}
function formatLimit(limit) {
    if (limit === null)
        return 'unknown';
    if (limit === 'unlimited')
        return 'unlimited';
    if (limit >= 1048576 && limit % 1048576 === 0)
        return `${limit / 1048576} MiB`;
    return limit % 1024 === 0 ? `${limit / 1024} KiB` : `${limit} bytes`;
}


/***/ }),

/***/ 5058:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  s: () => (/* binding */ audit)
});

// EXTERNAL MODULE: ./build/src/assess.js
var assess = __nccwpck_require__(6779);
// EXTERNAL MODULE: ./build/src/host.js
var host = __nccwpck_require__(8843);
// EXTERNAL MODULE: ./build/src/report.js
var report = __nccwpck_require__(6471);
;// CONCATENATED MODULE: ./build/src/reproducer.js
/** "code: text" for the reproducer's paired reason fields. */
function reasonOf(code, text) {
    if (!code && !text)
        return null;
    return [code, text].filter(Boolean).join(': ');
}
/**
 * What a clean run must show to clear an in-range kernel. BUG.md: in uffd
 * mode every buggy guest corrupted within 3–10 faulting deliveries, so 500 is
 * fifty times the worst seen and the run stops there. Stress mode found it
 * after 0.3–8.5 s, erratically: it must run at least 10 s and fault often.
 */
const CLEARING_RUN = {
    uffd: { faulting: 500, seconds: 0 },
    stress: { faulting: 20000, seconds: 10 },
};
/** The positive control: corrupt the frame on this share of deliveries. */
const SELF_TEST_INJECT_EVERY = 4;
// It stops at the first corruption; the limit only matters on a busy machine.
const SELF_TEST_SECONDS = 10;
/** Grace beyond the requested duration before the group is killed. */
const DEADLINE_GRACE_MS = 10_000;
function planRun(reproduce, finding) {
    if (reproduce === 'never')
        return { run: false, why: 'reproduce: never' };
    if (reproduce === 'always')
        return { run: true, why: 'reproduce: always' };
    if (finding === 'clear') {
        return {
            run: false,
            why: 'reproduce: auto, and the kernel is already settled as unaffected',
        };
    }
    if (finding === 'not-applicable') {
        return {
            run: false,
            why: 'reproduce: auto, and the bug cannot happen on this machine',
        };
    }
    return {
        run: true,
        why: `reproduce: auto, and the kernel is ${finding === 'buggy' ? 'in the affected range' : 'not settled'}`,
    };
}
/** The last stdout line that is a reproducer result object. */
function parseResultLine(stdout) {
    const lines = stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    for (const line of lines.reverse()) {
        try {
            const doc = JSON.parse(line);
            if (doc && typeof doc === 'object' && typeof doc.result === 'string')
                return doc;
        }
        catch {
            // not the result line
        }
    }
    return null;
}
function selfTestArgs(mode) {
    return [
        '--mode',
        mode,
        '--duration',
        String(SELF_TEST_SECONDS),
        '--inject',
        String(SELF_TEST_INJECT_EVERY),
    ];
}
function realRunArgs(mode, duration, drill) {
    const args = ['--mode', mode, '--duration', String(duration)];
    // Stop at enough evidence where a count suffices; stress needs the time.
    const clearing = CLEARING_RUN[mode];
    if (clearing && clearing.seconds === 0)
        args.push('--events', String(clearing.faulting));
    if (drill)
        args.push('--inject', String(SELF_TEST_INJECT_EVERY));
    return args;
}
/** How a run ended, when it did not end with a result line. */
function describeFailure(run, deadlineMs) {
    if (run.timedOut)
        return `killed after the ${Math.round(deadlineMs / 1000)} s deadline`;
    if (run.signal)
        return `crashed with ${run.signal}`;
    const last = run.stderr.trim().split('\n').at(-1);
    return `exited ${run.code} without a result${last ? `: ${last}` : ''}`;
}
function describeLeak(line) {
    const m = line.mismatch;
    if (!m)
        return null;
    const from = m.leakedFrom ?? 'unknown';
    const reg = m.leakedRegister ? ` ${m.leakedRegister}` : '';
    const whose = from === 'injected'
        ? 'the injected pattern'
        : from.startsWith('task:')
            ? `task ${from.slice(5)}'s${reg} canary`
            : from === 'self'
                ? `its own${reg} canary`
                : from === 'foreign'
                    ? 'a canary of another run'
                    : 'bytes of no known task';
    return `${m.register ?? 'a register'} of task ${m.task ?? '?'} held ${whose} (expected ${m.expected ?? '?'}, saw ${m.observed ?? '?'})`;
}
const evidenceFromSkip = (reason, drill) => ({
    ...EMPTY_EVIDENCE,
    result: 'skipped',
    reason,
    drill,
});
const EMPTY_EVIDENCE = {
    result: 'skipped',
    reason: '',
    mode: null,
    modeReason: null,
    seconds: null,
    signals: null,
    faultingDeliveries: null,
    enoughEvents: false,
    minEvents: null,
    minSeconds: null,
    leak: null,
    mismatch: null,
    drill: false,
    selfTest: null,
    build: null,
};
function evidenceFromBuildFailure(build, drill) {
    return {
        ...evidenceFromSkip(build.reason, drill),
        build: {
            ok: false,
            compiler: build.compiler,
            output: build.output,
            cacheHit: false,
            seconds: null,
            key: null,
        },
    };
}
/**
 * Pure: the self-test's and the real run's outcomes → evidence. A clean run
 * counts only when the self-test saw its own injected corruption.
 */
function evidenceFromRuns(input) {
    const build = {
        ok: true,
        compiler: input.build.compiler,
        output: '',
        cacheHit: input.build.cacheHit,
        seconds: input.build.seconds,
        key: input.build.key,
    };
    const st = input.selfTest;
    const stLine = st.line;
    if (stLine?.result === 'unsupported') {
        return {
            ...evidenceFromSkip(`the reproducer cannot run here: ${reasonOf(stLine.reason, stLine.reasonText) ?? 'unsupported'}`, input.drill),
            build,
        };
    }
    const stPassed = stLine?.result === 'corrupted' && stLine.mismatch?.leakedFrom === 'injected';
    const selfTest = {
        passed: stPassed,
        seconds: stLine?.timeToFirstMismatch ?? st.run.seconds,
        detail: stPassed
            ? `found its injected corruption in ${((stLine?.timeToFirstMismatch ?? st.run.seconds) * 1000).toFixed(0)} ms`
            : stLine
                ? `did not find its injected corruption (result ${[stLine.result, reasonOf(stLine.reason, stLine.reasonText)].filter(Boolean).join(': ')})`
                : describeFailure(st.run, st.deadlineMs),
    };
    const base = { ...EMPTY_EVIDENCE, drill: input.drill, build, selfTest };
    if (!stPassed) {
        return {
            ...base,
            result: 'error',
            reason: `self-test failed: ${selfTest.detail}`,
        };
    }
    const real = input.real;
    if (!real)
        return { ...base, result: 'error', reason: 'the real run did not start' };
    const line = real.line;
    if (!line || line.result === 'error' || line.result === 'unsupported') {
        const why = line
            ? `${line.result}: ${reasonOf(line.reason, line.reasonText) ?? 'no reason given'}`
            : describeFailure(real.run, real.deadlineMs);
        return { ...base, result: 'error', reason: `the run failed: ${why}` };
    }
    const mode = line.mode ?? null;
    const clearing = mode ? CLEARING_RUN[mode] : undefined;
    const seconds = line.seconds ?? real.run.seconds;
    const faulting = line.faultingDeliveries ?? 0;
    return {
        ...base,
        result: line.result,
        reason: line.result === 'corrupted'
            ? input.drill
                ? 'DRILL: corruption injected on purpose'
                : 'registers corrupted across a signal'
            : `${faulting} faulting deliveries without corruption`,
        mode,
        // The self-test ran with the mode as requested, so it says why auto chose.
        modeReason: reasonOf(stLine?.modeReason, stLine?.modeReasonText) ??
            reasonOf(line.modeReason, line.modeReasonText),
        seconds,
        signals: line.signals ?? null,
        faultingDeliveries: faulting,
        minEvents: clearing?.faulting ?? null,
        minSeconds: clearing?.seconds ?? null,
        enoughEvents: !!clearing &&
            faulting >= clearing.faulting &&
            seconds >= clearing.seconds,
        leak: describeLeak(line),
        mismatch: line.mismatch ?? null,
    };
}

// EXTERNAL MODULE: ./build/src/spawn.js + 1 modules
var spawn = __nccwpck_require__(4687);
// EXTERNAL MODULE: ./build/src/version.js
var version = __nccwpck_require__(8009);
// EXTERNAL MODULE: ./build/src/verdict.js
var src_verdict = __nccwpck_require__(2848);
;// CONCATENATED MODULE: ./build/src/audit.js
// The one pipeline both front doors run: host facts → assessment →
// reproducer evidence → verdict → policy → Report.







async function audit(options, ctx) {
    const facts = await (0,host/* readHostFacts */.ah)({
        root: options.root,
        goVersion: options.goVersion,
    });
    const assessment = (0,assess/* assess */.no)(facts, { memlockThreads: options.memlockThreads });
    const plan = facts.live
        ? options.drill
            ? { run: true, why: 'drill: true' }
            : planRun(options.reproduce, assessment.kernel.finding)
        : { run: false, why: 'a captured host (--root): nothing here to run it on' };
    ctx.log(`reproducer: ${plan.run ? 'runs' : 'skipped'} (${plan.why})`);
    const evidence = plan.run
        ? await reproduce(options, ctx)
        : evidenceFromSkip(plan.why, options.drill);
    const verdict = (0,src_verdict/* decideVerdict */.AU)(assessment, evidence);
    const decision = (0,src_verdict/* decide */.LD)(verdict.status, options, ctx.godebug);
    return (0,report/* buildReport */.FK)({
        toolVersion: version/* TOOL_VERSION */.w,
        facts,
        assessment,
        evidence,
        verdict,
        options,
        decision,
        now: ctx.now,
    });
}
async function reproduce(options, ctx) {
    // Loaded only when needed: @actions/tool-cache pulls in the HTTP stack,
    // which a static audit never uses and which costs start-up time.
    const { compileReproducer, nativeSource } = await Promise.all(/* import() */[__nccwpck_require__.e(991), __nccwpck_require__.e(840)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7840));
    const build = await compileReproducer({
        compiler: options.compiler,
        source: nativeSource(),
        tempDir: ctx.tempDir,
    });
    if (!build.ok) {
        ctx.log(`reproducer: not built: ${build.reason}`);
        return evidenceFromBuildFailure(build, options.drill);
    }
    ctx.log(build.cacheHit
        ? `reproducer: tool cache hit (key ${build.key}, ${build.compiler})`
        : `reproducer: compiled in ${build.seconds.toFixed(2)} s with ${build.compiler}; cached under key ${build.key}`);
    const stDeadline = SELF_TEST_SECONDS * 1000 + DEADLINE_GRACE_MS;
    const stRun = await (0,spawn/* runInGroup */.Se)(build.binary, selfTestArgs(options.mode), stDeadline);
    const selfTest = {
        run: stRun,
        line: parseResultLine(stRun.stdout),
        deadlineMs: stDeadline,
    };
    const afterSelfTest = evidenceFromRuns({
        build,
        selfTest,
        real: null,
        drill: options.drill,
    });
    ctx.log(`reproducer: self-test ${afterSelfTest.selfTest?.detail ?? afterSelfTest.reason}`);
    if (!afterSelfTest.selfTest?.passed)
        return afterSelfTest;
    const deadline = options.duration * 1000 + DEADLINE_GRACE_MS;
    // Run in the mode the self-test resolved, so --events fits that mode.
    const mode = selfTest.line?.mode ?? options.mode;
    const args = realRunArgs(mode, options.duration, options.drill);
    ctx.log(`reproducer: ${build.binary} ${args.join(' ')}`);
    const run = await (0,spawn/* runInGroup */.Se)(build.binary, args, deadline);
    const real = { run, line: parseResultLine(run.stdout), deadlineMs: deadline };
    return evidenceFromRuns({ build, selfTest, real, drill: options.drill });
}


/***/ }),

/***/ 5927:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ captureHost)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9198);
/* harmony import */ var _host_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8843);
// `capture`: freezes the files the audit reads into a folder, so the host
// can be audited later or elsewhere with --root, or added to a test corpus.
// Only what the audit needs is kept: the first processor of cpuinfo, the
// CapEff line of status, and the `container` variable of PID 1's environment
// (never the rest of it: it can hold secrets).




const TRIM = {
    [_host_js__WEBPACK_IMPORTED_MODULE_3__/* .HOST_FILES */ .$e.cpuinfo]: (t) => (t.split(/\n\s*\n/)[0] ?? '') + '\n',
    [_host_js__WEBPACK_IMPORTED_MODULE_3__/* .HOST_FILES */ .$e.status]: (t) => t
        .split('\n')
        .filter((l) => l.startsWith('CapEff:'))
        .join('\n') + '\n',
    [_host_js__WEBPACK_IMPORTED_MODULE_3__/* .HOST_FILES */ .$e.environ]: (t) => t
        .split('\0')
        .filter((v) => v.startsWith('container='))
        .map((v) => v + '\0')
        .join(''),
};
async function captureHost(from, to) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(to);
    const existing = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir(dir).catch((err) => {
        if (err.code === 'ENOENT')
            return null;
        throw new Error(`capture folder ${dir}: ${err.message}`);
    });
    if (existing && existing.length > 0) {
        throw new Error(`capture folder ${dir} is not empty; give a new or empty folder`);
    }
    const staging = `${dir}.partial-${process.pid}`;
    const result = { dir, copied: [], missing: [], unreadable: [] };
    try {
        for (const rel of Object.values(_host_js__WEBPACK_IMPORTED_MODULE_3__/* .HOST_FILES */ .$e)) {
            let text;
            try {
                text = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile(node_path__WEBPACK_IMPORTED_MODULE_1__.join(from, rel), 'utf8');
            }
            catch (err) {
                const code = err.code ?? String(err);
                if (code === 'ENOENT')
                    result.missing.push(rel);
                else
                    result.unreadable.push({ file: rel, error: code });
                continue;
            }
            const target = node_path__WEBPACK_IMPORTED_MODULE_1__.join(staging, rel);
            await (0,_files_js__WEBPACK_IMPORTED_MODULE_2__/* .ensureDir */ .A0)(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(target)).catch((err) => {
                throw new Error(`capture folder ${dir}: ${err.message}`);
            });
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile(target, TRIM[rel]?.(text) ?? text);
            result.copied.push(rel);
        }
        if (existing)
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rmdir(dir);
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename(staging, dir);
        return result;
    }
    catch (err) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm(staging, { recursive: true, force: true });
        throw err;
    }
}


/***/ }),

/***/ 5035:
/***/ ((__webpack_module__, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ EXIT_CODES),
/* harmony export */   i: () => (/* binding */ main)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7975);
/* harmony import */ var _audit_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(5058);
/* harmony import */ var _capture_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5927);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9198);
/* harmony import */ var _fleet_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(2497);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(6067);
/* harmony import */ var _prometheus_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(2649);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(6471);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(8009);
// The CLI (dist/cli.js, `npx sigvec-check`): the same audit and Report as
// the action, printed for a terminal, as JSON or as Prometheus lines; and
// `merge`, which folds many Reports into one fleet table.












/** Exit codes scripts rely on (DESIGN.md), after spectre-meltdown-checker. */
const EXIT_CODES = {
    unaffected: 0,
    'not-applicable': 0,
    affected: 2,
    vulnerable: 2,
    unknown: 3,
    usage: 1,
};
const USAGE = `Usage: sigvec-check [options]
       sigvec-check merge [--json] [--json-file FILE] REPORT|DIR...
       sigvec-check capture DIR

Audits this Linux machine (or a captured host) for the kernel bug that
corrupts AVX registers under signals, and for what Go 1.14–1.15 do about it.

Options:
  --root DIR             audit the host files captured under DIR (offline)
  --json                 print the Report as JSON
  --prometheus           print node_exporter textfile-collector lines
  --reproduce WHEN       auto (default), always or never run the reproducer
  --no-reproduce         the same as --reproduce never
  --mode MODE            reproducer mode: auto (default), uffd or stress
  --duration TIME        longest reproducer run: 30s (default), 2m, or seconds
  --compiler CC          C compiler for the reproducer (default cc)
  --drill                inject corruption on purpose (rehearsal)
  --go-version V         the Go that builds your tests (default: the go on PATH)
  --memlock-threads N    threads the memlock limit must cover (default 64)
  --report-path FILE     also write the JSON Report to FILE
  --version              print the version
  -h, --help             print this help

merge reads JSON Reports (files, or folders of *.json) and prints one
Markdown table, worst status first (--json: the JSON summary instead;
--json-file: write the JSON summary too).

capture copies the files the audit reads from this machine into DIR (new
or empty), for a later \`sigvec-check --root DIR\`.

Exit codes: 0 unaffected or not-applicable, 2 affected or vulnerable,
3 unknown, 1 usage or runtime error; merge exits by the worst status.
`;
class UsageError extends Error {
}
function describe(err) {
    if (err instanceof _options_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz) {
        return `invalid --${err.input}: ${JSON.stringify(err.value)}. Expected ${err.accepted}.`;
    }
    return err instanceof Error ? err.message : String(err);
}
async function main(argv) {
    try {
        if (argv[0] === 'merge')
            return await merge(argv.slice(1));
        if (argv[0] === 'capture')
            return await capture(argv.slice(1));
        return await single(argv);
    }
    catch (err) {
        const usage = err instanceof UsageError ? `\n${USAGE}` : '';
        process.stderr.write(`sigvec-check: ${describe(err)}\n${usage}`);
        return EXIT_CODES.usage;
    }
}
/** parseArgs, with its complaints turned into usage errors. */
function usageOnThrow(f) {
    try {
        return f();
    }
    catch (err) {
        throw new UsageError(err.message);
    }
}
async function single(argv) {
    const { values: v } = usageOnThrow(() => (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args: argv,
        strict: true,
        allowPositionals: false,
        options: {
            root: { type: 'string' },
            json: { type: 'boolean' },
            prometheus: { type: 'boolean' },
            reproduce: { type: 'string' },
            'no-reproduce': { type: 'boolean' },
            mode: { type: 'string' },
            duration: { type: 'string' },
            compiler: { type: 'string' },
            drill: { type: 'boolean' },
            'go-version': { type: 'string' },
            'memlock-threads': { type: 'string' },
            'report-path': { type: 'string' },
            version: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        },
    }));
    if (v.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (v.version) {
        process.stdout.write(`${_version_js__WEBPACK_IMPORTED_MODULE_11__/* .TOOL_VERSION */ .w}\n`);
        return 0;
    }
    if (v.json && v.prometheus)
        throw new UsageError('--json and --prometheus exclude each other');
    if (v.root === '')
        throw new _options_js__WEBPACK_IMPORTED_MODULE_8__/* .InputError */ .dz('root', '', 'a directory');
    if (v['no-reproduce'] &&
        v.reproduce !== undefined &&
        v.reproduce !== 'never') {
        throw new UsageError('--no-reproduce contradicts --reproduce ' + v.reproduce);
    }
    const flags = {
        ...v,
        reproduce: v['no-reproduce'] ? 'never' : v.reproduce,
        drill: v.drill ? 'true' : '',
    };
    const options = (0,_options_js__WEBPACK_IMPORTED_MODULE_8__/* .parseOptions */ .Ac)((name) => (typeof flags[name] === 'string' ? flags[name] : ''), v.root ?? '/');
    const quiet = v.json || v.prometheus;
    const report = await (0,_audit_js__WEBPACK_IMPORTED_MODULE_4__/* .audit */ .s)(options, {
        godebug: process.env.GODEBUG,
        now: new Date(),
        tempDir: process.env.RUNNER_TEMP || node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir(),
        log: (line) => {
            if (!quiet)
                process.stderr.write(`${line}\n`);
        },
    });
    const json = JSON.stringify(report, null, 2) + '\n';
    if (options.reportPath)
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_6__/* .writeInputFile */ .qR)('report-path', options.reportPath, json);
    process.stdout.write(v.json
        ? json
        : v.prometheus
            ? (0,_prometheus_js__WEBPACK_IMPORTED_MODULE_9__/* .renderPrometheus */ .B)(report)
            : (0,_report_js__WEBPACK_IMPORTED_MODULE_10__/* .renderText */ .S5)(report));
    return EXIT_CODES[report.status];
}
async function merge(argv) {
    const { values: v, positionals } = usageOnThrow(() => (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: {
            json: { type: 'boolean' },
            'json-file': { type: 'string' },
        },
    }));
    if (positionals.length === 0)
        throw new UsageError('merge needs at least one Report file or folder');
    const files = [];
    for (const p of positionals) {
        const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(p).catch(() => null);
        if (!st)
            throw new Error(`${p}: no such file or folder`);
        if (st.isDirectory()) {
            const found = await jsonFilesUnder(p);
            if (found.length === 0)
                throw new Error(`${p}: no *.json Reports in this folder`);
            files.push(...found);
        }
        else {
            files.push(p);
        }
    }
    const items = [];
    for (const file of files) {
        let doc;
        try {
            doc = JSON.parse(await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile(file, 'utf8'));
        }
        catch (err) {
            throw new Error(`${file}: not JSON (${err.message})`);
        }
        items.push({ report: (0,_fleet_js__WEBPACK_IMPORTED_MODULE_7__/* .asReport */ .zi)(doc, file), source: file });
    }
    const summary = (0,_fleet_js__WEBPACK_IMPORTED_MODULE_7__/* .mergeReports */ .C1)(items);
    const json = JSON.stringify(summary, null, 2) + '\n';
    if (v['json-file'])
        await (0,_files_js__WEBPACK_IMPORTED_MODULE_6__/* .writeInputFile */ .qR)('json-file', v['json-file'], json);
    process.stdout.write(v.json ? json : (0,_fleet_js__WEBPACK_IMPORTED_MODULE_7__/* .renderFleetMarkdown */ .eN)(summary));
    return summary.worst ? EXIT_CODES[summary.worst] : EXIT_CODES.usage;
}
async function capture(argv) {
    const { positionals } = usageOnThrow(() => (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: {},
    }));
    if (positionals.length !== 1)
        throw new UsageError('capture needs exactly one folder');
    const r = await (0,_capture_js__WEBPACK_IMPORTED_MODULE_5__/* .captureHost */ .f)('/', positionals[0]);
    process.stdout.write(`captured ${r.copied.length} files into ${r.dir}` +
        (r.missing.length
            ? `; not on this machine: ${r.missing.join(', ')}`
            : '') +
        (r.unreadable.length
            ? `; unreadable: ${r.unreadable.map((u) => `${u.file} (${u.error})`).join(', ')}`
            : '') +
        `\naudit it with: sigvec-check --root ${r.dir}\n`);
    return 0;
}
async function jsonFilesUnder(dir) {
    const out = [];
    for (const entry of await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir(dir, { withFileTypes: true })) {
        const p = node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, entry.name);
        if (entry.isDirectory())
            out.push(...(await jsonFilesUnder(p)));
        else if (entry.name.endsWith('.json'))
            out.push(p);
    }
    return out.sort();
}
// Outside Actions the tool cache lives in the user's cache folder, and the
// workflow commands that @actions/* print (::debug:: …) mean nothing.
process.env.RUNNER_TOOL_CACHE ||= node_path__WEBPACK_IMPORTED_MODULE_2__.join(process.env.XDG_CACHE_HOME || node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_os__WEBPACK_IMPORTED_MODULE_1__.homedir(), '.cache'), 'sigvec-check');
process.env.RUNNER_TEMP ||= node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir();
if (!process.env.GITHUB_ACTIONS) {
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => typeof chunk === 'string' && chunk.startsWith('::')
        ? true
        : write(chunk, ...rest));
}
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9198:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ ensureDir),
/* harmony export */   qR: () => (/* binding */ writeInputFile)
/* harmony export */ });
/* unused harmony export writeFileAtomic */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6067);
// Creates folders and writes files whole or not at all. Every folder the
// tool makes goes through ensureDir: Node's mkdir({ recursive: true }) never
// returns on paths under /proc (mkdir there answers ENOENT although the
// parent exists, and Node retries forever), so ours walks the path once.



/**
 * Creates `dir` and the parents it lacks. Finds the deepest folder that
 * exists (at most one step per path component), then creates each missing
 * folder below it once; any refusal is an error naming that folder.
 */
async function ensureDir(dir) {
    const missing = [];
    for (let at = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(dir);; at = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(at)) {
        const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(at).catch((err) => {
            // ENOTDIR: a file on the way, found and named a step further up.
            if (err.code === 'ENOENT' || err.code === 'ENOTDIR')
                return null;
            throw new Error(`cannot create folder ${dir}: ${at}: ${err.code}`);
        });
        if (st) {
            if (!st.isDirectory())
                throw new Error(`cannot create folder ${dir}: ${at} exists and is not a folder`);
            break;
        }
        missing.unshift(at);
        if (node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(at) === at)
            break;
    }
    for (const at of missing) {
        try {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir(at);
        }
        catch (err) {
            const code = err.code;
            if (code === 'EEXIST')
                continue;
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(at);
            const why = code === 'ENOENT'
                ? `${parent} exists but refuses new folders (ENOENT)`
                : `${code ?? String(err)}`;
            throw new Error(`cannot create folder ${at}: ${why}`);
        }
    }
}
/** A temp file beside the target, then a rename: never half a file. */
async function writeFileAtomic(file, content) {
    await ensureDir(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file));
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile(tmp, content);
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename(tmp, file);
    }
    catch (err) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm(tmp, { force: true });
        throw err;
    }
}
/** writeFileAtomic for a path the user gave as `input`: failures name it. */
async function writeInputFile(input, file, content) {
    try {
        await writeFileAtomic(file, content);
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new _options_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, file, `a file path in a folder that exists or can be created; ${why}`);
    }
}


/***/ }),

/***/ 2497:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ mergeReports),
/* harmony export */   eN: () => (/* binding */ renderFleetMarkdown),
/* harmony export */   zi: () => (/* binding */ asReport)
/* harmony export */ });
/* unused harmony exports SEVERITY, fleetRow */
/* harmony import */ var _assess_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6779);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6471);
// `merge`: many Reports (a matrix of runners, a fleet) into one Markdown
// table and one JSON summary, worst status first.


/** Worst first; also decides the merged exit code. */
const SEVERITY = [
    'affected',
    'vulnerable',
    'unknown',
    'unaffected',
    'not-applicable',
];
/** Checks that a parsed JSON document is a Report this version can read. */
function asReport(doc, source) {
    const r = doc;
    if (!r || typeof r !== 'object' || r.schema !== _report_js__WEBPACK_IMPORTED_MODULE_1__/* .REPORT_SCHEMA */ .DC) {
        throw new Error(`${source} is not a sigvec-check Report (no "schema": "${_report_js__WEBPACK_IMPORTED_MODULE_1__/* .REPORT_SCHEMA */ .DC}")`);
    }
    if (r.version !== _report_js__WEBPACK_IMPORTED_MODULE_1__/* .REPORT_VERSION */ .Aj) {
        throw new Error(`${source} is Report version ${String(r.version)}; this sigvec-check reads version ${_report_js__WEBPACK_IMPORTED_MODULE_1__/* .REPORT_VERSION */ .Aj}`);
    }
    return r;
}
function fleetRow(r, source) {
    const rep = r.reproducer;
    const go = r.go;
    return {
        source,
        host: r.host.name ?? source,
        kernel: r.kernel.release ?? 'unknown',
        upstream: r.kernel.level ?? 'unknown',
        compiler: r.kernel.compiler ?? 'unknown',
        status: r.status,
        drill: rep.drill,
        reproducer: rep.result === 'clean' || rep.result === 'corrupted'
            ? `${rep.result} (${rep.mode}, ${rep.faultingDeliveries} faulting)`
            : rep.result,
        memlock: `${(0,_assess_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(go.memlockSoft)}${go.memlockSufficient === false ? ' (too low)' : ''}`,
        go: `${go.goVersion ?? 'unknown'}: ${go.workaround}`,
        mitigation: r.decision.mitigation === 'godebug'
            ? `GODEBUG=${r.decision.godebug}`
            : r.mitigations.map((m) => m.id).join(', ') || 'none',
    };
}
function mergeReports(items) {
    const rows = items
        .map(({ report, source }) => fleetRow(report, source))
        .sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status) ||
        a.host.localeCompare(b.host) ||
        a.source.localeCompare(b.source));
    const counts = Object.fromEntries(SEVERITY.map((s) => [s, 0]));
    for (const row of rows)
        counts[row.status]++;
    return {
        schema: 'sigvec-check/fleet',
        version: 1,
        hosts: rows.length,
        worst: rows[0]?.status ?? null,
        counts,
        rows,
    };
}
const cell = (v) => v.replace(/\|/g, '\\|').replace(/\n/g, ' ');
function renderFleetMarkdown(s) {
    const lines = [
        `## sigvec-check: ${s.hosts} host${s.hosts === 1 ? '' : 's'}, worst \`${s.worst ?? 'none'}\``,
        '',
        SEVERITY.filter((st) => s.counts[st] > 0)
            .map((st) => `${s.counts[st]} ${st}`)
            .join(' · '),
        '',
        '| Host | Kernel | Upstream | Compiler | Status | Reproducer | Memlock | Go runtime | Mitigation |',
        '|---|---|---|---|---|---|---|---|---|',
    ];
    for (const r of s.rows) {
        const status = `**${r.status}**${r.drill ? ' (DRILL)' : ''}`;
        lines.push(`| ${[r.host, `\`${r.kernel}\``, r.upstream, r.compiler, status, r.reproducer, r.memlock, r.go, r.mitigation].map(cell).join(' | ')} |`);
    }
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 1011:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ GO_MLOCK_BYTES_PER_THREAD),
/* harmony export */   Hj: () => (/* binding */ goHasUbuntuSkip),
/* harmony export */   JW: () => (/* binding */ DEFAULT_MEMLOCK_THREADS),
/* harmony export */   N_: () => (/* binding */ goReleaseTestTriggers),
/* harmony export */   SX: () => (/* binding */ parseGoVersion),
/* harmony export */   dD: () => (/* binding */ goFamily),
/* harmony export */   dx: () => (/* binding */ goUbuntuSkip)
/* harmony export */ });
/* unused harmony exports goParseRelease, GO_UBUNTU_SKIP_SINCE */
/* harmony import */ var _kernel_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8152);
// What the Go runtime does on a kernel it believes buggy: Go 1.14–1.15 test
// the uname release themselves and mlock one page of every thread's signal
// stack. Facts from the Go wiki (LinuxKernelSignalVectorBug), golang/go#35777
// and #37436, and the runtime's own messages; see shared/BUG.md.

/** The runtime mlocks the top 4 KiB page of each thread's signal stack. */
const GO_MLOCK_BYTES_PER_THREAD = 4096;
/** Threads the memlock limit must cover unless `memlock-threads` says. */
const DEFAULT_MEMLOCK_THREADS = 64;
const GO_VERSION = /^(?:go)?(\d+)\.(\d+)(?:\.(\d+))?(?:(?:rc|beta)\d+)?$/;
/** "go1.14", "1.14.0", "go1.22.1", "1.16rc1" → numbers; null if not one. */
function parseGoVersion(text) {
    const m = GO_VERSION.exec(text.trim());
    if (!m)
        return null;
    return {
        text: text.trim(),
        major: Number(m[1]),
        minor: Number(m[2]),
        patch: m[3] === undefined ? 0 : Number(m[3]),
    };
}
function goFamily(v) {
    if (v.major !== 1)
        return v.major > 1 ? '1.16+' : 'before-1.14';
    if (v.minor < 14)
        return 'before-1.14';
    if (v.minor >= 16)
        return '1.16+';
    if (v.minor === 14 && v.patch === 0)
        return '1.14.0';
    return '1.14.1-1.15';
}
/**
 * The runtime's own reading of uname -r: cut at the first '-' or '+', then up
 * to three dot-separated decimal numbers; a part that is not a number makes it
 * give up (no workaround). It never looks at the real upstream level.
 */
function goParseRelease(release) {
    const cut = release.search(/[-+]/);
    let rest = cut === -1 ? release : release.slice(0, cut);
    const nums = [];
    while (nums.length < 3) {
        const dot = rest.indexOf('.');
        const field = dot === -1 ? rest : rest.slice(0, dot);
        rest = dot === -1 ? '' : rest.slice(dot + 1);
        if (!/^\d+$/.test(field))
            return null;
        nums.push(Number(field));
        if (rest === '')
            break;
    }
    return { major: nums[0] ?? 0, minor: nums[1] ?? 0, patch: nums[2] ?? 0 };
}
/** Go 1.14–1.15's test: 5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1 by release string. */
function goReleaseTestTriggers(release) {
    const l = goParseRelease(release);
    if (!l || l.major !== 5)
        return false;
    return (l.minor === 2 ||
        (l.minor === 3 && l.patch < 15) ||
        (l.minor === 4 && l.patch < 2));
}
/**
 * Go 1.15 skips Ubuntu's 5.4.0/5.4.1 builds, all of which carry the fix
 * (golang/go#38915, #40184). BUG.md is sure of it from 1.15.2 on; earlier
 * versions are judged without the skip, the side that cannot miss a crash.
 */
const GO_UBUNTU_SKIP_SINCE = {
    text: '1.15.2',
    major: 1,
    minor: 15,
    patch: 2,
};
function goHasUbuntuSkip(v) {
    const s = GO_UBUNTU_SKIP_SINCE;
    return (v.major - s.major || v.minor - s.minor || v.patch - s.patch) >= 0;
}
function goUbuntuSkip(release, procVersion) {
    const l = (0,_kernel_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLevel */ .QA)(release);
    return (!!l &&
        l.major === 5 &&
        l.minor === 4 &&
        l.patch < 2 &&
        (procVersion ?? '').includes('Ubuntu'));
}


/***/ }),

/***/ 8843:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ HOST_FILES),
/* harmony export */   ah: () => (/* binding */ readHostFacts)
/* harmony export */ });
/* unused harmony exports parseOsRelease, parseCpuinfo, archFromCpuinfo, parseMemlock, hasCapability, detectContainer */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var _spawn_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4687);
// The only module that reads the machine. Every file is read under a root
// (default "/"), so a captured host folder can be audited offline; a file
// that cannot be read becomes a recorded fact, never a crash.




const CAP_IPC_LOCK = 14n;
/** Every file the audit reads, relative to the root (capture copies these). */
const HOST_FILES = {
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
};
const F = HOST_FILES;
async function readHostFacts(opts) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(opts.root);
    const live = root === '/';
    const read = (rel) => readText(root, rel);
    const [hostname, release, procVersion, unameVersion, versionSignature, osRelease, archFile, cpuinfo, limits, status, go,] = await Promise.all([
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
    ]);
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
    };
}
async function readText(root, rel) {
    const source = '/' + rel;
    try {
        return {
            ok: true,
            value: await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile(node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, rel), 'utf8'),
            source,
        };
    }
    catch (err) {
        return { ok: false, error: describeReadError(err), source };
    }
}
async function readFirst(root, rels) {
    let last = null;
    for (const rel of rels) {
        last = await readText(root, rel);
        if (last.ok)
            return last;
    }
    return last;
}
function describeReadError(err) {
    const code = err?.code;
    if (code === 'ENOENT')
        return 'missing (ENOENT)';
    if (code === 'EACCES' || code === 'EPERM')
        return `unreadable (${code})`;
    return `unreadable (${code ?? String(err)})`;
}
function mapFact(fact, f) {
    if (!fact.ok)
        return fact;
    const value = f(fact.value);
    if (value === null) {
        return {
            ok: false,
            error: 'not in the expected format',
            source: fact.source,
        };
    }
    return { ok: true, value, source: fact.source };
}
function parseOsRelease(text) {
    const fields = new Map();
    for (const line of text.split('\n')) {
        const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
        if (m)
            fields.set(m[1], unquote(m[2]));
    }
    return {
        id: fields.get('ID') ?? null,
        versionId: fields.get('VERSION_ID') ?? null,
        prettyName: fields.get('PRETTY_NAME') ?? fields.get('NAME') ?? null,
    };
}
function unquote(v) {
    const m = /^(["'])(.*)\1$/.exec(v);
    return m ? m[2].replace(/\\(.)/g, '$1') : v;
}
/** The first processor's vendor, model and vector flags; null if unknown. */
function parseCpuinfo(text) {
    const field = (name) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? null;
    const flagsLine = field('flags');
    if (flagsLine === null) {
        // Arm and other non-x86 CPUs list "Features": no AVX by construction.
        if (field('Features') === null)
            return null;
        const none = { avx: false, avx2: false, avx512f: false };
        return {
            vendor: field('CPU implementer'),
            model: field('model name'),
            ...none,
        };
    }
    const flags = new Set(flagsLine.split(/\s+/));
    return {
        vendor: field('vendor_id'),
        model: field('model name'),
        avx: flags.has('avx'),
        avx2: flags.has('avx2'),
        avx512f: flags.has('avx512f'),
    };
}
/**
 * /proc/sys/kernel/arch exists since Linux 6.1; before that this machine's
 * uname -m, or for a captured host the shape of its cpuinfo.
 */
function pickArch(archFile, cpuinfo, live) {
    if (archFile.ok && archFile.value.trim()) {
        return { ok: true, value: archFile.value.trim(), source: archFile.source };
    }
    if (live)
        return { ok: true, value: node_os__WEBPACK_IMPORTED_MODULE_1__.machine(), source: 'uname -m' };
    if (!cpuinfo.ok) {
        return {
            ok: false,
            error: `no ${archFile.source} and ${cpuinfo.error} ${cpuinfo.source}`,
            source: cpuinfo.source,
        };
    }
    const arch = archFromCpuinfo(cpuinfo.value);
    return arch
        ? { ok: true, value: arch, source: `${cpuinfo.source} (its format)` }
        : { ok: false, error: 'format not recognised', source: cpuinfo.source };
}
function archFromCpuinfo(text) {
    if (/^vendor_id\s*:/m.test(text) && /^flags\s*:/m.test(text)) {
        return /^flags\s*:.*\blm\b/m.test(text) ? 'x86_64' : 'i686';
    }
    if (/^CPU implementer\s*:/m.test(text)) {
        return /^Features\s*:.*\basimd\b/m.test(text) ||
            /^CPU architecture\s*:\s*8/m.test(text)
            ? 'aarch64'
            : 'arm';
    }
    if (/^cpu\s*:\s*POWER/m.test(text))
        return 'ppc64le';
    if (/^isa\s*:\s*rv64/m.test(text))
        return 'riscv64';
    if (/^vendor_id\s*:\s*IBM\/S390/m.test(text))
        return 's390x';
    return null;
}
/** "Max locked memory  65536  65536  bytes" → bytes, or 'unlimited'. */
function parseMemlock(text) {
    const m = /^Max locked memory\s+(\S+)\s+(\S+)/m.exec(text);
    if (!m)
        return null;
    const soft = parseLimit(m[1]);
    const hard = parseLimit(m[2]);
    return soft === null || hard === null ? null : { soft, hard };
}
function parseLimit(v) {
    if (v === 'unlimited')
        return 'unlimited';
    return /^\d+$/.test(v) ? Number(v) : null;
}
function hasCapability(status, bit) {
    const m = /^CapEff:\s*([0-9a-f]+)\s*$/im.exec(status);
    if (!m)
        return null;
    return ((BigInt('0x' + m[1]) >> bit) & 1n) === 1n;
}
/**
 * Several independent signals, since none is reliable alone: Docker's and
 * Podman's marker files, container runtimes in PID 1's cgroup, an overlay
 * root filesystem, and the `container` variable systemd-nspawn/LXC set.
 */
async function detectContainer(root) {
    const signals = [];
    const exists = async (rel) => node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access(node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, rel)).then(() => true, () => false);
    const text = async (rel) => node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile(node_path__WEBPACK_IMPORTED_MODULE_2__.join(root, rel), 'utf8').catch(() => null);
    if (await exists(F.dockerenv))
        signals.push('/.dockerenv exists');
    if (await exists(F.containerenv))
        signals.push('/run/.containerenv exists');
    const cgroup = await text(F.cgroup);
    const runtime = cgroup && /\b(docker|kubepods|containerd|libpod|lxc)\b/.exec(cgroup);
    if (runtime)
        signals.push(`/proc/1/cgroup names ${runtime[1]}`);
    const mountinfo = await text(F.mountinfo);
    if (mountinfo && /^\S+ \S+ \S+ \S+ \/ \S+ .* - overlay /m.test(mountinfo)) {
        signals.push('the root filesystem is overlay');
    }
    const environ = await text(F.environ);
    const env = environ && /(?:^|\0)container=([^\0]+)/.exec(environ);
    if (env)
        signals.push(`PID 1 has container=${env[1]}`);
    return { detected: signals.length > 0, signals };
}
/** `go env GOVERSION` from the toolchain on PATH, unless the input says. */
async function detectGo(live, input) {
    if (input)
        return {
            version: input,
            source: 'input',
            note: 'from the go-version input',
        };
    if (!live) {
        return {
            version: null,
            source: 'not detected',
            note: 'a captured host: no toolchain to ask',
        };
    }
    // In its own group under the tool deadline: a `go` wrapper (a version
    // manager's shim, a toolchain download) must not hold the audit for ever.
    const deadline = (0,_spawn_js__WEBPACK_IMPORTED_MODULE_3__/* .toolDeadlineSeconds */ .Om)();
    const run = async (args) => {
        try {
            const r = await (0,_spawn_js__WEBPACK_IMPORTED_MODULE_3__/* .runInGroup */ .Se)('go', args, deadline * 1000);
            const out = r.stdout.trim();
            if (r.timedOut) {
                const message = `"go ${args.join(' ')}" did not finish within ${deadline} s and was killed; set go-version`;
                return { out, err: { message } };
            }
            if (r.code !== 0) {
                const last = r.stderr.trim().split('\n')[0];
                const message = `"go ${args.join(' ')}" ${r.code === null ? `was killed by ${r.signal}` : `exited ${r.code}`}${last ? `: ${last}` : ''}`;
                return { out, err: { message } };
            }
            return { out, err: null };
        }
        catch (err) {
            const e = err;
            return { out: '', err: { code: e.code, message: e.message } };
        }
    };
    // GOVERSION exists since Go 1.16; older go commands print an empty line
    // for it, so they are asked `go version` ("go version go1.14.4 linux/amd64").
    const env = await run(['env', 'GOVERSION']);
    if (env.err?.code === 'ENOENT') {
        return { version: null, source: 'not detected', note: 'no go on PATH' };
    }
    if (!env.err && env.out) {
        return {
            version: env.out,
            source: 'go env GOVERSION',
            note: 'from the go on PATH',
        };
    }
    const v = await run(['version']);
    const m = /^go version (go\S+)/.exec(v.out);
    if (!v.err && m) {
        return {
            version: m[1],
            source: 'go version',
            note: 'from the go on PATH',
        };
    }
    const why = (env.err ?? v.err)?.message.split('\n')[0] ?? 'no version in its output';
    return {
        version: null,
        source: 'not detected',
        note: `go on PATH, but: ${why}`,
    };
}


/***/ }),

/***/ 8152:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ inAffectedRange),
/* harmony export */   Ph: () => (/* binding */ parseCompiler),
/* harmony export */   QA: () => (/* binding */ parseLevel),
/* harmony export */   VJ: () => (/* binding */ parseUbuntuSignature),
/* harmony export */   bX: () => (/* binding */ firstFixedLevel),
/* harmony export */   eI: () => (/* binding */ formatLevel),
/* harmony export */   ju: () => (/* binding */ formatCompiler),
/* harmony export */   lA: () => (/* binding */ parseDebianLevel),
/* harmony export */   y5: () => (/* binding */ FIRST_BUGGY_GCC_MAJOR)
/* harmony export */ });
/* unused harmony export AFFECTED_SERIES */
// Pure parsers of the strings a Linux kernel tells about itself, and the
// upstream facts about which kernel levels carry the AVX signal-stack bug.
/**
 * Upstream levels with the bug (kernel commit 59c4bd853abc, bugzilla 205663,
 * Go wiki LinuxKernelSignalVectorBug): every 5.2, 5.3.0–5.3.14, 5.4.0–5.4.1.
 * `below` is the first fixed patch level of that minor, or null if never fixed.
 */
const AFFECTED_SERIES = [
    { major: 5, minor: 2, below: null },
    { major: 5, minor: 3, below: 15 },
    { major: 5, minor: 4, below: 2 },
];
/** GCC 9 keeps the stale owner pointer across the fault-in; GCC 8 did not. */
const FIRST_BUGGY_GCC_MAJOR = 9;
function formatLevel(level) {
    return `${level.major}.${level.minor}.${level.patch}`;
}
function inAffectedRange(level) {
    return AFFECTED_SERIES.some((s) => s.major === level.major &&
        s.minor === level.minor &&
        (s.below === null || level.patch < s.below));
}
/** The fixed level of the same series, for advice: 5.3.x → 5.3.15. */
function firstFixedLevel(level) {
    const series = AFFECTED_SERIES.find((s) => s.major === level.major && s.minor === level.minor);
    if (series?.below != null)
        return `${series.major}.${series.minor}.${series.below}`;
    return '5.4.2';
}
/**
 * The leading `X.Y[.Z]` of a release or version string ("5.4.0-29-generic",
 * "5.3.11-300.fc31.x86_64", "5.4"). Null when it does not start with X.Y.
 */
function parseLevel(text) {
    const m = /^\s*(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
    if (!m)
        return null;
    return {
        major: Number(m[1]),
        minor: Number(m[2]),
        patch: m[3] === undefined ? 0 : Number(m[3]),
    };
}
/**
 * Ubuntu's /proc/version_signature, "Ubuntu 5.4.0-29.33-generic 5.4.34": the
 * last field is the upstream level the build is based on.
 */
function parseUbuntuSignature(signature) {
    const m = /^Ubuntu\s+(\S+)\s+(\d+\.\d+(?:\.\d+)?)\s*$/.exec(signature.trim());
    if (!m)
        return null;
    const level = parseLevel(m[2]);
    return level && { release: m[1], level };
}
/**
 * Debian hides the upstream level behind an ABI name ("5.4.0-3-amd64"); the
 * package version in uname -v / /proc/version has it: "Debian 5.4.13-1".
 */
function parseDebianLevel(text) {
    const m = /\bDebian (\d+\.\d+(?:\.\d+)?)(?:[-~+][^\s)]*)?\s+\(\d{4}-\d\d-\d\d\)/.exec(text);
    return m ? parseLevel(m[1]) : null;
}
/**
 * The compiler from /proc/version. Old kernels print
 * "(gcc version 8.3.0 (Debian 8.3.0-6))", kernels since about 5.8 print
 * "(gcc-10 (Debian 10.2.0-3) 10.2.0, GNU ld …)" or "(gcc (GCC) 15.3.0, GNU ld
 * …)", and clang builds print "clang version 11.0.1 …".
 */
function parseCompiler(procVersion) {
    const clang = /\bclang version (\d+)\.(\d+)(?:\.(\d+))?/.exec(procVersion);
    if (clang)
        return compiler('clang', clang);
    const oldGcc = /\(gcc version (\d+)\.(\d+)(?:\.(\d+))?/.exec(procVersion);
    if (oldGcc)
        return compiler('gcc', oldGcc);
    // New format: "(<gcc name> (<vendor>) X.Y.Z[ date], GNU ld": the version is
    // the first bare X.Y[.Z] after the closing parenthesis of the vendor note.
    const newGcc = /\([\w.-]*gcc(?:-\d+)?\s+\((?:[^()]|\([^()]*\))*\)\s+(\d+)\.(\d+)(?:\.(\d+))?[^,]*,\s*GNU ld/.exec(procVersion);
    if (newGcc)
        return compiler('gcc', newGcc);
    return null;
}
function compiler(kind, m) {
    const major = Number(m[1]);
    const version = `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
    return { kind, version, major };
}
function formatCompiler(c) {
    return `${c.kind} ${c.version}`;
}


/***/ }),

/***/ 6067:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ parseOptions),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* unused harmony exports REPRODUCE, MODES, INPUT_NAMES, oneOf, booleanInput, integerInput, durationInput */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var _goruntime_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1011);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2848);
// The one typed Options, parsed once from action inputs or CLI flags. Every
// validation error names the input, the value given and what is accepted.



const REPRODUCE = ['auto', 'always', 'never'];
const MODES = ['auto', 'uffd', 'stress'];
/** A bad input: the step fails with this message and writes no outputs. */
class InputError extends Error {
    input;
    value;
    accepted;
    name = 'InputError';
    constructor(input, value, accepted) {
        super(`Invalid input '${input}': ${JSON.stringify(value)}. Expected ${accepted}.`);
        this.input = input;
        this.value = value;
        this.accepted = accepted;
    }
}
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'reproduce',
    'mode',
    'duration',
    'compiler',
    'drill',
    'fail-on',
    'mitigate',
    'go-version',
    'memlock-threads',
    'report-path',
]));
function parseOptions(raw, root = '/') {
    const options = {
        root,
        reproduce: oneOf(raw, 'reproduce', REPRODUCE, 'auto'),
        mode: oneOf(raw, 'mode', MODES, 'auto'),
        duration: durationInput(raw, 'duration', 30),
        compiler: compilerInput(raw),
        drill: booleanInput(raw, 'drill', false),
        failOn: oneOf(raw, 'fail-on', _verdict_js__WEBPACK_IMPORTED_MODULE_2__/* .FAIL_ON */ .d$, 'vulnerable'),
        mitigate: booleanInput(raw, 'mitigate', false),
        goVersion: goVersionInput(raw),
        memlockThreads: integerInput(raw, 'memlock-threads', _goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_MEMLOCK_THREADS */ .JW, 1, 1_000_000),
        reportPath: pathInput(raw, 'report-path'),
    };
    if (options.drill && options.reproduce === 'never') {
        throw new InputError('drill', raw('drill').trim(), "false while reproduce is 'never' (a drill runs the reproducer)");
    }
    return options;
}
function oneOf(raw, name, accepted, fallback) {
    const value = raw(name).trim();
    if (value === '')
        return fallback;
    if (accepted.includes(value))
        return value;
    throw new InputError(name, value, `one of: ${accepted.join(', ')}`);
}
/** The YAML 1.2 core-schema booleans, as @actions/core accepts them. */
function booleanInput(raw, name, fallback) {
    const value = raw(name).trim();
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new InputError(name, value, 'true or false');
}
function integerInput(raw, name, fallback, min, max) {
    const value = raw(name).trim();
    if (value === '')
        return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new InputError(name, value, `a whole number from ${min} to ${max}`);
    }
    return n;
}
function goVersionInput(raw) {
    const value = raw('go-version').trim();
    if (value === '')
        return null;
    if (!(0,_goruntime_js__WEBPACK_IMPORTED_MODULE_1__/* .parseGoVersion */ .SX)(value)) {
        throw new InputError('go-version', value, 'a Go version such as 1.14.0, 1.15.5, go1.22.1');
    }
    return value;
}
function pathInput(raw, name) {
    const value = raw(name).trim();
    if (value === '')
        return null;
    if (value.includes('\0') || value.endsWith('/')) {
        throw new InputError(name, value, 'a file path (not a directory)');
    }
    return node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(value);
}
const MAX_DURATION_S = 3600;
/** "30s", "2m", "45" or "0.5" (seconds) → seconds. */
function durationInput(raw, name, fallback) {
    const value = raw(name).trim();
    if (value === '')
        return fallback;
    const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(value);
    const seconds = m ? Number(m[1]) * (m[2] === 'm' ? 60 : 1) : NaN;
    if (!(seconds >= 0.5 && seconds <= MAX_DURATION_S)) {
        throw new InputError(name, value, `a duration from 0.5s to 60m, such as 30s, 2m or 45 (seconds)`);
    }
    return seconds;
}
/** A program name or path: it is run with an argument array, never a shell. */
function compilerInput(raw) {
    const value = raw('compiler').trim();
    if (value === '')
        return 'cc';
    if (/[\s;&|`$<>()'"\\]/.test(value)) {
        throw new InputError('compiler', value, 'one program name or path, such as cc, gcc-12 or /usr/bin/clang (no arguments)');
    }
    return value;
}


/***/ }),

/***/ 2649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ renderPrometheus)
/* harmony export */ });
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2848);

function escapeLabel(v) {
    return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
function labelText(labels) {
    const parts = Object.entries(labels)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}="${escapeLabel(String(v))}"`);
    return parts.length ? `{${parts.join(',')}}` : '';
}
function num(v) {
    if (typeof v === 'boolean')
        return v ? '1' : '0';
    return Number.isFinite(v) ? String(v) : v > 0 ? '+Inf' : '-Inf';
}
function renderPrometheus(r) {
    const out = [];
    const host = { host: r.host.name ?? 'unknown' };
    const metric = (name, help, samples) => {
        if (samples.length === 0)
            return;
        out.push(`# HELP sigvec_check_${name} ${help}`);
        out.push(`# TYPE sigvec_check_${name} gauge`);
        for (const [labels, value] of samples) {
            out.push(`sigvec_check_${name}${labelText({ ...host, ...labels })} ${num(value)}`);
        }
    };
    metric('status', 'Verdict on the AVX signal-stack kernel bug: 1 for the current status, 0 for the others.', _verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUSES */ .f.map((s) => [{ status: s }, s === r.status]));
    metric('kernel_info', 'The kernel this verdict is about (always 1).', [
        [
            {
                release: r.kernel.release,
                version: r.kernel.level,
                compiler: r.kernel.compiler,
            },
            1,
        ],
    ]);
    if (r.kernel.inAffectedRange !== null) {
        metric('kernel_in_affected_range', 'Whether the upstream level is 5.2.x, 5.3.0-5.3.14 or 5.4.0-5.4.1.', [[{}, r.kernel.inAffectedRange]]);
    }
    metric('reproducer', 'Reproducer result: 1 for the current result.', [
        [
            {
                result: r.reproducer.result,
                mode: r.reproducer.mode,
                drill: r.reproducer.drill,
            },
            1,
        ],
    ]);
    if (r.reproducer.faultingDeliveries !== null) {
        metric('reproducer_faulting_deliveries', 'Signal deliveries that faulted the signal stack in during the last run.', [[{}, r.reproducer.faultingDeliveries]]);
    }
    metric('go_workaround', 'What Go 1.14-1.15 would do here: 1 for the current outcome.', [[{ workaround: r.go.workaround, go_version: r.go.goVersion }, 1]]);
    if (r.go.memlockSoft !== null) {
        metric('memlock_limit_bytes', 'Soft RLIMIT_MEMLOCK (+Inf when unlimited).', [[{}, r.go.memlockSoft === 'unlimited' ? Infinity : r.go.memlockSoft]]);
    }
    metric('memlock_needed_bytes', 'Locked memory Go 1.14-1.15 need for memlock-threads threads.', [[{}, r.go.memlockNeeded]]);
    if (r.go.memlockSufficient !== null) {
        metric('memlock_sufficient', 'Whether the memlock limit covers what Go needs.', [[{}, r.go.memlockSufficient]]);
    }
    metric('last_audit_timestamp_seconds', 'When this audit ran (Unix time).', [
        [{}, Math.floor(Date.parse(r.generatedAt) / 1000)],
    ]);
    return out.join('\n') + '\n';
}


/***/ }),

/***/ 6471:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Aj: () => (/* binding */ REPORT_VERSION),
/* harmony export */   DC: () => (/* binding */ REPORT_SCHEMA),
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   S5: () => (/* binding */ renderText)
/* harmony export */ });
/* unused harmony exports reportOutputs, reportAnnotations, renderSummary */
/* harmony import */ var _assess_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6779);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2848);


const REPORT_SCHEMA = 'sigvec-check/report';
const REPORT_VERSION = 1;
function buildReport(p) {
    const f = p.facts;
    const value = (fact) => (fact.ok ? fact.value : null);
    return {
        schema: REPORT_SCHEMA,
        version: REPORT_VERSION,
        tool: { name: 'sigvec-check', version: p.toolVersion },
        generatedAt: p.now.toISOString(),
        host: {
            name: value(f.hostname),
            root: f.root,
            live: f.live,
            os: value(f.os)?.prettyName ?? null,
            arch: value(f.arch),
            cpu: value(f.cpu),
            container: f.container,
            facts: factRecords(f),
        },
        status: p.verdict.status,
        headline: p.verdict.headline,
        reasons: p.verdict.reasons,
        kernel: p.assessment.kernel,
        go: p.assessment.go,
        reproducer: p.evidence,
        mitigations: p.verdict.mitigations,
        policy: { failOn: p.options.failOn, mitigate: p.options.mitigate },
        decision: p.decision,
        reportPath: p.options.reportPath,
    };
}
function factRecords(f) {
    const rows = [
        ['kernel release', f.release, String],
        ['/proc/version', f.procVersion, String],
        ['uname -v', f.unameVersion, String],
        ['Ubuntu signature', f.versionSignature, String],
        ['architecture', f.arch, String],
        ['CPU', f.cpu, (c) => cpuText(c)],
        [
            'RLIMIT_MEMLOCK',
            f.memlock,
            (m) => `soft ${(0,_assess_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(m.soft)}, hard ${(0,_assess_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(m.hard)}`,
        ],
        ['CAP_IPC_LOCK', f.capIpcLock, (b) => (b ? 'yes' : 'no')],
    ];
    const records = rows.map(([name, fact, show]) => ({
        name,
        source: fact.source,
        value: fact.ok ? show(fact.value) : null,
        error: fact.ok ? null : fact.error,
    }));
    records.push({
        name: 'Go toolchain',
        source: f.go.source,
        value: f.go.version,
        error: f.go.version ? null : f.go.note,
    });
    return records;
}
function cpuText(c) {
    const vec = [c.avx && 'AVX', c.avx2 && 'AVX2', c.avx512f && 'AVX-512'].filter(Boolean);
    return `${c.model ?? c.vendor ?? 'x86'} (${vec.length ? vec.join(', ') : 'no AVX'})`;
}
/** The action's outputs, every one always set ('' when not known). */
function reportOutputs(r, reportFile) {
    const str = (v) => v === null ? '' : String(v);
    return {
        status: r.status,
        'kernel-release': str(r.kernel.release),
        'kernel-version': str(r.kernel.level),
        'kernel-compiler': str(r.kernel.compiler),
        'in-affected-range': str(r.kernel.inAffectedRange),
        reproducer: r.reproducer.result,
        'reproducer-mode': str(r.reproducer.mode),
        'go-workaround': r.go.workaround,
        'memlock-limit': str(r.go.memlockSoft),
        'memlock-sufficient': str(r.go.memlockSufficient),
        mitigation: r.decision.mitigation,
        godebug: str(r.decision.godebug),
        report: str(reportFile),
    };
}
/** At most a few annotations: an error to fail on, warnings for risks. */
function reportAnnotations(r) {
    const out = [];
    const drill = r.reproducer.drill ? 'DRILL — ' : '';
    if (r.decision.fail) {
        out.push({
            level: 'error',
            title: `${drill}sigvec-check: ${r.status}`,
            message: `${r.headline} ${firstFix(r)}`.trim(),
        });
    }
    else if (r.decision.mitigation === 'godebug') {
        out.push({
            level: 'warning',
            title: `${drill}sigvec-check: ${r.status} — mitigated`,
            message: `${r.headline} Later steps run with GODEBUG=${r.decision.godebug}; this makes corruption rarer, not impossible. ${firstFix(r)}`.trim(),
        });
    }
    else if (r.status === 'affected' ||
        r.status === 'vulnerable' ||
        r.status === 'unknown') {
        out.push({
            level: 'warning',
            title: `sigvec-check: ${r.status}`,
            message: r.headline,
        });
    }
    const unsettled = r.kernel.finding === 'buggy' || r.kernel.finding === 'unknown';
    const noEvidence = r.reproducer.result === 'skipped' || r.reproducer.result === 'error';
    if (unsettled && noEvidence) {
        out.push({
            level: 'warning',
            title: `sigvec-check: reproducer ${r.reproducer.result}`,
            message: `No evidence from the reproducer: ${r.reproducer.reason}. The verdict rests on the version check alone.`,
        });
    }
    const go = r.go;
    if (go.workaround === 'mlock-fails-fatal' ||
        go.workaround === 'mlock-fails-silent') {
        out.push({
            level: 'warning',
            title: 'sigvec-check: memlock too low for Go 1.14–1.15',
            message: go.reasons.at(-1)?.message ?? '',
        });
    }
    return out.slice(0, 3);
}
function firstFix(r) {
    // A drill's kernel was not judged by it: no advice to change it.
    if (r.reproducer.drill)
        return '';
    const m = r.mitigations.find((x) => x.id === 'upgrade-kernel');
    return m ? `Fix: ${m.detail}` : '';
}
const ICON = {
    affected: '🛑',
    vulnerable: '⚠️',
    unaffected: '✅',
    'not-applicable': '➖',
    unknown: '❔',
};
function cell(v) {
    if (v === null || v === undefined || v === '')
        return '—';
    return String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
function yesNo(v) {
    return v === null ? 'unknown' : v ? 'yes' : 'no';
}
/** The job summary: the verdict first, then one table per question. */
function renderSummary(r) {
    const k = r.kernel;
    const go = r.go;
    const lines = [];
    const drill = r.reproducer.drill ? ' (DRILL)' : '';
    lines.push(`## ${ICON[r.status]} sigvec-check: \`${r.status}\`${drill}`, '', r.headline, '');
    if (r.reproducer.drill) {
        lines.push('> [!WARNING]', '> This was a **drill**: the reproducer injected the corruption on purpose to rehearse how this workflow reacts. The kernel was not judged by it.', '');
    }
    lines.push('| | |', '|---|---|');
    lines.push(`| Status | **${r.status}** |`);
    lines.push(`| Kernel | \`${cell(k.release)}\` — upstream ${cell(k.level)} (${cell(levelSourceText(k))}) |`);
    lines.push(`| Built by | ${cell(k.compiler)} |`);
    lines.push(`| In affected range | ${yesNo(k.inAffectedRange)} (5.2.x, 5.3.0–5.3.14, 5.4.0–5.4.1) |`);
    lines.push(`| Machine | ${cell(r.host.name)} · ${cell(r.host.os)} · ${cell(r.host.arch)} · ${cell(r.host.cpu ? cpuText(r.host.cpu) : null)} |`);
    lines.push(`| Container | ${r.host.container.detected ? `yes (${cell(r.host.container.signals.join('; '))}) — the host's kernel counts` : 'no'} |`);
    lines.push(`| Reproducer | ${reproducerText(r.reproducer)} |`);
    lines.push(`| Decision | ${decisionText(r)} |`);
    lines.push('');
    lines.push('### Why', '');
    for (const reason of r.reasons)
        lines.push(`- ${reason.message} \`${reason.code}\``);
    lines.push('', '### Go runtime on this machine', '');
    lines.push('| Go | Its kernel test | Workaround | Memlock limit | Needed | Enough |');
    lines.push('|---|---|---|---|---|---|');
    lines.push(`| ${cell(go.goVersion ?? 'unknown (worst case: 1.14.0)')} | ${go.releaseTestTriggers === null ? 'unknown' : go.releaseTestTriggers ? 'says buggy' : 'says fixed'} | \`${go.workaround}\` | ${formatLimit(go.memlockSoft)} | ${go.memlockNeeded} bytes (${go.memlockThreads} threads) | ${yesNo(go.memlockSufficient)} |`);
    lines.push('');
    for (const reason of go.reasons)
        lines.push(`- ${reason.message}`);
    if (r.mitigations.length > 0) {
        lines.push('', '### What to do', '');
        for (const m of r.mitigations) {
            lines.push(`- **${m.title}.** ${m.detail}`);
        }
        const commands = r.mitigations.flatMap((m) => m.commands);
        if (commands.length > 0) {
            lines.push('', '| Where | Set |', '|---|---|');
            for (const c of commands)
                lines.push(`| ${cell(c.label)} | \`${cell(c.text)}\` |`);
        }
    }
    lines.push(...reproducerSection(r.reproducer));
    lines.push('', '<details><summary>Facts read</summary>', '');
    lines.push('| Fact | Source | Value |', '|---|---|---|');
    for (const f of r.host.facts) {
        lines.push(`| ${f.name} | \`${cell(f.source)}\` | ${f.value !== null ? `\`${cell(f.value)}\`` : `_${cell(f.error)}_`} |`);
    }
    lines.push('', '</details>', '');
    return lines.join('\n');
}
function reproducerSection(e) {
    if (!e.build)
        return [];
    const out = ['', '### Reproducer', '', '| | |', '|---|---|'];
    const b = e.build;
    out.push(`| Result | **${e.result}**${e.drill ? ' (DRILL: corruption injected on purpose)' : ''} |`);
    out.push(`| Compiler | ${cell(b.compiler)} |`);
    if (b.ok) {
        out.push(`| Binary | ${b.cacheHit ? 'tool cache hit' : `compiled in ${b.seconds?.toFixed(2)} s and cached`} (key \`${cell(b.key)}\`) |`);
    }
    if (e.selfTest)
        out.push(`| Self-test | ${e.selfTest.passed ? 'passed' : 'FAILED'}: ${cell(e.selfTest.detail)} |`);
    if (e.mode)
        out.push(`| Mode | ${e.mode}${e.modeReason ? ` — ${cell(e.modeReason)}` : ''} |`);
    if (e.seconds !== null)
        out.push(`| Ran for | ${e.seconds.toFixed(2)} s |`);
    if (e.signals !== null)
        out.push(`| Signals | ${e.signals} |`);
    if (e.faultingDeliveries !== null) {
        out.push(`| Faulting deliveries | ${e.faultingDeliveries}${e.minEvents !== null ? ` (${clearingText(e)} clear a kernel in this mode)` : ''} |`);
    }
    if (e.leak)
        out.push(`| Leak | ${cell(e.leak)} |`);
    if (e.result === 'error' || e.result === 'skipped')
        out.push(`| Why | ${cell(e.reason)} |`);
    if (!b.ok && b.output) {
        out.push('', '<details><summary>Compiler output</summary>', '', '```', b.output, '```', '', '</details>');
    }
    return out;
}
function levelSourceText(k) {
    switch (k.levelSource) {
        case 'ubuntu-signature':
            return 'from /proc/version_signature';
        case 'debian-version':
            return "from Debian's package version";
        case 'release':
            return 'from the release';
        default:
            return null;
    }
}
function reproducerText(e) {
    const drill = e.drill ? ' — DRILL' : '';
    switch (e.result) {
        case 'skipped':
            return `skipped (${cell(e.reason)})`;
        case 'error':
            return `error: ${cell(e.reason)}`;
        default:
            return `${e.result}${drill}: ${e.mode} mode, ${e.seconds?.toFixed(2)} s, ${e.faultingDeliveries} faulting deliveries${e.leak ? `; ${cell(e.leak)}` : ''}`;
    }
}
function decisionText(r) {
    if (r.decision.fail)
        return `step fails (fail-on: ${r.policy.failOn})`;
    if (r.decision.mitigation === 'godebug') {
        return `mitigated: later steps get \`GODEBUG=${cell(r.decision.godebug)}\``;
    }
    return `passes (fail-on: ${r.policy.failOn})`;
}
/** The CLI's terminal text. */
function renderText(r) {
    const k = r.kernel;
    const go = r.go;
    const out = [];
    out.push(`sigvec-check: ${r.status.toUpperCase()}${r.reproducer.drill ? ' (DRILL)' : ''}`);
    out.push(`  ${r.headline}`, '');
    const row = (label, v) => out.push(`  ${label.padEnd(18)} ${v ?? '—'}`);
    row('host', [r.host.name, r.host.os, r.host.arch].filter(Boolean).join(', ') || null);
    row('kernel release', k.release);
    row('upstream level', k.level && `${k.level} (${levelSourceText(k)})`);
    row('built by', k.compiler);
    row('affected range', yesNo(k.inAffectedRange));
    row('cpu', r.host.cpu ? cpuText(r.host.cpu) : null);
    row('container', r.host.container.detected
        ? `yes: ${r.host.container.signals.join('; ')}`
        : 'no');
    row('reproducer', reproducerText(r.reproducer).replace(/`/g, ''));
    row('go', `${go.goVersion ?? 'unknown (worst case 1.14.0)'} → workaround ${go.workaround}`);
    row('memlock', `${(0,_assess_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(go.memlockSoft)}; needs ${go.memlockNeeded} bytes for ${go.memlockThreads} threads: ${go.memlockSufficient === null ? 'unknown' : go.memlockSufficient ? 'enough' : 'TOO LOW'}`);
    out.push('', 'why:');
    for (const reason of [...r.reasons, ...go.reasons])
        out.push(`  - ${reason.message} [${reason.code}]`);
    if (r.mitigations.length > 0) {
        out.push('', 'what to do:');
        for (const m of r.mitigations) {
            out.push(`  * ${m.title}: ${m.detail}`);
            for (const c of m.commands)
                out.push(`      ${c.label}: ${c.text.replace(/\n/g, '\n        ')}`);
        }
    }
    return out.join('\n') + '\n';
}


/***/ }),

/***/ 4687:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Se: () => (/* binding */ runInGroup),
  Om: () => (/* binding */ toolDeadlineSeconds)
});

// UNUSED EXPORTS: TOOL_DEADLINE_ENV, TOOL_DEADLINE_SECONDS, killAllGroups

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./build/src/spawn.js
// Runs a program in its own process group with a hard deadline, and ends
// the whole group on every path: normal exit, timeout, and the action being
// cancelled (SIGINT, then SIGTERM, as the runner sends them). The compiler,
// `go` and the reproducer all run through here, so nothing is waited on
// without an end.

const liveGroups = new Set();
/** How long the pipes may stay open after the program itself exited. */
const DRAIN_MS = 10_000;
/**
 * The deadline for each call of a helper program (the compiler, `go`):
 * generous, since only a program that waits on something that never comes
 * should meet it. SIGVEC_CHECK_TOOL_DEADLINE (seconds) overrides it, for a
 * compiler that is slow on purpose and for the tests of stuck programs.
 */
const TOOL_DEADLINE_SECONDS = 300;
const TOOL_DEADLINE_ENV = 'SIGVEC_CHECK_TOOL_DEADLINE';
function toolDeadlineSeconds(env = process.env) {
    const raw = env[TOOL_DEADLINE_ENV]?.trim();
    if (!raw)
        return TOOL_DEADLINE_SECONDS;
    const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!(seconds >= 1 && seconds <= 3600))
        throw new Error(`Invalid ${TOOL_DEADLINE_ENV}: ${JSON.stringify(raw)}. Expected whole seconds from 1 to 3600.`);
    return seconds;
}
function killGroup(pgid) {
    try {
        process.kill(-pgid, 'SIGKILL');
    }
    catch {
        // ESRCH: the group is already gone.
    }
}
/** Kills every group still running; for the cancellation handler. */
function killAllGroups() {
    for (const pgid of liveGroups)
        killGroup(pgid);
    liveGroups.clear();
}
let cancelHandlersInstalled = false;
/**
 * On SIGINT/SIGTERM kill the groups we started and exit with the signal's
 * conventional code, so nothing we started outlives a cancelled job.
 */
function endGroupsOnCancel() {
    if (cancelHandlersInstalled)
        return;
    cancelHandlersInstalled = true;
    for (const [sig, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 143],
    ]) {
        process.on(sig, () => {
            killAllGroups();
            process.stderr.write(`sigvec-check: ${sig} received; the programs it started are stopped\n`);
            process.exit(code);
        });
    }
}
function runInGroup(file, args, deadlineMs) {
    // Whatever runs in a group is ended if the job is cancelled meanwhile.
    endGroupsOnCancel();
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        const pgid = child.pid;
        if (pgid !== undefined)
            liveGroups.add(pgid);
        // A program that left the group (setsid) can hold our pipes open for
        // ever; once the deadline or the drain time after exit has passed, the
        // pipes are closed on our side so 'close' still comes.
        const stopReading = () => {
            child.stdout.destroy();
            child.stderr.destroy();
        };
        let drain;
        const timer = setTimeout(() => {
            timedOut = true;
            if (pgid !== undefined)
                killGroup(pgid);
            stopReading();
        }, deadlineMs);
        child.on('exit', () => {
            drain = setTimeout(stopReading, DRAIN_MS);
        });
        child.on('error', (err) => {
            clearTimeout(timer);
            clearTimeout(drain);
            if (pgid !== undefined)
                liveGroups.delete(pgid);
            reject(err);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            clearTimeout(drain);
            // Anything the program left in its group goes with it.
            if (pgid !== undefined) {
                killGroup(pgid);
                liveGroups.delete(pgid);
            }
            resolve({
                code,
                signal,
                stdout,
                stderr,
                timedOut,
                seconds: Number(process.hrtime.bigint() - started) / 1e9,
            });
        });
    });
}


/***/ }),

/***/ 2848:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AU: () => (/* binding */ decideVerdict),
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   d$: () => (/* binding */ FAIL_ON),
/* harmony export */   f: () => (/* binding */ STATUSES)
/* harmony export */ });
/* unused harmony exports clearingText, RECOMMENDED_MEMLOCK_BYTES, memlockCommands, mergeGodebug */
/* harmony import */ var _assess_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6779);

const STATUSES = [
    'affected',
    'vulnerable',
    'unaffected',
    'not-applicable',
    'unknown',
];
/** What clears a kernel in the run's mode: "500", or "20000 over at least 10 s". */
function clearingText(e) {
    return `${e.minEvents ?? '?'}${e.minSeconds ? ` over at least ${e.minSeconds} s` : ''}`;
}
/** The wiki's suggestion, 64 MiB, unless the threads need more. */
const RECOMMENDED_MEMLOCK_BYTES = 64 * 1024 * 1024;
function decideVerdict(assessment, evidence) {
    const k = assessment.kernel;
    const reasons = [...k.reasons];
    const drill = evidence.drill ? ' (DRILL: injected on purpose)' : '';
    let status;
    if (k.finding === 'not-applicable') {
        status = 'not-applicable';
    }
    else if (evidence.result === 'corrupted') {
        status = 'affected';
        reasons.push({
            code: evidence.drill ? 'drill-corruption' : 'reproducer-corrupted',
            message: `The reproducer saw registers corrupted${evidence.leak ? `: ${evidence.leak}` : ''}${drill}.`,
        });
    }
    else {
        const cleared = evidence.result === 'clean' && evidence.enoughEvents;
        status =
            cleared || k.finding === 'clear'
                ? 'unaffected'
                : k.finding === 'buggy'
                    ? 'vulnerable'
                    : 'unknown';
        if (evidence.result === 'clean') {
            const ran = `${evidence.faultingDeliveries ?? 0} faulting signal deliveries in ${evidence.seconds?.toFixed(1)} s (${evidence.mode} mode)`;
            reasons.push(cleared
                ? {
                    code: 'reproducer-clean',
                    message: `The reproducer ran ${ran} without corruption${k.finding === 'clear' ? ', as expected' : ''}.`,
                }
                : {
                    code: 'reproducer-too-little',
                    message: `The reproducer stayed clean but ran only ${ran}; clearing a kernel takes ${clearingText(evidence)}.`,
                });
        }
    }
    return {
        status,
        headline: headline(status, assessment, evidence),
        reasons,
        mitigations: pickMitigations(status, assessment),
    };
}
function headline(status, a, e) {
    const kernel = a.kernel.release ? `Linux ${a.kernel.release}` : 'This kernel';
    switch (status) {
        case 'affected':
            return e.drill
                ? `DRILL: the reproducer injected corruption on purpose to rehearse this workflow's reaction; ${kernel} itself was not judged by it.`
                : `${kernel} corrupted AVX registers under signals in the reproducer.`;
        case 'vulnerable':
            return `${kernel} looks affected by the AVX signal-stack bug (upstream ${a.kernel.level}, ${a.kernel.compiler}).`;
        case 'unaffected':
            return `${kernel} does not have the AVX signal-stack bug.`;
        case 'not-applicable':
            return `${kernel} cannot have the bug here: ${a.kernel.reasons[0]?.message ?? ''}`.trim();
        case 'unknown':
            return `${kernel} could not be judged: the facts needed could not be read.`;
    }
}
function pickMitigations(status, a) {
    const out = [];
    if (status === 'affected' || status === 'vulnerable') {
        out.push({
            id: 'upgrade-kernel',
            title: 'Upgrade the kernel',
            detail: `Boot ${a.kernel.fixedIn ? `${a.kernel.fixedIn}+` : '5.3.15+, 5.4.2+'} or 5.5+, or a distribution build with commit 59c4bd853abc. Containers share the host's kernel: upgrade the host.`,
            commands: [],
        });
        out.push({
            id: 'godebug-asyncpreemptoff',
            title: 'Make Go send fewer signals',
            detail: 'GODEBUG=asyncpreemptoff=1 (Go 1.14+) turns off signal-based preemption: corruption becomes rarer, not impossible.',
            commands: [{ label: 'environment', text: 'GODEBUG=asyncpreemptoff=1' }],
        });
    }
    const go = a.go;
    if (go.workaround === 'mlock-fails-fatal' ||
        go.workaround === 'mlock-fails-silent') {
        const bytes = Math.max(go.memlockNeeded, RECOMMENDED_MEMLOCK_BYTES);
        out.push({
            id: 'raise-memlock',
            title: 'Raise the locked-memory limit',
            detail: `Go 1.14–1.15 need ${go.memlockNeeded} bytes for ${go.memlockThreads} threads; the limit is ${(0,_assess_js__WEBPACK_IMPORTED_MODULE_0__/* .formatLimit */ .tW)(go.memlockSoft)}. Note the units: ulimit -l counts KiB, Docker counts bytes.`,
            commands: memlockCommands(bytes),
        });
    }
    return out;
}
function memlockCommands(bytes) {
    const kib = Math.ceil(bytes / 1024);
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
    ];
}
const FAIL_ON = ['affected', 'vulnerable', 'unknown', 'never'];
/** Statuses that each `fail-on` level treats as failing. */
const FAILING = {
    affected: ['affected'],
    vulnerable: ['affected', 'vulnerable'],
    unknown: ['affected', 'vulnerable', 'unknown'],
    never: [],
};
function decide(status, policy, currentGodebug) {
    const failing = FAILING[policy.failOn].includes(status);
    const risky = status === 'affected' || status === 'vulnerable';
    if (policy.mitigate && (failing || risky)) {
        return {
            failing,
            fail: false,
            godebug: mergeGodebug(currentGodebug, 'asyncpreemptoff', '1'),
            mitigation: 'godebug',
        };
    }
    return { failing, fail: failing, godebug: null, mitigation: 'none' };
}
/** Sets one key in a comma-separated GODEBUG, keeping every other setting. */
function mergeGodebug(current, key, value) {
    const parts = (current ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
    const kept = parts.filter((p) => p.split('=')[0] !== key);
    return [...kept, `${key}=${value}`].join(',');
}


/***/ }),

/***/ 8009:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ TOOL_VERSION)
/* harmony export */ });
// The tool's version, as package.json has it (a test keeps them equal).
const TOOL_VERSION = '0.1.0';


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5035);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__EXIT_CODES = __webpack_exports__.a;
/******/ var __webpack_exports__main = __webpack_exports__.i;
/******/ export { __webpack_exports__EXIT_CODES as EXIT_CODES, __webpack_exports__main as main };
/******/ 
