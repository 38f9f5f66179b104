/*
 * mode-uffd.c: the deterministic trigger. The checker's signal stack is
 * registered with userfaultfd, so each delivery's fault-in sleeps until the
 * one competitor pinned beside it (the filler) has run: it sleeps in poll
 * until the fault arrives, then fills the page from inside its own canary
 * window and yields, so a buggy kernel saves the filler's registers into the
 * checker's frame. Needs userfaultfd for kernel-mode faults (root,
 * CAP_SYS_PTRACE, vm.unprivileged_userfaultfd=1 or /dev/userfaultfd).
 */
#include "sigvec.h"

#if SIGVEC_X86_LINUX

#include <errno.h>
#include <fcntl.h>
#include <linux/userfaultfd.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Kernel headers before 6.1 (e.g. Ubuntu 22.04's) lack /dev/userfaultfd. */
#ifndef USERFAULTFD_IOC_NEW
#define USERFAULTFD_IOC_NEW _IO(0xAA, 0x00)
#endif
/* How long the idle filler sleeps in poll before looking again; a fault
 * wakes it at once, so this only paces a loop with nothing to do. */
#define UFFD_POLL_MS 100

/*
 * Opens a userfaultfd the way the probe and every worker do: the system
 * call, else /dev/userfaultfd (Linux 6.1+: a host that refuses the call
 * unprivileged may still grant the device by its file mode). Reports the
 * call's errno and the device's (0: not tried or it worked), and which one
 * gave the descriptor.
 */
static int uffd_open(int *call_err, int *dev_err, int *via_dev)
{
	int fd = (int)syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	*call_err = errno;
	*dev_err = 0;
	*via_dev = 0;
	if (fd >= 0)
		return fd;
	int dev = open("/dev/userfaultfd", O_RDWR | O_CLOEXEC);
	if (dev < 0) {
		*dev_err = errno;
		return -1;
	}
	fd = ioctl(dev, USERFAULTFD_IOC_NEW, O_CLOEXEC | O_NONBLOCK);
	*dev_err = fd < 0 ? errno : 0;
	close(dev);
	*via_dev = fd >= 0;
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

/* The same steps a worker takes (uffd_open, uffd_register on one page), so
 * "permitted" means what the workers will meet. */
static int probe_uffd(struct mode_reason *why)
{
	char sysctl[32];
	int err, dev_err, via_dev;
	long page = sysconf(_SC_PAGESIZE);
	read_sysctl("/proc/sys/vm/unprivileged_userfaultfd", sysctl,
		    sizeof sysctl);
	int fd = uffd_open(&err, &dev_err, &via_dev);
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
	void *at = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int bad = at == MAP_FAILED ? (err = errno, -1)
				   : uffd_register(fd, at, (size_t)page, &err);
	close(fd);
	if (at != MAP_FAILED)
		munmap(at, (size_t)page);
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
		 via_dev ? "/dev/userfaultfd" : "userfaultfd(2)", sysctl);
	return 0;
}

/* What the filler shares with its checker's process. */
struct uffd_link {
	int fd;
	struct task_record *checker;
	long page;
	uint64_t hold_spins; /* --hold-us before each fill */
};

/*
 * One fault served: the checker now asleep in it, this thread running on
 * the same CPU with its own registers loaded, fills the page from inside a
 * canary window and yields the CPU straight back. A buggy kernel then saves
 * these registers, this task's canary, into the checker's frame.
 */
static int fill_step(struct competitor *c)
{
	struct uffd_link *link = c->mode_state;
	struct pollfd pfd = { .fd = link->fd, .events = POLLIN };
	struct uffd_msg msg;
	if (poll(&pfd, 1, UFFD_POLL_MS) <= 0)
		return 0;
	if (read(link->fd, &msg, sizeof msg) != (ssize_t)sizeof msg ||
	    msg.event != UFFD_EVENT_PAGEFAULT)
		return 0;
	struct uffdio_zeropage zp;
	memset(&zp, 0, sizeof zp);
	zp.range.start = msg.arg.pagefault.address & ~(uint64_t)(link->page - 1);
	zp.range.len = (uint64_t)link->page;
	for (;;) {
		struct window w = quiet_window(c->canary, c->observed, &c->live);
		w.spins_before = link->hold_spins;
		w.call[0] = (struct window_call){ SYS_ioctl, link->fd,
			(int64_t)UFFDIO_ZEROPAGE, (int64_t)(uintptr_t)&zp, 0 };
		w.call[1].nr = SYS_sched_yield;
		competitor_window(c, &w);
		if (w.call[0].ret == -EEXIST) {
			struct uffdio_range r = zp.range;
			ioctl(link->fd, UFFDIO_WAKE, &r);
		} else if (w.call[0].ret < 0 && w.call[0].ret != -EAGAIN) {
			worker_fail(c->rec, "UFFDIO_ZEROPAGE", (int)-w.call[0].ret);
		}
		if (w.call[0].ret != -EAGAIN)
			break;
	}
	atomic_fetch_add_explicit(&link->checker->uffd_faults, 1,
				  memory_order_relaxed);
	return 1;
}

static unsigned one_filler(void)
{
	return 1;
}

static void start_filler(const struct checker_setup *s)
{
	static struct uffd_link link;
	static struct competitor filler;
	int err, dev_err, via_dev;
	link.fd = uffd_open(&err, &dev_err, &via_dev);
	if (link.fd < 0)
		worker_fail(s->checker, "userfaultfd", dev_err ? dev_err : err);
	if (uffd_register(link.fd, s->altstack, s->altstack_bytes, &err))
		worker_fail(s->checker, "UFFDIO_REGISTER", err);
	link.checker = s->checker;
	link.page = sysconf(_SC_PAGESIZE);
	link.hold_spins = (uint64_t)(spins_per_us * opt.hold_us);
	filler.rec = &s->competitors[0];
	filler.cpu = s->cpu;
	filler.step = fill_step;
	filler.mode_state = &link;
	competitor_start(&filler, s->checker, "pthread_create competitor");
}

#endif /* SIGVEC_X86_LINUX */

const struct mode mode_uffd = {
	.name = "uffd",
#if SIGVEC_X86_LINUX
	.probe = probe_uffd,
	.competitors = one_filler,
	.start_competitors = start_filler,
	.live_delivery = canaries_were_live, /* every fault-in is held */
#endif
};
