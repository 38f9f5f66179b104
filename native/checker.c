/*
 * checker.c: the checking worker, one process per checker. Each window
 * releases its signal stack and signals itself with the canaries live, so
 * every delivery must fault the stack in while the kernel saves the
 * registers; the mode decides what the fault-in sleeps on, and which
 * competitors run meanwhile. The signal handler counts each delivery and,
 * for --inject, corrupts the saved frame: the positive control.
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

/* Linux x86 signal frame layout (arch/x86/include/uapi/asm/sigcontext.h). */
#define FX_XMM_OFFSET 160
#define FX_SW_BYTES_OFFSET 464
#define XSAVE_HEADER_OFFSET 512
#ifndef FP_XSTATE_MAGIC1
#define FP_XSTATE_MAGIC1 0x46505853u
#endif
/* Windows between two getrusage calls of the checker. */
#define CHECKER_RUSAGE_EVERY 16
/* Windows between two looks at whether the parent is still there (the
 * death signal covers it; this covers a parent gone before the prctl). */
#define PARENT_CHECK_EVERY 256

/* The checker's state the signal handler needs; one checker per process. */
static struct {
	struct task_record *rec;
	const uint8_t *canary;
	volatile int live;
	volatile sig_atomic_t released;
	uint64_t since_inject;
} ck;

static uint8_t inject_pattern[16][32];

/*
 * Writes the injection pattern into the saved copy of one register: the
 * low half in the FXSAVE xmm area, the high half in the XSAVE YMM_Hi128
 * component. The kernel restores both on sigreturn, exactly where a buggy
 * kernel's foreign registers would come from.
 */
static int inject_into_frame(ucontext_t *uc, unsigned reg)
{
	uint8_t *fx = (uint8_t *)uc->uc_mcontext.fpregs;
	uint32_t magic1, xstate_size;
	uint64_t xfeatures, bv;
	if (!fx)
		return 0;
	memcpy(fx + FX_XMM_OFFSET + reg * 16, inject_pattern[reg], 16);
	memcpy(&magic1, fx + FX_SW_BYTES_OFFSET, 4);
	if (magic1 != FP_XSTATE_MAGIC1)
		return 1;
	memcpy(&xfeatures, fx + FX_SW_BYTES_OFFSET + 8, 8);
	memcpy(&xstate_size, fx + FX_SW_BYTES_OFFSET + 16, 4);
	memcpy(&bv, fx + XSAVE_HEADER_OFFSET, 8);
	/* A clear bit would make XRSTOR load the init state instead. */
	bv |= xfeatures & XFEATURE_SSE_YMM;
	if (ymm_hi_offset && (xfeatures & XFEATURE_SSE_YMM) == XFEATURE_SSE_YMM &&
	    ymm_hi_offset + 256 <= xstate_size)
		memcpy(fx + ymm_hi_offset + reg * 16, inject_pattern[reg] + 16,
		       16);
	memcpy(fx + XSAVE_HEADER_OFFSET, &bv, 8);
	return 1;
}

/* --inject's bytes: the mark INJECT_TAG, or --inject-tag's task canary. */
void make_inject_pattern(void)
{
	for (unsigned r = 0; r < 16; r++)
		for (unsigned lane = 0; lane < 4; lane++)
			encode_lane(inject_pattern[r] + lane * 8,
				    opt.inject_tag ? opt.inject_tag : INJECT_TAG, r,
				    lane);
}

/* A mode's live_delivery where every faulting delivery sleeps as it should:
 * live if the canaries were in the registers when the signal came. */
int canaries_were_live(int canaries_live)
{
	return canaries_live;
}

static void count_and_inject(struct task_record *rec, void *uctx)
{
	int live = ck.live;
	atomic_fetch_add_explicit(&rec->signals, 1, memory_order_relaxed);
	if (ck.released) {
		ck.released = 0;
		atomic_fetch_add_explicit(&rec->faulting, 1,
					  memory_order_relaxed);
		if (run_mode->live_delivery(live))
			atomic_fetch_add_explicit(&rec->live_faulting, 1,
						  memory_order_relaxed);
	}
	if (!opt.inject)
		return;
	/* Only a live window: outside it the frame holds compiler state. */
	if (++ck.since_inject < opt.inject || !live)
		return;
	uint64_t n = atomic_load_explicit(&rec->injected, memory_order_relaxed);
	/* A different register each time, and per checker. */
	unsigned reg = (unsigned)(rec->tag * 5 + n * 7 + 3) % 16;
	if (inject_into_frame(uctx, reg)) {
		ck.since_inject = 0;
		if (n == 0)
			atomic_store(&rec->first_injection_ns,
				     now_ns() - start_ns);
		atomic_fetch_add_explicit(&rec->injected, 1,
					  memory_order_relaxed);
	}
}

