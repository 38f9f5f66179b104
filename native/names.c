/*
 * names.c: the names of errno values and signals, as every unit writes them
 * into the JSON line and its diagnostics ("EPERM", "SIGSEGV"). A unit of its
 * own, so that printing a name ties no unit to the JSON writer.
 */
#include "sigvec.h"

#include <errno.h>
#include <signal.h>

const char *errno_name(int e)
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
	case ENOSPC: return "ENOSPC";
	case EROFS: return "EROFS";
	case ENOTDIR: return "ENOTDIR";
	case ELOOP: return "ELOOP";
	case EIO: return "EIO";
	case ENODEV: return "ENODEV";
	default: return "EOTHER";
	}
}

const char *signal_name(int sig)
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
