#!/bin/sh
# sigvec-check's capture for a host that cannot run Node (glibc older than
# 2.28: Ubuntu 18.04, CentOS 7, Amazon Linux 2). Plain POSIX sh: it copies
# the files `sigvec-check --root` reads, trimmed as `sigvec-check capture`
# trims them (src/capture.ts), and where a C compiler exists it builds the
# reproducer (../native), runs its self-test, then the real run, and keeps
# their JSON lines in OUTDIR/sigvec/reproducer.jsonl. Judge the host
# elsewhere with `sigvec-check --root OUTDIR`.
#
#   sh capture.sh [--no-reproduce] [--mode MODE] [--duration TIME] OUTDIR
#   sh capture.sh [...] --from DIR OUTDIR   (for tests: read the files from
#                                             DIR instead of /)
#   sh capture.sh --list-files | --dry-run [--mode MODE] [--duration TIME]
#
# The tests hold --list-files to HOST_FILES (src/host.ts) and --dry-run's
# arguments to selfTestArgs/realRunArgs (src/reproducer.ts).

set -u
umask 077
LC_ALL=C
export LC_ALL

me=capture.sh
here=$(cd -- "$(dirname -- "$0")" && pwd -P) || exit 1
package=$(dirname -- "$here")
native=$package/native
version=$(sed -n 's/^  "version": "\([^"]*\)",$/\1/p' "$package/package.json" 2>/dev/null)

# Every file the audit reads, relative to the root (HOST_FILES).
FILES='proc/sys/kernel/hostname
proc/sys/kernel/osrelease
proc/version
proc/sys/kernel/version
proc/version_signature
etc/os-release
usr/lib/os-release
proc/sys/kernel/arch
proc/cpuinfo
proc/self/limits
proc/self/status
proc/self/uid_map
.dockerenv
run/.containerenv
proc/1/cgroup
proc/1/mountinfo
proc/1/environ'

# The reproducer's runs, as the audit makes them (src/reproducer.ts).
SELF_TEST_SECONDS=10
SELF_TEST_INJECT_EVERY=4
# Stop at ample evidence where the mode can clear: deliveriesFor(mode,
# STOP_MISS_PROBABILITY) of src/evidence.ts; stress runs its time.
EVENTS_uffd=62
EVENTS_io=120

usage() {
	cat <<EOF
Usage: sh $me [--no-reproduce] [--mode MODE] [--duration TIME] [--from DIR] OUTDIR
       sh $me --list-files
       sh $me --dry-run [--mode MODE] [--duration TIME]

Copies the files sigvec-check --root reads into OUTDIR (new or empty), and
where a C compiler exists (\$CC, else cc) builds the reproducer and keeps its
self-test's and real run's JSON lines in OUTDIR/sigvec/reproducer.jsonl.
Then, on any machine with Node: sigvec-check --root OUTDIR

  --no-reproduce     copy the files only
  --mode MODE        reproducer mode: auto, uffd, io or stress (default auto)
  --duration TIME    longest real run, as 30s, 2m, 1m30s, 1h or seconds (default 30s)
  --from DIR         for tests: read the files from DIR instead of /
  --list-files       print the files copied, one a line
  --dry-run          print the reproducer runs it would make
EOF
}

die() {
	printf '%s: %s\n' "$me" "$1" >&2
	exit "${2:-1}"
}

refuse() {
	die "invalid $1: \"$2\". Expected $3." 2
}

