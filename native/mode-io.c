/*
 * mode-io.c: the trigger that needs no userfaultfd and no preemption. The
 * checker's alternate signal stack is a MAP_PRIVATE mapping of a file on a
 * disk file system (--io-dir), written and fsynced once so its pages are
 * clean. Before each window the stack is released and the file's pages are
 * evicted from the page cache (POSIX_FADV_DONTNEED), so the fault-in during
 * the delivery is a major fault that sleeps on the read; the spinners
 * pinned beside the checker (stress mode's) run meanwhile, and a buggy
 * kernel saves a spinner's registers into the checker's frame. A sleep
 * hands the CPU over whatever the kernel's preemption model, but only a
 * delivery that really slept counts as live: a folder whose pages cannot
 * be evicted (or are read back without waiting) yields none.
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* Evictions the probe tries, IO_PROBE_PAUSE_MS apart, before it refuses
 * the folder: at once on real hardware; the emulated 2-CPU lab guests have
 * needed more than 40 tries 5 ms apart. */
#define IO_PROBE_TRIES 100
#define IO_PROBE_PAUSE_MS 20

/* The folder --io-dir names, or $TMPDIR, or /tmp. */
static const char *io_folder(void)
{
	const char *t = getenv("TMPDIR");
	if (opt.io_dir)
		return opt.io_dir;
	return t && *t ? t : "/tmp";
}

/* File systems by statfs f_type: the ones kept in memory only, whose pages
 * are never read back from a device, are refused (name for the reason);
 * the others only give ioFs its name when /proc/self/mountinfo cannot. */
static const struct fs_kind {
	unsigned long magic;
	const char *name;
	int memory_only;
} fs_kinds[] = {
	{ 0x01021994UL, "tmpfs", 1 },	  /* TMPFS_MAGIC, also devtmpfs */
	{ 0x858458f6UL, "ramfs", 1 },	  /* RAMFS_MAGIC */
	{ 0x958458f6UL, "hugetlbfs", 1 }, /* HUGETLBFS_MAGIC */
	{ 0x9fa0UL, "proc", 1 },
	{ 0x62656572UL, "sysfs", 1 },
	{ 0x1cd1UL, "devpts", 1 },
	{ 0x27e0ebUL, "cgroup", 1 },
	{ 0x63677270UL, "cgroup2", 1 },
	{ 0x64626720UL, "debugfs", 1 },
	{ 0x74726163UL, "tracefs", 1 },
	{ 0x73636673UL, "securityfs", 1 },
	{ 0xcafe4a11UL, "bpf", 1 },
	{ 0x6165676cUL, "pstore", 1 },
	{ 0xde5e81e4UL, "efivarfs", 1 },
	{ 0x62656570UL, "configfs", 1 },
	{ 0x19800202UL, "mqueue", 1 },
	{ 0xef53UL, "ext2/ext3/ext4", 0 },
	{ 0x58465342UL, "xfs", 0 },
	{ 0x9123683eUL, "btrfs", 0 },
	{ 0xf2f52010UL, "f2fs", 0 },
	{ 0x794c7630UL, "overlay", 0 },
	{ 0x65735546UL, "fuse", 0 },
	{ 0x6969UL, "nfs", 0 },
	{ 0x2fc12fc1UL, "zfs", 0 },
};

/* What the probe found, for the workers (inherited through fork) and the
 * result line. */
static struct {
	char dir[256];
	char fs[64];	 /* the type name: mountinfo's, else fs_kinds' */
	char source[96]; /* the mount's source, e.g. /dev/vda, or "" */
} found;

/* The checker's file, and the thread's counts before the delivery. */
static struct {
	struct task_record *rec;
	int fd;
	void *stack;
	size_t bytes;
	long majflt, nvcsw, nivcsw;
} io;

static const struct fs_kind *kind_of(unsigned long magic)
{
	for (size_t i = 0; i < sizeof fs_kinds / sizeof fs_kinds[0]; i++)
		if (fs_kinds[i].magic == magic)
			return &fs_kinds[i];
	return NULL;
}

/* The type and source of the mount that holds dev, from mountinfo
 * ("36 35 98:0 /root /mnt rw - ext4 /dev/vda rw"); 0 if found. */
static int mount_of(dev_t dev, char *type, size_t tlen, char *source,
		    size_t slen)
{
	char line[1024], want[32];
	int ok = -1;
	FILE *f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return -1;
	snprintf(want, sizeof want, "%u:%u", major(dev), minor(dev));
	while (ok && fgets(line, sizeof line, f)) {
		char *p = line;
		/* The third field is the device. */
		for (int i = 0; i < 2 && p; i++)
			p = strchr(p, ' ') ? strchr(p, ' ') + 1 : NULL;
		if (!p || strncmp(p, want, strlen(want)) ||
		    p[strlen(want)] != ' ')
			continue;
		char *dash = strstr(p, " - ");
		char t[64], s[96];
		if (dash && sscanf(dash + 3, "%63s %95s", t, s) == 2) {
			snprintf(type, tlen, "%s", t);
			snprintf(source, slen, "%s", s);
			ok = 0;
		}
	}
	fclose(f);
	return ok;
}

