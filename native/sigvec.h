/*
 * sigvec.h: what every unit of the reproducer shares (as the kernel's
 * mm selftests share uffd-common.h): the limits, the options, the record
 * each task keeps in shared memory, the canary window, and the mode table.
 * The facts the reproducer relies on are in docs/bug.md; its JSON line,
 * exit codes and options in native/README.md, which also maps the units.
 */
// Build (every unit, one line, no dependency beyond libc):
//   cc -O2 -Wall -Wextra -pthread -o sigvec-repro native/*.c
#ifndef SIGVEC_H
#define SIGVEC_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* before any system header: every unit includes us first */
#endif
#include <stdint.h>
#include <stdio.h>

/* The reproducer proper runs on x86-64 Linux only; elsewhere (or with
 * -DSIGVEC_PORTABLE_ONLY, which the tests use to build that path) the
 * program parses its arguments, answers --mlock-probe and reports
 * "unsupported". Units that need x86 compile to nothing there. */
#if defined(__x86_64__) && defined(__linux__) && !defined(SIGVEC_PORTABLE_ONLY)
#define SIGVEC_X86_LINUX 1
#else
#define SIGVEC_X86_LINUX 0
#endif

/* Exit codes: a contract with src/reproducer.ts and native/README.md. */
#define EXIT_CLEAN 0
#define EXIT_CORRUPTED 1
#define EXIT_USAGE 2
#define EXIT_UNSUPPORTED 3
#define EXIT_SETUP 4
#define EXIT_CRASHED 5
#define SCHEMA_VERSION 1

/* Tasks of one run: checkers plus their competitors (tags 1..N). */
#define MAX_TASKS 256
/* sched_getaffinity's default cpu_set_t holds this many (CPU_SETSIZE);
 * --cpus cannot ask for more than we can list. */
#define MAX_CPUS 1024
/* --spinners' upper bound, and the competitor slots a checker holds. */
#define MAX_COMPETITORS 16
/* Workers killed by a fault and started again that the line lists. */
#define MAX_CRASHES 16

/* --mlock-probe BYTES: far above any memlock limit a runner sets, and low
 * enough that rounding up to pages cannot overflow. */
#define MLOCK_PROBE_MAX_BYTES (UINT64_C(1) << 40)

struct options {
	const char *mode; /* a name in the mode table, or "auto" */
	double duration;
	uint64_t events;
	unsigned tasks;
	unsigned cpus;
	unsigned inject;
	unsigned inject_tag;
	unsigned inject_crash;
	unsigned spinners;
	unsigned window_us;
	unsigned timer_us;
	unsigned sender_us;
	unsigned hold_us;
	uint64_t mlock_probe; /* bytes; 0: not asked */
	const char *io_dir; /* --io-dir; NULL: $TMPDIR, else /tmp */
};

struct mode_reason;
struct checker_setup;

/*
 * A mode: what makes the checker's signal-stack fault-in sleep so that a
 * canary task on the same CPU runs meanwhile. One entry per mode in
 * modes[] (sigvec-repro.c); --mode auto takes the first that is permitted.
 */
struct mode {
	const char *name; /* --mode NAME and the JSON's "mode" */
	/* Whether it is permitted here: 0, or -1 with why filled in. NULL:
	 * always permitted. Runs in the parent, before any worker. */
	int (*probe)(struct mode_reason *why);
	/* Competitor tasks beside each checker, pinned to its CPU. */
	unsigned (*competitors)(void);
	/* In the checker's process, its signals blocked: make whatever the
	 * fault-in sleeps on and start the competitor threads
	 * (competitor_start); worker_fail on any error. */
	void (*start_competitors)(const struct checker_setup *setup);
	/* Whether a faulting delivery counts as live: called from the
	 * checker's signal handler with whether its canaries were in the
	 * registers when the signal came. */
	int (*live_delivery)(int canaries_live);
	/* In the checker, before each window (NULL: nothing): what must
	 * happen before the window releases the stack and signals itself. */
	void (*before_delivery)(void);
	/* The mode's own fields of the result line, each ",\"key\":value"
	 * (NULL: none). */
	void (*describe)(FILE *f);
};

