/*
 * sigvec-repro: detects Linux kernels that corrupt AVX (YMM) registers of a
 * thread that takes a signal (the Go "LinuxKernelSignalVectorBug", fixed by
 * kernel commit 59c4bd853abc). The facts it relies on are in docs/bug.md;
 * the JSON line, exit codes, options and the units of native/ are described
 * in native/README.md. Build: see sigvec.h (one cc line, every unit).
 *
 * Exit codes: 0 clean, 1 corrupted, 2 usage, 3 unsupported, 4 setup failed,
 * 5 a worker crashed (no corruption seen).
 * stdout carries exactly one JSON line; stderr carries diagnostics.
 *
 * This unit holds main and the mode table: it picks the mode, plans the
 * tasks, hands them to the supervisor and reports.
 */
#include "sigvec.h"

#include <string.h>

/*
 * The modes, in the order --mode auto tries them: the first whose probe
 * permits it runs. A new mode is one unit (mode-NAME.c defining
 * `const struct mode mode_NAME`), its declaration in sigvec.h and one entry
 * here (and a line in the --help text).
 */
const struct mode *const modes[] = {
	&mode_uffd,
	&mode_io,
	&mode_stress,
	NULL,
};

#if SIGVEC_X86_LINUX

#include <sched.h>
#include <sys/mman.h>
#include <unistd.h>

unsigned cpu_count;
static int cpu_list[MAX_CPUS];

_Static_assert(MAX_CPUS == CPU_SETSIZE, "--cpus is bounded by cpu_set_t");

static void list_cpus(void)
{
	char text[320];
	cpu_set_t allowed;
	if (sched_getaffinity(0, sizeof allowed, &allowed))
		setup_failed("affinity", "sched_getaffinity failed");
	for (int c = 0; c < CPU_SETSIZE && cpu_count < MAX_CPUS; c++)
		if (CPU_ISSET(c, &allowed))
			cpu_list[cpu_count++] = c;
	if (opt.cpus) {
		if (opt.cpus > cpu_count) {
			snprintf(text, sizeof text,
				 "--cpus %u: only %u CPUs available", opt.cpus,
				 cpu_count);
			usage_error("%s", text);
		}
		cpu_count = opt.cpus;
	}
}

/* Appends part to the string in buf, as far as it holds. */
static void append(char *buf, size_t size, const char *part)
{
	size_t n = strlen(buf), k = strlen(part);
	if (n + 1 >= size)
		return;
	if (k > size - n - 1)
		k = size - n - 1;
	memcpy(buf + n, part, k);
	buf[n + k] = 0;
}

/* --mode NAME, or for auto the first mode permitted here. why says which
 * and why: a requested mode is "requested". auto reports the probe that
 * decided, followed by why each mode before it was passed over; a mode with
 * no probe (stress) keeps the first refusal's code and errno. */
static const struct mode *choose_mode(struct mode_reason *why)
{
	int automatic = !strcmp(opt.mode, "auto");
	struct mode_reason first = { 0 };
	char passed[sizeof why->text] = "";
	for (const struct mode *const *m = modes; *m; m++) {
		if (!automatic && strcmp(opt.mode, (*m)->name))
			continue;
		struct mode_reason probe = { 0 };
		if ((*m)->probe && (*m)->probe(&probe)) {
			if (!automatic)
				setup_failed(probe.code, probe.text);
			if (!first.code)
				first = probe;
			if (passed[0])
				append(passed, sizeof passed, "; ");
			append(passed, sizeof passed, (*m)->name);
			append(passed, sizeof passed, " passed over (");
			append(passed, sizeof passed, probe.code);
			append(passed, sizeof passed, "): ");
			append(passed, sizeof passed, probe.text);
			continue;
		}
		if (!automatic) {
			why->code = "requested";
			snprintf(why->text, sizeof why->text, "--mode %s",
				 (*m)->name);
		} else if ((*m)->probe) {
			*why = probe;
			if (passed[0]) {
				append(why->text, sizeof why->text, "; ");
				append(why->text, sizeof why->text, passed);
			}
		} else {
			/* Only a refusal can have brought auto here. */
			why->code = first.code;
			why->err = first.err;
			why->text[0] = 0;
			append(why->text, sizeof why->text, passed);
		}
		return *m;
	}
	/* Unreachable while the table ends with a mode that needs no probe. */
	setup_failed("mode", "no mode is permitted here");
}

/*
 * One checker per CPU, each with competitors pinned beside it (what they
 * do is the mode's). The checker is then the only task on its CPU that
 * takes signals, so whatever a buggy kernel hands it after a preemption in
 * the fault-in is a competitor's canary, which names it (three checkers per
 * CPU leaked their own handlers' zeros in half the lab detections).
 */
