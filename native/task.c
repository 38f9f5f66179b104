/*
 * task.c: what every task of a run shares: its clocks, its CPU, and the
 * record in shared memory through which it tells the parent what it did,
 * what it saw, or why it could not go on.
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct shared_state *shared;
int64_t start_ns;
pid_t parent_pid;
int notify_fd = -1;

int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

uint64_t tsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

pid_t gettid_raw(void)
{
	return (pid_t)syscall(SYS_gettid);
}

int pin_to_cpu(int cpu)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof set, &set);
}

void publish_rusage(struct task_record *rec)
{
	struct rusage ru;
	if (!getrusage(RUSAGE_THREAD, &ru))
		atomic_store_explicit(&rec->nivcsw, (uint64_t)ru.ru_nivcsw,
				      memory_order_relaxed);
}

/* What a task has done so far, for the parent's result line. */
void publish_progress(struct task_record *rec, uint64_t checks,
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

void report_mismatch(struct task_record *rec, const struct window *w,
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

void worker_fail(struct task_record *rec, const char *what, int err)
{
	snprintf(rec->error, sizeof rec->error, "task %d: %s: %s (%s)",
		 rec->tag, what, strerror(err), errno_name(err));
	atomic_store(&rec->failed, 1);
	notify_parent();
	_exit(EXIT_SETUP);
}

#endif /* SIGVEC_X86_LINUX */
