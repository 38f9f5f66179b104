#!/usr/bin/env bash
# make-lab.sh OUT_DIR: builds the two kernels of a lab (docs/lab.md) from a
# kernel.org tarball: Linux 5.4.1 as released (has the AVX signal-frame bug
# when GCC >= 9 compiles it) and the same tree with upstream commit
# 59c4bd853abc applied (fixed). Writes OUT_DIR/bzImage-5.4.1-affected,
# OUT_DIR/bzImage-5.4.1-fixed and OUT_DIR/config-5.4.1.
#
# Run end to end by a user (issue 16) from a local file:// copy of the
# 5.4.1 tarball and kernel.org's checksum list: it built both kernels and
# raised no warning; the affected kernel corrupted at the 2nd delivery
# in uffd mode, naming the leak, and the fixed one stayed clean over
# 1 762 deliveries. See docs/lab.md for what to check afterwards.
#
# Env: CC (default gcc; must be GCC 9 or later), HOSTCC (default $CC),
#      JOBS (default nproc), WORK (scratch dir, default a new temp dir),
#      KERNEL_URL (the tarball; default kernel.org's) and KERNEL_SUMS_URL
#      (the checksum list it must be in; default kernel.org's sha256sums.asc):
#      any URL curl fetches, e.g. a mirror or a local file:///path copy.
# Needs: curl, xz, make, flex, bison, bc, lz4, libelf-dev, a GCC >= 9.
set -euo pipefail