# "30s", "2m", "1m30s", "1.5m", "1h" or "45" → seconds as the audit reads
# them (parseDuration, src/options.ts), from 0.5 s to 1 h.
seconds_of() {
	case $1 in '' | *[!0-9.hms]*) return 1 ;; esac
	awk -v v="$1" 'BEGIN {
		num = "[0-9]+(\\.[0-9]+)?"
		if (v !~ ("^(" num "h)?(" num "m)?(" num "s)?$|^" num "$")) exit 1
		if (v ~ /^[0-9.]+$/) n = v + 0
		else for (rest = v; rest != ""; rest = substr(rest, RLENGTH + 1)) {
			match(rest, /^[0-9.]+[hms]/)
			unit = substr(rest, RLENGTH, 1)
			x = substr(rest, 1, RLENGTH - 1) + 0
			n += unit == "h" ? x * 3600 : unit == "m" ? x * 60 : x
		}
		if (!(n >= 0.5 && n <= 3600)) exit 1
		CONVFMT = "%.15g"; OFMT = "%.15g"; print n
	}'
}

reproduce=yes
mode=auto
duration=30
from=/
action=capture
out=
while [ $# -gt 0 ]; do
	case $1 in
	--no-reproduce) reproduce=no ;;
	--list-files) action=list ;;
	--dry-run) action=dry-run ;;
	--mode | --duration | --from)
		[ $# -ge 2 ] || die "$1 needs a value" 2
		case $1 in
		--mode)
			case $2 in
			auto | uffd | io | stress) mode=$2 ;;
			*) refuse --mode "$2" 'one of: auto, uffd, io, stress' ;;
			esac
			;;
		--duration)
			duration=$(seconds_of "$2") ||
				refuse --duration "$2" 'a duration from 0.5s to 1h: numbers with the units h, m and s in that order, such as 30s, 2m, 1m30s, 1.5m or 1h, or a bare number of seconds such as 45 (no sign, no other unit)'
			;;
		--from) from=$2 ;;
		esac
		shift
		;;
	-h | --help)
		usage
		exit 0
		;;
	--) shift; break ;;
	-*) die "unknown flag \"$1\"; the flags are --no-reproduce, --mode, --duration, --from, --list-files, --dry-run, --help" 2 ;;
	*)
		[ -z "$out" ] || die "one OUTDIR only: \"$out\" and \"$1\" given" 2
		out=$1
		;;
	esac
	shift
done
if [ $# -gt 0 ]; then
	[ -z "$out" ] && [ $# -eq 1 ] || die "one OUTDIR only" 2
	out=$1
fi

# io mode's folder: RUNNER_TEMP, the workspace, TMPDIR, else /tmp (ioFolder).
io_dir=${RUNNER_TEMP:-${GITHUB_WORKSPACE:-${TMPDIR:-/tmp}}}

# The runs' arguments, handed to a command ("$1") as its own: the self-test
# (selfTestArgs) and the real run in a resolved mode (realRunArgs, no drill).
with_self_test_args() {
	cmd=$1
	shift
	set -- "$@" --mode "$mode"
	case $mode in io | auto) set -- "$@" --io-dir "$io_dir" ;; esac
	"$cmd" "$@" --duration "$SELF_TEST_SECONDS" --inject "$SELF_TEST_INJECT_EVERY"
}
with_run_args() {
	cmd=$1
	m=$2
	shift 2
	set -- "$@" --mode "$m"
	[ "$m" = io ] && set -- "$@" --io-dir "$io_dir"
	set -- "$@" --duration "$duration"
	case $m in
	uffd) set -- "$@" --events "$EVENTS_uffd" ;;
	io) set -- "$@" --events "$EVENTS_io" ;;
	esac
	"$cmd" "$@"
}
show() { printf '%s\n' "$*"; }

case $action in
list)
	printf '%s\n' "$FILES"
	exit 0
	;;
dry-run)
	with_self_test_args show self-test:
	for each in uffd io stress; do
		[ "$mode" = auto ] || [ "$mode" = "$each" ] || continue
		with_run_args show "$each" "run $each:"
	done
	exit 0
	;;
esac

[ -n "$out" ] || {
	usage >&2
	die "give the folder to capture into (OUTDIR)" 2
}
# The script works from inside OUTDIR below: a relative --from is made whole.
[ -d "$from" ] || refuse --from "$from" 'a folder'
case $from in /*) ;; *) from=$(pwd -P)/$from ;; esac

# OUTDIR: never a link, new or empty; made again here, 0700, so that no one
# else owns it or anything inside it.
while :; do
	case $out in
	?*/) out=${out%/} ;;
	*) break ;;
	esac
