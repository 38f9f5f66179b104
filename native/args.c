/*
 * args.c: the command line. Every option is read and checked here, once,
 * into `opt`; a bad one ends the program with exit 2, the usage on stderr
 * and one JSON line on stdout.
 */
#include "sigvec.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

struct options opt = {
	.mode = "auto",
	.duration = 10.0,
	.spinners = 2,
};

static const char usage_text[] =
	"Usage: sigvec-repro [options]\n"
	"Looks for the Linux x86 kernel bug that corrupts AVX registers of a\n"
	"thread taking a signal (5.2, 5.3.0-5.3.14, 5.4.0-5.4.1 built by GCC 9+).\n"
	"\n"
	"  --mode auto|uffd|io|stress\n"
	"                           uffd: deterministic trigger with userfaultfd;\n"
	"                           io: the signal stack is a file on a disk,\n"
	"                           evicted before each signal, so its fault-in\n"
	"                           sleeps on the read (no privilege needed);\n"
	"                           stress: oversubscribed CPUs, needs a\n"
	"                           preemption; auto (default): uffd where\n"
	"                           permitted, else io where --io-dir is on a\n"
	"                           disk, else stress\n"
	"  --io-dir DIR             io: where the signal stack's file is made\n"
	"                           (unlinked at once; default $TMPDIR, else\n"
	"                           /tmp); not tmpfs or ramfs\n"
	"  --duration SECONDS       stop clean after this long (default 10)\n"
	"  --events N               stop clean after N faulting deliveries\n"
	"  --tasks N                checking tasks in all (default: 1 per CPU)\n"
	"  --spinners N             stress, io: canary-holding competitors beside\n"
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
	"  --mlock-probe BYTES      do nothing else: mlock BYTES (rounded up to\n"
	"                           pages), print whether it worked, exit\n"
	"  --help                   this text\n"
	"\n"
	"Prints one JSON line on stdout. Exit: 0 clean, 1 corrupted, 2 usage,\n"
	"3 unsupported (not x86-64 or no AVX), 4 setup failed, 5 no corruption\n"
	"seen but a worker crashed (SIGSEGV, SIGBUS, ...).\n";

void usage_error(const char *fmt, const char *arg)
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

static uint64_t count_arg(const char *name, const char *s, uint64_t min,
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
	return v;
}

/* "--mode takes auto, uffd or stress, got '%s'", from the mode table. */
static void check_mode(const char *name)
{
	char fmt[160] = "--mode takes auto";
	size_t n = 0;
	if (!strcmp(name, "auto"))
		return;
	for (; modes[n]; n++)
		if (!strcmp(name, modes[n]->name))
			return;
	for (size_t i = 0; i < n; i++) {
		strncat(fmt, i + 1 < n ? ", " : " or ",
			sizeof fmt - strlen(fmt) - 1);
		strncat(fmt, modes[i]->name, sizeof fmt - strlen(fmt) - 1);
	}
	strncat(fmt, ", got '%s'", sizeof fmt - strlen(fmt) - 1);
	usage_error(fmt, name);
}

static double duration_arg(const char *s)
{
	char *end;
	double v;
	errno = 0;
	v = strtod(s, &end);
	/* v == v rejects NaN without needing libm. */
	if (errno || end == s || *end || !(v == v) || !(v > 0) || v > 86400)
		usage_error("--duration needs seconds above 0 and at most 86400, got '%s'",
			    s);
	return v;
}

/* A period in microseconds: 0 is off, and below 5 µs a signal source
 * would leave the checker no time of its own. */
static unsigned period_arg(const char *name, const char *s)
{
	char fmt[96];
	unsigned v = (unsigned)count_arg(name, s, 0, 1000000);
	if (v && v < 5) {
		snprintf(fmt, sizeof fmt,
			 "%s needs 0 (off) or 5 to 1000000, got '%%s'", name);
		usage_error(fmt, s);
	}
	return v;
}

void parse_args(int argc, char **argv)
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
		{ "io-dir", required_argument, 0, 'D' },
		{ "mlock-probe", required_argument, 0, 'L' },
		{ "help", no_argument, 0, 'h' },
		{ 0, 0, 0, 0 },
	};
	/* The first reproducer option given: --mlock-probe takes none. */
	const char *other = NULL;
	int c, at;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, &at)) != -1) {
		if (c != 'L' && c != 'h' && c != ':' && c != '?' && !other)
			other = longopts[at].name;
		switch (c) {
		case 'm':
			check_mode(optarg);
			opt.mode = optarg;
			break;
		case 'd':
			opt.duration = duration_arg(optarg);
			break;
		case 'e':
			opt.events = count_arg("--events", optarg, 1, UINT32_MAX);
			break;
		case 't':
			opt.tasks = (unsigned)count_arg("--tasks", optarg, 1,
							MAX_TASKS / 2);
			break;
		case 'c':
			opt.cpus = (unsigned)count_arg("--cpus", optarg, 1, MAX_CPUS);
			break;
		case 'i':
			opt.inject = (unsigned)count_arg("--inject", optarg, 1,
							 UINT32_MAX);
			break;
		case 'g':
			/* Below the injection mark (INJECT_TAG); that it names a
			 * task of this run is checked once the tasks are known. */
			opt.inject_tag = (unsigned)count_arg("--inject-tag", optarg,
							     1, 0xFFFE);
			break;
		case 'P':
			opt.spinners = (unsigned)count_arg("--spinners", optarg, 0,
							   MAX_COMPETITORS);
			break;
		case 'x':
			opt.inject_crash = (unsigned)count_arg("--inject-crash",
							       optarg, 1,
							       UINT32_MAX);
			break;
		case 'w':
			opt.window_us = (unsigned)count_arg("--window-us", optarg,
							    0, 100000);
			break;
		case 'T':
			opt.timer_us = period_arg("--timer-us", optarg);
			break;
		case 'S':
			opt.sender_us = period_arg("--sender-us", optarg);
			break;
		case 'H':
			opt.hold_us = (unsigned)count_arg("--hold-us", optarg, 0,
							  1000000);
			break;
		case 'D':
			if (!*optarg)
				usage_error("--io-dir needs a folder, got '%s'",
					    optarg);
			opt.io_dir = optarg;
			break;
		case 'L':
			opt.mlock_probe = count_arg("--mlock-probe", optarg, 1,
						    MLOCK_PROBE_MAX_BYTES);
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
	if (opt.mlock_probe && other)
		usage_error("--mlock-probe runs alone, without '--%s'", other);
}
