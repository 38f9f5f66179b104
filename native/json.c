/*
 * json.c: the one JSON line on stdout (schema version 1, native/README.md)
 * and the names it gives errnos and signals. Every way out of the program
 * prints exactly one line through here.
 */
#include "sigvec.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <string.h>
#include <sys/utsname.h>

void json_string(FILE *f, const char *s)
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
void print_failure(const char *result, const char *code, const char *text)
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

#if SIGVEC_X86_LINUX

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

static const char *role_name(int32_t role)
{
	return role == ROLE_CHECKER ? "checker" : "competitor";
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

/* The role of the task a tag names; NULL for a tag no task of this run
 * carries (args reject such an --inject-tag, so only a stray canary). */
static const char *leaked_role(int task)
{
	if (task == PARENT_TAG)
		return "parent";
	if (task > 0 && (unsigned)task <= ntasks)
		return role_name(shared->task[task - 1].role);
	return NULL;
}

/*
 * Every lane of every register: null where it held its canary, else what
 * it held, in leakedFrom's words; 16 arrays of 4, register by register.
 */
static void print_lanes(FILE *f, const struct task_record *rec)
{
	fputs(",\"lanes\":[", f);
	for (unsigned r = 0; r < 16; r++) {
		fputs(r ? ",[" : "[", f);
		for (unsigned lane = 0; lane < 4; lane++) {
			const uint8_t *exp = rec->expected + r * 32 + lane * 8;
			const uint8_t *obs = rec->observed + r * 32 + lane * 8;
			struct lane_source src;
			if (lane)
				fputc(',', f);
			if (!memcmp(exp, obs, 8)) {
				fputs("null", f);
				continue;
			}
			read_lane(obs, rec, &src);
			json_string(f, src.from);
		}
		fputc(']', f);
	}
	fputc(']', f);
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
	const char *role = src.task >= 0 ? leaked_role(src.task) : NULL;
	unsigned nchanged = (unsigned)__builtin_popcount(rec->mismatch_mask);
	char seen[160];
	if (found && src.task >= 0)
		snprintf(seen, sizeof seen,
			 "the canary of task %d (%s) in %u of 16 registers",
			 src.task, role ? role : "no task of this run",
			 nchanged);
	else if (found)
		snprintf(seen, sizeof seen, "%s in %u of 16 registers",
			 !strcmp(src.from, "injected") ? "an injected canary"
			 : !strcmp(src.from, "self")   ? "its own canary"
						       : "a canary of another run",
			 nchanged);
	else if (zeros)
		snprintf(seen, sizeof seen,
			 "zeros in %u of 16 registers (a task's initial vector state), no canary",
			 nchanged);
	else
		snprintf(seen, sizeof seen,
			 "bytes that are no canary of this run in %u of 16 registers (a task outside its canary window)",
			 nchanged);
	fprintf(f, ",\"mismatch\":{\"task\":%d,\"role\":\"%s\",\"pid\":%d,\"cpu\":%d,\"register\":\"ymm%u\",\"registers\":[",
		rec->tag, role_name(rec->role), rec->pid, rec->cpu, reg);
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
		fprintf(f, ",\"leakedTask\":%d", src.task);
	else
		fputs(",\"leakedTask\":null", f);
	if (role)
		fprintf(f, ",\"leakedRole\":\"%s\"", role);
	else
		fputs(",\"leakedRole\":null", f);
	if (src.reg[0])
		fprintf(f, ",\"leakedRegister\":\"%s\"", src.reg);
	else
		fputs(",\"leakedRegister\":null", f);
	fputs(",\"seen\":", f);
	json_string(f, seen);
	print_lanes(f, rec);
	fputc('}', f);
}

static double share(uint64_t part, uint64_t whole)
{
	return whole ? (double)part / (double)whole : 0.0;
}

/* The counters the line carries for the run and again for each task. */
struct counters {
	uint64_t signals, faulting, live_faulting, uffd_faults, nivcsw,
		checks, injected;
	double live_share;
};

static struct counters task_counters(const struct task_record *t)
{
	return (struct counters){
		.signals = t->signals,
		.faulting = t->faulting,
		.live_faulting = t->live_faulting,
		.uffd_faults = t->uffd_faults,
		.nivcsw = t->nivcsw,
		.checks = t->checks,
		.injected = t->injected,
		.live_share = share(t->live_cycles, t->wall_cycles),
	};
}

static void print_counters(FILE *f, const struct counters *c)
{
	fprintf(f, ",\"signals\":%" PRIu64 ",\"faultingDeliveries\":%" PRIu64
		   ",\"liveFaultingDeliveries\":%" PRIu64 ",\"uffdFaults\":%" PRIu64
		   ",\"involuntarySwitches\":%" PRIu64 ",\"checks\":%" PRIu64
		   ",\"liveShare\":%.4f,\"injected\":%" PRIu64,
		c->signals, c->faulting, c->live_faulting, c->uffd_faults,
		c->nivcsw, c->checks, c->live_share, c->injected);
}

/* The run's counts are its tasks' added up; its liveShare is the mean of
 * its checkers' (competitors hold canaries nearly all the time). */
static struct counters run_counters(int64_t *first_injection_ns)
{
	struct counters sum = { 0 };
	double live_sum = 0;
	unsigned checkers = 0;
	*first_injection_ns = -1;
	for (unsigned i = 0; i < ntasks; i++) {
		const struct task_record *t = &shared->task[i];
		struct counters c = task_counters(t);
		sum.signals += c.signals;
		sum.faulting += c.faulting;
		sum.live_faulting += c.live_faulting;
		sum.uffd_faults += c.uffd_faults;
		sum.nivcsw += c.nivcsw;
		sum.checks += c.checks;
		sum.injected += c.injected;
		if (t->first_injection_ns >= 0 &&
		    (*first_injection_ns < 0 ||
		     t->first_injection_ns < *first_injection_ns))
			*first_injection_ns = t->first_injection_ns;
		if (t->role == ROLE_CHECKER) {
			live_sum += c.live_share;
			checkers++;
		}
	}
	sum.live_share = checkers ? live_sum / checkers : 0.0;
	return sum;
}

void print_result(const char *result, const struct mode_reason *why,
		  const char *stop_reason, int64_t elapsed_ns)
{
	FILE *f = stdout;
	int64_t first_inj;
	struct counters total = run_counters(&first_inj);
	fprintf(f, "{\"version\":%d,\"result\":\"%s\",\"mode\":\"%s\",\"modeReason\":",
		SCHEMA_VERSION, result, run_mode->name);
	json_string(f, why->code);
	fputs(",\"modeReasonErrno\":", f);
	if (why->err)
		json_string(f, why->err);
	else
		fputs("null", f);
	fputs(",\"modeReasonText\":", f);
	json_string(f, why->text);
	if (run_mode->describe)
		run_mode->describe(f);
	/* Whether the kernel preempts in kernel mode ("PREEMPT" in version),
	 * which stress mode's trigger needs. */
	struct utsname u;
	if (uname(&u))
		memset(&u, 0, sizeof u);
	fputs(",\"uname\":{\"release\":", f);
	json_string(f, u.release);
	fputs(",\"version\":", f);
	json_string(f, u.version);
	fputc('}', f);
	fprintf(f, ",\"stopReason\":\"%s\",\"cpus\":%u,\"seconds\":%.6f",
		stop_reason, cpu_count, (double)elapsed_ns / 1e9);
	print_counters(f, &total);
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
		opt.duration, opt.events, opt.inject, opt.inject_tag,
		opt.inject_crash, opt.window_us, opt.timer_us, opt.sender_us,
		opt.hold_us);
	fputs(",\"crashes\":[", f);
	for (unsigned i = 0; i < ncrashes; i++) {
		fprintf(f, "%s{\"task\":%d,\"pid\":%d,\"signal\":\"%s\",\"seconds\":%.6f,\"detail\":",
			i ? "," : "", crashes[i].task, crashes[i].pid,
			signal_name(crashes[i].sig), (double)crashes[i].ns / 1e9);
		json_string(f, crashes[i].detail);
		fputc('}', f);
	}
	fputs("]", f);
	fputs(",\"tasks\":[", f);
	for (unsigned i = 0; i < ntasks; i++) {
		const struct task_record *t = &shared->task[i];
		struct counters c = task_counters(t);
		fprintf(f, "%s{\"task\":%d,\"role\":\"%s\",\"pid\":%d,\"tid\":%d,\"cpu\":%d,\"senderCpu\":",
			i ? "," : "", t->tag, role_name(t->role), t->pid,
			t->tid, t->cpu);
		if (t->sender_cpu >= 0)
			fprintf(f, "%d", t->sender_cpu);
		else
			fputs("null", f);
		print_counters(f, &c);
		fputc('}', f);
	}
	fputs("]}\n", f);
	fflush(f);
}

#endif /* SIGVEC_X86_LINUX */