done
[ "$out" != / ] || die "OUTDIR \"/\" is not a new or empty folder" 2
if [ -L "$out" ]; then
	die "OUTDIR $out is a link; give a new or empty folder" 2
elif [ -e "$out" ]; then
	[ -d "$out" ] || die "OUTDIR $out is not a folder; give a new or empty folder" 2
	[ -z "$(ls -A -- "$out")" ] || die "OUTDIR $out is not empty; give a new or empty folder" 2
	rmdir -- "$out" || die "OUTDIR $out: cannot replace it"
fi
mkdir -p -- "$(dirname -- "$out")" && mkdir -m 700 -- "$out" ||
	die "OUTDIR $out: cannot create it"

# From here on every write goes through the folder just made, held as the
# working directory, by relative paths: whoever can write in OUTDIR's parent
# may put a link in its place, and a path through "$out" would follow it.
# It must be the folder made here: no link, ours, 0700 and empty.
whole=$(cd -P -- "$(dirname -- "$out")" && pwd -P) ||
	die "OUTDIR $out: cannot find its parent folder"
whole=${whole%/}/${out##*/}
owned() {
	# ls -ldn's fields, split on purpose; the mode may end in "." (an
	# SELinux label, CentOS 7) or "+" (an ACL, masked to nothing by 700).
	set -- $(ls -ldn .) && [ "$3" = "$(id -u)" ] &&
		case $1 in drwx------ | drwx------[.+]) ;; *) false ;; esac
}
if ! cd -P -- "$out" || [ "$(pwd -P)" != "$whole" ] || ! owned ||
	[ -n "$(ls -A)" ]; then
	die "OUTDIR $out was replaced while the script made it; nothing written"
fi

tmp=
child=
done_ok=no
cleanup() {
	[ -z "$tmp" ] || rm -rf -- "$tmp"
	[ "$done_ok" = yes ] && return
	# What the script made, from inside the folder; then the folder, by
	# name, only if it is still there and empty.
	for rel in $FILES sigvec; do
		rm -rf -- "./${rel%%/*}" "./${rel%%/*}.read"
	done
	cd / && rmdir -- "$whole" 2>/dev/null
}
interrupted() {
	# The reproducer ends every worker on SIGTERM, and stops by itself
	# if this shell dies first (PDEATHSIG): sh has no job control here.
	if [ -n "$child" ]; then
		kill -TERM "$child" 2>/dev/null
		wait "$child"
	fi
	printf '%s: interrupted; nothing kept\n' "$me" >&3
	exit "$1"
}
# The trap may run inside a redirection of the reproducer's stderr: it
# writes to the script's own, kept as fd 3.
exec 3>&2
trap cleanup EXIT
trap 'interrupted 130' INT
trap 'interrupted 143' TERM
set -C

# Runs a program in the background and waits for it, so that INT and TERM
# reach their trap at once; its status is left in $status.
run_child() {
	"$@" 3>&- &
	child=$!
	wait "$child"
	status=$?
	child=
}