/*
 * The handler runs with the registers the kernel gives it, not the
 * interrupted window's (those are in the frame), and another checker may be
 * preempted in here while a buggy kernel takes its registers for someone
 * else's frame. Holding our canary here too makes such a leak name us.
 */
static void on_signal(int sig, siginfo_t *si, void *uctx)
{
	struct task_record *rec = ck.rec;
	(void)sig;
	(void)si;
	if (!rec)
		return;
	load_canary(ck.canary);
	count_and_inject(rec, uctx);
	load_canary(ck.canary);
}

struct sender_args {
	pid_t pid, tid;
	int cpu;
};

/* Interrupts the checker from another CPU, so its registers are live. */
static void *sender_main(void *arg)
{
	struct sender_args *s = arg;
	struct timespec next;
	pin_to_cpu(s->cpu);
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (;;) {
		next.tv_nsec += (long)opt.sender_us * 1000;
		while (next.tv_nsec >= 1000000000) {
			next.tv_nsec -= 1000000000;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
		syscall(SYS_tgkill, s->pid, s->tid, SIG_SENDER);
	}
	return NULL;
}

/*
 * Records what killed the worker, then dies of it. If the kernel could not
 * write a signal frame it kills with SIGSEGV after resetting the handler,
 * so this never runs: an empty record says exactly that.
 */
static struct task_record *crash_rec;

static void on_crash(int sig, siginfo_t *si, void *uctx)
{
	ucontext_t *uc = uctx;
	if (crash_rec)
		snprintf(crash_rec->crash, sizeof crash_rec->crash,
			 "%s in thread %d: si_code %d, address %p, rip 0x%llx",
			 signal_name(sig), gettid_raw(), si->si_code,
			 si->si_addr,
			 (unsigned long long)uc->uc_mcontext.gregs[REG_RIP]);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void start_timer(struct task_record *rec)
{
	struct sigevent sev;
	int timer_id;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = SIG_TIMER;
	sev._sigev_un._tid = rec->tid;
	if (syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &timer_id))
		worker_fail(rec, "timer_create", errno);
	struct itimerspec its = {
		.it_interval = { 0, (long)opt.timer_us * 1000 },
		.it_value = { 0, (long)opt.timer_us * 1000 },
	};
	while (its.it_interval.tv_nsec >= 1000000000) {
		its.it_interval.tv_nsec -= 1000000000;
		its.it_interval.tv_sec++;
	}
	its.it_value = its.it_interval;
	if (syscall(SYS_timer_settime, timer_id, 0, &its, NULL))
		worker_fail(rec, "timer_settime", errno);
}

/* The crash handler, and the handler of the checker's own signals. */
static void install_handlers(struct task_record *rec, const uint8_t *canary,
			     const sigset_t *block)
{
	struct sigaction sa;

	crash_rec = rec;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_crash;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGILL, &sa, NULL);

	ck.canary = canary; /* before rec: the handler uses both once rec is set */
	ck.rec = rec;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_signal;
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
	/* No nested frames: each would fault in more stack pages per delivery. */
	sa.sa_mask = *block;
	if (sigaction(SIG_TIMER, &sa, NULL) || sigaction(SIG_SENDER, &sa, NULL) ||
	    sigaction(SIG_SELF, &sa, NULL))
		worker_fail(rec, "sigaction", errno);
}

