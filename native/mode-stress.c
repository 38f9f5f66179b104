/*
 * mode-stress.c: the trigger without userfaultfd. Beside each checker,
 * --spinners threads (default 2) pinned to its CPU only spin holding their
 * own canary and take no signals. The bug needs a preemption during the
 * checker's fault-in; the task that then runs is a spinner, so a buggy
 * kernel hands the checker a canary that names it. Permitted everywhere,
 * but it never clears: it needs a preemption at the right instant.
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

/* A spinner's window: long against a context switch, so a preemption in
 * the checker's fault-in nearly always finds a spinner inside one. */
#define SPINNER_WINDOW_US 200

static int spin_step(struct competitor *c)
{
	struct window w = quiet_window(c->canary, c->observed, &c->live);
	w.spins_before = (uint64_t)(spins_per_us * SPINNER_WINDOW_US);
	competitor_window(c, &w);
	return 1;
}

static unsigned spinners(void)
{
	return opt.spinners;
}

/* Also io mode's competitors: spinners are what runs while its fault-in
 * sleeps on the read. */
void start_spinners(const struct checker_setup *s)
{
	static struct competitor spinner[MAX_COMPETITORS];
	for (unsigned j = 0; j < s->ncompetitors; j++) {
		spinner[j].rec = &s->competitors[j];
		spinner[j].cpu = s->cpu;
		spinner[j].step = spin_step;
		competitor_start(&spinner[j], s->checker,
				 "pthread_create spinner");
	}
}

#endif /* SIGVEC_X86_LINUX */

const struct mode mode_stress = {
	.name = "stress",
#if SIGVEC_X86_LINUX
	.probe = NULL, /* permitted everywhere */
	.competitors = spinners,
	.start_competitors = start_spinners,
	.live_delivery = canaries_were_live,
#endif
};