# The copies, trimmed as src/capture.ts trims them: the first processor of
# cpuinfo, CapEff of status, uid_map's ranges, container= of PID 1's
# environment (never the rest: it can hold secrets). Each file is read
# whole first, so an unreadable one is told apart from an empty one.
copied=0
missing=
unreadable=
notplain=
for rel in $FILES; do
	src=${from%/}/$rel
	if [ ! -e "$src" ] && [ ! -L "$src" ]; then
		missing="$missing /$rel"
		continue
	fi
	# Never through a link, never a FIFO or device (the read would block).
	if [ ! -f "$src" ] || [ -L "$src" ]; then
		notplain="$notplain /$rel"
		continue
	fi
	dst=$rel
	mkdir -p -- "$(dirname -- "$dst")" || die "cannot create a folder for $out/$dst"
	if ! cat 2>/dev/null <"$src" >"$dst.read"; then
		unreadable="$unreadable /$rel"
		rm -f -- "$dst.read"
		continue
	fi
	case $rel in
	proc/cpuinfo) awk '/^[ \t]*$/ { exit } { print }' ;;
	proc/self/status) grep '^CapEff:' ;;
	proc/self/uid_map) awk '{ $1 = $1; if (NF) print }' ;;
	proc/1/environ)
		# One variable a line (a newline inside one is \001 meanwhile).
		tr '\012\000' '\001\012' | grep '^container=' | tr '\012\001' '\000\012'
		;;
	*) cat ;;
	esac <"$dst.read" >"$dst"
	rm -f -- "$dst.read"
	copied=$((copied + 1))
done
echo "captured $copied files into $out${missing:+; not on this machine:$missing}${unreadable:+; unreadable:$unreadable}${notplain:+; not a plain file, not copied:$notplain}"

# The reproducer, where a compiler exists.
meta=sigvec/capture.txt
mkdir -- sigvec || die "cannot create $out/sigvec"
set +C
note() { printf '%s=%s\n' "$1" "$2" >>"$meta"; }
note script "scripts/capture.sh ${version:-unknown}"
note date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
note uname "$(uname -a)"

cc=${CC:-cc}
if [ "$reproduce" = no ]; then
	note reproducer 'not run (--no-reproduce)'
	echo "reproducer: not run (--no-reproduce)"
elif ! command -v "$cc" >/dev/null 2>&1; then
	note reproducer "not run: no C compiler ($cc)"
	echo "reproducer: not run: no C compiler here (looked for $cc; set CC to name one); the files alone are captured"
elif [ ! -f "$native/sigvec-repro.c" ]; then
	note reproducer "not run: no sources in $native"
	echo "reproducer: not run: its sources are not in $native"
else
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/sigvec-capture.XXXXXX") ||
		die "cannot make a temp folder"
	note compiler "$("$cc" --version 2>&1 | head -n 1)"
	echo "reproducer: building with $cc"
	run_child "$cc" -O2 -Wall -Wextra -pthread -o "$tmp/sigvec-repro" "$native"/*.c >"$tmp/build.log" 2>&1
	note build-exit "$status"
	if [ "$status" -ne 0 ]; then
		tail -n 20 "$tmp/build.log" >&2
		note reproducer 'not run: the build failed'
		echo "reproducer: not run: the build failed (exit $status); the files alone are captured"
	else
		jsonl=sigvec/reproducer.jsonl
		with_self_test_args run_child "$tmp/sigvec-repro" >"$tmp/stdout" 2>"$tmp/stderr"
		cat "$tmp/stdout" >>"$jsonl"
		note self-test-exit "$status"
		if grep '"result":"corrupted"' "$tmp/stdout" | grep -q '"leakedFrom":"injected"'; then
			echo "reproducer: the self-test found its injected corruption"
			resolved=$(sed -n 's/^.*"mode":"\([a-z]*\)".*$/\1/p' "$tmp/stdout")
			case $resolved in uffd | io | stress) ;; *) resolved=$mode ;; esac
			echo "reproducer: the real run, $resolved mode, up to $duration s"
			with_run_args run_child "$resolved" "$tmp/sigvec-repro" >"$tmp/stdout" 2>"$tmp/stderr"
			cat "$tmp/stdout" >>"$jsonl"
			note run-exit "$status"
			echo "reproducer: the real run ended (exit $status)"
		else
			note reproducer 'the self-test did not find its injected corruption; no real run'
			echo "reproducer: the self-test did not find its injected corruption (exit $status); no real run"
		fi
	fi
fi
done_ok=yes
echo "judge it elsewhere with: sigvec-check --root $out"
