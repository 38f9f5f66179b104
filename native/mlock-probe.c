/*
 * mlock-probe.c: `sigvec-repro --mlock-probe BYTES` and nothing else. It
 * answers what the Go runtime's workaround will meet here: Go 1.14-1.15 on
 * an affected kernel mlocks 4 KiB of every thread's signal stack, and a
 * refused lock (ENOMEM: RLIMIT_MEMLOCK too small, CAP_IPC_LOCK missing) is
 * fatal in Go 1.14.0 (docs/bug.md). It maps BYTES rounded up to whole pages,
 * locks them, says whether that worked, and lets them go.
 *
 * One JSON line, e.g.
 *   {"version":1,"mlockProbe":{"bytes":262144,"lockedBytes":262144,"ok":true}}
 *   {"version":1,"mlockProbe":{"bytes":262144,"lockedBytes":262144,"ok":false,
 *    "call":"mlock","errno":12,"error":"ENOMEM"}}
 * Exit 0 when locked, 4 (EXIT_SETUP) when not.
 */
#include "sigvec.h"

#include <errno.h>
#include <inttypes.h>
#include <sys/mman.h>
#include <unistd.h>

static void print_probe(uint64_t bytes, uint64_t locked, const char *call,
			int err)
{
	printf("{\"version\":%d,\"mlockProbe\":{\"bytes\":%" PRIu64
	       ",\"lockedBytes\":%" PRIu64 ",\"ok\":%s",
	       SCHEMA_VERSION, bytes, locked, call ? "false" : "true");
	if (call)
		printf(",\"call\":\"%s\",\"errno\":%d,\"error\":\"%s\"", call,
		       err, errno_name(err));
	fputs("}}\n", stdout);
	fflush(stdout);
}

int mlock_probe(uint64_t bytes)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	/* bytes <= MLOCK_PROBE_MAX_BYTES (args.c): this cannot overflow. */
	uint64_t len = (bytes + page - 1) / page * page;
	const char *failed = NULL;
	int err = 0;
	void *at = mmap(NULL, (size_t)len, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (at == MAP_FAILED) {
		failed = "mmap";
		err = errno;
	} else {
		if (mlock(at, (size_t)len)) {
			failed = "mlock";
			err = errno;
		} else {
			munlock(at, (size_t)len);
		}
		munmap(at, (size_t)len);
	}
	print_probe(bytes, len, failed, err);
	if (failed)
		fprintf(stderr, "sigvec-repro: %s of %" PRIu64 " bytes: %s\n",
			failed, len, errno_name(err));
	return failed ? EXIT_SETUP : EXIT_CLEAN;
}
