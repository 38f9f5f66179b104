/*
 * competitor.c: the threads a mode pins beside a checker. Each holds its own
 * canary in canary windows and takes no signals, so when it runs while the
 * checker's fault-in sleeps, its registers are what a buggy kernel saves
 * into the checker's frame, and the leak names it. The loop is the same for
 * every mode; what a mode does in its windows is its step().
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

#include <pthread.h>
#include <unistd.h>

/* Windows between two getrusage calls: a system call per window would cost
 * more than the count is worth. */
#define COMPETITOR_RUSAGE_EVERY 64

static void *competitor_main(void *arg)
{
	struct competitor *c = arg;
	struct task_record *rec = c->rec;
	c->t_start = tsc();
	pin_to_cpu(c->cpu);
	rec->pid = getpid();
	rec->tid = gettid_raw();
	make_canary(c->canary, (unsigned)rec->tag);
	atomic_store(&rec->ready, 1);
	for (;;) {
		if (!c->step(c))
			continue;
		publish_progress(rec, c->checks, c->live_cycles, c->t_start);
		if (c->checks % COMPETITOR_RUSAGE_EVERY == 0)
			publish_rusage(rec);
	}
	return NULL;
}

/* Starts c (rec, cpu, step and mode_state set) as a thread of the
 * checker's process; `what` names it if it cannot start. */
void competitor_start(struct competitor *c, struct task_record *checker,
		      const char *what)
{
	pthread_t thread;
	int err = pthread_create(&thread, NULL, competitor_main, c);
	if (err)
		worker_fail(checker, what, err);
}

/* Runs one window of a competitor; a changed register ends the process. */
void competitor_window(struct competitor *c, struct window *w)
{
	run_window(w);
	c->live_cycles += w->cycles;
	c->checks++;
	uint32_t mask = changed_registers(w->canary, w->observed);
	if (mask) {
		report_mismatch(c->rec, w, mask);
		_exit(EXIT_CORRUPTED);
	}
}

#endif /* SIGVEC_X86_LINUX */