/* The mode units (mode-*.c) and their table (sigvec-repro.c), in the order
 * --mode auto tries them; NULL ends it. Names exist in every build, so the
 * arguments parse alike everywhere; the operations only on x86-64 Linux. */
extern const struct mode mode_uffd, mode_io, mode_stress;
extern const struct mode *const modes[];

/* args.c */
extern struct options opt;
void parse_args(int argc, char **argv);
__attribute__((noreturn)) void usage_error(const char *fmt, const char *arg);

/* json.c: the one line on stdout, and the names it uses. */
void json_string(FILE *f, const char *s);
void print_failure(const char *result, const char *code, const char *text);
const char *errno_name(int e);
const char *signal_name(int sig);

/* mlock-probe.c */
int mlock_probe(uint64_t bytes);

#if SIGVEC_X86_LINUX

#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <sys/types.h>

#define CANARY_BYTES 512 /* 16 YMM registers x 32 bytes */
#define INJECT_TAG 0xFFFFu
#define PARENT_TAG 0u /* tasks are 1..N */
#define SIG_TIMER SIGUSR1
#define SIG_SENDER SIGUSR2
#define SIG_SELF SIGURG
#define ALTSTACK_BYTES (64 * 1024)
/* XCR0 / XSAVE feature bits of SSE and AVX (YMM) state. */
#define XFEATURE_SSE_YMM 0x6u

enum role { ROLE_CHECKER, ROLE_COMPETITOR };

/* One per task, in memory shared by every process of the run. */
struct task_record {
	int32_t tag, role, cpu, sender_cpu, pid, tid;
	_Atomic uint64_t signals, faulting, live_faulting, uffd_faults;
	_Atomic uint64_t checks, nivcsw, injected, live_cycles, wall_cycles;
	/* io mode: deliveries whose fault-in read the page from the device,
	 * and of those the ones in which the checker slept. */
	_Atomic uint64_t io_major, io_slept;
	_Atomic int64_t first_injection_ns;
	_Atomic int32_t mismatch, failed, ready;
	uint32_t mismatch_mask;
	int64_t mismatch_ns;
	uint8_t expected[CANARY_BYTES], observed[CANARY_BYTES];
	char error[240];
	char crash[160]; /* what the worker's fault handler saw, if it ran */
};

struct shared_state {
	_Atomic int32_t stop;
	_Atomic int32_t crash_injected;
	_Atomic int32_t first_mismatch;
	struct task_record task[MAX_TASKS];
};

/* A system call made while the canaries are in the registers; nr < 0 ends
 * the list. */
struct window_call {
	int64_t nr, a1, a2, a3, ret;
};
#define WINDOW_CALLS 3

/* What one canary window does; the asm reads and writes it by offset. */
struct window {
	const uint8_t *canary;
	uint8_t *observed;
	volatile int *live;
	uint64_t spins_before, spins_after;
	struct window_call call[WINDOW_CALLS];
	uint64_t cycles;
};

/* What a mode's start_competitors gets: one checker process's set-up. */
struct checker_setup {
	struct task_record *checker;
	struct task_record *competitors; /* ncompetitors records in a row */
	unsigned ncompetitors;
	int cpu;
	void *altstack;
	size_t altstack_bytes;
};

/* Why a mode runs (or may not): the JSON's modeReason* fields. */
struct mode_reason {
	const char *code;
	const char *err;
	char text[640];
};


#define LOAD(n) "vmovdqu " #n "*32(%%rsi), %%ymm" #n "\n\t"
#define ALL16(m) \
	m(0) m(1) m(2) m(3) m(4) m(5) m(6) m(7) m(8) m(9) m(10) m(11) m(12) m(13) m(14) m(15)