static void plan_tasks(void)
{
	char text[320];
	unsigned checkers = opt.tasks ? opt.tasks : cpu_count;
	unsigned per_checker = run_mode->competitors();
	if (checkers * (1 + per_checker) > MAX_TASKS) {
		snprintf(text, sizeof text,
			 "%u checkers with %u competitors each exceed %d tasks",
			 checkers, per_checker, MAX_TASKS);
		usage_error("%s", text);
	}
	for (unsigned i = 0; i < checkers; i++) {
		struct worker_plan *p = &plans[nplans++];
		p->cpu = cpu_list[i % cpu_count];
		p->sender_cpu = cpu_count > 1 ? cpu_list[(i + 1) % cpu_count] : -1;
		p->checker = (int)ntasks++;
		p->ncompetitors = (int)per_checker;
		p->competitor = per_checker ? (int)ntasks : -1;
		ntasks += per_checker;
	}
	/* An injected canary must name a task of this run, or the leak it
	 * stands for would name nobody. */
	if (opt.inject_tag > ntasks) {
		snprintf(text, sizeof text,
			 "--inject-tag %u: this run has tasks 1 to %u",
			 opt.inject_tag, ntasks);
		usage_error("%s", text);
	}
	for (unsigned i = 0; i < ntasks; i++) {
		shared->task[i].tag = (int32_t)i + 1;
		shared->task[i].first_injection_ns = -1;
	}
	for (unsigned i = 0; i < nplans; i++) {
		struct task_record *c = &shared->task[plans[i].checker];
		c->role = ROLE_CHECKER;
		c->cpu = plans[i].cpu;
		c->sender_cpu = plans[i].sender_cpu;
		for (int j = 0; j < plans[i].ncompetitors; j++) {
			struct task_record *k = &shared->task[plans[i].competitor + j];
			k->role = ROLE_COMPETITOR;
			k->cpu = plans[i].cpu;
			k->sender_cpu = -1;
		}
	}
}

static int run_reproducer(void)
{
	char text[320];
	struct mode_reason why = { 0 };
	struct supervision run;

	if (check_avx(text, sizeof text)) {
		fprintf(stderr, "sigvec-repro: unsupported: %s\n", text);
		print_failure("unsupported", "no-avx", text);
		return EXIT_UNSUPPORTED;
	}
	list_cpus();
	run_mode = choose_mode(&why);
	fprintf(stderr, "sigvec-repro: mode %s (%s: %s)\n", run_mode->name,
		why.code, why.text);

	spins_per_us = calibrate_spins_per_us();
	parent_pid = getpid();
	run_nonce = (uint16_t)(parent_pid ^ (start_ns >> 10));
	if (run_nonce == 0)
		run_nonce = 1;
	make_inject_pattern();

	shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED) {
		shared = NULL;
		setup_failed("mmap", "mmap of shared results failed");
	}
	atomic_store(&shared->first_mismatch, -1);
	plan_tasks();
	supervise(&run);

	int corrupted = atomic_load(&shared->first_mismatch) >= 0;
	if (run.fail_code && !corrupted) {
		fprintf(stderr, "sigvec-repro: %s\n", run.fail_text);
		print_failure("error", run.fail_code, run.fail_text);
		return EXIT_SETUP;
	}
	if (corrupted)
		run.stop_reason = "corruption";
	print_result(corrupted ? "corrupted" : ncrashes ? "crashed" : "clean",
		     &why, run.stop_reason, run.elapsed_ns);
	if (corrupted) {
		const struct task_record *t =
			&shared->task[atomic_load(&shared->first_mismatch)];
		fprintf(stderr,
			"sigvec-repro: [FAIL] task %d saw ymm%d change after a signal\n",
			t->tag, __builtin_ctz(t->mismatch_mask));
	} else if (ncrashes) {
		fprintf(stderr,
			"sigvec-repro: [FAIL] no corruption seen, but %u worker(s) crashed (first: %s)\n",
			ncrashes, signal_name(crashes[0].sig));
	} else {
		fprintf(stderr, "sigvec-repro: [OK] registers intact (%s)\n",
			run.stop_reason);
	}
	return corrupted ? EXIT_CORRUPTED : ncrashes ? EXIT_CRASHED : EXIT_CLEAN;
}

#else /* not x86-64 Linux */

static int run_reproducer(void)
{
	fprintf(stderr, "sigvec-repro: unsupported: not x86-64 Linux\n");
	print_failure("unsupported", "not-x86-64",
		      "the bug and this reproducer are x86-64 Linux only");
	return EXIT_UNSUPPORTED;
}

#endif

int main(int argc, char **argv)
{
#if SIGVEC_X86_LINUX
	start_ns = now_ns(); /* "seconds" counts from here */
#endif
	parse_args(argc, argv);
	if (opt.mlock_probe)
		return mlock_probe(opt.mlock_probe);
	return run_reproducer();
}