/* The windows, each one faulting delivery, until the run stops. */
static __attribute__((noreturn)) void
check_forever(const struct worker_plan *p, struct task_record *rec,
	      uint8_t *canary, void *altstack)
{
	static uint8_t observed[CANARY_BYTES] __attribute__((aligned(32)));
	uint64_t spins = (uint64_t)(spins_per_us * opt.window_us);
	uint64_t t_start = tsc(), live_cycles = 0, checks = 0;
	volatile int *live = &ck.live;
	pid_t pid = getpid();
	for (;;) {
		/*
		 * Each window provokes one faulting delivery with the canaries
		 * live: release the signal stack, then signal ourselves. Both
		 * happen inside the window, so no signal ever lands on code
		 * whose registers the compiler owns (a corruption there crashed
		 * workers on the buggy lab kernel), and no frame is on the
		 * stack while it is released.
		 */
		if (run_mode->before_delivery)
			run_mode->before_delivery();
		struct window w = quiet_window(canary, observed, live);
		w.spins_after = spins;
		w.call[0] = (struct window_call){ SYS_madvise,
			(int64_t)(uintptr_t)altstack, ALTSTACK_BYTES,
			MADV_DONTNEED, 0 };
		w.call[1] = (struct window_call){ SYS_tgkill, pid, rec->tid,
						  SIG_SELF, 0 };
		ck.released = 1;
		run_window(&w);
		live_cycles += w.cycles;
		checks++;
		publish_progress(rec, checks, live_cycles, t_start);
		uint32_t mask = changed_registers(canary, observed);
		if (mask) {
			publish_rusage(rec);
			report_mismatch(rec, &w, mask);
			_exit(EXIT_CORRUPTED);
		}
		if (w.call[0].ret)
			worker_fail(rec, "madvise", (int)-w.call[0].ret);
		if (opt.inject_crash && checks >= opt.inject_crash &&
		    p->checker == 0 &&
		    !atomic_exchange(&shared->crash_injected, 1))
			raise(SIGSEGV);
		if (w.call[1].ret)
			worker_fail(rec, "tgkill", (int)-w.call[1].ret);
		if (checks % CHECKER_RUSAGE_EVERY == 0)
			publish_rusage(rec);
		if (atomic_load_explicit(&shared->stop, memory_order_relaxed))
			_exit(EXIT_CLEAN);
		if (checks % PARENT_CHECK_EVERY == 0 && getppid() != parent_pid)
			_exit(EXIT_CLEAN);
	}
}

/* The checker of plans[plan_index], in the process forked for it. */
void worker_main(int plan_index)
{
	const struct worker_plan *p = &plans[plan_index];
	struct task_record *rec = &shared->task[p->checker];
	static uint8_t canary[CANARY_BYTES] __attribute__((aligned(32)));
	static struct sender_args sender;
	sigset_t block;
	pthread_t thread;
	int err;

	/* Die with the parent on every path, even a SIGKILL of it. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent_pid)
		_exit(EXIT_SETUP);
	/* Shutdown is the parent's: a Ctrl-C to the whole group must not kill
	 * us before it has read our counts and printed its line. */
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	signal(SIGHUP, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGPIPE, SIG_IGN);

	if (pin_to_cpu(p->cpu))
		worker_fail(rec, "sched_setaffinity", errno);
	rec->pid = getpid();
	rec->tid = gettid_raw();
	make_canary(canary, (unsigned)rec->tag);

	void *altstack = mmap(NULL, ALTSTACK_BYTES, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (altstack == MAP_FAILED)
		worker_fail(rec, "mmap altstack", errno);
	stack_t ss = { .ss_sp = altstack, .ss_size = ALTSTACK_BYTES };
	if (sigaltstack(&ss, NULL))
		worker_fail(rec, "sigaltstack", errno);

	/* Helpers must never take the checker's signals. */
	sigemptyset(&block);
	sigaddset(&block, SIG_TIMER);
	sigaddset(&block, SIG_SENDER);
	sigaddset(&block, SIG_SELF);
	pthread_sigmask(SIG_BLOCK, &block, NULL);
	struct checker_setup setup = {
		.checker = rec,
		.competitors = p->ncompetitors ? &shared->task[p->competitor]
					       : NULL,
		.ncompetitors = (unsigned)p->ncompetitors,
		.cpu = p->cpu,
		.altstack = altstack,
		.altstack_bytes = ALTSTACK_BYTES,
	};
	run_mode->start_competitors(&setup);
	if (p->sender_cpu >= 0 && opt.sender_us) {
		sender.pid = getpid();
		sender.tid = rec->tid;
		sender.cpu = p->sender_cpu;
		if ((err = pthread_create(&thread, NULL, sender_main, &sender)))
			worker_fail(rec, "pthread_create sender", err);
	}

	install_handlers(rec, canary, &block);
	pthread_sigmask(SIG_UNBLOCK, &block, NULL);

	/*
	 * Optional extra signal sources (off by default): a timer aimed at
	 * this thread and a sender on another CPU interrupt it at random
	 * points, as Go's preemption signals do. Raw syscalls: glibc before
	 * 2.34 keeps timer_create in librt, and the canonical build links
	 * nothing but libc.
	 */
	if (opt.timer_us)
		start_timer(rec);

	/*
	 * Start only once every competitor holds its canary: a preemption in
	 * the first fault-in could otherwise hand us a thread still starting
	 * up (the lab saw its bytes leak in, naming no task).
	 */
	for (int j = 0; j < p->ncompetitors; j++)
		while (!atomic_load(&shared->task[p->competitor + j].ready))
			sched_yield();
	check_forever(p, rec, canary, altstack);
}

#endif /* SIGVEC_X86_LINUX */