/*
 * Loads a canary into all 16 registers; they are scratch to the caller.
 * Inline, here rather than in canary.c: the checker's signal handler must
 * hold its canary from its first instructions (checker.c, on_signal).
 */
static inline void load_canary(const uint8_t *canary)
{
	__asm__ volatile("movq %0, %%rsi\n\t" ALL16(LOAD)
			 :
			 : "r"(canary)
			 : "rsi", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
			   "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
			   "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

/* canary.c: the canary encoding, the asm window, the AVX check. */
extern uint16_t run_nonce;
extern uint32_t ymm_hi_offset; /* of YMM_Hi128 in the XSAVE frame, 0: none */
extern double spins_per_us;
int check_avx(char *why, size_t len);
void encode_lane(uint8_t *out, unsigned tag, unsigned reg, unsigned lane);
void make_canary(uint8_t *out, unsigned tag);
int decode_lane(const uint8_t *in, unsigned *tag, unsigned *reg,
		unsigned *nonce);
void run_window(struct window *w);
uint32_t changed_registers(const uint8_t *canary, const uint8_t *observed);
struct window quiet_window(const uint8_t *canary, uint8_t *observed,
			   volatile int *live);
double calibrate_spins_per_us(void);

/* task.c: a task's clocks, CPU, and what it publishes for the parent. */
extern struct shared_state *shared;
extern int64_t start_ns;
extern pid_t parent_pid;
extern int notify_fd;
int64_t now_ns(void);
uint64_t tsc(void);
pid_t gettid_raw(void);
int pin_to_cpu(int cpu);
void publish_rusage(struct task_record *rec);
void publish_progress(struct task_record *rec, uint64_t checks,
		      uint64_t live_cycles, uint64_t t_start);
void report_mismatch(struct task_record *rec, const struct window *w,
		     uint32_t mask);
__attribute__((noreturn)) void worker_fail(struct task_record *rec,
					   const char *what, int err);

/* competitor.c: the one loop every mode's competitor threads run. */
struct competitor {
	struct task_record *rec;
	int cpu;
	/* The mode's part: one step of windows (competitor_window). Returns
	 * 0 when nothing happened, so the loop publishes nothing. */
	int (*step)(struct competitor *c);
	void *mode_state;
	volatile int live;
	uint64_t t_start, live_cycles, checks;
	uint8_t canary[CANARY_BYTES] __attribute__((aligned(32)));
	uint8_t observed[CANARY_BYTES] __attribute__((aligned(32)));
};
void competitor_start(struct competitor *c, struct task_record *checker,
		      const char *what);
void competitor_window(struct competitor *c, struct window *w);
/* mode-stress.c: its spinners, which io mode runs beside its checkers too. */
void start_spinners(const struct checker_setup *s);

/* checker.c: the checking worker process. */
void make_inject_pattern(void);
int canaries_were_live(int canaries_live);
__attribute__((noreturn)) void worker_main(int plan_index);

/* supervisor.c: the parent's plan, its workers, their reaping. */
struct worker_plan {
	int checker;    /* task index */
	int competitor; /* first competitor's task index, -1 if none */
	int ncompetitors;
	int cpu, sender_cpu;
	pid_t pid;
	int reaped;
};

struct crash_record {
	int task, pid, sig;
	int64_t ns;
	char detail[160];
};

struct supervision {
	const char *stop_reason;
	const char *fail_code; /* NULL unless a worker failed */
	char fail_text[320];
	int64_t elapsed_ns;
};

extern const struct mode *run_mode;
extern struct worker_plan plans[MAX_TASKS];
extern unsigned nplans, ntasks;
extern struct crash_record crashes[MAX_CRASHES];
extern unsigned ncrashes;
void supervise(struct supervision *out);
__attribute__((noreturn)) void setup_failed(const char *code,
					    const char *text);

/* json.c */
void print_result(const char *result, const struct mode_reason *why,
		  const char *stop_reason, int64_t elapsed_ns);
extern unsigned cpu_count;

#endif /* SIGVEC_X86_LINUX */
#endif /* SIGVEC_H */