/*
 * Makes the file the signal stack maps, in dir: a random name, O_EXCL and
 * O_NOFOLLOW, mode 0600, unlinked at once (the descriptor keeps it, so it
 * is gone on every way out, SIGKILL too), `bytes` of data written and
 * fsynced so that its pages are clean and can be evicted. Returns the
 * descriptor, or -1 with *err and *what (the call that failed).
 */
static int make_file(const char *dir, size_t bytes, int *err,
		     const char **what)
{
	char path[320];
	static uint8_t block[4096];
	int fd = -1;
	memset(block, 0xA5, sizeof block);
	for (int tries = 0; fd < 0 && tries < 8; tries++) {
		uint64_t r;
		if (getrandom(&r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r)
			r = tsc() ^ ((uint64_t)getpid() << 32) ^ (uint64_t)tries;
		snprintf(path, sizeof path, "%s/.sigvec-io-%016llx", dir,
			 (unsigned long long)r);
		fd = open(path,
			  O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			  0600);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		*err = errno;
		*what = "open(O_CREAT|O_EXCL)";
		return -1;
	}
	if (unlink(path)) {
		*err = errno;
		*what = "unlink";
		close(fd);
		return -1;
	}
	for (size_t done = 0; done < bytes;) {
		size_t n = bytes - done < sizeof block ? bytes - done
							 : sizeof block;
		ssize_t w = write(fd, block, n);
		if (w <= 0) {
			*err = w < 0 ? errno : EIO;
			*what = "write";
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	if (fsync(fd)) {
		*err = errno;
		*what = "fsync";
		close(fd);
		return -1;
	}
	return fd;
}

static int refuse(struct mode_reason *why, int err, const char *fmt,
		  const char *detail)
{
	char text[300];
	snprintf(text, sizeof text, fmt, detail);
	why->code = "io-refused";
	why->err = err ? errno_name(err) : NULL;
	snprintf(why->text, sizeof why->text, "--io-dir %.256s: %s",
		 found.dir, text);
	return -1;
}

/*
 * Permitted where the folder exists, is on a file system that reads pages
 * back from a device (not tmpfs, ramfs or another memory-only one), takes
 * the file a worker will make, and lets go of its pages when told to: the
 * workers' own steps, and mincore(2) to see the eviction.
 */
static int probe_io(struct mode_reason *why)
{
	struct stat st;
	struct statfs sf;
	char detail[200];
	snprintf(found.dir, sizeof found.dir, "%s", io_folder());
	if (stat(found.dir, &st))
		return refuse(why, errno, "not usable (%s)",
			      errno_name(errno));
	if (!S_ISDIR(st.st_mode))
		return refuse(why, ENOTDIR, "%s", "not a folder");
	if (statfs(found.dir, &sf))
		return refuse(why, errno, "statfs failed (%s)",
			      errno_name(errno));
	const struct fs_kind *k = kind_of((unsigned long)sf.f_type);
	found.source[0] = 0;
	if (mount_of(st.st_dev, found.fs, sizeof found.fs, found.source,
		     sizeof found.source)) {
		if (k)
			snprintf(found.fs, sizeof found.fs, "%s", k->name);
		else
			snprintf(found.fs, sizeof found.fs, "0x%lx",
				 (unsigned long)sf.f_type);
	}
	if (k && k->memory_only) {
		snprintf(detail, sizeof detail,
			 "%s (f_type 0x%08lx), which keeps its files in memory only: a page evicted there is not read back from a device, so the fault-in would not sleep",
			 k->name, (unsigned long)sf.f_type);
		return refuse(why, 0, "is on %s", detail);
	}

	int err = 0;
	const char *what = NULL;
	long page = sysconf(_SC_PAGESIZE);
	/* Made, written and evicted on one CPU, as a pinned worker does: pages
	 * just written wait in that CPU's LRU batch, which an eviction from
	 * another CPU may not reach (seen only in 2-CPU lab guests). */
	cpu_set_t before, here;
	int pinned = !sched_getaffinity(0, sizeof before, &before);
	if (pinned) {
		CPU_ZERO(&here);
		CPU_SET(sched_getcpu(), &here);
		pinned = !sched_setaffinity(0, sizeof here, &here);
	}
	int fd = make_file(found.dir, (size_t)page * 2, &err, &what);
	if (fd < 0) {
		if (pinned)
			sched_setaffinity(0, sizeof before, &before);
		snprintf(detail, sizeof detail, "%s failed with %s", what,
			 errno_name(err));
		return refuse(why, err, "cannot make the stack's file: %s",
			      detail);
	}
	void *at = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE,
			MAP_PRIVATE, fd, 0);
	if (at == MAP_FAILED) {
		err = errno;
		close(fd);
		if (pinned)
			sched_setaffinity(0, sizeof before, &before);
		return refuse(why, err, "mmap of its file failed (%s)",
			      errno_name(err));
	}
	/* Evicted, as before each delivery: mincore must then show the pages
	 * gone. Up to IO_PROBE_TRIES tries: right after the fsync a page can
	 * stay busy for a moment, so each try first waits for the file's data
	 * to be on the device again (fdatasync) before it evicts. */
	unsigned char vec[2] = { 1, 1 };
	int evicted = 0;
	for (int tries = 0; !evicted && tries < IO_PROBE_TRIES; tries++) {
		if (tries) {
			struct timespec pause = { 0,
						  IO_PROBE_PAUSE_MS * 1000000L };
			nanosleep(&pause, NULL);
			fdatasync(fd);
		}
		posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
		if (!mincore(at, (size_t)page * 2, vec))
			evicted = !(vec[0] & 1) && !(vec[1] & 1);
		else
			evicted = -1;
	}
	munmap(at, (size_t)page * 2);
	close(fd);
	if (pinned)
		sched_setaffinity(0, sizeof before, &before);
	if (evicted < 0)
		return refuse(why, errno, "mincore failed (%s)",
			      errno_name(errno));
	if (!evicted) {
		snprintf(detail, sizeof detail,
			 "its file's pages stayed in memory after POSIX_FADV_DONTNEED (%d tries in %d ms), so the fault-in would not sleep",
			 IO_PROBE_TRIES, IO_PROBE_TRIES * IO_PROBE_PAUSE_MS);
		return refuse(why, 0, "%s", detail);
	}
	why->code = "io-available";
	why->err = NULL;
	snprintf(why->text, sizeof why->text,
		 "--io-dir %s is on %s%s%s: its pages are evicted before each signal and read back, so the fault-in sleeps on I/O",
		 found.dir, found.fs, found.source[0] ? " on " : "",
		 found.source);
	return 0;
}

/* Replaces the checker's anonymous signal stack, at the same address, with
 * a private mapping of its own file; then starts the spinners. */
static void start_io(const struct checker_setup *s)
{
	int err = 0;
	const char *what = NULL;
	io.fd = make_file(found.dir, s->altstack_bytes, &err, &what);
	if (io.fd < 0)
		worker_fail(s->checker, what, err);
	void *at = mmap(s->altstack, s->altstack_bytes, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_FIXED, io.fd, 0);
	if (at == MAP_FAILED)
		worker_fail(s->checker, "mmap the stack's file", errno);
	io.rec = s->checker;
	io.stack = at;
	io.bytes = s->altstack_bytes;
	start_spinners(s);
}

/*
 * Before each window: drop our copies of the stack's pages (a page we map
 * cannot be evicted), evict the file's, and note the thread's major faults
 * and context switches, which the delivery's fault-in must raise.
 */
static void evict(void)
{
	struct rusage ru;
	madvise(io.stack, io.bytes, MADV_DONTNEED);
	posix_fadvise(io.fd, 0, 0, POSIX_FADV_DONTNEED);
	if (getrusage(RUSAGE_THREAD, &ru)) {
		io.majflt = -1;
		return;
	}
	io.majflt = ru.ru_majflt;
	io.nvcsw = ru.ru_nvcsw;
	io.nivcsw = ru.ru_nivcsw;
}

/*
 * Live only if the fault-in read the page back from the device (a major
 * fault) and the CPU went to another task meanwhile: the checker slept on
 * the read (a voluntary switch, what this mode is for), or a kernel that
 * preempts in kernel mode switched it out during the read (involuntary).
 * A page still cached hands the CPU to no one and never counts.
 */
static int switched_during_read(int canaries_live)
{
	struct rusage ru;
	if (io.majflt < 0 || getrusage(RUSAGE_THREAD, &ru) ||
	    ru.ru_majflt <= io.majflt)
		return 0;
	int slept = ru.ru_nvcsw > io.nvcsw;
	atomic_fetch_add_explicit(&io.rec->io_major, 1, memory_order_relaxed);
	if (slept)
		atomic_fetch_add_explicit(&io.rec->io_slept, 1,
					  memory_order_relaxed);
	return canaries_live && (slept || ru.ru_nivcsw > io.nivcsw);
}

static unsigned io_spinners(void)
{
	return opt.spinners;
}

static void describe_io(FILE *f)
{
	fputs(",\"ioDir\":", f);
	json_string(f, found.dir);
	fputs(",\"ioFs\":", f);
	json_string(f, found.fs);
	uint64_t major = 0, slept = 0;
	for (unsigned i = 0; i < ntasks; i++) {
		major += shared->task[i].io_major;
		slept += shared->task[i].io_slept;
	}
	fprintf(f, ",\"ioMajorFaults\":%llu,\"ioSleptDeliveries\":%llu",
		(unsigned long long)major, (unsigned long long)slept);
}

#endif /* SIGVEC_X86_LINUX */

const struct mode mode_io = {
	.name = "io",
#if SIGVEC_X86_LINUX
	.probe = probe_io,
	.competitors = io_spinners,
	.start_competitors = start_io,
	.live_delivery = switched_during_read,
	.before_delivery = evict,
	.describe = describe_io,
#endif
};
