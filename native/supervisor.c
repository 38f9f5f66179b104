/*
 * supervisor.c: the parent process. It forks one worker per checker (with
 * its competitors as threads), watches for a corruption, a failed or
 * crashed worker, a stop signal, the deadline or --events, and ends every
 * worker on every way out: a worker dies with the parent (PDEATHSIG), and
 * the parent stops when whoever started it dies.
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* How long the parent sleeps when no worker writes to the pipe: how soon
 * it sees the deadline, --events, a stop signal or a dead worker. */
#define SUPERVISOR_POLL_MS 50
/* On the way out: how long workers get to see `stop` and exit on their own
 * before SIGKILL, and how often the parent looks meanwhile. */
#define REAP_GRACE_MS 100
#define REAP_POLL_NS 1000000

const struct mode *run_mode;
struct worker_plan plans[MAX_TASKS];
unsigned nplans, ntasks;
struct crash_record crashes[MAX_CRASHES];
unsigned ncrashes;

static int notify_read_fd = -1;
static volatile sig_atomic_t stop_signal;
static uint8_t parent_canary[CANARY_BYTES] __attribute__((aligned(32)));

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

static void on_child(int sig)
{
	(void)sig;
}

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
		struct timespec ts = { 0, REAP_POLL_NS };
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

void setup_failed(const char *code, const char *text)
{
	if (shared)
		kill_and_reap(0);
	fprintf(stderr, "sigvec-repro: %s\n", text);
	print_failure("error", code, text);
	exit(EXIT_SETUP);
}

static void start_worker(unsigned i)
{
	struct worker_plan *plan = &plans[i];
	/* A restarted worker waits for its new competitors, not the old. */
	for (int j = 0; j < plan->ncompetitors; j++)
		atomic_store(&shared->task[plan->competitor + j].ready, 0);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		setup_failed("fork", "fork failed");
	if (pid == 0) {
		close(notify_read_fd);
		worker_main((int)i);
	}
	plan->pid = pid;
	plan->reaped = 0;
}

/*
 * A worker killed by a fault is evidence, not the end: on the buggy lab
 * kernel a corruption once landed on a worker's own code. Record it and
 * start the worker again, so the others' and its own chances go on.
 */
static void restart_crashed(unsigned i, int st)
{
	struct task_record *ct = &shared->task[plans[i].checker];
	struct crash_record *c = &crashes[ncrashes++];
	c->task = ct->tag;
	c->pid = plans[i].pid;
	c->sig = WTERMSIG(st);
	c->ns = now_ns() - start_ns;
	snprintf(c->detail, sizeof c->detail, "%s",
		 ct->crash[0] ? ct->crash
			      : "killed without its handler running: the kernel could not deliver a signal (e.g. could not write a signal frame)");
	ct->crash[0] = 0;
	fprintf(stderr, "sigvec-repro: worker %d (task %d) killed by %s; starting it again\n",
		plans[i].pid, ct->tag, signal_name(WTERMSIG(st)));
	start_worker(i);
}

/* Whether a worker failed or died for good; fills the reason if so. */
static int worker_failed(struct supervision *out)
{
	for (unsigned i = 0; i < ntasks; i++)
		if (atomic_load(&shared->task[i].failed)) {
			out->fail_code = "worker-setup";
			snprintf(out->fail_text, sizeof out->fail_text, "%s",
				 shared->task[i].error);
		}
	for (unsigned i = 0; i < nplans && !out->fail_code; i++) {
		int st;
		if (plans[i].reaped ||
		    waitpid(plans[i].pid, &st, WNOHANG) != plans[i].pid)
			continue;
		plans[i].reaped = 1;
		if (atomic_load(&shared->first_mismatch) >= 0)
			continue;
		if (WIFSIGNALED(st) && ncrashes < MAX_CRASHES) {
			restart_crashed(i, st);
			continue;
		}
		out->fail_code = "worker-died";
		if (WIFSIGNALED(st))
			snprintf(out->fail_text, sizeof out->fail_text,
				 "worker %d killed by %s, %u crashes in all",
				 plans[i].pid, signal_name(WTERMSIG(st)),
				 ncrashes);
		else
			snprintf(out->fail_text, sizeof out->fail_text,
				 "worker %d exited with status %d",
				 plans[i].pid, WEXITSTATUS(st));
	}
	return out->fail_code != NULL;
}

static int events_reached(void)
{
	uint64_t total = 0;
	for (unsigned i = 0; i < ntasks; i++)
		total += atomic_load_explicit(&shared->task[i].faulting,
					      memory_order_relaxed);
	return total >= opt.events;
}

static void install_handlers(void)
{
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
}

/* Runs the planned workers until something stops the run; every worker is
 * reaped when this returns. */
void supervise(struct supervision *out)
{
	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC | O_NONBLOCK))
		setup_failed("pipe", "pipe2 failed");
	notify_read_fd = pipefd[0];
	notify_fd = pipefd[1];
	make_canary(parent_canary, PARENT_TAG);
	install_handlers();
	for (unsigned i = 0; i < nplans; i++)
		start_worker(i);

	out->stop_reason = "duration";
	out->fail_code = NULL;
	out->fail_text[0] = 0;
	int64_t deadline = start_ns + (int64_t)(opt.duration * 1e9);
	for (;;) {
		if (stop_signal) {
			out->stop_reason = stop_signal == SIGINT ? "SIGINT"
					   : stop_signal == SIGTERM ? "SIGTERM"
								    : "SIGHUP";
			break;
		}
		if (atomic_load(&shared->first_mismatch) >= 0) {
			out->stop_reason = "corruption";
			break;
		}
		if (worker_failed(out))
			break;
		int64_t now = now_ns();
		if (now >= deadline)
			break;
		if (opt.events && events_reached()) {
			out->stop_reason = "events";
			break;
		}
		int64_t wait_ms = (deadline - now + 999999) / 1000000;
		struct pollfd pfd = { .fd = notify_read_fd, .events = POLLIN };
		/*
		 * The parent is not pinned and wakes on every CPU: if it was
		 * the last to run before a checker's retry, its registers are
		 * what a buggy kernel hands over, so they name it (task 0).
		 */
		load_canary(parent_canary);
		if (poll(&pfd, 1, wait_ms > SUPERVISOR_POLL_MS ? SUPERVISOR_POLL_MS
							       : (int)wait_ms) > 0) {
			char drain[64];
			while (read(notify_read_fd, drain, sizeof drain) > 0)
				;
		}
	}
	out->elapsed_ns = now_ns() - start_ns;
	kill_and_reap(REAP_GRACE_MS);
}

#endif /* SIGVEC_X86_LINUX */
