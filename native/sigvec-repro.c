/*
 * sigvec-repro: detects Linux kernels that corrupt AVX (YMM) registers of a
 * thread that takes a signal (the Go "LinuxKernelSignalVectorBug", fixed by
 * kernel commit 59c4bd853abc). The facts it relies on are in docs/bug.md;
 * the JSON line, exit codes and options are described in native/README.md.
 *
 * Canonical build (no dependency beyond glibc; -static works too):
 *   cc -O2 -Wall -Wextra -pthread -o sigvec-repro sigvec-repro.c
 *
 * Exit codes: 0 clean, 1 corrupted, 2 usage, 3 unsupported, 4 setup failed,
 * 5 a worker crashed (no corruption seen).
 * stdout carries exactly one JSON line; stderr carries diagnostics.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_CLEAN 0
#define EXIT_CORRUPTED 1
#define EXIT_USAGE 2
#define EXIT_UNSUPPORTED 3
#define EXIT_SETUP 4
#define EXIT_CRASHED 5
#define SCHEMA_VERSION 1
#define MAX_TASKS 256

enum run_mode { MODE_AUTO, MODE_UFFD, MODE_STRESS };

struct options {
	enum run_mode mode;
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
};

static struct options opt = {
	.mode = MODE_AUTO,
	.duration = 10.0,
	.spinners = 2,
};

static const char usage_text[] =
	"Usage: sigvec-repro [options]\n"
	"Looks for the Linux x86 kernel bug that corrupts AVX registers of a\n"
	"thread taking a signal (5.2, 5.3.0-5.3.14, 5.4.0-5.4.1 built by GCC 9+).\n"
	"\n"
	"  --mode auto|uffd|stress  uffd: deterministic trigger with userfaultfd;\n"
	"                           stress: oversubscribed CPUs; auto (default):\n"
	"                           uffd where permitted, else stress\n"
	"  --duration SECONDS       stop clean after this long (default 10)\n"
	"  --events N               stop clean after N faulting deliveries\n"
	"  --tasks N                checking tasks in all (default: 1 per CPU)\n"
	"  --spinners N             stress: canary-holding competitors beside\n"
	"                           each checker (default 2)\n"
	"  --cpus N                 use the first N CPUs we may run on\n"
	"  --inject N               positive control: corrupt the saved registers\n"
	"                           in every Nth signal frame\n"
	"  --inject-tag N           write task N's canary instead of the\n"
	"                           injection mark (proves leak attribution)\n"
	"  --inject-crash N         positive control for crash handling: the\n"
	"                           first worker dies of SIGSEGV after N\n"
	"                           windows, once\n"
	"  --window-us N            spin this long after the signal returns,\n"
	"                           canaries held (default 0)\n"
	"  --timer-us N             also signal each checker by a timer with\n"
	"                           this period (default 0: off)\n"
	"  --sender-us N            also signal each checker from another CPU\n"
	"                           with this period (default 0: off)\n"
	"  --hold-us N              uffd: hold each fault-in this long\n"
	"                           (default 0)\n"
	"  --help                   this text\n"
	"\n"
	"Prints one JSON line on stdout. Exit: 0 clean, 1 corrupted, 2 usage,\n"
	"3 unsupported (not x86-64 or no AVX), 4 setup failed, 5 no corruption\n"
	"seen but a worker crashed (SIGSEGV, SIGBUS, ...).\n";

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* Every way out prints one line, so a caller never has to guess. */
static void print_failure(const char *result, const char *code,
			  const char *text)
{
	fprintf(stdout, "{\"version\":%d,\"result\":", SCHEMA_VERSION);
	json_string(stdout, result);
	fputs(",\"reason\":", stdout);
	json_string(stdout, code);
	fputs(",\"reasonText\":", stdout);
	json_string(stdout, text);
	fputs("}\n", stdout);
	fflush(stdout);
}

static void usage_error(const char *fmt, const char *arg)
{
	char text[256];
	snprintf(text, sizeof text, fmt, arg);
	fprintf(stderr, "sigvec-repro: %s\n\n%s", text, usage_text);
	print_failure("error", "usage", text);
	exit(EXIT_USAGE);
}

static int parse_count(const char *s, uint64_t min, uint64_t max,
		       uint64_t *out)
{
	char *end;
	unsigned long long v;
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static unsigned count_arg(const char *name, const char *s, uint64_t min,
			  uint64_t max)
{
	uint64_t v;
	char fmt[160];
	if (parse_count(s, min, max, &v)) {
		snprintf(fmt, sizeof fmt,
			 "%s needs a whole number from %" PRIu64 " to %" PRIu64
			 ", got '%%s'",
			 name, min, max);
		usage_error(fmt, s);
	}
	return (unsigned)v;
}

static void parse_args(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "mode", required_argument, 0, 'm' },
		{ "duration", required_argument, 0, 'd' },
		{ "events", required_argument, 0, 'e' },
		{ "tasks", required_argument, 0, 't' },
		{ "cpus", required_argument, 0, 'c' },
		{ "inject", required_argument, 0, 'i' },
		{ "inject-tag", required_argument, 0, 'g' },
		{ "inject-crash", required_argument, 0, 'x' },
		{ "spinners", required_argument, 0, 'P' },
		{ "window-us", required_argument, 0, 'w' },
		{ "timer-us", required_argument, 0, 'T' },
		{ "sender-us", required_argument, 0, 'S' },
		{ "hold-us", required_argument, 0, 'H' },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 },
	};
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (!strcmp(optarg, "auto"))
				opt.mode = MODE_AUTO;
			else if (!strcmp(optarg, "uffd"))
				opt.mode = MODE_UFFD;
			else if (!strcmp(optarg, "stress"))
				opt.mode = MODE_STRESS;
			else
				usage_error("--mode takes auto, uffd or stress, got '%s'",
					    optarg);
			break;
		case 'd': {
			char *end;
			double v;
			errno = 0;
			v = strtod(optarg, &end);
			/* v == v rejects NaN without needing libm. */
			if (errno || end == optarg || *end || !(v == v) ||
			    !(v > 0) || v > 86400)
				usage_error("--duration needs seconds above 0 and at most 86400, got '%s'",
					    optarg);
			opt.duration = v;
			break;
		}
		case 'e':
			opt.events = count_arg("--events", optarg, 1, UINT32_MAX);
			break;
		case 't':
			opt.tasks = count_arg("--tasks", optarg, 1, MAX_TASKS / 2);
			break;
		case 'c':
			opt.cpus = count_arg("--cpus", optarg, 1, 1024);
			break;
		case 'i':
			opt.inject = count_arg("--inject", optarg, 1, UINT32_MAX);
			break;
		case 'g':
			opt.inject_tag = count_arg("--inject-tag", optarg, 1, 0xFFFE);
			break;
		case 'P':
			opt.spinners = count_arg("--spinners", optarg, 0, 16);
			break;
		case 'x':
			opt.inject_crash = count_arg("--inject-crash", optarg, 1, UINT32_MAX);
			break;
		case 'w':
			opt.window_us = count_arg("--window-us", optarg, 0, 100000);
			break;
		case 'T':
			opt.timer_us = count_arg("--timer-us", optarg, 0, 1000000);
			if (opt.timer_us && opt.timer_us < 5)
				usage_error("--timer-us needs 0 (off) or 5 to 1000000, got '%s'", optarg);
			break;
		case 'S':
			opt.sender_us = count_arg("--sender-us", optarg, 0, 1000000);
			if (opt.sender_us && opt.sender_us < 5)
				usage_error("--sender-us needs 0 (off) or 5 to 1000000, got '%s'", optarg);
			break;
		case 'H':
			opt.hold_us = count_arg("--hold-us", optarg, 0, 1000000);
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(EXIT_CLEAN);
		case ':':
			usage_error("%s needs a value", argv[optind - 1]);
			break;
		default:
			usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);
}