VERSION=5.4.1
TARBALL=linux-$VERSION.tar.xz
KERNEL_URL=${KERNEL_URL:-https://cdn.kernel.org/pub/linux/kernel/v5.x/$TARBALL}
KERNEL_SUMS_URL=${KERNEL_SUMS_URL:-https://cdn.kernel.org/pub/linux/kernel/v5.x/sha256sums.asc}
OUT=${1:?usage: make-lab.sh OUT_DIR}
CC=${CC:-gcc}
HOSTCC=${HOSTCC:-$CC}
JOBS=${JOBS:-$(nproc)}

die() {
  echo "make-lab.sh: $*" >&2
  exit 1
}

# A refused download leaves nothing behind in the scratch folder.
refuse() {
  rm -rf -- "$TARBALL" sha256sums.asc "linux-$VERSION"
  die "$@"
}

# Only GCC 9+ keeps the stale per-CPU pointer across the retry loop: an older
# compiler builds a kernel without the bug, and the "affected" image would lie.
major=$("$CC" -dumpversion | cut -d. -f1)
if ! "$CC" -v 2>&1 | grep -q '^gcc version' || [ "$major" -lt 9 ]; then
  die "$CC is not GCC 9 or later; the bug needs GCC >= 9"
fi

# OUT_DIR is made only once there is something to put in it.
case "$OUT" in
/*) ;;
*) OUT=$PWD/$OUT ;;
esac
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/make-lab.XXXXXX")}
cd "$WORK"

# The tarball, checked against kernel.org's signed list of checksums (verify
# that list's signature with gpg too if you have the kernel.org keys). A
# tarball that does not match is removed, and nothing is built.
rm -f -- "$TARBALL" sha256sums.asc
curl -fsSL -o "$TARBALL" -- "$KERNEL_URL" ||
  refuse "cannot fetch the tarball from $KERNEL_URL (KERNEL_URL)"
curl -fsSL -o sha256sums.asc -- "$KERNEL_SUMS_URL" ||
  refuse "cannot fetch the checksum list from $KERNEL_SUMS_URL (KERNEL_SUMS_URL)"
expected=$(awk -v f="$TARBALL" '$2 == f { print $1 }' sha256sums.asc)
[[ "$expected" =~ ^[0-9a-f]{64}$ ]] ||
  refuse "the checksum list from $KERNEL_SUMS_URL has no single SHA-256 line for $TARBALL; nothing was built"
actual=$(sha256sum "$TARBALL" | cut -d' ' -f1)
[ "$actual" = "$expected" ] ||
  refuse "$TARBALL from $KERNEL_URL has SHA-256 $actual, but $KERNEL_SUMS_URL lists $expected; nothing was built"
echo "make-lab.sh: $TARBALL from $KERNEL_URL matches $KERNEL_SUMS_URL"
rm -rf "linux-$VERSION"
tar -xJf "$TARBALL" || refuse "cannot unpack $TARBALL from $KERNEL_URL"
# A list that matched a wrong tarball (a mirror's own list) must not make it
# the lab's 5.4.1: the tree's Makefile says which release it is.
release=$(awk '$2 == "=" && $1 ~ /^(VERSION|PATCHLEVEL|SUBLEVEL)$/ { v[$1] = $3 }
  END { print v["VERSION"] "." v["PATCHLEVEL"] "." v["SUBLEVEL"] }' \
  "linux-$VERSION/Makefile" 2>/dev/null || true)
[ "$release" = "$VERSION" ] ||
  refuse "$TARBALL from $KERNEL_URL does not hold Linux $VERSION (linux-$VERSION/Makefile says '$release'); nothing was built"
cd "linux-$VERSION"

kmake() { make -j"$JOBS" CC="$CC" HOSTCC="$HOSTCC" "$@"; }

# tinyconfig, then what a guest running one static payload needs, full
# preemption and 1000 Hz ticks (more preemption points during the fault-in),
# userfaultfd (the reproducer's uffd mode), and no retpoline.
kmake tinyconfig
enable=(64BIT SMP PREEMPT HZ_1000 USERFAULTFD ADVISE_SYSCALLS POSIX_TIMERS
  HIGH_RES_TIMERS FUTEX EPOLL SIGNALFD TIMERFD EVENTFD SHMEM AIO
  BLK_DEV_INITRD RD_GZIP BINFMT_ELF DEVTMPFS PROC_FS SYSFS TTY PRINTK
  SERIAL_8250 SERIAL_8250_CONSOLE ACPI PCI KALLSYMS
  CC_OPTIMIZE_FOR_PERFORMANCE KERNEL_LZ4)
disable=(PREEMPT_NONE PREEMPT_VOLUNTARY HZ_100 HZ_250 HZ_300
  CC_OPTIMIZE_FOR_SIZE KERNEL_GZIP KERNEL_XZ RETPOLINE MODULES)
for o in "${enable[@]}"; do scripts/config --enable "$o"; done
for o in "${disable[@]}"; do scripts/config --disable "$o"; done
scripts/config --set-val NR_CPUS 8
kmake olddefconfig
# Kconfig drops an option whose dependencies are unmet without a word.
for o in "${enable[@]}"; do
  grep -qx "CONFIG_$o=y" .config || die "CONFIG_$o did not stick"
done
mkdir -p "$OUT"
cp .config "$OUT/config-$VERSION"

kmake bzImage
cp arch/x86/boot/bzImage "$OUT/bzImage-$VERSION-affected"
objdump -d --no-show-raw-insn vmlinux >"$WORK/affected.dis"

# Upstream commit 59c4bd853abc ("x86/fpu: Don't cache access to
# fpu_fpregs_owner_ctx", in 5.4.2 and 5.5): fpregs_state_valid() reads the
# owner pointer with this_cpu_read(), which the compiler may not cache,
# instead of this_cpu_read_stable(). One line; check it changed exactly one.
header=arch/x86/include/asm/fpu/internal.h
before='fpu == this_cpu_read_stable(fpu_fpregs_owner_ctx)'
after='fpu == this_cpu_read(fpu_fpregs_owner_ctx)'
[ "$(grep -cF "$before" "$header")" -eq 1 ] ||
  die "$header does not look like $VERSION's"
sed -i "s/this_cpu_read_stable(fpu_fpregs_owner_ctx)/this_cpu_read(fpu_fpregs_owner_ctx)/" "$header"
grep -qF "$after" "$header"

kmake bzImage
cp arch/x86/boot/bzImage "$OUT/bzImage-$VERSION-fixed"
objdump -d --no-show-raw-insn vmlinux >"$WORK/fixed.dis"

# The fix must change the code that writes signal frames; if it did not, the
# compiler did not cache the pointer and both kernels behave alike.
fn() {
  awk '/<copy_fpstate_to_sigframe>:$/ {on=1; next} on && /^$/ {exit}
       on {print $2}' "$1"
}
if [ "$(fn "$WORK/affected.dis")" = "$(fn "$WORK/fixed.dis")" ]; then
  echo "make-lab.sh: warning: copy_fpstate_to_sigframe is the same in both" \
    "builds; the affected kernel may not have the bug" >&2
fi
echo "lab kernels in $OUT (scratch: $WORK)"