#if defined(__x86_64__) && defined(__linux__) && !defined(SIGVEC_PORTABLE_ONLY)

#include <cpuid.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>

#define CANARY_BYTES 512 /* 16 YMM registers x 32 bytes */
#define INJECT_TAG 0xFFFFu
#define PARENT_TAG 0u /* tasks are 1..N */
#define SIG_TIMER SIGUSR1
#define SIG_SENDER SIGUSR2
#define SIG_SELF SIGURG
#define ALTSTACK_BYTES (64 * 1024)
/* Linux x86 signal frame layout (arch/x86/include/uapi/asm/sigcontext.h). */
#define FX_XMM_OFFSET 160
#define FX_SW_BYTES_OFFSET 464
#define XSAVE_HEADER_OFFSET 512
#ifndef FP_XSTATE_MAGIC1
#define FP_XSTATE_MAGIC1 0x46505853u
#endif
#define XFEATURE_SSE_YMM 0x6u
/* Kernel headers before 6.1 (e.g. Ubuntu 22.04's) lack /dev/userfaultfd. */
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif

enum role { ROLE_CHECKER, ROLE_COMPETITOR };

/* One per task, in memory shared by every process of the run. */
struct task_record {
	int32_t tag, role, cpu, sender_cpu, pid, tid;
	_Atomic uint64_t signals, faulting, live_faulting, uffd_faults;
	_Atomic uint64_t checks, nivcsw, injected, live_cycles, wall_cycles;
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

#define LOAD(n) "vmovdqu " #n "*32(%%rsi), %%ymm" #n "\n\t"
#define STORE(n) "vmovdqu %%ymm" #n ", " #n "*32(%%rsi)\n\t"
#define CALL(i)                                                        \
	"movq %c[o_nr" #i "](%[w]), %%rax\n\t"                           \
	"testq %%rax, %%rax\n\t"                                         \
	"js 3f\n\t"                                                      \
	"movq %c[o_a1" #i "](%[w]), %%rdi\n\t"                           \
	"movq %c[o_a2" #i "](%[w]), %%rsi\n\t"                           \
	"movq %c[o_a3" #i "](%[w]), %%rdx\n\t"                           \
	"syscall\n\t"                                                    \
	"movq %%rax, %c[o_ret" #i "](%[w])\n\t"
#define CALL_OFFSETS(i)                                                        \
	[o_nr##i] "i"(offsetof(struct window, call[i].nr)),                    \
	[o_a1##i] "i"(offsetof(struct window, call[i].a1)),                    \
	[o_a2##i] "i"(offsetof(struct window, call[i].a2)),                    \
	[o_a3##i] "i"(offsetof(struct window, call[i].a3)),                    \
	[o_ret##i] "i"(offsetof(struct window, call[i].ret))
#define ALL16(m) \
	m(0) m(1) m(2) m(3) m(4) m(5) m(6) m(7) m(8) m(9) m(10) m(11) m(12) m(13) m(14) m(15)

/*
 * Load, spin, call and snapshot live in one asm block so the compiler can
 * never spill, reuse or reload a vector register while the canaries are held:
 * whatever is in the registers at the end is what the kernel gave back. The
 * system calls in the middle are how a window provokes the kernel: the
 * checker releases its signal stack and signals itself (the signal is
 * delivered on the way out of tgkill, with the canaries live), the uffd
 * competitor fills the held page with its own canaries in the registers.
 * The compare is done afterwards on the snapshot, so the bytes reported are
 * exactly the bytes that failed.
 */
static __attribute__((noinline)) void run_window(struct window *w)
{
	__asm__ volatile(
		"movq %c[o_canary](%[w]), %%rsi\n\t"
		ALL16(LOAD)
		"movq %c[o_live](%[w]), %%rdi\n\t"
		"movl $1, (%%rdi)\n\t"
		"rdtsc\n\t"
		"shlq $32, %%rdx\n\t"
		"orq %%rdx, %%rax\n\t"
		"movq %%rax, %%r8\n\t"
		"movq %c[o_sb](%[w]), %%rcx\n\t"
		"testq %%rcx, %%rcx\n\t"
		"jz 2f\n"
		"1:\n\t"
		"decq %%rcx\n\t"
		"jnz 1b\n"
		"2:\n\t"
		CALL(0) CALL(1) CALL(2)
		"3:\n\t"
		"movq %c[o_sa](%[w]), %%rcx\n\t"
		"testq %%rcx, %%rcx\n\t"
		"jz 5f\n"
		"4:\n\t"
		"decq %%rcx\n\t"
		"jnz 4b\n"
		"5:\n\t"
		"movq %c[o_obs](%[w]), %%rsi\n\t"
		ALL16(STORE)
		"rdtsc\n\t"
		"shlq $32, %%rdx\n\t"
		"orq %%rdx, %%rax\n\t"
		"subq %%r8, %%rax\n\t"
		"movq %%rax, %c[o_cyc](%[w])\n\t"
		"movq %c[o_live](%[w]), %%rdi\n\t"
		"movl $0, (%%rdi)\n\t"
		"vzeroupper\n\t"
		:
		: [w] "r"(w),
		  [o_canary] "i"(offsetof(struct window, canary)),
		  [o_obs] "i"(offsetof(struct window, observed)),
		  [o_live] "i"(offsetof(struct window, live)),
		  [o_sb] "i"(offsetof(struct window, spins_before)),
		  [o_sa] "i"(offsetof(struct window, spins_after)),
		  CALL_OFFSETS(0), CALL_OFFSETS(1), CALL_OFFSETS(2),
		  [o_cyc] "i"(offsetof(struct window, cycles))
		: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
		  "cc", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
		  "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11",
		  "xmm12", "xmm13", "xmm14", "xmm15");
}

/* Registers whose snapshot differs from the canary, one bit each. */
static uint32_t changed_registers(const uint8_t *canary, const uint8_t *observed)
{
	uint32_t mask = 0;
	for (unsigned r = 0; r < 16; r++)
		if (memcmp(canary + r * 32, observed + r * 32, 32))
			mask |= 1u << r;
	return mask;
}

/* A window that makes no system call. */
static struct window quiet_window(const uint8_t *canary, uint8_t *observed,
				  volatile int *live)
{
	struct window w = { .canary = canary, .observed = observed,
			    .live = live };
	for (unsigned i = 0; i < WINDOW_CALLS; i++)
		w.call[i].nr = -1;
	return w;
}

static struct shared_state *shared;
static int64_t start_ns;
static pid_t parent_pid;
static uint16_t run_nonce;
static uint8_t parent_canary[CANARY_BYTES] __attribute__((aligned(32)));
static uint32_t ymm_hi_offset; /* of YMM_Hi128 in the XSAVE frame, 0: none */
static double spins_per_us;
static int notify_fd = -1;
static int uffd_via_dev; /* the probe found /dev/userfaultfd, not the syscall */
static int cpu_list[1024];
static unsigned cpu_count;

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static uint64_t tsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static pid_t gettid_raw(void)
{
	return (pid_t)syscall(SYS_gettid);
}

static const char *errno_name(int e)
{
	switch (e) {
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case ENOSYS: return "ENOSYS";
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case ENOENT: return "ENOENT";
	case EFAULT: return "EFAULT";
	case EBUSY: return "EBUSY";
	case EAGAIN: return "EAGAIN";
	case EEXIST: return "EEXIST";
	case EMFILE: return "EMFILE";
	case ENFILE: return "ENFILE";
	case ESRCH: return "ESRCH";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	default: return "EOTHER";
	}
}

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV: return "SIGSEGV";
	case SIGBUS: return "SIGBUS";
	case SIGILL: return "SIGILL";
	case SIGFPE: return "SIGFPE";
	case SIGABRT: return "SIGABRT";
	case SIGKILL: return "SIGKILL";
	case SIGTERM: return "SIGTERM";
	case SIGTRAP: return "SIGTRAP";
	case SIGSYS: return "SIGSYS";
	default: return "SIGNAL";
	}
}

/*
 * Canary lane (8 bytes): A5, reg<<4|lane, run nonce (2), task tag (2), 5A,
 * checksum. Every lane names its owner and slot, so a leaked value is
 * attributable even when only half a register was swapped.
 */
static void encode_lane(uint8_t *out, unsigned tag, unsigned reg,
			unsigned lane)
{
	uint8_t sum = 0xC3;
	out[0] = 0xA5;
	out[1] = (uint8_t)(reg << 4 | lane);
	out[2] = (uint8_t)run_nonce;
	out[3] = (uint8_t)(run_nonce >> 8);
	out[4] = (uint8_t)tag;
	out[5] = (uint8_t)(tag >> 8);
	out[6] = 0x5A;
	for (int i = 0; i < 7; i++)
		sum ^= out[i];
	out[7] = sum;
}

static void make_canary(uint8_t *out, unsigned tag)
{
	for (unsigned reg = 0; reg < 16; reg++)
		for (unsigned lane = 0; lane < 4; lane++)
			encode_lane(out + reg * 32 + lane * 8, tag, reg, lane);
}

static int decode_lane(const uint8_t *in, unsigned *tag, unsigned *reg,
		       unsigned *nonce)
{
	uint8_t sum = 0xC3;
	for (int i = 0; i < 7; i++)
		sum ^= in[i];
	if (in[0] != 0xA5 || in[6] != 0x5A || in[7] != sum)
		return -1;
	*reg = in[1] >> 4;
	*nonce = (unsigned)in[2] | (unsigned)in[3] << 8;
	*tag = (unsigned)in[4] | (unsigned)in[5] << 8;
	return 0;
}

static int pin_to_cpu(int cpu)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof set, &set);
}

static void publish_rusage(struct task_record *rec)
{
	struct rusage ru;
	if (!getrusage(RUSAGE_THREAD, &ru))
		atomic_store_explicit(&rec->nivcsw, (uint64_t)ru.ru_nivcsw,
				      memory_order_relaxed);
}

/* What a task has done so far, for the parent's result line. */
static void publish_progress(struct task_record *rec, uint64_t checks,
			     uint64_t live_cycles, uint64_t t_start)
{
	atomic_store_explicit(&rec->checks, checks, memory_order_relaxed);
	atomic_store_explicit(&rec->live_cycles, live_cycles,
			      memory_order_relaxed);
	atomic_store_explicit(&rec->wall_cycles, tsc() - t_start,
			      memory_order_relaxed);
}

static void notify_parent(void)
{
	char b = 1;
	if (write(notify_fd, &b, 1) < 0) {
		/* A full pipe already holds a wake-up for the parent. */
	}
}

static void report_mismatch(struct task_record *rec, const struct window *w,
			    uint32_t mask)
{
	int32_t none = -1;
	rec->mismatch_ns = now_ns() - start_ns;
	rec->mismatch_mask = mask;
	memcpy(rec->expected, w->canary, CANARY_BYTES);
	memcpy(rec->observed, w->observed, CANARY_BYTES);
	atomic_store_explicit(&rec->mismatch, 1, memory_order_release);
	atomic_compare_exchange_strong(&shared->first_mismatch, &none,
				       rec->tag - 1);
	notify_parent();
}

static __attribute__((noreturn)) void worker_fail(struct task_record *rec,
						  const char *what, int err)
{
	snprintf(rec->error, sizeof rec->error, "task %d: %s: %s (%s)",
		 rec->tag, what, strerror(err), errno_name(err));
	atomic_store(&rec->failed, 1);
	notify_parent();
	_exit(EXIT_SETUP);
}

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

/* Loads a canary into all 16 registers; they are scratch to the caller. */
static inline void load_canary(const uint8_t *canary)
{
	__asm__ volatile("movq %0, %%rsi\n\t" ALL16(LOAD)
			 :
			 : "r"(canary)
			 : "rsi", "memory", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4",
			   "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",
			   "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

static void count_and_inject(struct task_record *rec, void *uctx)
{
	int live = ck.live;
	atomic_fetch_add_explicit(&rec->signals, 1, memory_order_relaxed);
	if (ck.released) {
		ck.released = 0;
		atomic_fetch_add_explicit(&rec->faulting, 1,
					  memory_order_relaxed);
		if (live)
			atomic_fetch_add_explicit(&rec->live_faulting, 1,
						  memory_order_relaxed);
	}
	if (!opt.inject)
		return;
	/* Only a live window: outside it the frame holds compiler state. */
	if (++ck.since_inject < opt.inject || !live)
		return;
	uint64_t n = atomic_load_explicit(&rec->injected, memory_order_relaxed);
	unsigned reg = (unsigned)(rec->tag * 5 + n * 7 + 3) & 15;
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

struct uffd_link {
	int fd;
	struct task_record *checker;
	struct task_record *competitor;
	int cpu;
};

static int uffd_open(int *err)
{
	int fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (fd >= 0 || !uffd_via_dev) {
		*err = errno;
		return fd;
	}
	int dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev < 0) {
		*err = errno;
		return -1;
	}
	fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
	*err = errno;
	close(dev);
	return fd;
}

static int uffd_register(int fd, void *addr, size_t len, int *err)
{
	struct uffdio_api api = { .api = UFFD_API };
	struct uffdio_register reg = {
		.range = { .start = (uintptr_t)addr, .len = len },
		.mode = UFFDIO_REGISTER_MODE_MISSING,
	};
	if (ioctl(fd, UFFDIO_API, &api) || ioctl(fd, UFFDIO_REGISTER, &reg)) {
		*err = errno;
		return -1;
	}
	if (!(reg.ioctls & (1ULL << _UFFDIO_ZEROPAGE))) {
		*err = EOPNOTSUPP;
		return -1;
	}
	return 0;
}

/* Runs one window of a competitor; a changed register ends the process. */
static void competitor_window(struct task_record *rec, struct window *w,
			      uint64_t *live_cycles, uint64_t *checks)
{
	run_window(w);
	*live_cycles += w->cycles;
	(*checks)++;
	uint32_t mask = changed_registers(w->canary, w->observed);
	if (mask) {
		report_mismatch(rec, w, mask);
		_exit(EXIT_CORRUPTED);
	}
}

/*
 * The competitor is also the uffd helper. It sleeps until the checker's
 * signal delivery faults on the released stack, then (the checker now
 * asleep in the fault, this thread running on the same CPU with its own
 * registers loaded) fills the page from inside a canary window and yields
 * the CPU straight back. A buggy kernel then saves these registers, this
 * task's canary, into the checker's frame: the leak names its source.
 */
static void *competitor_main(void *arg)
{
	struct uffd_link *link = arg;
	struct task_record *rec = link->competitor;
	static uint8_t canary[CANARY_BYTES] __attribute__((aligned(32)));
	static uint8_t observed[CANARY_BYTES] __attribute__((aligned(32)));
	volatile int live = 0;
	long page = sysconf(_SC_PAGESIZE);
	uint64_t hold = (uint64_t)(spins_per_us * opt.hold_us);
	uint64_t t_start = tsc(), live_cycles = 0, checks = 0;

	pin_to_cpu(link->cpu);
	rec->pid = getpid();
	rec->tid = gettid_raw();
	make_canary(canary, (unsigned)rec->tag);
	atomic_store(&rec->ready, 1);
	for (;;) {
		struct pollfd pfd = { .fd = link->fd, .events = POLLIN };
		struct uffd_msg msg;
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		if (read(link->fd, &msg, sizeof msg) != (ssize_t)sizeof msg ||
		    msg.event != UFFD_EVENT_PAGEFAULT)
			continue;
		struct uffdio_zeropage zp;
		memset(&zp, 0, sizeof zp);
		zp.range.start = msg.arg.pagefault.address & ~(uint64_t)(page - 1);
		zp.range.len = (uint64_t)page;
		for (;;) {
			struct window w = quiet_window(canary, observed, &live);
			w.spins_before = hold;
			w.call[0] = (struct window_call){ SYS_ioctl, link->fd,
				(int64_t)UFFDIO_ZEROPAGE, (int64_t)(uintptr_t)&zp, 0 };
			w.call[1].nr = SYS_sched_yield;
			competitor_window(rec, &w, &live_cycles, &checks);
			if (w.call[0].ret == -EEXIST) {
				struct uffdio_range r = zp.range;
				ioctl(link->fd, UFFDIO_WAKE, &r);
			} else if (w.call[0].ret < 0 && w.call[0].ret != -EAGAIN) {
				worker_fail(rec, "UFFDIO_ZEROPAGE", (int)-w.call[0].ret);
			}
			if (w.call[0].ret != -EAGAIN)
				break;
		}
		atomic_fetch_add_explicit(&link->checker->uffd_faults, 1,
					  memory_order_relaxed);
		publish_progress(rec, checks, live_cycles, t_start);
		if ((checks & 63) == 0)
			publish_rusage(rec);
	}
	return NULL;
}

struct spinner_args {
	struct task_record *rec;
	int cpu;
	uint8_t canary[CANARY_BYTES] __attribute__((aligned(32)));
	uint8_t observed[CANARY_BYTES] __attribute__((aligned(32)));
};

/*
 * Stress mode's competitor: holds its canary in long windows on the
 * checker's CPU and takes no signals, so when a preemption in the
 * checker's fault-in lets it run, its canary is what a buggy kernel saves.
 */
static void *spinner_main(void *arg)
{
	struct spinner_args *a = arg;
	struct task_record *rec = a->rec;
	uint8_t *canary = a->canary, *observed = a->observed;
	volatile int live = 0;
	uint64_t t_start = tsc(), live_cycles = 0, checks = 0;
	pin_to_cpu(a->cpu);
	rec->pid = getpid();
	rec->tid = gettid_raw();
	make_canary(canary, (unsigned)rec->tag);
	atomic_store(&rec->ready, 1);
	for (;;) {
		struct window w = quiet_window(canary, observed, &live);
		w.spins_before = (uint64_t)(spins_per_us * 200);
		competitor_window(rec, &w, &live_cycles, &checks);
		publish_progress(rec, checks, live_cycles, t_start);
		if ((checks & 63) == 0)
			publish_rusage(rec);
	}
	return NULL;
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

struct worker_plan {
	int checker;    /* task index */
	int competitor; /* first competitor's task index, -1 if none */
	int ncompetitors;
	int cpu, sender_cpu;
	pid_t pid;
	int reaped;
};

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

static __attribute__((noreturn)) void worker_main(const struct worker_plan *p,
						  int use_uffd)
{
	struct task_record *rec = &shared->task[p->checker];
	static uint8_t canary[CANARY_BYTES] __attribute__((aligned(32)));
	static uint8_t observed[CANARY_BYTES] __attribute__((aligned(32)));
	static struct uffd_link link;
	static struct spinner_args spinner[16];
	static struct sender_args sender;
	struct sigaction sa;
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

	if (use_uffd) {
		link.fd = uffd_open(&err);
		if (link.fd < 0)
			worker_fail(rec, "userfaultfd", err);
		if (uffd_register(link.fd, altstack, ALTSTACK_BYTES, &err))
			worker_fail(rec, "UFFDIO_REGISTER", err);
		link.checker = rec;
		link.competitor = &shared->task[p->competitor];
		link.cpu = p->cpu;
	}

	/* Helpers must never take the checker's signals. */
	sigemptyset(&block);
	sigaddset(&block, SIG_TIMER);
	sigaddset(&block, SIG_SENDER);
	sigaddset(&block, SIG_SELF);
	pthread_sigmask(SIG_BLOCK, &block, NULL);
	if (use_uffd && (err = pthread_create(&thread, NULL, competitor_main,
					       &link)))
		worker_fail(rec, "pthread_create competitor", err);
	for (int j = 0; !use_uffd && j < p->ncompetitors; j++) {
		spinner[j].rec = &shared->task[p->competitor + j];
		spinner[j].cpu = p->cpu;
		if ((err = pthread_create(&thread, NULL, spinner_main,
					  &spinner[j])))
			worker_fail(rec, "pthread_create spinner", err);
	}
	if (p->sender_cpu >= 0 && opt.sender_us) {
		sender.pid = getpid();
		sender.tid = rec->tid;
		sender.cpu = p->sender_cpu;
		if ((err = pthread_create(&thread, NULL, sender_main, &sender)))
			worker_fail(rec, "pthread_create sender", err);
	}

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
	sa.sa_mask = block;
	if (sigaction(SIG_TIMER, &sa, NULL) || sigaction(SIG_SENDER, &sa, NULL) ||
	    sigaction(SIG_SELF, &sa, NULL))
		worker_fail(rec, "sigaction", errno);
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
		if ((checks & 15) == 0)
			publish_rusage(rec);
		if (atomic_load_explicit(&shared->stop, memory_order_relaxed))
			_exit(EXIT_CLEAN);
		if ((checks & 255) == 0 && getppid() != parent_pid)
			_exit(EXIT_CLEAN);
	}
}

/* CPUID + XGETBV first: no AVX instruction may run before this says yes. */
static int check_avx(char *why, size_t len)
{
	unsigned a, b, c, d;
	if (!__get_cpuid(1, &a, &b, &c, &d)) {
		snprintf(why, len, "CPUID leaf 1 unavailable");
		return -1;
	}
	if (!(c & bit_AVX)) {
		snprintf(why, len, "CPU has no AVX");
		return -1;
	}
	if (!(c & bit_OSXSAVE)) {
		snprintf(why, len, "OS has not enabled XSAVE (OSXSAVE clear)");
		return -1;
	}
	uint32_t lo, hi;
	__asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
	if ((lo & XFEATURE_SSE_YMM) != XFEATURE_SSE_YMM) {
		snprintf(why, len, "OS has not enabled YMM state (XCR0=0x%x)", lo);
		return -1;
	}
	if (__get_cpuid_max(0, NULL) >= 0xD) {
		__cpuid_count(0xD, 2, a, b, c, d);
		if (a == 256)
			ymm_hi_offset = b;
	}
	return 0;
}

static void read_sysctl(const char *path, char *out, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? read(fd, out, len - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		snprintf(out, len, "unreadable");
		return;
	}
	out[n] = 0;
	out[strcspn(out, "\n")] = 0;
}

struct mode_reason {
	const char *code;
	const char *err;
	char text[320];
};

/* The same steps a worker takes, so "permitted" means what it will meet. */
static int probe_uffd(struct mode_reason *why)
{
	char sysctl[32];
	int fd, err, dev_err = 0;
	read_sysctl("/proc/sys/vm/unprivileged_userfaultfd", sysctl,
		    sizeof sysctl);
	fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	err = errno;
	if (fd < 0) {
		int dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
		if (dev >= 0) {
			fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
			dev_err = fd < 0 ? errno : 0;
			close(dev);
			uffd_via_dev = fd >= 0;
		} else {
			dev_err = errno;
		}
	}
	if (fd < 0) {
		why->code = err == ENOSYS ? "uffd-unsupported" : "uffd-refused";
		why->err = errno_name(err);
		snprintf(why->text, sizeof why->text,
			 "userfaultfd(2) refused with %s (vm.unprivileged_userfaultfd=%s%s); /dev/userfaultfd: %s",
			 errno_name(err), sysctl,
			 err == EPERM ? ", no CAP_SYS_PTRACE" : "",
			 errno_name(dev_err));
		return -1;
	}
	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int bad = page == MAP_FAILED ? (err = errno, -1)
				     : uffd_register(fd, page, 4096, &err);
	close(fd);
	if (page != MAP_FAILED)
		munmap(page, 4096);
	if (bad) {
		why->code = "uffd-register-failed";
		why->err = errno_name(err);
		snprintf(why->text, sizeof why->text,
			 "userfaultfd opened but UFFDIO_API/REGISTER(MISSING) failed with %s",
			 errno_name(err));
		return -1;
	}
	why->code = "uffd-available";
	why->err = NULL;
	snprintf(why->text, sizeof why->text,
		 "userfaultfd with kernel-mode faults is permitted (%s, vm.unprivileged_userfaultfd=%s)",
		 uffd_via_dev ? "/dev/userfaultfd" : "userfaultfd(2)", sysctl);
	return 0;
}

static double calibrate_spins_per_us(void)
{
	static uint8_t canary[CANARY_BYTES] __attribute__((aligned(32)));
	static uint8_t observed[CANARY_BYTES] __attribute__((aligned(32)));
	volatile int live = 0;
	const uint64_t spins = 200000;
	int64_t best = INT64_MAX;
	for (int i = 0; i < 5; i++) {
		struct window w = quiet_window(canary, observed, &live);
		w.spins_before = spins;
		int64_t t0 = now_ns();
		run_window(&w);
		int64_t dt = now_ns() - t0;
		if (dt < best)
			best = dt;
	}
	return best > 0 ? (double)spins * 1000.0 / (double)best : 1000.0;
}

static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

static void on_child(int sig)
{
	(void)sig;
}

static struct worker_plan plans[MAX_TASKS];
static unsigned nplans;

/* Workers killed by a fault during the run (each was started again). */
#define MAX_CRASHES 16
static struct {
	int task, pid, sig;
	int64_t ns;
	char detail[160];
} crashes[MAX_CRASHES];
static unsigned ncrashes;

static void kill_and_reap(int grace_ms)
{
	int64_t until = now_ns() + (int64_t)grace_ms * 1000000;
	atomic_store(&shared->stop, 1);
	for (;;) {
		unsigned alive = 0;
		for (unsigned i = 0; i < nplans; i++) {
			if (plans[i].reaped || plans[i].pid <= 0)
				continue;
			if (waitpid(plans[i].pid, NULL, WNOHANG) == plans[i].pid)
				plans[i].reaped = 1;
			else
				alive++;
		}
		if (!alive || now_ns() >= until)
			break;
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, NULL);
	}
	for (unsigned i = 0; i < nplans; i++)
		if (!plans[i].reaped && plans[i].pid > 0)
			kill(plans[i].pid, SIGKILL);
	for (unsigned i = 0; i < nplans; i++)
		if (!plans[i].reaped && plans[i].pid > 0) {
			while (waitpid(plans[i].pid, NULL, 0) < 0 && errno == EINTR)
				;
			plans[i].reaped = 1;
		}
}

static void hex(FILE *f, const uint8_t *p, size_t n)
{
	fputc('"', f);
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%02x", p[i]);
	fputc('"', f);
}

static void print_seconds_or_null(FILE *f, const char *key, int64_t ns)
{
	if (ns < 0)
		fprintf(f, ",\"%s\":null", key);
	else
		fprintf(f, ",\"%s\":%.6f", key, (double)ns / 1e9);
}

/* What a changed lane holds, in the words the JSON uses. */
struct lane_source {
	char from[32];   /* task:N, injected, self, foreign, zeros, unknown */
	char reg[16];    /* the slot a canary lane names, or "" */
	int task;        /* N for task:N, else -1 */
};

static int read_lane(const uint8_t *obs, const struct task_record *rec,
		     struct lane_source *src)
{
	unsigned tag, r, nonce;
	static const uint8_t zero[8];
	src->task = -1;
	src->reg[0] = 0;
	if (decode_lane(obs, &tag, &r, &nonce)) {
		snprintf(src->from, sizeof src->from, "%s",
			 memcmp(obs, zero, 8) ? "unknown" : "zeros");
		return 0;
	}
	snprintf(src->reg, sizeof src->reg, "ymm%u", r);
	if (nonce != run_nonce)
		snprintf(src->from, sizeof src->from, "foreign");
	else if (tag == INJECT_TAG)
		snprintf(src->from, sizeof src->from, "injected");
	else if ((int)tag == rec->tag)
		snprintf(src->from, sizeof src->from, "self");
	else {
		snprintf(src->from, sizeof src->from, "task:%u", tag);
		src->task = (int)tag;
	}
	return 1;
}

/*
 * Reports the first changed lane that names its source (any register, any
 * lane): a kernel that swapped only some registers, or left a half-written
 * one, still shows whose state it was. Only when no changed lane is a
 * canary does the report fall back to the first changed register.
 */
static void print_mismatch(FILE *f, const struct task_record *rec)
{
	unsigned reg = (unsigned)__builtin_ctz(rec->mismatch_mask);
	struct lane_source src, first;
	int found = 0, have_first = 0, zeros = 1;
	for (unsigned r = 0; r < 16 && !found; r++) {
		if (!(rec->mismatch_mask & (1u << r)))
			continue;
		for (unsigned lane = 0; lane < 4 && !found; lane++) {
			const uint8_t *exp = rec->expected + r * 32 + lane * 8;
			const uint8_t *obs = rec->observed + r * 32 + lane * 8;
			if (!memcmp(exp, obs, 8))
				continue;
			found = read_lane(obs, rec, &src);
			if (found)
				reg = r;
			else if (strcmp(src.from, "zeros"))
				zeros = 0;
			if (!have_first) {
				first = src;
				have_first = 1;
			}
		}
	}
	if (!found) {
		src = first;
		snprintf(src.from, sizeof src.from, "%s",
			 zeros ? "zeros" : "unknown");
	}
	const uint8_t *exp = rec->expected + reg * 32;
	const uint8_t *obs = rec->observed + reg * 32;
	const char *leaked_role = NULL;
	if (src.task == PARENT_TAG)
		leaked_role = "parent";
	else if (src.task > 0 && src.task <= MAX_TASKS)
		leaked_role = shared->task[src.task - 1].role == ROLE_CHECKER
				      ? "checker"
				      : "competitor";
	unsigned nchanged = (unsigned)__builtin_popcount(rec->mismatch_mask);
	char seen[160];
	if (found && src.task >= 0)
		snprintf(seen, sizeof seen,
			 "the canary of task %d (%s) in %u of 16 registers",
			 src.task, leaked_role, nchanged);
	else if (found)
		snprintf(seen, sizeof seen, "a %s canary in %u of 16 registers",
			 src.from, nchanged);
	else if (zeros)
		snprintf(seen, sizeof seen,
			 "zeros in %u of 16 registers (a task's initial vector state), no canary",
			 nchanged);
	else
		snprintf(seen, sizeof seen,
			 "bytes that are no canary of this run in %u of 16 registers (a task outside its canary window)",
			 nchanged);
	fprintf(f, ",\"mismatch\":{\"task\":%d,\"role\":\"%s\",\"pid\":%d,\"cpu\":%d,\"register\":\"ymm%u\",\"registers\":[",
		rec->tag, rec->role == ROLE_CHECKER ? "checker" : "competitor",
		rec->pid, rec->cpu, reg);
	for (unsigned r = 0, comma = 0; r < 16; r++)
		if (rec->mismatch_mask & (1u << r)) {
			fprintf(f, "%s\"ymm%u\"", comma ? "," : "", r);
			comma = 1;
		}
	fputs("],\"expected\":", f);
	hex(f, exp, 32);
	fputs(",\"observed\":", f);
	hex(f, obs, 32);
	fputs(",\"leakedFrom\":", f);
	json_string(f, src.from);
	if (src.task >= 0)
		fprintf(f, ",\"leakedTask\":%d,\"leakedRole\":\"%s\"", src.task,
			leaked_role);
	else
		fputs(",\"leakedTask\":null,\"leakedRole\":null", f);
	if (src.reg[0])
		fprintf(f, ",\"leakedRegister\":\"%s\"", src.reg);
	else
		fputs(",\"leakedRegister\":null", f);
	fputs(",\"seen\":", f);
	json_string(f, seen);
	fputc('}', f);
}

static double share(uint64_t part, uint64_t whole)
{
	return whole ? (double)part / (double)whole : 0.0;
}

static void print_result(const char *result, const char *mode,
			 const struct mode_reason *why, const char *stop_reason,
			 unsigned ntasks, int64_t elapsed_ns)
{
	FILE *f = stdout;
	uint64_t sig = 0, fault = 0, lfault = 0, uf = 0, nivcsw = 0, checks = 0,
		 injected = 0;
	double live_sum = 0;
	unsigned checkers = 0;
	int64_t first_inj = -1;
	for (unsigned i = 0; i < ntasks; i++) {
		struct task_record *t = &shared->task[i];
		sig += t->signals;
		fault += t->faulting;
		lfault += t->live_faulting;
		uf += t->uffd_faults;
		nivcsw += t->nivcsw;
		checks += t->checks;
		injected += t->injected;
		if (t->first_injection_ns >= 0 &&
		    (first_inj < 0 || t->first_injection_ns < first_inj))
			first_inj = t->first_injection_ns;
		if (t->role == ROLE_CHECKER) {
			live_sum += share(t->live_cycles, t->wall_cycles);
			checkers++;
		}
	}
	fprintf(f, "{\"version\":%d,\"result\":\"%s\",\"mode\":\"%s\",\"modeReason\":",
		SCHEMA_VERSION, result, mode);
	json_string(f, why->code);
	fputs(",\"modeReasonErrno\":", f);
	if (why->err)
		json_string(f, why->err);
	else
		fputs("null", f);
	fputs(",\"modeReasonText\":", f);
	json_string(f, why->text);
	fprintf(f, ",\"stopReason\":\"%s\",\"cpus\":%u,\"seconds\":%.6f",
		stop_reason, cpu_count, (double)elapsed_ns / 1e9);
	fprintf(f, ",\"signals\":%" PRIu64 ",\"faultingDeliveries\":%" PRIu64
		   ",\"liveFaultingDeliveries\":%" PRIu64 ",\"uffdFaults\":%" PRIu64
		   ",\"involuntarySwitches\":%" PRIu64 ",\"checks\":%" PRIu64
		   ",\"liveShare\":%.4f,\"injected\":%" PRIu64,
		sig, fault, lfault, uf, nivcsw, checks,
		checkers ? live_sum / checkers : 0.0, injected);
	print_seconds_or_null(f, "timeToFirstInjection", first_inj);
	int32_t m = atomic_load(&shared->first_mismatch);
	if (m >= 0) {
		print_seconds_or_null(f, "timeToFirstMismatch",
				      shared->task[m].mismatch_ns);
		print_mismatch(f, &shared->task[m]);
	} else {
		fputs(",\"timeToFirstMismatch\":null,\"mismatch\":null", f);
	}
	fprintf(f, ",\"settings\":{\"duration\":%.6f,\"events\":%" PRIu64
		   ",\"inject\":%u,\"injectTag\":%u,\"injectCrash\":%u,\"windowMicros\":%u,\"timerMicros\":%u,\"senderMicros\":%u,\"holdMicros\":%u}",
		opt.duration, opt.events, opt.inject, opt.inject_tag, opt.inject_crash, opt.window_us, opt.timer_us,
		opt.sender_us, opt.hold_us);
	fputs(",\"crashes\":[", f);
	for (unsigned i = 0; i < ncrashes; i++)
	{
		fprintf(f, "%s{\"task\":%d,\"pid\":%d,\"signal\":\"%s\",\"seconds\":%.6f,\"detail\":",
			i ? "," : "", crashes[i].task, crashes[i].pid,
			signal_name(crashes[i].sig), (double)crashes[i].ns / 1e9);
		json_string(f, crashes[i].detail);
		fputc('}', f);
	}
	fputs("]", f);
	fputs(",\"tasks\":[", f);
	for (unsigned i = 0; i < ntasks; i++) {
		struct task_record *t = &shared->task[i];
		fprintf(f, "%s{\"task\":%d,\"role\":\"%s\",\"pid\":%d,\"tid\":%d,\"cpu\":%d,\"senderCpu\":",
			i ? "," : "", t->tag,
			t->role == ROLE_CHECKER ? "checker" : "competitor", t->pid,
			t->tid, t->cpu);
		if (t->sender_cpu >= 0)
			fprintf(f, "%d", t->sender_cpu);
		else
			fputs("null", f);
		fprintf(f, ",\"signals\":%" PRIu64 ",\"faultingDeliveries\":%" PRIu64
			   ",\"liveFaultingDeliveries\":%" PRIu64 ",\"uffdFaults\":%" PRIu64
			   ",\"involuntarySwitches\":%" PRIu64 ",\"checks\":%" PRIu64
			   ",\"liveShare\":%.4f,\"injected\":%" PRIu64 "}",
			(uint64_t)t->signals, (uint64_t)t->faulting,
			(uint64_t)t->live_faulting, (uint64_t)t->uffd_faults,
			(uint64_t)t->nivcsw, (uint64_t)t->checks,
			share(t->live_cycles, t->wall_cycles), (uint64_t)t->injected);
	}
	fputs("]}\n", f);
	fflush(f);
}

static __attribute__((noreturn)) void setup_failed(const char *code,
						   const char *text);

static void start_worker(struct worker_plan *plan, int use_uffd, int read_fd)
{
	/* A restarted worker waits for its new competitors, not the old. */
	for (int j = 0; j < plan->ncompetitors; j++)
		atomic_store(&shared->task[plan->competitor + j].ready, 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		setup_failed("fork", "fork failed");
	if (pid == 0) {
		close(read_fd);
		worker_main(plan, use_uffd);
	}
	plan->pid = pid;
	plan->reaped = 0;
}

static __attribute__((noreturn)) void setup_failed(const char *code,
						   const char *text)
{
	if (shared)
		kill_and_reap(0);
	fprintf(stderr, "sigvec-repro: %s\n", text);
	print_failure("error", code, text);
	exit(EXIT_SETUP);
}

int main(int argc, char **argv)
{
	char text[320];
	struct mode_reason why = { 0 };
	int use_uffd;

	start_ns = now_ns();
	parse_args(argc, argv);
	if (check_avx(text, sizeof text)) {
		fprintf(stderr, "sigvec-repro: unsupported: %s\n", text);
		print_failure("unsupported", "no-avx", text);
		return EXIT_UNSUPPORTED;
	}

	cpu_set_t allowed;
	if (sched_getaffinity(0, sizeof allowed, &allowed))
		setup_failed("affinity", "sched_getaffinity failed");
	for (int c = 0; c < CPU_SETSIZE && cpu_count < 1024; c++)
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

	if (opt.mode == MODE_STRESS) {
		why.code = "requested";
		snprintf(why.text, sizeof why.text, "--mode stress");
		use_uffd = 0;
	} else if (probe_uffd(&why) == 0) {
		if (opt.mode == MODE_UFFD) {
			why.code = "requested";
			snprintf(why.text, sizeof why.text, "--mode uffd");
		}
		use_uffd = 1;
	} else if (opt.mode == MODE_UFFD) {
		setup_failed(why.code, why.text);
	} else {
		use_uffd = 0;
	}
	fprintf(stderr, "sigvec-repro: mode %s (%s: %s)\n",
		use_uffd ? "uffd" : "stress", why.code, why.text);

	spins_per_us = calibrate_spins_per_us();
	parent_pid = getpid();
	run_nonce = (uint16_t)(parent_pid ^ (start_ns >> 10));
	if (run_nonce == 0)
		run_nonce = 1;
	for (unsigned r = 0; r < 16; r++)
		for (unsigned lane = 0; lane < 4; lane++)
			encode_lane(inject_pattern[r] + lane * 8,
				    opt.inject_tag ? opt.inject_tag : INJECT_TAG, r,
				    lane);

	shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED) {
		shared = NULL;
		setup_failed("mmap", "mmap of shared results failed");
	}
	atomic_store(&shared->first_mismatch, -1);

	make_canary(parent_canary, PARENT_TAG);

	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC | O_NONBLOCK))
		setup_failed("pipe", "pipe2 failed");
	notify_fd = pipefd[1];

	/*
	 * One checker per CPU, each with competitors pinned beside it: in uffd
	 * mode the helper that fills the held page, in stress mode threads
	 * that only spin holding their canary. The checker is then the only
	 * task on its CPU that takes signals, so whatever a buggy kernel
	 * hands it after a preemption in the fault-in is a competitor's
	 * canary, which names it (three checkers per CPU leaked their own
	 * handlers' zeros in half the lab detections).
	 */
	unsigned checkers = opt.tasks ? opt.tasks : cpu_count;
	unsigned per_checker = use_uffd ? 1 : opt.spinners;
	if (checkers * (1 + per_checker) > MAX_TASKS) {
		snprintf(text, sizeof text,
			 "%u checkers with %u competitors each exceed %d tasks",
			 checkers, per_checker, MAX_TASKS);
		usage_error("%s", text);
	}
	unsigned ntasks = 0;
	for (unsigned i = 0; i < checkers; i++) {
		struct worker_plan *p = &plans[nplans++];
		p->cpu = cpu_list[i % cpu_count];
		p->sender_cpu = cpu_count > 1 ? cpu_list[(i + 1) % cpu_count] : -1;
		p->checker = (int)ntasks++;
		p->ncompetitors = (int)per_checker;
		p->competitor = per_checker ? (int)ntasks : -1;
		ntasks += per_checker;
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

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_child;
	sa.sa_flags = SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	/*
	 * Stop when whoever started us dies, even by SIGKILL (a killed action
	 * runner step): SIGTERM takes the normal stop path, which ends the
	 * workers. A parent already gone before the prctl is caught by getppid.
	 */
	pid_t starter = getppid();
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() != starter)
		raise(SIGTERM);

	for (unsigned i = 0; i < nplans; i++)
		start_worker(&plans[i], use_uffd, pipefd[0]);

	const char *stop_reason = "duration";
	const char *fail_code = NULL;
	char fail_text[320] = "";
	int64_t deadline = start_ns + (int64_t)(opt.duration * 1e9);
	for (;;) {
		if (stop_signal) {
			stop_reason = stop_signal == SIGINT ? "SIGINT"
				      : stop_signal == SIGTERM ? "SIGTERM"
							       : "SIGHUP";
			break;
		}
		if (atomic_load(&shared->first_mismatch) >= 0) {
			stop_reason = "corruption";
			break;
		}
		for (unsigned i = 0; i < ntasks; i++)
			if (atomic_load(&shared->task[i].failed)) {
				fail_code = "worker-setup";
				snprintf(fail_text, sizeof fail_text, "%s",
					 shared->task[i].error);
			}
		for (unsigned i = 0; i < nplans && !fail_code; i++) {
			int st;
			if (plans[i].reaped ||
			    waitpid(plans[i].pid, &st, WNOHANG) != plans[i].pid)
				continue;
			plans[i].reaped = 1;
			if (atomic_load(&shared->first_mismatch) >= 0)
				continue;
			/*
			 * A worker killed by a fault is evidence, not the end:
			 * on the buggy lab kernel a corruption once landed on a
			 * worker's own code. Record it and start the worker
			 * again, so the others' and its own chances go on.
			 */
			if (WIFSIGNALED(st) && ncrashes < MAX_CRASHES) {
				crashes[ncrashes].task = shared->task[plans[i].checker].tag;
				crashes[ncrashes].pid = plans[i].pid;
				crashes[ncrashes].sig = WTERMSIG(st);
				crashes[ncrashes].ns = now_ns() - start_ns;
				struct task_record *ct = &shared->task[plans[i].checker];
				snprintf(crashes[ncrashes].detail,
					 sizeof crashes[ncrashes].detail, "%s",
					 ct->crash[0] ? ct->crash
						      : "killed without its handler running: the kernel could not deliver a signal (e.g. could not write a signal frame)");
				ct->crash[0] = 0;
				ncrashes++;
				fprintf(stderr, "sigvec-repro: worker %d (task %d) killed by %s; starting it again\n",
					plans[i].pid, shared->task[plans[i].checker].tag,
					signal_name(WTERMSIG(st)));
				start_worker(&plans[i], use_uffd, pipefd[0]);
				continue;
			}
			fail_code = "worker-died";
			if (WIFSIGNALED(st))
				snprintf(fail_text, sizeof fail_text,
					 "worker %d killed by %s, %u crashes in all",
					 plans[i].pid, signal_name(WTERMSIG(st)),
					 ncrashes);
			else
				snprintf(fail_text, sizeof fail_text,
					 "worker %d exited with status %d",
					 plans[i].pid, WEXITSTATUS(st));
		}
		if (fail_code)
			break;
		int64_t now = now_ns();
		if (now >= deadline)
			break;
		if (opt.events) {
			uint64_t total = 0;
			for (unsigned i = 0; i < ntasks; i++)
				total += atomic_load_explicit(&shared->task[i].faulting,
							      memory_order_relaxed);
			if (total >= opt.events) {
				stop_reason = "events";
				break;
			}
		}
		int64_t wait_ms = (deadline - now + 999999) / 1000000;
		struct pollfd pfd = { .fd = pipefd[0], .events = POLLIN };
		/*
		 * The parent is not pinned and wakes on every CPU: if it was
		 * the last to run before a checker's retry, its registers are
		 * what a buggy kernel hands over, so they name it (task 0).
		 */
		load_canary(parent_canary);
		if (poll(&pfd, 1, wait_ms > 50 ? 50 : (int)wait_ms) > 0) {
			char drain[64];
			while (read(pipefd[0], drain, sizeof drain) > 0)
				;
		}
	}
	int64_t elapsed = now_ns() - start_ns;
	kill_and_reap(100);
	if (fail_code && atomic_load(&shared->first_mismatch) < 0) {
		fprintf(stderr, "sigvec-repro: %s\n", fail_text);
		print_failure("error", fail_code, fail_text);
		return EXIT_SETUP;
	}
	int corrupted = atomic_load(&shared->first_mismatch) >= 0;
	if (corrupted)
		stop_reason = "corruption";
	print_result(corrupted ? "corrupted" : ncrashes ? "crashed" : "clean",
		     use_uffd ? "uffd" : "stress", &why, stop_reason, ntasks,
		     elapsed);
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
			stop_reason);
	}
	return corrupted ? EXIT_CORRUPTED : ncrashes ? EXIT_CRASHED : EXIT_CLEAN;
}

#else /* not x86-64 Linux */

int main(int argc, char **argv)
{
	parse_args(argc, argv);
	fprintf(stderr, "sigvec-repro: unsupported: not x86-64 Linux\n");
	print_failure("unsupported", "not-x86-64",
		      "the bug and this reproducer are x86-64 Linux only");
	return EXIT_UNSUPPORTED;
}

#endif
